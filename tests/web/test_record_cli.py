"""``mbcnav import`` / ``mbcnav export`` (the record group) against the test database."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from mbcnav.cli.record import command, export_command, import_command
from mbcnav.patient import PatientFileError, loads
from mbcnav.web.record import services


@pytest.fixture(autouse=True)
def _no_setup(monkeypatch):
    """pytest-django already configured Django; the commands must not set it up again."""
    monkeypatch.setattr("mbcnav.cli.record.setup_django", lambda: None)


def test_export_then_import_round_trip(patient, stranger, tmp_path):
    runner = CliRunner()
    out = runner.invoke(export_command, ["--user", patient.email, "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["name"] == "Demo Patient"
    path = tmp_path / "p.json"
    path.write_text(out.output)
    res = runner.invoke(command, ["import", str(path), "--user", stranger.email])
    assert res.exit_code == 0, res.output
    assert services.patient_for(stranger) == services.patient_for(patient)


def test_bad_file_exits_2_and_changes_nothing(patient, tmp_path):
    before = services.export_patient(patient)
    path = tmp_path / "bad.yaml"
    path.write_text("format: mbcnav-patient/1\necog: 7\n")
    res = CliRunner().invoke(command, ["import", str(path), "--user", patient.email])
    # the PatientFileError reaches `mbcnav`'s group, which prints its sentence and exits 2
    assert isinstance(res.exception, PatientFileError)
    assert str(res.exception).startswith("ecog: 7 is out of range")
    assert services.export_patient(patient) == before


def test_unknown_user(tmp_path, db):
    path = tmp_path / "p.yaml"
    path.write_text("format: mbcnav-patient/1\n")
    res = CliRunner().invoke(import_command, [str(path), "--user", "nobody@example.org"])
    assert res.exit_code == 2 and "no account" in res.output
    res = CliRunner().invoke(
        import_command, [str(path), "--user", "nobody@example.org", "--create"]
    )
    assert res.exit_code == 0
    yaml_out = CliRunner().invoke(export_command, ["--user", "nobody@example.org"]).output
    assert loads(yaml_out).format == "mbcnav-patient/1"
