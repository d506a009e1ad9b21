"""Blood-test limits in trial criteria ("ANC ≥ 1,500/µL", "ALT ≤ 2.5 × ULN") against the record's labs.

- ``load()``: the validated test table (``data/labs.yaml``): names, units, ULN ranges, sources.
- ``test_id(name)``: the table's id for a test name from a record ("Platelets" -> "platelets").
- ``in_unit(test, value, unit)``: a value in the unit limits are compared in (None if unknown).
- ``lab_checks(text)``: the limits one criterion sets, as checks of type "lab".
- ``latest(labs, as_of)``: each test's most recent numeric value on or before ``as_of``.
- ``evaluate_lab(check, labs, as_of, sites, gilbert)``: (holds, why, settle) for one limit.

A value decides a limit only when it is recent (``max_age_days``); a "× ULN" limit only when
the answer is the same for every upper limit of normal laboratories use (``uln`` range).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

from mbcnav.patient.days import human
from mbcnav.trials import clearance
from mbcnav.trials.errors import TrialsError

WHERE = "trials/data/labs.yaml"
BLOOD_TESTS = "Recent blood test results (blood counts, liver and kidney tests)"
HEART_TESTS = "A recent heart test (ECG or echocardiogram)"  # for QTc and LVEF limits


@dataclass(frozen=True)
class LabTest:
    id: str
    label: str
    names: tuple[str, ...]
    unit: str
    units: dict[str, float]
    per_microlitre_above: float | None
    uln: tuple[float, float] | None
    source: dict
    worse: str | None = None  # "high" or "low": the direction of a bad value
    max_age_days: int | None = None  # a test that moves slowly decides for longer (HbA1c)


@dataclass(frozen=True)
class LabTable:
    as_of: str
    max_age_days: int
    tests: dict[str, LabTest]


def _unit_key(unit: str) -> str:
    u = unit.strip().replace("µ", "u").replace("μ", "u").replace("³", "3").replace("⁹", "9")
    u = re.sub(r"\s+", "", u).replace("\\", "").replace("x10", "10").replace("×10", "10")
    return u.replace("^", "").replace("**", "").lower()


def validate(raw: object, where: str = WHERE) -> LabTable:
    """Check the YAML structure; errors name the file, the entry and the field."""
    if not isinstance(raw, dict) or not isinstance(raw.get("tests"), dict):
        raise TrialsError(f"{where} must hold a mapping with as_of, max_age_days and tests.")
    for key in ("as_of", "max_age_days", "freshness_source"):
        if key not in raw:
            raise TrialsError(f"{where} is missing the field '{key}'.")
    tests = {}
    for tid, entry in raw["tests"].items():
        if not isinstance(entry, dict):
            raise TrialsError(f"{where}: test '{tid}' must be a mapping.")
        for key in ("label", "names", "unit", "units", "source"):
            if key not in entry:
                raise TrialsError(f"{where}: test '{tid}' is missing the field '{key}'.")
        for key in ("publisher", "title", "url", "read"):
            if not entry["source"].get(key):
                raise TrialsError(f"{where}: test '{tid}' source is missing '{key}'.")
        for rx in entry["names"]:
            try:
                re.compile(rx)
            except re.error as err:
                raise TrialsError(
                    f"{where}: test '{tid}' name pattern '{rx}' is not a valid regular expression ({err})."
                ) from None
        units = {}
        for unit, factor in entry["units"].items():
            if not isinstance(factor, int | float) or factor <= 0:
                raise TrialsError(
                    f"{where}: test '{tid}' unit '{unit}' has factor '{factor}'; use a positive number."
                )
            units[_unit_key(str(unit))] = float(factor)
        if _unit_key(entry["unit"]) not in units:
            raise TrialsError(f"{where}: test '{tid}' must list its own unit '{entry['unit']}'.")
        uln = entry.get("uln")
        if uln is not None and not (
            isinstance(uln, list) and len(uln) == 2 and 0 < uln[0] <= uln[1]
        ):
            raise TrialsError(f"{where}: test '{tid}' uln '{uln}' must be [low, high].")
        age = entry.get("max_age_days")
        if age is not None and (not isinstance(age, int) or isinstance(age, bool) or age <= 0):
            raise TrialsError(
                f"{where}: test '{tid}' max_age_days '{age}' must be a whole number of days."
            )
        if entry.get("worse") not in (None, "high", "low"):
            raise TrialsError(
                f"{where}: test '{tid}' worse '{entry['worse']}' must be high or low."
            )
        tests[tid] = LabTest(
            tid,
            entry["label"],
            tuple(entry["names"]),
            entry["unit"],
            units,
            entry.get("per_microlitre_above"),
            tuple(uln) if uln else None,
            entry["source"],
            entry.get("worse"),
            age,
        )
    return LabTable(str(raw["as_of"]), int(raw["max_age_days"]), tests)


@cache
def load() -> LabTable:
    text = resources.files("mbcnav.trials").joinpath("data/labs.yaml").read_text("utf-8")
    return validate(yaml.safe_load(text))


@cache
def _name_rx() -> list[tuple[str, re.Pattern]]:
    return [
        (t.id, re.compile(r"(?:" + "|".join(t.names) + r")", re.I)) for t in load().tests.values()
    ]


def test_id(name: str) -> str | None:
    """The table id for a test name as a record writes it; None for tests the table lacks."""
    for tid, rx in _name_rx():
        if rx.fullmatch((name or "").strip()):
            return tid
    return None


def in_unit(test: str, value: float, unit: str | None) -> float | None:
    """``value`` in the test's comparison unit; None when the unit is not one the table knows."""
    t = load().tests[test]
    if unit:
        factor = t.units.get(_unit_key(unit))
        return None if factor is None else value * factor
    if t.per_microlitre_above is not None and value > t.per_microlitre_above:
        return value * 0.001  # a bare count such as 1500 is per microlitre
    if test == "hemoglobin" and value > 25:
        return value * 0.1  # g/L
    return value


# ----------------------------------------------------------------- criteria
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_OP = (
    r"(≥|>=|=>|>\s?/\s?=|≤|<=|=<|<\s?/\s?=|>|<|at least|greater than or equal to|greater than|more than|higher than|"
    r"above|over|no (?:more|greater|higher) than|not (?:more|greater|higher) than|up to|"
    r"less than or equal to|less than|lower than|below|under|no less than|not less than|"
    r"of at least|of)"
)
# "2.5 times the upper limit of reference range (ULRR)" (NCT00234403) is the same limit
# and so is "2.5 x upper institutional limit of normal" (NCT04020575)
_ULN = (
    r"(?:upper (?:institutional |laboratory |lab )?limits? (?:of )?(?:the )?(?:institution(?:'s|’s|al) |laboratory )?(?:normal(?: range)?|reference range)"
    # "≤ 2.5 × the upper normal limit of institution's normal range" (NCT03964532)
    r"|upper normal limits?(?: of (?:the )?(?:institution(?:'s|’s|al)?|laboratory)(?: normal range)?)?"
    r"|(?:institutional )?\b(?:uln|ulrr|unl)\b"
    # "ASAT and/or ALAT > 2.5 x N* ... *N = upper limit of standard range" (NCT01196455)
    r"|\bn\b\*?(?=\s*(?:[(;,.)]|$|\*|in\b|or\b|and\b)))"
)
_TIMES = r"\s*(?:x|×|\*|times?|(?:-\s*)?fold(?:\s*(?:x|×))?)\s*(?:the\s+)?(?:institutional\s+)?"
_UNIT = r"\s*((?:x|×)?\s*10\s*\\?\^?\s*[39⁹³]\s*/\s*[lµuμ]l?|/\s*(?:µ|u|μ|m)(?:l|m\s*\^?3|m³)|cells\s*/\s*(?:µ|u|μ|m)(?:l|m3)|k/\s*[uµ]l|g/\s*dl|g/\s*l|mg/\s*dl|[uµμ]mol/\s*l|mmol/\s*l|i?u/\s*l|ml/\s*min(?:/1\.73\s*m2)?)?"
_LIMIT = re.compile(
    _OP + r"\s*" + _NUM + r"(?:" + _TIMES + _ULN + r"|" + _UNIT + r")"
    r"|("
    + _OP
    + r"?\s*(?:the\s+)?"
    + _ULN
    + r"|within (?:the )?(?:institutional )?normal (?:limits|range))",
    re.I,
)
_WORD_OPS = {
    "at least": ">=",
    "of at least": ">=",
    "greater than or equal to": ">=",
    "no less than": ">=",
    "not less than": ">=",
    "greater than": ">",
    "more than": ">",
    "higher than": ">",
    "above": ">",
    "over": ">",
    "less than or equal to": "<=",
    "no more than": "<=",
    "no greater than": "<=",
    "no higher than": "<=",
    "not more than": "<=",
    "not greater than": "<=",
    "not higher than": "<=",
    "up to": "<=",
    "less than": "<",
    "lower than": "<",
    "below": "<",
    "under": "<",
    "=>": ">=",
    "=<": "<=",
    "≥": ">=",
    "≤": "<=",
}
_LIVER = re.compile(r"liver|hepatic", re.I)
# "(in case of liver metastases > 5 x N*)" (NCT01196455): the looser limit's premise before it
_LIVER_CASE = (
    r"(?:(?:in\s+(?:the\s+)?case\s+of|in\s+(?:patients|subjects|participants)\s+with|"
    r"for\s+(?:patients|subjects|participants)\s+with|if\s+(?:there\s+are\s+)?)\s*(?:known\s+)?"
    r"(?:liver|hepatic)\s+(?:metastas[ei]s|involvement)(?:\s+(?:are\s+)?present)?\s*)?"
)


def _op(word: str | None, kind_default: str) -> str:
    if not word or word.lower() == "of":
        return kind_default
    w = word.lower()
    if "/" in w:  # ">/=" and "< / =" (MD Anderson's notation) are ">=" and "<="
        w = re.sub(r"[\s/]", "", w)
    return _WORD_OPS.get(w, w)


def _limit_after(text: str, start: int) -> tuple[dict | None, int]:
    """The first limit after a test name (within a short reach); (limit, end) or (None, start)."""
    m = _LIMIT.search(text, start)
    if not m or m.start() - start > 60 or re.search(r"[;]", text[start : m.start()]):
        return None, start
    if m.group(1):  # a number
        value = float(m.group(2).replace(",", ""))
        if re.search(r"uln|ulrr|unl|normal|reference range|(?:x|×|times?)\s*n\b", m.group(0), re.I):
            return {"op": _op(m.group(1), "<="), "limit": value, "uln": True}, m.end()
        return {"op": _op(m.group(1), ">="), "limit": value, "unit": m.group(3)}, m.end()
    if re.search(r"\d", text[start : m.start()]):
        return None, start  # "Total bilirubin ~1.5 x ULN" (NCT06369831): a number not read
    return {"op": _op(m.group(5), "<="), "limit": 1.0, "uln": True}, m.end()


_GFR = re.compile(r"gfr|glomerular", re.I)
_GILBERT = re.compile(r"gilbert", re.I)
_MEASURED = re.compile(r"\b24[- ]?h(?:ou)?rs?\b|\burine\b|\bmeasured\b", re.I)
# an eGFR (per 1.73 m2 of body surface) stands in for a creatinine clearance (Cockcroft-Gault:
# age, weight and creatinine) only away from the limit: for a small or older person the
# clearance can be a third lower (78 years, 52 kg, creatinine 1.4: eGFR 37, clearance 27;
# last session's held-out set 70, read after it was measured), and for a heavy one a half higher
# (50 years, 95 kg, creatinine 1.35: eGFR 48, clearance 75; review): near the limit on either
# side, the study team works it out (below by, above by: fractions of the limit)
NEAR_CLEARANCE = (0.35, 0.35)


def lab_checks(text: str) -> list[dict]:
    """The blood-test limits one criterion sets: {"type": "lab", "value": test id, "op", "limit",
    "uln" (limit is a multiple of the upper limit of normal), "liver_limit", "group"}."""
    names = sorted(
        ((m.start(), m.end(), tid) for tid, rx in _name_rx() for m in rx.finditer(text)),
        key=lambda x: (x[0], -x[1]),
    )
    out: list[dict] = []
    seen: set[str] = set()
    group, last_end, covered = 0, -1, -1
    for start, end, tid in names:
        if start < covered:
            continue  # "creatinine" inside "creatinine clearance"; "AST" already read
        limit, stop = _limit_after(text, end)
        covered = end
        if limit is None or tid in seen:
            continue
        t = load().tests[tid]
        if limit.get("uln") and t.uln is None:
            continue  # "ANC within normal limits": no fixed ULN range to compare with
        if not limit.get("uln"):
            value = in_unit(tid, limit["limit"], limit.pop("unit", None))
            if value is None:
                continue
            if t.uln is not None and value < t.uln[0] / 2:
                # "AST <= 2.5" is no limit a liver test is held to: a multiple of the upper
                # limit of normal whose words were not read (NCT03964532) is left to the team
                continue
            limit["limit"] = round(value, 4)
        between = text[last_end:start] if last_end >= 0 else ""
        if not (last_end >= 0 and re.search(r"\bor\b", between, re.I)):
            group += 1
        check = {
            "type": "lab",
            "value": tid,
            **limit,
            "group": group,
            "liver_limit": None,
            "at": start,
        }
        tail = text[stop : stop + 90]
        alt = re.match(
            r"\s*(?:\(\s*uln\s*\))?\s*[(;,]?\s*(?:or\s+)?"
            + _LIVER_CASE
            + r"(?:≤|<=|<|>|>=|≥)?\s*"
            + _NUM
            + _TIMES
            + _ULN,
            tail,
            re.I,
        )
        if check.get("uln") and alt and _LIVER.search(tail[alt.end() : alt.end() + 60] + tail):
            check["liver_limit"] = float(alt.group(1).replace(",", ""))
        if tid == "bilirubin" and _GILBERT.search(text[start:]):
            # "Total bilirubin ≤ 1.5 × ULN (≤ 3 × ULN for patients with Gilbert's syndrome)": a
            # looser limit (or none) for people with Gilbert's syndrome
            check["gilbert"] = True
        if tid == "creatinine_clearance" and not _GFR.search(text):
            check["clearance"] = True  # a clearance (Cockcroft-Gault), not an eGFR
        if tid == "creatinine_clearance" and _MEASURED.search(text):
            check["measured_ok"] = True  # "... or measured by 24-hour urine" (clearance.py)
        seen.add(tid)
        out.append(check)
        last_end = stop
    return _spread_shared(text, names, out)


def _spread_shared(text: str, names: list, out: list[dict]) -> list[dict]:
    """The limit after the last name holds for all ("AST and ALT ≤ 2.5 × ULN", "AST/ALT ≤ 3 × ULN")."""
    have = {c["value"] for c in out}
    for _start, end, tid in names:
        if tid in have:
            continue
        tail = text[end : end + 40]
        m = re.match(r"\s*(?:\([^)]{0,20}\))?\s*(?:and|/|or|,)\s*(?:the\s+)?", tail, re.I)
        if not m:
            continue
        for c in out:
            c_start = next((s for s, e, t in names if t == c["value"]), None)
            if c_start is not None and 0 <= c_start - (end + m.end()) <= 30:
                if c.get("uln") and load().tests[tid].uln is not None:
                    out.append({**c, "value": tid})
                    have.add(tid)
                break
    return out


# ----------------------------------------------------------------- the record
def latest(labs, as_of: date) -> dict[str, dict]:
    """{test id: {"value" (comparison unit), "shown", "date"}}: each test's newest usable value."""
    out: dict[str, dict] = {}
    for lab in labs:
        tid = test_id(lab.test)
        if tid is None or lab.date > as_of or not isinstance(lab.value, int | float):
            continue
        value = in_unit(tid, float(lab.value), lab.unit)
        if value is None:
            continue
        if tid not in out or lab.date.isoformat() > out[tid]["date"]:
            shown = f"{lab.value:g}" + (f" {show_unit(lab.unit)}" if lab.unit else "")
            out[tid] = {"value": value, "shown": shown, "date": lab.date.isoformat()}
            if tid == "creatinine_clearance" and (
                _GFR.search(lab.test) or "1.73" in (lab.unit or "")
            ):
                out[tid]["egfr"] = True
    return out


def show_unit(unit: str) -> str:
    """A unit as people read it: "10^9/L" -> "× 10⁹/L", "uL" -> "µL"."""
    u = re.sub(r"^x?\s*10\^?9", "× 10⁹", unit.strip())
    u = re.sub(r"^x?\s*10\^?3", "× 10³", u)
    return u.replace("uL", "µL").replace("umol", "µmol")


def _holds(value: float, op: str, limit: float) -> bool:
    return {
        ">=": value >= limit,
        ">": value > limit,
        "<=": value <= limit,
        "<": value < limit,
    }[op]


holds = _holds  # for the worked-out clearance (``clearance``)


def _phrase(check: dict, t: LabTest, limit: float) -> str:
    words = {">=": "at least", ">": "above", "<=": "at most", "<": "below"}[check["op"]]
    if check.get("uln"):
        return f"{words} {limit:g} times the upper limit of normal"
    return f"{words} {limit:g} {show_unit(t.unit)}"


def backwards(check: dict, kind: str) -> bool:
    """An inclusion whose limit runs the wrong way for its test: a minimum on a test where high
    is bad (AST at least 3 x ULN), a maximum on one where low is bad (platelets at most 100)."""
    t = load().tests.get(check.get("value"))
    return kind == "inclusion" and t is not None and _toward_worse(check, t)


def _toward_worse(check: dict, t: LabTest) -> bool:
    """A limit that points to the side where the organ or marrow does badly ("QTcF > 470 ms")."""
    return (t.worse == "high" and check.get("op") in (">", ">=")) or (
        t.worse == "low" and check.get("op") in ("<", "<=")
    )


def evaluate_lab(
    check: dict,
    labs: dict[str, dict],
    as_of: str,
    sites: list[str] | tuple = (),
    gilbert: bool = False,
) -> tuple[bool | None, str, str]:
    """Does the record's recent value meet the limit? (holds, why, what would settle it);
    ``gilbert``: the record lists Gilbert's syndrome, for which a bilirubin rule may say more."""
    holds, why, settle = _evaluate_lab(check, labs, as_of, sites)
    if holds is False and gilbert and check.get("gilbert"):
        return (
            None,
            f"{why} The rule has its own limit for people with Gilbert's syndrome, which your "
            "record lists; the study team applies it.",
            settle,
        )
    return holds, why, settle


def _evaluate_lab(
    check: dict, labs: dict[str, dict], as_of: str, sites: list[str] | tuple = ()
) -> tuple[bool | None, str, str]:
    table = load()
    t = table.tests[check["value"]]
    limit = check["limit"]
    if check.get("backwards"):
        return (
            None,
            f"The rule reads as {t.label} {_phrase(check, t, limit)}, which is the wrong way round "
            "for a limit on how well your body is working; the study team can say what they mean.",
            f"Ask the study team what limit on {t.label} they use",
        )
    if check.get("liver_limit") and "liver" in sites:
        limit = check["liver_limit"]
    settle = HEART_TESTS if t.id in ("qtc", "lvef") else BLOOD_TESTS  # one item per kind
    found = labs.get(t.id)
    if (
        t.id == "creatinine_clearance"
        and (worked := labs.get(clearance.KEY))
        and (not found or (found.get("egfr") and check.get("clearance")))
        and not check.get("conditional")
    ):
        return clearance.evaluate(check, worked, limit)
    if not found:
        # "QTcF > 470 ms" in an exclusion names the value that keeps people out
        lead = "The trial leaves out people with" if _toward_worse(check, t) else "The trial needs"
        return None, f"{lead} {t.label} {_phrase(check, t, limit)}.", settle
    today = date.fromisoformat(as_of) if as_of else date.today()
    measured = date.fromisoformat(found["date"])
    age = (today - measured).days
    said = f"Your {t.label} was {found['shown']} on {human(measured)}"
    max_age = t.max_age_days or table.max_age_days
    if age > max_age:
        return (
            None,
            f"{said}, more than {max_age} days ago; the trial needs "
            f"{_phrase(check, t, limit)} and tests it again at screening.",
            settle,
        )
    if check.get("conditional"):
        holds = _holds(
            found["value"], check["op"], limit * (t.uln[1] if check.get("uln") and t.uln else 1)
        )
        if not holds:
            return (
                None,
                f"{said}. This limit is for people whose other results are outside a set range; "
                "the study team checks whether it applies to you.",
                settle,
            )
    if (
        check.get("clearance")
        and found.get("egfr")
        and -NEAR_CLEARANCE[0] * limit <= found["value"] - limit <= NEAR_CLEARANCE[1] * limit
    ):
        return (
            None,
            f"{said}. The trial uses creatinine clearance, worked out from your age, weight and "
            f"creatinine. This close to its limit ({_phrase(check, t, limit)}), an eGFR and a "
            "clearance can fall on different sides of it.",
            "Your creatinine clearance, worked out by the study team",
        )
    if not check.get("uln"):
        return _holds(found["value"], check["op"], limit), f"{said}.", ""
    low, high = t.uln  # type: ignore[misc]
    with_low = _holds(found["value"], check["op"], limit * low)
    with_high = _holds(found["value"], check["op"], limit * high)
    if with_low == with_high:
        return with_low, f"{said} (the trial's limit: {_phrase(check, t, limit)}).", ""
    return (
        None,
        f"{said}; whether that is {_phrase(check, t, limit)} depends on your laboratory's normal range.",
        f"Your laboratory's normal range for {t.label}",
    )
