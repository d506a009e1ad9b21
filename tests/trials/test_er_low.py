"""ER-low (1-10% of cells stain): reported as ER-positive, often grouped with triple-negative."""

from datetime import date

from mbcnav.patient import parse
from mbcnav.trials.facts import from_patient
from mbcnav.trials.match import match
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.receptors import er_low_wording
from mbcnav.trials.record import Trial

DAY = date(2026, 11, 1)


def facts(er, pr="negative", her2="IHC 1+"):
    p = parse(
        {
            "format": "mbcnav-patient/1",
            "sex": "female",
            "birth_year": 1970,
            "metastatic_diagnosis": {"date": "2025-01-10"},
            "receptors": {"er": er, "pr": pr, "her2": her2},
        }
    )
    return from_patient(p, DAY)


def verdict(rule, f):
    parsed = parse_trial(Trial("NCT09999995", eligibility=f"Inclusion Criteria:\n- {rule}\n"))
    return match(parsed, f)["criteria"][0]


def test_wording():
    assert er_low_wording("Triple-negative breast cancer (ER < 10%, PR < 10%, HER2-negative)") == {
        "er_low_ok": True
    }
    assert er_low_wording("ER-low (1-10%) or triple-negative") == {"er_low_ok": True}
    assert er_low_wording("ER-positive, defined as ≥ 10% of tumor cells") == {"er_min10": True}
    # ER-negative set at under 1% leaves ER-low out (session 38)
    assert er_low_wording("Triple-negative breast cancer (ER < 1%, PR < 1%)") == {
        "er_below_1": True
    }
    assert (
        er_low_wording("Triple-negative; Ki-67 no lower than 20") == {}
    )  # "lower" is not "low ER"


def test_er_low_and_triple_negative_trials():
    low = facts("low")
    assert low.er_low_only and low.hr == "positive"
    strict = verdict("Histologically confirmed triple-negative breast cancer", low)
    assert strict["verdict"] == "unknown" and "ER-low" in strict["settle"]
    wide = verdict("Triple-negative breast cancer (ER < 10%, PR < 10%, HER2-negative)", low)
    assert wide["verdict"] == "met"
    # a plain ER-negative cancer is triple-negative whatever the wording
    assert verdict("Triple-negative breast cancer", facts("negative"))["verdict"] == "met"
    # with PR positive the cancer is hormone-receptor positive: ER-low changes nothing
    assert not facts("low", pr="positive").er_low_only


def test_er_low_and_hormone_receptor_positive_trials():
    low = facts("low")
    assert verdict("ER-positive (≥ 1%) breast cancer", low)["verdict"] == "met"
    assert (
        verdict("ER-positive, defined as ≥ 10% of tumor cells staining", low)["verdict"]
        == "not met"
    )
    assert (
        verdict("ER-positive, defined as ≥ 10% of tumor cells staining", facts("positive"))[
            "verdict"
        ]
        == "met"
    )
