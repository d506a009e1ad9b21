"""Import of the real fixture bundles: what is mapped, what is skipped, and why."""

import copy
import json
from datetime import date

import pytest
from mbcnav_fhir_test_support import FIXTURES, fixture, stu1_bundle

from mbcnav.fhir import FhirError, import_bundle, merge_records
from mbcnav.patient import parse

ALL_FIXTURES = [
    "TrialMatching_Patient01.json",
    "TrialMatching_Patient02.json",
    "eom_patient_1.json",
    "ctm-service_patient_data.json",
]


def skipped(report) -> dict[str, str]:
    return {line.resource: line.detail for line in report.lines if line.action == "skipped"}


def imported(report) -> dict[str, str]:
    return {line.resource: line.detail for line in report.lines if line.action == "imported"}


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_every_fixture_imports_to_a_valid_record_with_one_report_line_per_resource(name):
    bundle = fixture(name)
    record, report = import_bundle(bundle)
    parse(record)  # valid patient file
    assert len(report.lines) == len(bundle["entry"])
    assert report.imported_count > 0
    for line in report.lines:
        assert line.action in ("imported", "skipped")
        assert line.detail.endswith(".") and "\n" not in line.detail


def test_trial_matching_patient_01():
    record, report = import_bundle(fixture("TrialMatching_Patient01.json"))
    assert record["sex"] == "female" and record["birth_date"] == "1959-01-01"
    assert [m["site"] for m in record["metastases"]] == ["lymph nodes", "liver", "bone"]
    assert record["receptors"] == {"er": "positive", "pr": "positive", "her2": "negative"}
    assert record["biomarkers"] == {"MSI": "high", "ESR1": "mutated", "PIK3CA": "mutated"}
    assert record["metastatic_diagnosis"] == {
        "de_novo": True,
        "first_diagnosis_stage": "IV",
        "histology": "ductal",
    }
    assert record["ecog"] == 1
    drugs = [t["drugs"] for t in record["treatments"]]
    assert drugs == [
        ["leuprolide"],
        ["fulvestrant"],
        ["abemaciclib"],
        ["fulvestrant"],
        ["ribociclib"],
    ]
    ongoing = [t for t in record["treatments"] if "end" not in t]
    assert [t["drugs"] for t in ongoing] == [["abemaciclib"], ["fulvestrant"], ["ribociclib"]]
    assert any("not a valid FHIR id" in note for note in report.notes)  # Bundle.id with '_'


def test_trial_matching_patient_02_reports_unknown_genes_and_joins_nothing_it_should_not():
    record, report = import_bundle(fixture("TrialMatching_Patient02.json"))
    why = skipped(report)
    gene_lines = [d for r, d in why.items() if "GeneticVariant" in r]
    assert len(gene_lines) == 3 and all("not one in the code table" in d for d in gene_lines)
    kinds = [t.get("type", "systemic") for t in record["treatments"]]
    assert kinds.count("surgery") == 1 and kinds.count("radiation") == 3  # one RT course repeats
    assert {"type": "surgery", "procedure": "lumpectomy", "date": "2019-03-01"} in record[
        "treatments"
    ]
    assert record["biomarkers"]["TMB"] == "low"
    repeat = [d for r, d in why.items() if "RadiationProcedure02" in r]
    assert repeat and "repeats an earlier entry" in repeat[0]


def test_eom_patient_keeps_the_most_recent_receptor_results_and_the_disease_status():
    record, report = import_bundle(fixture("eom_patient_1.json"))
    assert record["receptors"]["er"] == "negative"  # 2022 result beats the 2018 one
    assert record["receptors"]["biopsy_date"] == "2022-01-02"
    why = skipped(report)
    assert "more recent ER result" in why["Observation/tumor-marker-test-er-jenny-m"]
    assert (
        "TNM T, N or M category" in why["Observation/tnm-clinical-distant-metastases-category-cM0"]
    )
    assert record["assessments"] == [{"date": "2024-01-01", "status": "regression"}]
    assert record["metastases"] == [{"site": "lung"}]
    assert record["ecog"] == 3
    assert [t["drugs"] for t in record["treatments"]] == [["abemaciclib"], ["alpelisib"]]


def test_ctm_service_bundle_skips_invalid_duplicate_and_foreign_resources():
    record, report = import_bundle(fixture("ctm-service_patient_data.json"))
    why = skipped(report)
    invalid = [d for d in why.values() if "fails FHIR R4 validation" in d]
    assert len(invalid) == 3  # the Observations with two value[x]
    assert all("more than one value[x]" in d for d in invalid)
    assert sum("duplicate of an earlier entry" in d for d in why.values()) == 5
    assert sum("belongs to another person" in d for d in why.values()) == 3
    assert record["metastases"] == [{"site": "other", "date": "2017-07-21"}]
    radiation = [t for t in record["treatments"] if t.get("type") == "radiation"]
    assert [t.get("site") for t in radiation] == [None, "brain", None]


def test_official_stu1_examples_keep_only_what_belongs_to_breast_cancer():
    record, report = import_bundle(stu1_bundle())
    why = skipped(report)
    taken = imported(report)
    # another primary cancer stays out of the record (the import contract)
    assert "not breast cancer" in why["Condition/mCODEPrimaryCancerConditionExample01"]
    assert "conditions" not in record
    assert "not breast cancer" in why["Condition/mCODESecondaryCancerConditionExample01"]
    # STU1 writes the Karnofsky score as a LOINC answer only (LA29176-7: 90)
    assert taken["Observation/mCODEKarnofskyPerformanceStatusExample01"] == "Karnofsky 90."
    assert record["karnofsky"] == 90
    assert record["ecog"] == 0  # the person's, whatever the cancer
    # the disease status names no cancer, and the only cancer here is lung cancer
    assert "not linked to a breast cancer" in why["Observation/mCODECancerDiseaseStatusExample01"]
    assert "assessments" not in record


@pytest.mark.parametrize(
    "path", sorted((FIXTURES / "hl7-mcode-ig-stu1-examples").glob("*.json")), ids=lambda p: p.name
)
def test_a_single_resource_file_is_read_as_a_bundle_of_one(path):
    record, report = import_bundle(path.read_bytes())
    assert len(report.lines) == 1
    assert report.notes and "bundle of one" in report.notes[0]
    parse(record)


# ------------------------------------------------------------------- negative cases
BROKEN = {
    "truncated JSON": lambda: (FIXTURES / "eom_patient_1.json").read_bytes()[:500],
    "a JSON list": lambda: json.dumps([fixture("eom_patient_1.json")]),
    "no resourceType": lambda: {"type": "collection", "entry": []},
    "no entries": lambda: {"resourceType": "Bundle", "type": "collection", "entry": []},
    "entry not a list": lambda: {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": {"resource": {}},
    },
    "a patient file instead": lambda: b"format: mbcnav-patient/1\nsex: female\n",
    "two different people": lambda: {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": fixture("TrialMatching_Patient01.json")["entry"][:1]
        + fixture("TrialMatching_Patient02.json")["entry"][:1],
    },
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_input_fails_with_one_clear_sentence(case):
    with pytest.raises(FhirError) as err:
        import_bundle(BROKEN[case]())
    message = str(err.value)
    assert message.endswith(".") and "\n" not in message and len(message) < 200
    assert "Traceback" not in message


def test_a_resource_of_a_type_fhir_does_not_have_is_skipped_with_a_reason():
    bundle = fixture("eom_patient_1.json")
    bundle["entry"].append({"resource": {"resourceType": "Tumour", "id": "t1"}})
    bundle["entry"].append({"fullUrl": "urn:uuid:nothing"})
    _, report = import_bundle(bundle)
    why = skipped(report)
    assert "not a FHIR R4 resource type" in why["Tumour/t1"]
    assert "holds no resource" in why[f"entry {len(bundle['entry'])}"]


# ------------------------------------------------------------- idempotent, atomic
@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_importing_twice_gives_the_same_record(name):
    first, _ = import_bundle(fixture(name))
    second, _ = import_bundle(fixture(name))
    assert first == second


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_a_bundle_that_repeats_all_its_entries_gives_no_duplicates(name):
    bundle = fixture(name)
    doubled = copy.deepcopy(bundle)
    doubled["entry"] = bundle["entry"] + copy.deepcopy(bundle["entry"])
    assert import_bundle(doubled)[0] == import_bundle(bundle)[0]


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_merging_an_import_twice_is_the_same_as_once(name):
    existing = {
        "format": "mbcnav-patient/1",
        "name": "Someone",
        "ecog": 2,
        "treatments": [{"drugs": ["letrozole"], "start": "2015-01-01", "end": "2016-01-01"}],
    }
    imported, _ = import_bundle(fixture(name))
    once = merge_records(existing, imported)
    assert merge_records(once, imported) == once
    assert once["name"] == "Someone" and once["ecog"] == 2  # existing values win
    assert len(once["treatments"]) == 1 + len(imported.get("treatments", []))


def test_the_input_bundle_is_not_changed():
    bundle = fixture("TrialMatching_Patient01.json")
    before = copy.deepcopy(bundle)
    import_bundle(bundle)
    assert bundle == before


def test_a_plain_us_core_bundle_without_mcode_profiles():
    """Codes, not profiles, are what the importer reads (Synthea-style US Core data)."""
    pid = "8f7c1b2e-0000-4000-8000-000000000001"
    subject = {"reference": f"urn:uuid:{pid}"}
    snomed, loinc = "http://snomed.info/sct", "http://loinc.org"
    rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm"
    resources = [
        {
            "resourceType": "Patient",
            "id": pid,
            "gender": "female",
            "birthDate": "1961-07-14",
            "name": [{"given": ["Ana"], "family": "Lopez"}],
            "address": [{"postalCode": "60611"}],
        },
        {
            "resourceType": "Encounter",
            "id": "e1",
            "status": "finished",
            "class": {"code": "AMB"},
            "subject": subject,
        },
        {
            "resourceType": "Condition",
            "id": "c1",
            "subject": subject,
            "onsetDateTime": "2018-03-02T10:00:00-05:00",
            "code": {"coding": [{"system": snomed, "code": "254837009"}]},
        },
        {
            "resourceType": "Condition",
            "id": "c2",
            "subject": subject,
            "onsetDateTime": "2023-05-09",
            "code": {
                "coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C78.7"}],
                "text": "Secondary malignant neoplasm of liver",
            },
            "bodySite": [{"text": "liver"}],
        },
        {
            "resourceType": "Condition",
            "id": "c3",
            "subject": subject,
            "code": {
                "coding": [{"system": snomed, "code": "44054006"}],
                "text": "Diabetes mellitus type 2",
            },
        },
        {
            "resourceType": "Observation",
            "id": "o1",
            "status": "final",
            "subject": subject,
            "effectiveDateTime": "2018-03-05",
            "code": {"coding": [{"system": loinc, "code": "85337-4"}]},
            "valueCodeableConcept": {"coding": [{"system": snomed, "code": "10828004"}]},
        },
        {
            "resourceType": "Observation",
            "id": "o2",
            "status": "final",
            "subject": subject,
            "category": [{"coding": [{"code": "vital-signs"}]}],
            "effectiveDateTime": "2023-05-09",
            "code": {"coding": [{"system": loinc, "code": "8867-4"}], "text": "Heart rate"},
            "valueQuantity": {"value": 72, "unit": "/min"},
        },
        {
            "resourceType": "Observation",
            "id": "o3",
            "status": "final",
            "subject": subject,
            "category": [{"coding": [{"code": "laboratory"}]}],
            "effectiveDateTime": "2023-05-10",
            "code": {"coding": [{"system": loinc, "code": "6875-9"}]},
            "valueQuantity": {"value": 61.5, "unit": "U/mL"},
        },
        {
            "resourceType": "MedicationRequest",
            "id": "m1",
            "status": "active",
            "intent": "order",
            "subject": subject,
            "authoredOn": "2023-05-20",
            "medicationCodeableConcept": {
                "coding": [
                    {"system": rxnorm, "code": "200064", "display": "letrozole 2.5 MG Oral Tablet"}
                ]
            },
        },
        {
            "resourceType": "MedicationRequest",
            "id": "m2",
            "status": "active",
            "intent": "order",
            "subject": subject,
            "authoredOn": "2023-01-02",
            "medicationCodeableConcept": {"text": "metformin 500 MG Oral Tablet"},
        },
        {
            "resourceType": "Procedure",
            "id": "p1",
            "status": "completed",
            "subject": subject,
            "performedDateTime": "2018-04-01",
            "code": {"coding": [{"system": snomed, "code": "392021009"}]},
        },
    ]
    bundle = {
        "resourceType": "Bundle",
        "type": "searchset",
        "entry": [{"resource": r} for r in resources],
    }
    record, report = import_bundle(bundle, today=date(2026, 11, 21))
    assert record["name"] == "Ana Lopez" and record["birth_date"] == "1961-07-14"
    assert record["metastatic_diagnosis"] == {
        "date": "2023-05-09",
        "first_diagnosis_date": "2018-03-02",
    }
    assert record["metastases"] == [{"site": "liver", "date": "2023-05-09"}]
    assert record["receptors"] == {"er": "positive", "biopsy_date": "2018-03-05"}
    assert record["labs"] == [
        {"date": "2023-05-10", "test": "CA 15-3", "value": 61.5, "unit": "U/mL"}
    ]
    assert record["treatments"] == [
        {"drugs": ["letrozole"], "start": "2023-05-20"},
        {"type": "surgery", "procedure": "lumpectomy", "date": "2018-04-01"},
    ]
    assert record["conditions"] == [{"name": "diabetes", "detail": "type 2"}]
    why = skipped(report)
    assert set(why) == {"Encounter/e1", "Observation/o2", "MedicationRequest/m2"}
    assert "metformin" in why["MedicationRequest/m2"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "TrialMatching_Patient01.json",
            "Bundle.id '9aa0a829-14be-4951-84e7-5dd453708011_1' is not a valid FHIR id",
        ),
        (
            "TrialMatching_Patient02.json",
            "Bundle.id '9aa0a829-14be-4951-84e7-5dd453708011_2' is not a valid FHIR id",
        ),
        (
            "ctm-service_patient_data.json",
            "Observation/95d74cb0-15d5-44dd-a289-b622bfed80be cannot be imported",
        ),
    ],
)
def test_strict_mode_refuses_the_out_of_spec_fixtures_with_one_sentence(name, expected):
    with pytest.raises(FhirError) as err:
        import_bundle(fixture(name), strict=True)
    assert str(err.value).startswith(expected)
    assert str(err.value).endswith(".") and "\n" not in str(err.value)


def test_strict_mode_accepts_the_valid_fixtures():
    assert (
        import_bundle(fixture("eom_patient_1.json"), strict=True)[0]
        == import_bundle(fixture("eom_patient_1.json"))[0]
    )
    import_bundle(stu1_bundle(), strict=True)
