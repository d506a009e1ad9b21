"""Review of FHIR import of menopausal status, Karnofsky and other health problems (session
31, /work/handoff/s31/review_record_findings.md): each test uses the reviewer's own inputs."""

from datetime import date

import pytest

from mbcnav.fhir import import_bundle, read_health
from mbcnav.fhir.codes import table
from mbcnav.fhir.errors import FhirError
from mbcnav.fhir.values import Draft, Skip

TODAY = date(2026, 12, 6)
LOINC, SNOMED = "http://loinc.org", "http://snomed.info/sct"
ICD10 = "http://hl7.org/fhir/sid/icd-10-cm"
SUBJECT = {"reference": "Patient/p"}
LISTED = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-category",
                      "code": "problem-list-item"}]}  # fmt: skip
ACTIVE = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                      "code": "active"}]}  # fmt: skip
MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"


def bundle(*resources: dict) -> dict:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": {"subject": SUBJECT, **r}} for r in resources],
    }


def lines(report) -> dict:
    return {x.resource: (x.action, x.detail) for x in report.lines}


def problem(cid: str, code: dict) -> dict:
    return {"resourceType": "Condition", "id": cid, "category": [LISTED],
            "clinicalStatus": ACTIVE, "code": code}  # fmt: skip


# 1 ---------------------------------------------- conditions and labs are not a menopause
def test_ordinary_conditions_and_a_pre_treatment_lab_are_not_a_menopausal_status():
    names = ["Post-traumatic stress disorder", "Post-mastectomy lymphedema of arm", "Pre-diabetes"]
    cea = {"resourceType": "Observation", "id": "o1", "status": "final",
           "code": {"coding": [{"system": LOINC, "code": "2039-6"}], "text": "Pre-treatment CEA"},
           "valueQuantity": {"value": 4.1, "unit": "ng/mL"},
           "effectiveDateTime": "2026-01-01"}  # fmt: skip
    conditions = [problem(f"c{i}", {"text": t}) for i, t in enumerate(names)]
    record, report = import_bundle(bundle(*conditions, cea), today=TODAY)
    assert "menopausal_status" not in record and "menopausal_detail" not in record
    assert [c["name"] for c in record["conditions"]] == names
    assert record["labs"] == [
        {"date": "2026-01-01", "test": "Pre-treatment CEA", "value": 4.1, "unit": "ng/mL"}
    ]
    assert all(action == "imported" for action, _ in lines(report).values())


def test_words_about_menopause_are_still_a_status():
    said = {"resourceType": "Condition", "id": "m", "code": {"text": "Postmenopausal state"}}
    record, _ = import_bundle(bundle(said), today=TODAY)
    assert record["menopausal_status"] == "postmenopausal"


# 4 ---------------------------------------------------- a long detail is cut, not lost
def test_a_long_menopause_detail_is_cut_at_a_word_and_the_status_imported():
    text = ("postmenopausal since her bilateral salpingo-oophorectomy for BRCA1 in March 2019, "
            "confirmed by estradiol and FSH levels in the postmenopausal range")  # fmt: skip
    obs = {"resourceType": "Observation", "id": "m", "status": "final",
           "code": {"text": "Menopausal status"}, "valueString": text}  # fmt: skip
    record, report = import_bundle(bundle(obs), today=TODAY)
    detail = record["menopausal_detail"]
    assert record["menopausal_status"] == "postmenopausal"
    assert len(detail) <= 120 and text.split("postmenopausal ", 1)[1].startswith(detail)
    action, why = lines(report)["Observation/m"]
    assert action == "imported" and "cut" in why and why.endswith(".")


# 6 ---------------------------------------------- the breast cancer's own history codes
def test_a_personal_history_of_breast_cancer_is_not_another_problem():
    code = {"coding": [{"system": ICD10, "code": "Z85.3",
                        "display": "Personal history of malignant neoplasm of breast"}]}  # fmt: skip
    record, report = import_bundle(bundle(problem("b", code)), today=TODAY)
    assert "conditions" not in record
    action, why = lines(report)["Condition/b"]
    assert action == "skipped" and "breast cancer" in why and why.endswith(".")
    bare = {"coding": [{"system": ICD10, "code": "Z85.3"}]}
    record, report = import_bundle(bundle(problem("b", bare)), today=TODAY)
    assert "conditions" not in record and lines(report)["Condition/b"][0] == "skipped"


# 7 ------------------------------------------------ comorbidities: the same cancer checks
def test_comorbidities_leave_out_cancers_and_name_them_without_demoting_the_rest():
    def ext(cc):
        return {"url": f"{MCODE}mcode-related-condition", "valueCodeableConcept": cc}

    obs = {"resourceType": "Observation", "id": "co",
           "meta": {"profile": [f"{MCODE}mcode-comorbidities"]}, "status": "final",
           "code": {"coding": [{"system": LOINC, "code": "78923-0"}]},
           "effectiveDateTime": "2026-01-10",
           "extension": [
               ext({"text": "Metastatic cancer"}),
               ext({"coding": [{"system": ICD10, "code": "C79.51",
                                "display": "Secondary malignant neoplasm of bone"}]}),
               ext({"coding": [{"system": SNOMED, "code": "372244006",
                                "display": "Malignant melanoma"}]}),
               ext({"text": "Post-traumatic stress disorder"}),
               ext({"text": "Breast cancer"}),
           ]}  # fmt: skip
    record, report = import_bundle(bundle(obs), today=TODAY)
    assert record["conditions"] == [
        {"name": "Post-traumatic stress disorder", "date": "2026-01-10"}
    ]
    action, why = lines(report)["Observation/co"]
    assert action == "imported"
    for left in ("Metastatic cancer", "Secondary malignant neoplasm of bone", "Malignant melanoma",
                 "Breast cancer"):  # fmt: skip
        assert f"'{left}'" in why


# 8 ------------------------------------------------ "History of ..." is past, and no cancer
def test_a_history_of_another_cancer_stays_out_like_the_cancer_itself():
    record, report = import_bundle(
        bundle(problem("a", {"text": "History of malignant melanoma (situation)"}),
               problem("c", {"text": "Malignant melanoma"})),
        today=TODAY,
    )  # fmt: skip
    assert "conditions" not in record
    assert lines(report)["Condition/a"][0] == lines(report)["Condition/c"][0] == "skipped"
    assert "not breast cancer" in lines(report)["Condition/a"][1]


def test_a_history_of_a_problem_is_past_only_when_no_clinical_status_says_otherwise():
    """Updated by the final review (finding 7): an active problem-list item stays active."""
    record, _ = import_bundle(bundle(problem("h", {"text": "History of stroke"})), today=TODAY)
    assert record["conditions"] == [{"name": "stroke", "status": "active"}]
    unsaid = {**problem("h", {"text": "History of stroke"})}
    del unsaid["clinicalStatus"]
    record, _ = import_bundle(bundle(unsaid), today=TODAY)
    assert record["conditions"] == [{"name": "stroke", "status": "past"}]


# 10 ------------------------------------------- read_other never keeps another cancer
def test_read_other_itself_never_keeps_another_primary_cancer():
    assert "another primary cancer (kept as" not in read_health.__doc__
    codes = table()
    draft = Draft()
    with pytest.raises(Skip, match="not breast cancer"):
        read_health.read_other(problem("c", {"text": "Malignant melanoma"}), draft, codes, "x")


# 11 ------------------------------------------------------- Karnofsky written as words
@pytest.mark.parametrize(
    "value", [{"valueCodeableConcept": {"text": "KPS 80"}}, {"valueString": "80%"}]
)
def test_a_karnofsky_score_written_as_words_is_read(value):
    obs = {"resourceType": "Observation", "id": "k", "status": "final",
           "code": {"coding": [{"system": LOINC, "code": "89243-0"}]}, **value}  # fmt: skip
    record, report = import_bundle(bundle(obs), today=TODAY)
    assert record["karnofsky"] == 80 and lines(report)["Observation/k"][0] == "imported"


def test_no_karnofsky_score_says_so_in_words():
    obs = {"resourceType": "Observation", "id": "k", "status": "final",
           "code": {"coding": [{"system": LOINC, "code": "89243-0"}]},
           "valueString": "able to work"}  # fmt: skip
    try:
        record, report = import_bundle(bundle(obs), today=TODAY)
    except FhirError as err:  # pragma: no cover - the import never stops on it
        raise AssertionError(err) from None
    action, why = lines(report)["Observation/k"]
    assert action == "skipped" and "gives no Karnofsky score" in why and "None" not in why


# ------------------------------------------------------------------------------------------
# Final review (/work/handoff/s31/review_record_final_findings.md): the reviewer's inputs
@pytest.mark.parametrize(
    "text,term",
    [
        ("History of stroke with residual weakness", "stroke"),  # 2
        ("Stroke (CVA)", "stroke"),  # 2
        ("HIV/AIDS", "hiv"),  # 2
        ("Atrial fibrillation on anticoagulant", "atrial fibrillation"),  # 3
        ("Cellulitis spreading up left arm", "Cellulitis spreading up left arm"),  # 4
        ("Benign neoplasm of breast", "Benign neoplasm of breast"),  # 5
        ("Lymphedema of arm after breast cancer surgery",
         "Lymphedema of arm after breast cancer surgery"),  # 5
        ("History of DVT (on apixaban)", "History of DVT (on apixaban)"),  # 7
    ],
)  # fmt: skip
def test_final_conditions_are_imported_as_health_problems(text, term):
    record, report = import_bundle(bundle(problem("c", {"text": text})), today=TODAY)
    assert [c["name"] for c in record["conditions"]] == [term]
    assert record["conditions"][0].get("detail", text) == text
    assert record["conditions"][0]["status"] == "active"  # 7: an active item stays active
    assert lines(report)["Condition/c"][0] == "imported"
    assert "primary" not in record and "metastases" not in record


@pytest.mark.parametrize(
    "code",
    [
        {"coding": [{"system": ICD10, "code": "M81.0", "display": "Postmenopausal osteoporosis"}],
         "text": "Postmenopausal osteoporosis"},
        {"coding": [{"system": SNOMED, "code": "102447009",
                     "display": "Postmenopausal osteoporosis (disorder)"}]},
    ],
)  # fmt: skip
def test_final_6_a_disease_named_with_a_status_word_is_the_disease(code):
    record, _ = import_bundle(bundle(problem("o", code)), today=TODAY)
    assert "menopausal_status" not in record
    assert [c["name"] for c in record["conditions"]] == ["osteoporosis"]


@pytest.mark.parametrize(
    "text", ["Postmenopausal bleeding", "Premenopausal menorrhagia", "Perimenopausal disorder"]
)
def test_final_6_other_diseases_with_status_words_are_not_a_status(text):
    record, _ = import_bundle(bundle(problem("o", {"text": text})), today=TODAY)
    assert "menopausal_status" not in record and record["conditions"][0]["name"] == text
    said = {"resourceType": "Condition", "id": "m", "code": {"text": "Post-menopausal (finding)"}}
    record, _ = import_bundle(bundle(said), today=TODAY)
    assert record["menopausal_status"] == "postmenopausal"


@pytest.mark.parametrize(
    "value,score",
    [({"valueString": "KPS of 80"}, 80), ({"valueString": "80 (able to work)"}, 80),
     ({"valueString": "80%, normal activity with effort"}, 80), ({"valueString": "70/100"}, 70),
     ({"valueString": "80-90"}, None), ({"valueString": "ECOG 1"}, None)],
)  # fmt: skip
def test_final_12_karnofsky_in_chart_words(value, score):
    obs = {"resourceType": "Observation", "id": "k", "status": "final",
           "code": {"coding": [{"system": LOINC, "code": "89243-0"}]}, **value}  # fmt: skip
    record, report = import_bundle(bundle(obs), today=TODAY)
    assert record.get("karnofsky") == score
    assert lines(report)["Observation/k"][0] == ("imported" if score else "skipped")


def test_final_12_comorbidities_leave_out_a_family_history_and_read_a_history_as_past():
    def ext(cc):
        return {"url": f"{MCODE}mcode-related-condition", "valueCodeableConcept": cc}

    obs = {"resourceType": "Observation", "id": "co",
           "meta": {"profile": [f"{MCODE}mcode-comorbidities"]}, "status": "final",
           "code": {"coding": [{"system": LOINC, "code": "78923-0"}]},
           "effectiveDateTime": "2026-01-10",
           "extension": [ext({"text": "Family history of breast cancer"}),
                         ext({"text": "History of stroke"}),
                         ext({"text": "Lymphedema after breast cancer surgery"})]}  # fmt: skip
    record, report = import_bundle(bundle(obs), today=TODAY)
    assert record["conditions"] == [
        {"name": "stroke", "status": "past", "date": "2026-01-10"},
        {"name": "Lymphedema after breast cancer surgery", "date": "2026-01-10"},
    ]
    assert "'Family history of breast cancer'" in lines(report)["Observation/co"][1]
