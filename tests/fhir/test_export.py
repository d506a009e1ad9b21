"""Export: every valid example and generated record gives an R4B-valid mCODE bundle."""

import json

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, given, settings
from mbcnav_fhir_test_strategies import TODAY, patient_dicts
from mbcnav_fhir_test_support import VALID_EXAMPLES, by_type

from mbcnav.fhir import FhirError, export_bundle, validate_bundle
from mbcnav.patient import load, parse

MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"


def codes_of(concept: dict) -> set[str]:
    return {c["code"] for c in concept.get("coding", [])}


@pytest.mark.parametrize("path", VALID_EXAMPLES, ids=lambda p: p.name)
def test_every_example_exports_a_bundle_that_validates_with_r4b(path):
    bundle = export_bundle(load(path))
    validate_bundle(bundle)
    Bundle.model_validate(bundle)  # the whole bundle, entries included, as one R4B model
    assert bundle["type"] == "collection"
    json.dumps(bundle)  # plain JSON, nothing exotic


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(patient_dicts())
def test_generated_records_export_valid_bundles(data):
    bundle = export_bundle(parse(data, today=TODAY))
    Bundle.model_validate(bundle)


def test_export_is_deterministic():
    path = VALID_EXAMPLES[0]
    assert export_bundle(load(path)) == export_bundle(load(path))


def test_hr_positive_example_maps_each_fact_to_its_mcode_resource():
    p = load([x for x in VALID_EXAMPLES if x.name == "hr-positive-second-line.yaml"][0])
    bundle = export_bundle(p)
    [patient] = by_type(bundle, "Patient")
    assert patient["gender"] == "female" and patient["birthDate"] == "1968"
    assert patient["meta"]["profile"] == [MCODE + "mcode-cancer-patient"]

    conditions = by_type(bundle, "Condition")
    primary = [
        c for c in conditions if c["meta"]["profile"][0].endswith("primary-cancer-condition")
    ]
    secondary = [
        c for c in conditions if c["meta"]["profile"][0].endswith("secondary-cancer-condition")
    ]
    assert len(primary) == 1 and len(secondary) == len(p.metastases) == 2
    assert codes_of(primary[0]["code"]) == {"408643008"}  # ductal histology
    assert {next(iter(codes_of(c["code"]))) for c in secondary} == {"94381002", "94222008"}
    assert {next(iter(codes_of(c["bodySite"][0]))) for c in secondary} == {"10200004", "272673000"}
    for c in secondary:
        related = [
            e
            for e in c["extension"]
            if e["url"] == "http://hl7.org/fhir/StructureDefinition/condition-related"
        ]
        assert related[0]["valueReference"]["reference"] == f"urn:uuid:{primary[0]['id']}"

    observations = by_type(bundle, "Observation")
    stage = [
        o
        for o in observations
        if o.get("meta", {}).get("profile", [""])[0].endswith("tnm-stage-group")
    ]
    assert len(stage) == 1 and codes_of(stage[0]["valueCodeableConcept"]) == {
        "1222765007"
    }  # AJCC stage II

    loinc = {o["code"]["coding"][0]["code"]: o for o in observations if o["code"].get("coding")}
    assert codes_of(loinc["85337-4"]["valueCodeableConcept"]) == {"LA6576-8"}  # ER positive
    assert codes_of(loinc["85339-0"]["valueCodeableConcept"]) == {"LA6577-6"}  # PR negative
    her2 = loinc["48676-1"]
    assert her2["valueCodeableConcept"]["text"] == "IHC 1+"
    assert her2["component"][0]["valueString"] == "1+"
    assert loinc["89247-1"]["valueInteger"] == 1

    statuses = [o for o in observations if o["code"]["coding"][0]["code"] == "97509-4"]
    assert [next(iter(codes_of(o["valueCodeableConcept"]))) for o in statuses] == [
        "268910001",
        "359746009",
        "271299001",
    ]  # regression, stable, progression

    variants = [o for o in observations if o["code"]["coding"][0]["code"] == "69548-6"]
    genes = {o["component"][0]["valueCodeableConcept"]["text"]: o for o in variants}
    assert set(genes) == {"PIK3CA", "ESR1", "BRCA1", "BRCA2"}
    assert codes_of(genes["ESR1"]["valueCodeableConcept"]) == {"LA9633-4"}  # mutated = present
    assert codes_of(genes["BRCA1"]["component"][1]["valueCodeableConcept"]) == {
        "LA6683-2"
    }  # germline


def test_medication_requests_use_rxnorm_when_known_and_text_otherwise():
    p = load([x for x in VALID_EXAMPLES if x.name == "hr-positive-second-line.yaml"][0])
    requests = by_type(export_bundle(p), "MedicationRequest")
    by_text = {r["medicationCodeableConcept"]["text"]: r for r in requests}
    femara = by_text["Femara"]
    assert femara["medicationCodeableConcept"]["coding"][0]["code"] == "72965"  # letrozole
    assert femara["status"] == "stopped"
    assert codes_of(femara["statusReason"]) == {"266721009"}  # no response = progression
    intent = [e for e in femara["extension"] if e["url"].endswith("mcode-procedure-intent")]
    assert codes_of(intent[0]["valueCodeableConcept"]) == {"363676003"}  # palliative
    assert femara["groupIdentifier"] == by_text["Ibrance"]["groupIdentifier"]
    assert "coding" not in by_text["elacestrant"]["medicationCodeableConcept"]  # no verified RxNorm
    assert by_text["elacestrant"]["status"] == "active"
    xgeva = [
        e for e in by_text["Xgeva"]["extension"] if e["url"].endswith("mcode-procedure-intent")
    ]
    assert codes_of(xgeva[0]["valueCodeableConcept"]) == {"399707004"}  # supportive


def test_surgery_and_symptoms():
    p = load([x for x in VALID_EXAMPLES if x.name == "hr-positive-second-line.yaml"][0])
    bundle = export_bundle(p)
    [surgery] = by_type(bundle, "Procedure")
    assert (
        codes_of(surgery["code"]) == {"392021009"} and surgery["performedDateTime"] == "2016-05-02"
    )
    checkins = [
        o
        for o in by_type(bundle, "Observation")
        if any(c["coding"][0]["code"] == "symptom-check-in" for c in o.get("category", []))
    ]
    assert sorted(o["code"]["text"] for o in checkins) == ["fatigue", "nausea"]


def test_a_broken_bundle_fails_validation_with_one_sentence():
    bundle = export_bundle(load(VALID_EXAMPLES[0]))
    bundle["entry"][1]["resource"]["clinicalStatus"] = "active"  # must be a CodeableConcept
    with pytest.raises(FhirError) as err:
        validate_bundle(bundle)
    assert str(err.value).startswith("The exported bundle failed FHIR R4 validation")
    assert "\n" not in str(err.value)
