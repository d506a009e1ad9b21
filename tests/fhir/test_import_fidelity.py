"""The importer never invents: cancer facts only from breast cancer, one rule for stage
fields that disagree, and lenient reading of resources with minor R4 problems.

Uses the dev half of bench/data/fhir_unseen (hand-written bundles imitating public data)
and small bundles built here; the held half is for the benchmark only.
"""

import json
from pathlib import Path

import pytest

from mbcnav.fhir import import_bundle, lenient, staging
from mbcnav.fhir.cancers import is_breast, is_other_cancer, is_secondary
from mbcnav.fhir.codes import table

DEV = Path(__file__).parents[2] / "bench" / "data" / "fhir_unseen" / "dev"
SCT = "http://snomed.info/sct"
LOINC = "http://loinc.org"
ER = {"coding": [{"system": LOINC, "code": "85337-4"}]}
STAGE = {"coding": [{"system": LOINC, "code": "21908-9"}]}
POS = {"coding": [{"system": LOINC, "code": "LA6576-8", "display": "Positive"}]}


def dev(name: str):
    return import_bundle((DEV / f"{name}.json").read_bytes())


def lines(report) -> dict[str, tuple[str, str]]:
    return {x.resource: (x.action, x.detail) for x in report.lines}


def condition(cid: str, text: str, **extra) -> dict:
    return {"resourceType": "Condition", "id": cid, "code": {"text": text}, **extra}


def observation(oid: str, code: dict, value: dict, **extra) -> dict:
    return {
        "resourceType": "Observation",
        "id": oid,
        "status": "final",
        "code": code,
        "valueCodeableConcept": value,
        **extra,
    }


def bundle(*resources: dict) -> dict:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": r} for r in resources],
    }


# ------------------------------------------------------------- other cancers
def test_colon_cancer_gives_no_breast_stage_site_or_drug():
    record, report = dev("colon_synthea")
    assert "metastatic_diagnosis" not in record and "metastases" not in record
    assert "treatments" not in record and "receptors" not in record
    action, detail = lines(report)["Condition/col-primary"]
    assert action == "skipped" and detail.startswith("not imported: not breast cancer")
    assert "not linked to a breast cancer" in lines(report)["Observation/col-stage"][1]
    assert record["sex"] == "male"  # the person is still read


def test_a_stage_group_linked_only_by_condition_stage_assessment_follows_its_cancer():
    record, report = dev("lung_mcode")
    assert "metastatic_diagnosis" not in record
    assert "not breast cancer" in lines(report)["Observation/lung-stage"][1]
    assert record["ecog"] == 1  # ECOG describes the person, whatever the cancer


def test_receptors_of_a_uterine_cancer_are_not_breast_receptors():
    record, report = dev("uterine")
    assert "receptors" not in record and "treatments" not in record
    assert "belongs to a cancer that is not breast cancer" in lines(report)["Observation/ut-er"][1]
    assert "not linked" in lines(report)["Observation/ut-her2"][1]


def test_with_no_other_cancer_unlinked_results_are_taken():
    record, _ = dev("synthea_breast")
    assert record["metastatic_diagnosis"]["first_diagnosis_stage"] == "II"
    receptors = {k: record["receptors"][k] for k in ("er", "pr", "her2")}
    assert receptors == {"er": "positive", "pr": "positive", "her2": "negative"}


def test_with_two_cancers_only_what_is_linked_to_breast_cancer_is_taken():
    breast = condition("b", "Malignant neoplasm of breast")
    lung = condition("l", "Non-small cell lung cancer")
    panel = observation(
        "panel", {"text": "Receptor panel"}, {"text": "see members"},
        focus=[{"reference": "Condition/b"}], hasMember=[{"reference": "Observation/er1"}],
    )  # fmt: skip
    er_member = observation("er1", ER, POS)
    er_loose = observation("er2", ER, {"text": "Negative"}, effectiveDateTime="2030-01-01")
    met = condition(
        "m", "Secondary malignant neoplasm of bone",
        extension=[{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-related-primary-cancer-condition",
                    "valueReference": {"reference": "Condition/b"}}],
    )  # fmt: skip
    record, report = import_bundle(bundle(breast, lung, panel, er_member, er_loose, met))
    assert record["receptors"]["er"] == "positive"  # the member of the breast panel
    assert "not linked to a breast cancer" in lines(report)["Observation/er2"][1]
    assert [m["site"] for m in record["metastases"]] == ["bone"]
    assert lines(report)["Condition/l"][1].startswith("not imported: not breast cancer")


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Primary malignant neoplasm of colon", True),
        ("Uterine serous carcinoma", True),
        ("Suspected lung cancer (situation)", False),
        ("Malignant hypertension", False),
        ("Family history of breast cancer", False),
        ("Malignant neoplasm of breast", False),
        ("Secondary malignant neoplasm of liver", False),
        ("Basal cell carcinoma of skin", False),
    ],
)
def test_which_conditions_are_another_cancer(text, other):
    assert is_other_cancer(condition("x", text), table()) is other


def test_metastatic_breast_cancer_in_words_is_breast_cancer_not_a_metastasis():
    res = condition("x", "Metastatic breast cancer")
    assert is_breast(res, table()) and not is_secondary(res, table())


# ------------------------------------------------------------------ stage rule
def concept(*codings: tuple[str, str, str | None], text: str | None = None) -> dict:
    out = {
        "coding": [{"system": s, "code": c, **({"display": d} if d else {})} for s, c, d in codings]
    }
    return {**out, **({"text": text} if text else {})}


def test_the_most_specific_recognised_stage_code_wins_and_disagreement_is_named():
    mixed = concept(
        ("http://example.org/test", "TEST", "TEST"),
        (SCT, "258215001", "Stage 1 (qualifier value)"),
        ("http://cancerstaging.org", "c3A", None),
        text="Stage 3A",
    )
    found = staging.reading(mixed, table())
    assert found.stage == "III" and found.basis == "code c3A"
    assert found.disagree == ["'Stage 1'"]


def test_an_ajcc_stage_group_code_beats_an_old_generic_stage_code():
    found = staging.reading(
        concept((SCT, "258219007", "Stage 2"), (SCT, "1222801008", None)), table()
    )
    assert found.stage == "III" and "'Stage 2'" in found.disagree


def test_text_is_read_only_when_no_code_is_recognised_and_must_agree():
    assert staging.reading(concept(("urn:x", "T", None), text="Stage IIB"), table()).stage == "II"
    assert staging.reading({"text": "FIGO stage IIIC"}, table()).stage == "III"
    clash = concept(("urn:x", "a", "Stage 1"), text="Stage 3")
    assert staging.reading(clash, table()) is None
    assert "different stages" in staging.conflict(clash, table())


def test_the_report_shows_the_stage_text_that_disagrees():
    record, report = dev("breast_stage_conflict")
    assert record["metastatic_diagnosis"]["first_diagnosis_stage"] == "III"
    detail = lines(report)["Observation/conf-stage"][1]
    assert "'Stage 1'" in detail and "disagrees" in detail


# ------------------------------------------------------------- lenient reading
def test_minor_problems_no_longer_drop_receptor_results():
    record, report = dev("invalid_receptors")
    receptors = {k: record["receptors"][k] for k in ("er", "pr", "her2")}
    assert receptors == {"er": "positive", "pr": "negative", "her2": "positive"}
    assert record["ecog"] == 1  # "1" written as text
    action, detail = lines(report)["Observation/inv-er"]
    assert action == "imported" and "read leniently" in detail and "'status'" in detail
    assert "interpretationText" in lines(report)["Observation/inv-pr"][1]
    assert "2020-02-14" in lines(report)["Observation/inv-her2"][1]


@pytest.mark.parametrize(
    ("given", "read"),
    [("2020-2-14", "2020-02-14"), ("2019-08-20T10:00", "2019-08-20"), ("2022-13-01", None),
     ("2023-02-30", None), ("2021-7", "2021-07")],
)  # fmt: skip
def test_dates_in_the_wrong_shape(given, read):
    res = observation("o", ER, POS, effectiveDateTime=given)
    fixed, problems = lenient.repair(res)
    assert fixed.get("effectiveDateTime") == read and problems


def test_a_value_given_twice_or_an_unknown_type_is_still_not_read():
    two = observation("o", ER, POS, valueString="positive")
    assert lenient.repair(two) is None
    assert lenient.repair({"resourceType": "Tumour", "id": "t"}) is None


def test_strict_mode_still_refuses_a_resource_with_a_minor_problem():
    from mbcnav.fhir import FhirError

    res = observation("o", ER, POS)
    del res["status"]
    with pytest.raises(FhirError, match="status"):
        import_bundle(bundle(res), strict=True)


def test_lenient_reading_does_not_change_the_bundle_given():
    data = json.loads((DEV / "invalid_receptors.json").read_text())
    before = json.dumps(data, sort_keys=True)
    import_bundle(data)
    assert json.dumps(data, sort_keys=True) == before


# ------------------------------------------------- whose it is is never repaired away
CEA = {"coding": [{"system": LOINC, "code": "2039-6", "display": "CEA"}]}


def lab(oid: str, **extra) -> dict:
    return {
        "resourceType": "Observation", "id": oid, "status": "final", "code": CEA,
        "effectiveDateTime": "2024-03-01",
        "valueQuantity": {"value": 4.1, "unit": "ng/mL"}, **extra,
    }  # fmt: skip


@pytest.mark.parametrize(
    "subject",
    ["Patient/other", {"reference": 5}, {"reference": ["Patient/other"]}, ["Patient/p1"]],
)
def test_a_resource_whose_subject_is_malformed_is_skipped_not_taken_as_the_persons(subject):
    person = {"resourceType": "Patient", "id": "p1", "gender": "female"}
    good = lab("hb-own", subject={"reference": "Patient/p1"})
    bad = lab("hb-bad", subject=subject, effectiveDateTime="2024-03-02")
    record, report = import_bundle(bundle(person, good, bad))
    assert [x["date"] for x in record.get("labs", [])] == ["2024-03-01"]
    action, detail = lines(report)["Observation/hb-bad"]
    assert action == "skipped" and "subject" in detail


@pytest.mark.parametrize("field", ["subject", "patient", "focus", "reasonReference", "extension"])
def test_lenient_reading_never_removes_a_reference_or_extension(field):
    res = lab("o", **{field: "not a reference"})
    assert lenient.repair(res) is None
