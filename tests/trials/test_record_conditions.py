"""The record's stated menopausal status, Karnofsky score and other health problems reach the
trial facts (issue 14): a stated status wins over the guess from age, a stated Karnofsky score
decides Karnofsky rules and, where the scales allow, ECOG rules; conditions are given by term."""

from datetime import date

import pytest

from mbcnav.patient import dump, parse
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


def test_a_stated_premenopausal_status_at_sixty_five_is_left_to_the_study_team():
    """An undated "premenopausal" at 65 is likely out of date: neither side is decided (review);
    under 60 it wins over the guess from age."""
    assert status_from_patient(person(1961, menopausal_status="premenopausal"), DAY) is None
    assert status_from_patient(person(1961), DAY) == "post"  # the guess, when nothing is said
    assert status_from_patient(person(1976, menopausal_status="premenopausal"), DAY) == "pre"


def test_a_stated_postmenopausal_status_beside_ovarian_suppression_is_not_decided():
    """40, on goserelin with letrozole, "postmenopausal" stated: it may be the suppression's
    effect, so neither "before menopause on suppression" nor "past menopause" is ruled out
    (review); a denied or finished suppression in the detail is no suppression."""
    on_goserelin = parse(
        {
            "format": "mbcnav-patient/1",
            "sex": "female",
            "birth_year": 1986,
            "menopausal_status": "postmenopausal",
            "treatments": [
                {
                    "drugs": ["goserelin", "letrozole"],
                    "setting": "metastatic",
                    "start": "2025-01-10",
                }
            ],
        }
    )
    assert status_from_patient(on_goserelin, DAY) is None
    stopped = person(1986, menopausal_status="premenopausal, stopped goserelin in 2024")
    assert status_from_patient(stopped, DAY) == "pre"
    declined = person(1986, menopausal_status="premenopausal, no OFS, declined goserelin")
    assert status_from_patient(declined, DAY) == "pre"


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
        ([0, 1, 2], 40, None),  # KPS 40 is ECOG 3, a step from 2 (review)
        ([0, 1, 2], 30, False),  # KPS 30 is ECOG 3 or 4
        ([0, 1], 60, None),  # KPS 60 is ECOG 2 by the usual table, 1 by some (review)
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


# Session 31 review (findings 2 and 3): the reviewer's women, through the trial rule
BSO = {"type": "surgery", "procedure": "bilateral salpingo-oophorectomy", "date": "2025-05-01"}
REVIEW_DAY = date(2026, 12, 6)


def _verdict(criterion: str, p) -> bool | None:
    from mbcnav.trials.menopause import evaluate_menopause, menopause_check

    return evaluate_menopause(menopause_check(criterion), status_from_patient(p, REVIEW_DAY))[0]


def test_a_dated_bilateral_oophorectomy_wins_over_a_stated_premenopausal_status():
    p = person(1978, menopausal_status="premenopausal", treatments=(BSO,))
    assert status_from_patient(p, REVIEW_DAY) == "post"
    assert _verdict("Postmenopausal women", p) is True  # not a false "not met"
    assert status_from_patient(person(1978, treatments=(BSO,)), REVIEW_DAY) == "post"
    # a surgery after the day asked about does not count yet
    later = {**BSO, "date": "2026-12-01"}
    p = person(1978, menopausal_status="premenopausal", treatments=(later,))
    assert status_from_patient(p, date(2026, 11, 1)) == "pre"


@pytest.mark.parametrize("stated", ["chemical menopause", "medical menopause"])
def test_a_chemical_menopause_on_goserelin_is_ovarian_suppression(stated):
    goserelin = {
        "type": "systemic",
        "drugs": ["goserelin"],
        "start": "2026-01-01",
        "setting": "metastatic",
    }
    p = person(1985, menopausal_status=stated, treatments=(goserelin,))
    assert status_from_patient(p, REVIEW_DAY) == "suppressed"
    criterion = "Premenopausal women receiving ovarian function suppression with goserelin"
    assert _verdict(criterion, p) is True
    assert _verdict("Pre- or perimenopausal women", p) is True
    # the words alone say it, with no drug in the record
    assert status_from_patient(person(1985, menopausal_status=stated), REVIEW_DAY) == "suppressed"


# Final review (/work/handoff/s31/review_record_final_findings.md): the reviewer's inputs
@pytest.mark.parametrize(
    "procedure",
    ["BSO", "laparoscopic BSO", "TAH/BSO", "RRSO", "risk-reducing salpingo-oophorectomy (BRCA1)",
     "ovaries removed", "removal of both ovaries"],
)  # fmt: skip
def test_final_1_chart_words_for_both_ovaries_out_are_no_false_not_met(procedure):
    surgery = {"type": "surgery", "procedure": procedure, "date": "2025-05-01"}
    p = person(1978, menopausal_status="premenopausal", treatments=(surgery,))
    assert status_from_patient(p, REVIEW_DAY) == "post"
    assert _verdict("Postmenopausal women", p) is True


def test_final_1_one_ovary_beside_a_bilateral_mastectomy_is_not_menopause():
    surgery = {"type": "surgery", "procedure": "bilateral mastectomy and right oophorectomy",
               "date": "2025-05-01"}  # fmt: skip
    p = person(1978, menopausal_status="premenopausal", treatments=(surgery,))
    assert status_from_patient(p, REVIEW_DAY) == "pre"


def test_final_9_chemical_menopause_with_a_typed_detail_stays_suppression():
    p = person(1984, menopausal_status="chemical menopause", menopausal_detail="since March 2025")
    assert status_from_patient(p, REVIEW_DAY) == "suppressed"
    again = parse(dump(p))
    assert status_from_patient(again, REVIEW_DAY) == "suppressed"


@pytest.mark.parametrize(
    "stated,detail",
    [
        ("postmenopausal (chemical)", None),
        ("postmenopausal on zoladex", None),
        ("postmenopausal due to chemotherapy", None),
        ("postmenopausal", "on goserelin (ovarian suppression)"),
        ("postmenopausal", "chemo-induced, periods stopped 2024"),
    ],
)
def test_final_9_a_stated_post_that_names_suppression_or_chemo_under_60_is_not_decided(
    stated, detail
):
    fields = {"menopausal_detail": detail} if detail else {}
    assert status_from_patient(person(1984, menopausal_status=stated, **fields), DAY) is None
    # at 60 or over, or with both ovaries out, it stays past menopause
    assert status_from_patient(person(1960, menopausal_status=stated, **fields), DAY) == "post"
    bso = {"type": "surgery", "procedure": "BSO", "date": "2025-05-01"}
    with_bso = person(1984, menopausal_status=stated, treatments=(bso,), **fields)
    assert status_from_patient(with_bso, DAY) == "post"
    assert (
        status_from_patient(person(1984, menopausal_status="postmenopausal (surgical)"), DAY)
        == "post"
    )


@pytest.mark.parametrize(
    "detail",
    [
        "per medical oncology note",
        "goserelin stopped 2024",
        "goserelin declined",
        "OFS planned",
        "will start goserelin next month",
        "on goserelin until March 2024",
    ],
)
def test_final_10_words_that_name_no_ongoing_suppression_are_before_menopause(detail):
    p = person(1984, menopausal_status="premenopausal", menopausal_detail=detail)
    assert status_from_patient(p, DAY) == "pre"
    on = person(1984, menopausal_status="premenopausal", menopausal_detail="on goserelin monthly")
    assert status_from_patient(on, DAY) == "suppressed"
