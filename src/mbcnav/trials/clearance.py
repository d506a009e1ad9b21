"""A creatinine clearance worked out from the record when no clearance was measured.

Trials often ask for a "creatinine clearance >= 50 mL/min by Cockcroft-Gault". A research nurse
works it out from the person's age, weight, sex and serum creatinine; a record that has those
settles the rule the same way, within a margin for the age being known only to the year and for
rounding. Against an eGFR rule (per 1.73 m2 of body surface) the clearance stands in only away
from the limit, as an eGFR stands in for a clearance (``labs.NEAR_CLEARANCE``).

Source (read 2026-12-07, as of 2026-12-07): Cockcroft DW, Gault MH, "Prediction of creatinine
clearance from serum creatinine", Nephron 1976;16:31-41, https://doi.org/10.1159/000180580:
clearance (mL/min) = (140 - age in years) x weight (kg) / (72 x serum creatinine in mg/dL),
times 0.85 for women.
"""

from __future__ import annotations

import re
from datetime import date

from mbcnav.patient.days import human

#: the key the worked-out clearance is kept under beside the record's tests (never a test id, so
#: no criterion reads it as a test of its own)
KEY = "cockcroft_gault"

_WEIGHT = re.compile(r"^\s*(?:body\s+)?weight\s*$", re.I)
_TO_KG = {"kg": 1.0, "kgs": 1.0, "lb": 0.4536, "lbs": 0.4536}
#: how far, as a fraction of the limit, a worked-out value must sit from the limit to decide it
#: against a clearance rule (an age known to the year moves it about 1.5%)
MARGIN = 0.05
#: how many days apart the weight and the creatinine may be
WEIGHT_DAYS = 90


def _weight(labs, on: date) -> tuple[float, date] | None:
    """The newest weight in kg within ``WEIGHT_DAYS`` of ``on``."""
    best = None
    for lab in labs:
        if not _WEIGHT.match(lab.test or "") or not isinstance(lab.value, int | float):
            continue
        factor = _TO_KG.get((lab.unit or "").strip().lower())
        if factor is None or lab.date > on or (on - lab.date).days > WEIGHT_DAYS:
            continue
        if best is None or lab.date > best[1]:
            best = (float(lab.value) * factor, lab.date)
    return best


def add_clearance(latest: dict[str, dict], labs, age: float | None, sex: str | None) -> None:
    """Put the Cockcroft-Gault clearance into ``latest`` (``labs.latest``'s result) when the
    record has a serum creatinine, a weight near it, an age and a sex."""
    creatinine = latest.get("creatinine")
    if not creatinine or age is None or sex not in ("female", "male") or not 18 <= age < 120:
        return
    on = date.fromisoformat(creatinine["date"])
    weight = _weight(labs, on)
    # (a creatinine with no unit is read in mg/dL; one outside what mg/dL can be, such as 70,
    # was written in micromoles: first review)
    if weight is None or not 25 <= weight[0] <= 300 or not 0.2 <= creatinine["value"] <= 15:
        return
    value = (140 - age) * weight[0] / (72 * creatinine["value"]) * (0.85 if sex == "female" else 1)
    latest[KEY] = {
        "value": value,
        "date": creatinine["date"],
        "shown": (
            f"about {value:.0f} mL/min, worked out (Cockcroft-Gault) from your age ({age:g}), "
            f"weight ({round(weight[0]):g} kg on {human(weight[1])}) and creatinine "
            f"({creatinine['shown']} on {human(on)})"
        ),
    }


def evaluate(check: dict, worked: dict, limit: float) -> tuple[bool | None, str, str]:
    """(holds, why, settle) of a creatinine clearance or eGFR limit against the worked-out
    clearance: decided only clear of the limit (``MARGIN`` for a clearance rule, the eGFR band
    for an eGFR rule)."""
    from mbcnav.trials.labs import NEAR_CLEARANCE, holds

    said = f"Your creatinine clearance is {worked['shown']}"
    value = worked["value"]
    below, above = (MARGIN, MARGIN) if check.get("clearance") else NEAR_CLEARANCE
    if -below * limit <= value - limit <= above * limit:
        rule = "creatinine clearance" if check.get("clearance") else "eGFR"
        return (
            None,
            f"{said}. That is close to the trial's limit on {rule} ({limit:g} mL/min), so the "
            "study team works it out from your results at screening.",
            "Your creatinine clearance, worked out by the study team",
        )
    ok = holds(value, check["op"], limit)
    if not ok and check.get("measured_ok"):
        # "... calculated by Cockcroft-Gault or measured by 24-hour urine" (first review): a
        # measured clearance may pass where the worked-out one does not
        return (
            None,
            f"{said}, short of the trial's limit ({limit:g} mL/min); the trial also takes a "
            "clearance measured from a 24-hour urine collection.",
            "A measured creatinine clearance (24-hour urine)",
        )
    return ok, f"{said}.", ""
