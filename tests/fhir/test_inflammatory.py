"""Inflammatory breast cancer in FHIR (sixteenth session, issue 14): a primary cancer coded as
SNOMED 254840009 (or named so in its text) imports as `metastatic_diagnosis.inflammatory: true`;
the export says it either way (the navigator's extension) and codes the "yes" in SNOMED, so a
record round-trips."""

from mbcnav.fhir import import_bundle
from mbcnav.fhir.export import export_bundle
from mbcnav.patient import parse

SNOMED = "http://snomed.info/sct"


def _bundle(code: dict) -> dict:
    subject = {"reference": "Patient/p1"}
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"resource": {"resourceType": "Patient", "id": "p1", "gender": "female"}},
            {
                "resource": {
                    "resourceType": "Condition",
                    "id": "c1",
                    "subject": subject,
                    "code": code,
                }
            },
        ],
    }


def test_an_inflammatory_primary_cancer_is_read():
    coded, _ = import_bundle(_bundle({"coding": [{"system": SNOMED, "code": "254840009"}]}))
    assert coded["metastatic_diagnosis"]["inflammatory"] is True
    named, _ = import_bundle(_bundle({"text": "Inflammatory carcinoma of breast"}))
    assert named["metastatic_diagnosis"]["inflammatory"] is True
    plain, _ = import_bundle(_bundle({"coding": [{"system": SNOMED, "code": "254837009"}]}))
    assert "inflammatory" not in plain.get("metastatic_diagnosis", {})


def test_the_field_round_trips_both_ways():
    for value in (True, False):
        record = {
            "format": "mbcnav-patient/1",
            "sex": "female",
            "metastatic_diagnosis": {"date": "2024-03-10", "inflammatory": value},
        }
        back, _ = import_bundle(export_bundle(parse(record)))
        assert back["metastatic_diagnosis"]["inflammatory"] is value


def test_non_inflammatory_text_is_not_read_as_inflammatory():
    record, _ = import_bundle(_bundle({"text": "Non-inflammatory breast carcinoma"}))
    assert "inflammatory" not in record.get("metastatic_diagnosis", {})
