"""`mbcnav ask`: JSON shape, empty answers, patient files and bad input (exit 2)."""

import json
from pathlib import Path

from click.testing import CliRunner

from mbcnav.cli import main

EXAMPLES = Path("/work/shared/spec/examples")
PATIENT = """format: mbcnav-patient/1
receptors: {er: negative, pr: negative, her2: IHC 0}
metastases:
  - site: liver
"""


def run(*args):
    return CliRunner().invoke(main, ["ask", *args])


def test_json_shape_matches_the_spec():
    result = run("what does stage 4 breast cancer mean", "--json", "--top", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"question", "answers"} and data["question"].startswith("what does")
    assert 1 <= len(data["answers"]) <= 2
    for a in data["answers"]:
        assert set(a) == {"text", "article", "title", "url", "sources", "score"}
        assert a["url"].startswith(f"/library/{a['article']}/#")
        assert isinstance(a["score"], float) and a["text"]
        assert a["sources"] and all(set(s) == {"title", "publisher", "url"} for s in a["sources"])
    scores = [a["score"] for a in data["answers"]]
    assert scores == sorted(scores, reverse=True)


def test_off_topic_gives_an_empty_list_and_a_sentence():
    data = json.loads(run("how do I bake bread", "--json").output)
    assert data["answers"] == []
    text = run("how do I bake bread").output
    assert "no passage" in text


def test_human_output_names_sources():
    result = run("what is HER2-low")
    assert result.exit_code == 0 and "Source:" in result.output and "/library/" in result.output


def test_patient_file_is_accepted(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(PATIENT)
    result = run("which chemotherapy might I get", "--patient", str(path), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["answers"]


def test_bad_input_exits_2_with_one_sentence(tmp_path):
    empty = run("   ")
    assert empty.exit_code == 2 and "question is empty" in empty.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: mbcnav-patient/1\nreceptors: {her2: IHC 7+}\n")
    result = run("anything", "--patient", str(bad))
    assert result.exit_code == 2 and "her2" in result.output.lower()
    assert run("what is NED", "--top", "0").exit_code == 2
