import json

from click.testing import CliRunner

from mbcnav.cli import main


def run(*args):
    return CliRunner().invoke(main, ["care", *args])


def test_find_json_sorted_by_distance():
    result = run("find", "10032", "--top", "4", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    miles = [c["miles"] for c in data["centers"]]
    assert len(miles) == 4 and miles == sorted(miles)
    assert data["organizations"] == []


def test_find_with_category_lists_organisations():
    data = json.loads(
        run("find", "60611", "--within-miles", "10", "--category", "financial", "--json").output
    )
    assert all(c["miles"] <= 10 for c in data["centers"]) and data["centers"]
    assert data["organizations"] and all(
        "financial" in o["categories"] for o in data["organizations"]
    )


def test_unknown_zip_exits_2_with_one_sentence():
    result = run("find", "00000")
    assert result.exit_code == 2
    assert "00000" in result.output and "Traceback" not in result.output


def test_orgs_text():
    result = run("orgs", "--category", "helpline")
    assert result.exit_code == 0
    assert "800-227-2345" in result.output


def test_bad_category_is_usage_error():
    assert run("orgs", "--category", "cooking").exit_code == 2
