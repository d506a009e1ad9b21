"""The ``mbcnav fhir`` commands: output files, reports, exit codes, atomic writes."""

import json

import yaml
from click.testing import CliRunner
from mbcnav_fhir_test_support import EXAMPLES, FIXTURES, VALID_EXAMPLES

from mbcnav.cli import main
from mbcnav.patient import load


def run(*args):
    return CliRunner().invoke(main, ["fhir", *args])


def test_export_to_stdout_and_to_a_file(tmp_path):
    result = run("export", str(VALID_EXAMPLES[0]))
    assert result.exit_code == 0
    assert json.loads(result.output)["resourceType"] == "Bundle"
    out = tmp_path / "bundle.json"
    result = run("export", str(VALID_EXAMPLES[0]), "--out", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text())["type"] == "collection"


def test_export_of_an_invalid_patient_file_exits_2_with_one_sentence():
    result = run("export", str(EXAMPLES / "invalid-her2.yaml"))
    assert result.exit_code == 2
    assert "receptors.her2" in result.output and "Traceback" not in result.output


def test_import_writes_a_valid_patient_file_and_prints_the_report(tmp_path):
    out = tmp_path / "me.yaml"
    result = run(
        "import", str(FIXTURES / "eom_patient_1.json"), "--out", str(out), "--date", "2026-11-21"
    )
    assert result.exit_code == 0, result.output
    assert "17 resources read" in result.output
    assert "Observation/tumor-marker-test-er-jenny-m: skipped:" in result.output
    patient = load(out)
    assert patient.receptors.er == "negative"


def test_import_json_report(tmp_path):
    out = tmp_path / "me.yaml"
    result = run(
        "import", str(FIXTURES / "TrialMatching_Patient01.json"), "--out", str(out), "--json"
    )
    data = json.loads(result.output)
    assert data["imported"] + data["skipped"] == 18 and len(data["lines"]) == 18


def test_a_failed_import_leaves_the_existing_file_untouched(tmp_path):
    out = tmp_path / "me.yaml"
    out.write_text("format: mbcnav-patient/1\nname: Keep Me\n")
    broken = tmp_path / "broken.json"
    broken.write_text('{"resourceType": "Bundle", "entry": [')
    result = run("import", str(broken), "--out", str(out))
    assert result.exit_code == 2
    assert "not valid JSON" in result.output
    assert out.read_text() == "format: mbcnav-patient/1\nname: Keep Me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json", "me.yaml"]


def test_import_with_merge_twice_is_idempotent(tmp_path):
    out = tmp_path / "me.yaml"
    out.write_text("format: mbcnav-patient/1\nname: Keep Me\necog: 2\n")
    bundle = str(FIXTURES / "TrialMatching_Patient02.json")
    assert run("import", bundle, "--out", str(out), "--merge").exit_code == 0
    once = out.read_text()
    assert run("import", bundle, "--out", str(out), "--merge").exit_code == 0
    assert out.read_text() == once
    data = yaml.safe_load(once)
    assert data["name"] == "Keep Me" and data["ecog"] == 2 and len(data["treatments"]) > 10


def test_export_then_import_on_the_command_line(tmp_path):
    bundle, back = tmp_path / "b.json", tmp_path / "back.yaml"
    for path in VALID_EXAMPLES:
        assert run("export", str(path), "--out", str(bundle)).exit_code == 0
        assert run("import", str(bundle), "--out", str(back)).exit_code == 0
        assert load(back) == load(path)


def test_strict_import_refuses_an_out_of_spec_bundle(tmp_path):
    out = tmp_path / "me.yaml"
    result = run(
        "import", str(FIXTURES / "ctm-service_patient_data.json"), "--out", str(out), "--strict"
    )
    assert result.exit_code == 2
    assert "more than one value[x]" in result.output
    assert not out.exists()
