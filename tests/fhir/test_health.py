"""Karnofsky, menopausal status and other health problems through FHIR (issue 14): the export
writes them (LOINC 89243-0 with its LOINC answer; an Observation of our own kind valued with the
SNOMED CT finding of DICOM CID 6086; a problem-list Condition coded with our own condition code),
the import reads them back unchanged and reads other systems' shapes; what cannot be read is
skipped with one sentence."""

import json
from datetime import date

import pytest

from mbcnav.fhir import export_bundle, import_bundle
from mbcnav.fhir.errors import FhirError
from mbcnav.fhir.export import validate_bundle
from mbcnav.fhir.review import proposals
from mbcnav.patient import dump, parse

TODAY = date(2026, 12, 6)
LOINC, SNOMED = "http://loinc.org", "http://snomed.info/sct"
ICD10 = "http://hl7.org/fhir/sid/icd-10-cm"
SUBJECT = {"reference": "Patient/p"}
CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
RECORD = {
    "format": "mbcnav-patient/1",
    "sex": "female",
    "birth_year": 1972,
    "metastatic_diagnosis": {"date": "2024-02-01"},
    "receptors": {"er": "positive", "pr": "positive", "her2": "IHC 1+"},
    "ecog": 1,
    "karnofsky": "KPS 80",
    "menopausal_status": "premenopausal on ovarian suppression",
    "conditions": [
        {
            "name": "HIV on ART, undetectable viral load",
            "status": "controlled",
            "date": "2011-05-01",
        },
        {"name": "melanoma", "status": "past", "date": "2019-02-01", "note": "excised, stage I"},
        {"name": "Gilbert's syndrome"},
        {"name": "NYHA class II heart failure", "status": "active"},
    ],
}


def bundle(*resources: dict) -> dict:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"resource": r if r["resourceType"] == "Patient" else {"subject": SUBJECT, **r}}
            for r in resources
        ],
    }


def lines(report) -> dict:
    return {x.resource: (x.action, x.detail) for x in report.lines}


def test_the_three_facts_survive_the_round_trip_and_the_bundle_is_valid_r4():
    patient = parse(RECORD, today=TODAY)
    exported = json.loads(json.dumps(export_bundle(patient)))
    validate_bundle(exported)
    kinds = [e["resource"] for e in exported["entry"]]
    kps = [r for r in kinds if r.get("code", {}).get("coding", [{}])[0].get("code") == "89243-0"]
    assert kps[0]["valueInteger"] == 80
    assert kps[0]["interpretation"][0]["coding"][0]["code"] == "LA29177-5"
    meno = [r for r in kinds if "menopausal-status" in json.dumps(r.get("code"))][0]
    assert meno["valueCodeableConcept"]["coding"][0] == {
        "system": SNOMED, "code": "309606002", "display": "Before menopause"
    }  # fmt: skip
    problems = [r for r in kinds if "CodeSystem/condition" in json.dumps(r.get("code"))]
    assert len(problems) == 4
    melanoma = problems[1]
    assert melanoma["clinicalStatus"]["coding"][0]["code"] == "resolved"
    assert melanoma["abatementDateTime"] == "2019-02-01" and "onsetDateTime" not in melanoma
    record, report = import_bundle(exported, today=TODAY)
    assert record == dump(patient)
    assert report.skipped_count == 0
    # our own "another cancer" is never taken for a second cancer that casts doubt on the
    # breast cancer's results
    assert record["receptors"]["er"] == "positive"


@pytest.mark.parametrize(
    "observation,score",
    [
        ({"valueInteger": 70}, 70),
        ({"valueCodeableConcept": {"coding": [{"system": LOINC, "code": "LA29176-7"}]}}, 90),
        ({"interpretation": [{"coding": [{"system": LOINC, "code": "LA29184-1"}]}]}, 10),
    ],
)
def test_karnofsky_is_read_as_a_score_or_a_loinc_answer(observation, score):
    obs = {
        "resourceType": "Observation",
        "id": "k",
        "status": "final",
        "code": {"coding": [{"system": LOINC, "code": "89243-0"}]},
        "effectiveDateTime": "2026-10-01",
        **observation,
    }
    record, report = import_bundle(bundle(obs), today=TODAY)
    assert record["karnofsky"] == score
    assert lines(report)["Observation/k"] == ("imported", f"Karnofsky {score}.")


def test_an_impossible_karnofsky_score_is_skipped_with_a_reason():
    obs = {
        "resourceType": "Observation",
        "id": "k",
        "status": "final",
        "code": {"coding": [{"system": LOINC, "code": "89243-0"}]},
        "valueInteger": 85,
    }
    record, report = import_bundle(bundle(obs), today=TODAY)
    assert "karnofsky" not in record
    action, why = lines(report)["Observation/k"]
    assert action == "skipped" and "steps of 10" in why


def test_the_latest_karnofsky_score_wins():
    def obs(i, score, when):
        return {
            "resourceType": "Observation", "id": i, "status": "final",
            "code": {"coding": [{"system": LOINC, "code": "89243-0"}]},
            "valueInteger": score, "effectiveDateTime": when,
        }  # fmt: skip

    record, _ = import_bundle(bundle(obs("a", 90, "2025-01-01"), obs("b", 70, "2026-06-01")))
    assert record["karnofsky"] == 70


@pytest.mark.parametrize(
    "resource,status",
    [
        (
            {"resourceType": "Observation", "status": "final",
             "code": {"text": "Menopausal status"},
             "valueCodeableConcept": {"coding": [{"system": SNOMED, "code": "307429007"}]}},
            "postmenopausal",
        ),
        (
            {"resourceType": "Condition",
             "code": {"coding": [{"system": SNOMED, "code": "309606002", "display": "Before menopause (finding)"}]}},
            "premenopausal",
        ),
        (
            {"resourceType": "Condition", "code": {"text": "Postmenopausal state"}},
            "postmenopausal",
        ),
        (
            {"resourceType": "Observation", "status": "final", "code": {"text": "Menopause status"},
             "valueString": "Perimenopausal"},
            "perimenopausal",
        ),
    ],
)  # fmt: skip
def test_menopausal_status_from_other_systems(resource, status):
    record, report = import_bundle(bundle({"id": "m", **resource}), today=TODAY)
    assert record["menopausal_status"] == status
    assert lines(report)[f"{resource['resourceType']}/m"][0] == "imported"


def test_a_menopausal_status_for_a_man_is_left_out_with_a_report_line():
    man = {"resourceType": "Patient", "id": "p", "gender": "male"}
    meno = {
        "resourceType": "Observation",
        "id": "m",
        "status": "final",
        "code": {"text": "Menopausal status"},
        "valueCodeableConcept": {"coding": [{"system": SNOMED, "code": "307429007"}]},
    }
    record, report = import_bundle(bundle(man, meno), today=TODAY)
    assert record["sex"] == "male" and "menopausal_status" not in record
    assert "only for women" in lines(report)["Observation/m"][1]


def condition(cid: str, code: dict, **extra) -> dict:
    return {"resourceType": "Condition", "id": cid, "code": code, **extra}


def test_other_systems_conditions_are_read_by_code_and_words():
    resources = [
        condition("icd", {"coding": [{"system": ICD10, "code": "E11.9"}]}),
        condition(
            "hiv",
            {"text": "HIV infection"},
            clinicalStatus={"coding": [{"system": CLINICAL, "code": "active"}]},
            onsetDateTime="2009-03-02T10:00:00Z",
        ),
        condition(
            "hbv",
            {"coding": [{"system": ICD10, "code": "B18.1", "display": "Chronic viral hepatitis B without delta-agent"}]},
            clinicalStatus={"coding": [{"system": CLINICAL, "code": "inactive"}]},
            abatementDateTime="2020-01-01",
        ),
        condition(
            "list",
            {"text": "Hyperlipidemia"},
            category=[{"coding": [{"system": CATEGORY, "code": "problem-list-item"}]}],
        ),
    ]  # fmt: skip
    record, report = import_bundle(bundle(*resources), today=TODAY)
    assert record["conditions"] == [
        {"name": "diabetes"},
        {"name": "hiv", "status": "active", "date": "2009-03-02"},
        {"name": "hepatitis b", "status": "past", "date": "2020-01-01",
         "detail": "Chronic viral hepatitis B without delta-agent"},
        {"name": "Hyperlipidemia"},
    ]  # fmt: skip
    assert all(lines(report)[f"Condition/{c['id']}"][0] == "imported" for c in resources)


@pytest.mark.parametrize(
    "resource,words",
    [
        (condition("x", {"text": "HIV infection"},
                   verificationStatus={"coding": [{"code": "refuted"}]}), "not a confirmed diagnosis"),
        (condition("x", {"text": "Family history of heart disease"}), "family history"),
        (condition("x", {"text": "Suspected hepatitis C"}), "family history, suspected"),
        (condition("x", {"coding": [{"system": SNOMED, "code": "160903007", "display": "Full-time employment (finding)"}]},
                   category=[{"coding": [{"code": "problem-list-item"}]}]), "finding or situation"),
        (condition("x", {"text": "Viral sinusitis"},
                   clinicalStatus={"coding": [{"system": CLINICAL, "code": "resolved"}]}), "not on the problem list"),
        (condition("x", {"coding": [{"system": "urn:x", "code": "zz"}]}), "names no health problem"),
    ],
)  # fmt: skip
def test_what_is_not_a_health_problem_of_the_person_is_skipped_with_a_reason(resource, words):
    record, report = import_bundle(bundle(resource), today=TODAY)
    assert "conditions" not in record
    action, why = lines(report)["Condition/x"]
    assert action == "skipped" and words in why and why.endswith(".")


def test_a_huge_condition_name_is_shortened_not_refused():
    record, _ = import_bundle(
        bundle(condition("x", {"text": "Gout " + "very " * 100},
                         category=[{"coding": [{"code": "problem-list-item"}]}])),
        today=TODAY,
    )  # fmt: skip
    assert len(record["conditions"][0]["name"]) <= 120


def test_a_nul_in_a_condition_refuses_the_bundle_with_one_sentence():
    with pytest.raises(FhirError) as err:
        import_bundle(bundle(condition("x", {"text": "HIV\x00"})), today=TODAY)
    assert "NUL" in str(err.value) and "\n" not in str(err.value)


def test_the_review_lists_the_new_facts_in_words():
    incoming = dump(parse(RECORD, today=TODAY))
    items = proposals({"format": "mbcnav-patient/1", "sex": "female"}, incoming, today=TODAY)
    sections = {p.section for p in items}
    assert {"Other health problems", "Menopause", "Activity level (Karnofsky)"} <= sections
    hiv = [p for p in items if p.section == "Other health problems" and "hiv" in p.text][0]
    assert hiv.kind == "new" and "undetectable viral load" in hiv.text


def test_an_mcode_comorbidities_observation_gives_the_conditions_it_lists_as_present():
    mcode = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
    obs = {
        "resourceType": "Observation",
        "id": "co",
        "meta": {"profile": [f"{mcode}mcode-comorbidities"]},
        "status": "final",
        "code": {"coding": [{"system": LOINC, "code": "78923-0"}]},
        "effectiveDateTime": "2026-01-10",
        "extension": [
            {"url": f"{mcode}mcode-related-condition",
             "valueCodeableConcept": {"coding": [{"system": SNOMED, "code": "44054006", "display": "Diabetes mellitus type 2"}]}},
            {"url": f"{mcode}mcode-related-condition",
             "valueCodeableConcept": {"coding": [{"system": ICD10, "code": "I50.9"}]}},
            {"url": f"{mcode}mcode-related-condition-absent",
             "valueCodeableConcept": {"text": "HIV infection"}},
            {"url": f"{mcode}mcode-related-condition", "valueReference": {"reference": "Condition/x"}},
        ],
        "dataAbsentReason": {"coding": [{"code": "not-permitted"}]},
    }  # fmt: skip
    record, report = import_bundle(bundle(obs), today=TODAY)
    assert record["conditions"] == [
        {"name": "diabetes", "date": "2026-01-10", "detail": "type 2"},
        {"name": "heart failure", "date": "2026-01-10"},
    ]  # HIV is asserted absent: never taken
    assert lines(report)["Observation/co"][0] == "imported"
    only_absent = {**obs, "extension": obs["extension"][2:]}
    record, report = import_bundle(bundle(only_absent), today=TODAY)
    assert "conditions" not in record
    assert "references are read from their own Condition" in lines(report)["Observation/co"][1]
