"""pip-audit with no network (issue 16): scripts/audit_offline.py serves the recorded PyPA advisory
database (tests/fixtures/advisories) to pip-audit on loopback, so a known-vulnerable pin fails
the build offline and a clean one passes."""

import importlib.util
from pathlib import Path

import pytest
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("audit_offline", ROOT / "scripts/audit_offline.py")
audit_offline = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit_offline)

# PYSEC-2023-100 lists its ranges out of order, as the database does
EVENTS = [
    {"introduced": "4.2"},
    {"fixed": "4.2.3"},
    {"introduced": "4.0"},
    {"fixed": "4.1.10"},
    {"introduced": "3.2"},
    {"fixed": "3.2.20"},
]


@pytest.mark.parametrize(
    "version, hit",
    [
        ("3.1", False),
        ("3.2.19", True),
        ("3.2.20", False),
        ("4.1.9", True),
        ("4.1.10", False),
        ("4.2", True),
        ("4.2.3", False),
        ("5.0", False),
    ],
)
def test_osv_ranges_are_read_in_version_order(version, hit):
    assert audit_offline.in_range(Version(version), EVENTS) is hit


def test_the_recorded_database_knows_a_django_advisory():
    doc, by_name = audit_offline.load()
    assert doc["commit"] and doc["as_of"] and "CC-BY" in doc["source"]
    ids = {a["id"] for a in audit_offline.query(by_name, "Django", "4.2.0")}
    assert "PYSEC-2023-100" in ids
    assert not audit_offline.query(by_name, "django", "4.2.16")


def test_a_vulnerable_pin_fails_and_a_clean_one_passes_offline(tmp_path, capfd):
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text("django==4.2.0\n")
    good.write_text("django==4.2.16\n")
    assert audit_offline.audit(str(bad)) != 0
    out = capfd.readouterr().out
    assert "PYSEC-2023-100" in out
    assert audit_offline.audit(str(good)) == 0
