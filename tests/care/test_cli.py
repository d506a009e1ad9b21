import gzip
import json

import pytest
from click.testing import CliRunner

from mbcnav.cli import main
from mbcnav.trials.snapshot import snapshot_path


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


# ------------------------------------------------- study phone lines (issue 17), as on the web
@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path, monkeypatch):
    """The real user data folder (a synced trial store) is never read."""
    monkeypatch.setenv("MBCNAV_DATA", str(tmp_path / "mbcnav-data"))


def _snapshot_data() -> dict:
    return json.loads(gzip.decompress(snapshot_path().read_bytes()))


def test_find_gives_the_registry_study_lines_with_their_source():
    result = run("find", "06510", "--top", "1")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Yale Cancer Center" in out
    assert "203-499-9297 (tel:+12034999297): Yale-New Haven Hospital." in out
    assert "Source: ClinicalTrials.gov record NCT05514054," in out
    assert "https://clinicaltrials.gov/study/NCT05514054, last updated 25 Jun 2025" in out
    as_of = _snapshot_data()["as_of"]
    assert "read from the bundled snapshot (newest record " in out and as_of[:4] in out


def test_find_json_gives_each_study_line_its_source():
    data = json.loads(run("find", "06510", "--top", "1", "--json").output)
    yale = data["centers"][0]
    line = next(s for s in yale["study_lines"] if s["phone"] == "203-499-9297")
    assert line["tel"] == "tel:+12034999297" and line["facility"] == "Yale-New Haven Hospital"
    assert line["source"] == {
        "publisher": "ClinicalTrials.gov",
        "nct_id": "NCT05514054",
        "url": "https://clinicaltrials.gov/study/NCT05514054",
        "last_update": "2025-06-25",
        "read": {
            "origin": "snapshot",
            "date": _snapshot_data()["as_of"],
            "store": str(snapshot_path()),
        },
    }
    assert yale["main_line_also_in"] is None


def _synced_store(tmp_path, **site) -> str:
    """A synced store holding one real snapshot record, its first site moved to ``site``."""
    data = _snapshot_data()
    record = json.loads(json.dumps(data["trials"]["NCT05514054"]))
    record["locations"] = [{**record["locations"][0], **site}]
    path = tmp_path / "synced.json"
    store = {**data, "synced": "2026-11-30", "trials": {"NCT05514054": record}, "parses": {}}
    path.write_text(json.dumps(store), "utf-8")
    return str(path)


def test_a_synced_store_says_when_it_was_read_and_a_record_can_confirm_the_main_line(tmp_path):
    contact = {"name": "Trials office", "role": "CONTACT", "phone": "507-284-2511"}
    path = _synced_store(
        tmp_path,
        facility="Mayo Clinic in Rochester",
        zip="55905",
        contacts=[contact, {**contact, "phone": "507-538-7623", "phone_ext": "12"}],
    )
    result = run("find", "55905", "--top", "1", "--store", path)
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Mayo Clinic Comprehensive Cancer Center" in out and "507-284-2511" in out
    assert "The main line is also given by ClinicalTrials.gov record NCT05514054" in out
    assert "507-538-7623 ext. 12 (tel:+15075387623;ext=12): Mayo Clinic in Rochester," in out
    assert "read from ClinicalTrials.gov on 30 Nov 2026" in out
    assert out.count("tel:") == 1  # the main line is not listed twice
    data = json.loads(run("find", "55905", "--top", "1", "--store", path, "--json").output)
    mayo = data["centers"][0]
    assert mayo["main_line_also_in"]["nct_id"] == "NCT05514054"
    assert [s["phone"] for s in mayo["study_lines"]] == ["507-538-7623"]
    assert mayo["study_lines"][0]["source"]["read"]["origin"] == "sync"


def test_a_store_that_cannot_be_read_is_one_sentence_or_a_note(tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    result = run("find", "06510", "--store", str(bad))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "bad.json" in result.output
    # the person's own synced copy is broken: the centers are still listed, with a note
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "trials.json").write_text("{not json", "utf-8")
    monkeypatch.setenv("MBCNAV_DATA", str(folder))
    result = CliRunner().invoke(main, ["care", "find", "06510", "--top", "1"])
    assert result.exit_code == 0 and "Yale Cancer Center" in result.stdout
    assert "Study phone lines are not shown" in result.stderr and "tel:" not in result.stdout
