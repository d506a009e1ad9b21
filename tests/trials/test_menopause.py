"""Menopausal status: criteria that ask for it, and what a record shows."""

from datetime import date

import pytest

from mbcnav.patient import parse
from mbcnav.trials.evaluate import evaluate
from mbcnav.trials.facts import from_patient
from mbcnav.trials.match import match
from mbcnav.trials.menopause import evaluate_menopause, menopause_check, status_from_patient
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial

DAY = date(2026, 11, 1)


def person(birth_year, sex="female", treatments=()):
    return parse(
        {
            "format": "mbcnav-patient/1",
            "sex": sex,
            "birth_year": birth_year,
            "metastatic_diagnosis": {"date": "2025-01-10"},
            "treatments": list(treatments),
        }
    )


@pytest.mark.parametrize(
    "text, value, ofs_ok",
    [
        ("Postmenopausal women", "post", False),
        ("Patient is an adult male or postmenopausal female ≥18 years old", "post", False),
        (
            "Postmenopausal status for women (including women on LHRH agonist for ovarian suppression)",
            "post",
            True,
        ),
        ("Postmenopausal women defined as per NCCN guidelines", "post", False),
        ("Pre- or peri-menopausal and willing to take goserelin", "pre", True),
        ("Premenopausal women at the time of enrollment", "pre", False),
    ],
)
def test_criteria_that_require_a_status(text, value, ofs_ok):
    assert menopause_check(text) == {"type": "menopause", "value": value, "ofs_ok": ofs_ok}


@pytest.mark.parametrize(
    "text",
    [
        "Pre- and postmenopausal women or men",
        "Female participants can be pre-, peri- or postmenopausal.",
        "Adult females (pre-/peri-/ and post-menopausal), and adult males.",
        "Negative pregnancy test in premenopausal women within 14 days",
        "Postmenopausal status is defined as: Age >= 60 years, or",
        "Estradiol level must be in post-menopausal range",
        "Has had menses in the last 12 months (not naturally postmenopausal)",
        "Women who are not postmenopausal",
    ],
)
def test_wording_that_is_not_a_status_requirement(text):
    assert menopause_check(text) is None


def test_status_from_the_record():
    assert status_from_patient(person(1960), DAY) == "post"  # 66: past 60
    assert status_from_patient(person(1990), DAY) == "pre"  # 36
    assert status_from_patient(person(1975), DAY) is None  # 51: periods and hormones decide
    oophorectomy = {"type": "surgery", "procedure": "bilateral oophorectomy", "date": "2024-05-01"}
    assert status_from_patient(person(1985, treatments=[oophorectomy]), DAY) == "post"
    before = date(2024, 1, 1)  # the day matters: before the surgery she was premenopausal
    assert status_from_patient(person(1985, treatments=[oophorectomy]), before) == "pre"
    ofs = {"drugs": ["goserelin", "letrozole"], "setting": "metastatic", "start": "2025-02-01"}
    assert status_from_patient(person(1980, treatments=[ofs]), DAY) == "suppressed"
    assert status_from_patient(person(1960, sex="male"), DAY) is None


def test_evaluation():
    post = {"type": "menopause", "value": "post", "ofs_ok": False}
    post_or_ofs = {**post, "ofs_ok": True}
    pre = {"type": "menopause", "value": "pre", "ofs_ok": True}
    assert evaluate_menopause(post, "post")[0] is True
    assert evaluate_menopause(post, "pre")[0] is False
    assert evaluate_menopause(post, "suppressed")[0] is None  # the trial must say
    assert evaluate_menopause(post_or_ofs, "suppressed")[0] is True
    assert evaluate_menopause(pre, "post")[0] is False
    assert evaluate_menopause(pre, "suppressed")[0] is True
    held, why, settle = evaluate_menopause(post, None)
    assert held is None and "not clear" in why and settle
    man = from_patient(person(1960, sex="male"), DAY)
    assert evaluate(post, man)[0] == "neutral"  # a rule about women


def test_status_reaches_the_trial_fit():
    parsed = parse_trial(
        Trial(
            "NCT09999997",
            title="A study",
            eligibility="Inclusion Criteria:\n- Postmenopausal women\n",
        )
    )
    young = match(parsed, from_patient(person(1990), DAY))
    older = match(parsed, from_patient(person(1958), DAY))
    assert young["criteria"][0]["verdict"] == "not met" and young["fit"] == "unlikely"
    assert older["criteria"][0]["verdict"] == "met"


def test_a_rule_for_premenopausal_women_is_a_premise_not_a_requirement():
    rule = "Male and pre- or peri-menopausal female participants must be willing to take a GnRH agonist."
    assert menopause_check(rule)["premise"] is True
    parsed = parse_trial(Trial("NCT09999996", eligibility="Inclusion Criteria:\n- " + rule + "\n"))
    older = match(parsed, from_patient(person(1958), DAY))["criteria"][0]
    assert older["verdict"] == "met" and "Does not apply" in older["why"]
    young = match(parsed, from_patient(person(1990), DAY))["criteria"][0]
    assert young["verdict"] == "unknown"  # she would be asked about the GnRH agonist
    assert "premise" not in menopause_check("Postmenopausal women must have measurable disease")
