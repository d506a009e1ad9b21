"""The creatinine clearance worked out from age, weight, sex and creatinine (Cockcroft-Gault),
with golden values and the margins that keep a worked-out number from deciding near a limit."""

from datetime import date

import pytest

from mbcnav.patient.model import Lab
from mbcnav.trials import clearance
from mbcnav.trials.labs import evaluate_lab, lab_checks, latest

DAY = date(2026, 1, 15)


def _worked(labs: list[Lab], age=68, sex="female") -> dict:
    out = latest(labs, DAY)
    clearance.add_clearance(out, labs, age, sex)
    return out


def _labs(creatinine=1.6, weight=72.0, unit="kg", weighed=date(2026, 1, 6)) -> list[Lab]:
    return [
        Lab(date(2026, 1, 6), "creatinine", creatinine, "mg/dL"),
        Lab(weighed, "weight", weight, unit),
    ]


@pytest.mark.parametrize(
    ("age", "weight", "creatinine", "sex", "expected"),
    [
        (68, 72, 1.6, "female", 38.25),  # (140-68) x 72 / (72 x 1.6) x 0.85
        (80, 58, 1.3, "female", 31.6),
        (50, 95, 1.35, "male", 88.0),
        (40, 60, 0.7, "female", 101.2),
    ],
)
def test_golden_cockcroft_gault(age, weight, creatinine, sex, expected):
    got = _worked(_labs(creatinine, weight), age, sex)[clearance.KEY]["value"]
    assert got == pytest.approx(expected, abs=0.1)


def test_creatinine_in_micromoles_and_weight_in_pounds():
    labs = [
        Lab(date(2026, 1, 6), "creatinine", 141, "umol/L"),
        Lab(date(2026, 1, 6), "Weight", 158.7, "lb"),
    ]
    got = _worked(labs)[clearance.KEY]["value"]
    assert got == pytest.approx(38.4, abs=0.5)


def test_nothing_worked_out_without_a_weight_sex_or_recent_weight():
    assert clearance.KEY not in _worked([_labs()[0]])
    assert clearance.KEY not in _worked(_labs(), sex=None)
    assert clearance.KEY not in _worked(_labs(), age=None)
    assert clearance.KEY not in _worked(_labs(weighed=date(2025, 6, 1)))  # seven months apart
    assert clearance.KEY not in _worked(_labs(weight=72, unit="stone"))  # a unit not read


def _verdict(text: str, labs: dict) -> bool | None:
    (check,) = lab_checks(text)
    return evaluate_lab(check, labs, DAY.isoformat())[0]


RULE = "Creatinine clearance >= 50 mL/min by Cockcroft-Gault formula"


def test_a_clearance_rule_is_decided_clear_of_its_limit():
    assert _verdict(RULE, _worked(_labs(creatinine=1.6))) is False  # about 38
    assert _verdict(RULE, _worked(_labs(creatinine=0.8))) is True  # about 77
    # 49.0 and 51.0: within 5% of the limit, the study team works it out
    near_low = _worked(_labs(creatinine=1.6 * 38.25 / 49.0))
    near_high = _worked(_labs(creatinine=1.6 * 38.25 / 51.0))
    assert _verdict(RULE, near_low) is None and _verdict(RULE, near_high) is None


def test_an_egfr_rule_is_decided_by_a_clearance_only_far_from_its_limit():
    egfr = "eGFR >= 50 mL/min/1.73 m2"
    assert _verdict(egfr, _worked(_labs(creatinine=1.6))) is None  # 38: near for an eGFR
    assert _verdict(egfr, _worked(_labs(creatinine=3.0))) is False  # about 20


def test_a_measured_clearance_is_used_before_a_worked_out_one():
    labs = _labs(creatinine=1.6) + [Lab(date(2026, 1, 7), "creatinine clearance", 62, "mL/min")]
    assert _verdict(RULE, _worked(labs)) is True
