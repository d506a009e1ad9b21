"""``mbcnav check``: the spec's JSON for the example files, one sentence and exit 2 for bad ones."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mbcnav.cli import main

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "spec" / "examples"
LOCAL = Path(__file__).parent / "examples"


def example(name: str) -> Path:
    path = EXAMPLES / name
    return path if path.exists() else LOCAL / name


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_hr_positive_second_line_json():
    result = run(
        "check", str(example("hr-positive-second-line.yaml")), "--json", "--date", "2025-07-01"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["valid"] is True
    assert data["subtype"] == "HR+/HER2-" and data["her2_category"] == "low"
    assert data["de_novo"] is False
    assert data["sites"] == ["liver", "bone"]
    assert data["lines"] == [
        {
            "number": 1,
            "drugs": ["letrozole", "palbociclib"],
            "classes": ["aromatase inhibitor", "CDK4/6 inhibitor"],
            "start": "2023-02-15",
            "end": "2025-05-01",
            "months": 26.5,
            "stop_reason": "progression",
        },
        {
            "number": 2,
            "drugs": ["elacestrant"],
            "classes": ["SERD"],
            "start": "2025-05-20",
            "end": None,
            "months": None,
            "stop_reason": None,
        },
    ]
    assert data["current_treatment"]["drugs"] == ["elacestrant"]
    assert data["current_treatment"]["supportive"] == ["denosumab"]


def test_triple_negative_de_novo_json():
    result = run(
        "check", str(example("triple-negative-de-novo.yaml")), "--json", "--date", "2025-07-01"
    )
    data = json.loads(result.output)
    assert (data["subtype"], data["her2_category"], data["de_novo"]) == (
        "triple-negative",
        "zero",
        True,
    )
    assert data["sites"] == ["lung", "lymph nodes"]
    assert [ln["drugs"] for ln in data["lines"]] == [["pembrolizumab", "paclitaxel"]]
    assert data["lines"][0]["classes"] == ["immune checkpoint inhibitor", "chemotherapy"]


def test_invalid_her2_exits_2_with_one_sentence_naming_her2():
    result = run("check", str(example("invalid-her2.yaml")))
    assert result.exit_code == 2
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1
    assert "her2" in lines[0] and "IHC 4+" in lines[0] and "IHC 3+" in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "content,field",
    [
        ("format: mbcnav-patient/1\nsex: [\n", "YAML"),
        ('{"format": "mbcnav-patient/1", ', "JSON"),
        ("format: mbcnav-patient/1\nmetastases:\n  - site: moon\n", "metastases[0].site"),
    ],
)
def test_bad_files_exit_2(tmp_path, content, field):
    path = tmp_path / ("p.json" if content.startswith("{") else "p.yaml")
    path.write_text(content)
    result = run("check", str(path))
    assert result.exit_code == 2 and field in result.stderr


def test_json_patient_file_and_human_output(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(
        json.dumps(
            {
                "format": "mbcnav-patient/1",
                "receptors": {"er": "positive", "pr": "negative", "her2": "IHC 0"},
                "treatments": [{"drugs": ["Kisqali-typo"], "start": "2024-01-01"}],
            }
        )
    )
    result = run("check", str(path))
    assert result.exit_code == 0
    assert "HR+/HER2-" in result.output and "Kisqali-typo" in result.output


def test_missing_file_exit_2():
    result = run("check", "/nonexistent/file.yaml")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_report_wording_is_shown_as_understood(tmp_path):
    path = tmp_path / "report.yaml"
    path.write_text(
        "format: mbcnav-patient/1\n"
        "biomarkers:\n"
        "  - ESR1 D538G mutation detected (ctDNA, VAF 3%)\n"
        "  - ERBB2 amplification\n"
        "  - PD-L1 CPS 15 (22C3)\n"
        "treatments:\n"
        "  - {drugs: [capecitabine], setting: 2L, start: 2025-01-01}\n"
        "  - {drugs: [dexamethasone], setting: palliative, start: 2025-02-01}\n",
        encoding="utf-8",
    )
    data = json.loads(run("check", str(path), "--json", "--date", "2025-07-01").output)
    assert data["biomarkers"] == {
        "ESR1": "mutated D538G (ctDNA, VAF 3%)",
        "HER2 amplification": "amplified",
        "PD-L1": "CPS 15 (22C3)",
    }
    assert [ln["drugs"] for ln in data["lines"]] == [["capecitabine"]]
    text = run("check", str(path), "--date", "2025-07-01").output
    assert "Biomarkers: ESR1 mutated D538G (ctDNA, VAF 3%); HER2 amplification amplified" in text
    bad = run("check", str(path).replace("report", "missing"))
    assert bad.exit_code == 2
