"""The record's stated menopausal status, Karnofsky score and other health problems reach the
trial facts (issue 14): a stated status wins over the guess from age, a stated Karnofsky score
decides Karnofsky rules and, where the scales allow, ECOG rules; conditions are given by term."""

from datetime import date

import pytest

from mbcnav.patient import parse
from mbcnav.trials.evaluate import _karnofsky, ecog_from_karnofsky, evaluate
from mbcnav.trials.facts import from_patient
from mbcnav.trials.match import match
from mbcnav.trials.menopause import status_from_patient
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial

DAY = date(2026, 11, 1)
OFS = {"drugs": ["goserelin", "letrozole"], "setting": "metastatic", "start": "2025-02-01"}


def person(birth_year=1974, sex="female", treatments=(), **fields):
    return parse(
        {
            "format": "mbcnav-patient/1",
            "sex": sex,
            "birth_year": birth_year,
            "metastatic_diagnosis": {"date": "2025-01-10"},
            "treatments": list(treatments),
            **fields,
        }
    )


@pytest.mark.parametrize(
    "stated,treatments,expected",
    [
        (None, (), None),  # 52: age alone leaves it open
        ("postmenopausal", (), "post"),
        ("post-menopausal (surgical)", (), "post"),
        ("premenopausal", (), "pre"),
        ("perimenopausal", (), "pre"),
        ("premenopausal", (OFS,), "suppressed"),
        ("premenopausal on ovarian suppression", (), "suppressed"),
        ("perimenopausal", (OFS,), "suppressed"),
        ("unknown", (), None),  # an unknown status leaves the age-based guess
    ],
)
def test_a_stated_status_wins_over_the_age_guess(stated, treatments, expected):
    fields = {"menopausal_status": stated} if stated else {}
    p = person(1974, treatments=treatments, **fields)
    assert status_from_patient(p, DAY) == expected
    assert from_patient(p, DAY).menopause == expected


def test_a_stated_premenopausal_status_wins_even_at_sixty_five():
    assert status_from_patient(person(1961, menopausal_status="premenopausal"), DAY) == "pre"
    assert status_from_patient(person(1961), DAY) == "post"  # the guess, when nothing is said


def test_sex_unknown_with_a_stated_status_is_read_and_a_man_never_has_one():
    p = parse({"format": "mbcnav-patient/1", "menopausal_status": "postmenopausal"})
    assert status_from_patient(p, DAY) == "post"
    assert status_from_patient(person(1960, sex="male"), DAY) is None


def test_the_woman_of_52_who_knows_she_is_postmenopausal_can_join():
    parsed = parse_trial(
        Trial(
            "NCT09999996",
            title="A study",
            eligibility="Inclusion Criteria:\n- Postmenopausal women\n",
        )
    )
    unsaid = match(parsed, from_patient(person(1974), DAY))
    said = match(parsed, from_patient(person(1974, menopausal_status="post menopausal"), DAY))
    assert unsaid["criteria"][0]["verdict"] == "unknown"
    assert said["criteria"][0]["verdict"] == "met"
    pre = match(parsed, from_patient(person(1974, menopausal_status="premenopausal"), DAY))
    assert pre["criteria"][0]["verdict"] == "not met"


def test_a_stated_karnofsky_score_decides_karnofsky_rules():
    assert _karnofsky(70, None, 80)[0] is True
    assert _karnofsky(70, None, 70)[0] is True
    assert _karnofsky(70, None, 60)[0] is False
    assert _karnofsky(80, 1, 90)[0] is True  # the stated score wins over the ECOG range
    held, why, _ = _karnofsky(70, None, 60)
    assert held is False and "Karnofsky score is 60" in why
    f = from_patient(person(karnofsky="KPS 80"), DAY)
    assert f.karnofsky == 80
    assert evaluate({"type": "karnofsky", "min": 70}, f)[0] is True


@pytest.mark.parametrize(
    "allowed,kps,held",
    [
        ([0, 1], 80, True),  # KPS 80 is ECOG 0 or 1 in the table
        ([0, 1, 2], 70, True),  # KPS 70 is ECOG 1 or 2
        ([0, 1], 90, True),
        ([0], 80, None),  # could be ECOG 1: not settled
        ([0, 1], 70, None),  # could be ECOG 2
        ([0, 1], 50, False),  # KPS 50 is ECOG 2 or 3
        ([0, 1, 2], 40, False),  # KPS 40 is ECOG 3
    ],
)
def test_an_ecog_rule_is_judged_from_karnofsky_only_where_the_ranges_allow(allowed, kps, held):
    assert ecog_from_karnofsky(allowed, kps)[0] is held
    f = from_patient(person(karnofsky=kps), DAY)
    assert evaluate({"type": "ecog", "allowed": allowed}, f)[0] is held


def test_a_recorded_ecog_still_decides_ecog_rules():
    f = from_patient(person(ecog=2, karnofsky=80), DAY)
    assert evaluate({"type": "ecog", "allowed": [0, 1]}, f)[0] is False


def test_conditions_reach_the_facts_by_term():
    p = person(
        conditions=[
            {"name": "HIV on ART, undetectable viral load", "status": "controlled"},
            {"name": "HBcAb positive", "status": "past"},
            {"name": "ILD", "status": "past", "date": "2024-06-01"},
            {"name": "NYHA class III heart failure", "status": "active"},
            {"name": "melanoma", "status": "past", "date": "2022-03-01"},
            {"name": "T2DM"},
            {"name": "gout"},
        ]
    )
    f = from_patient(p, DAY)
    assert f.conditions == {
        "hiv": "controlled",
        "hepatitis b": "past",
        "interstitial lung disease": "past",
        "heart failure": "active",
        "another cancer": "past",
        "diabetes": "unknown",
        "gout": "unknown",
    }
    details = {e["term"]: e["detail"] for e in f.condition_entries}
    assert details["heart failure"] == "NYHA class III"
    assert details["another cancer"] == "melanoma" and details["diabetes"] == "type 2"
    assert {e["term"]: e["date"] for e in f.condition_entries}["another cancer"] == "2022-03-01"
    assert f.to_dict()["conditions"] == f.conditions
    assert from_patient(person(), DAY).conditions == {}
