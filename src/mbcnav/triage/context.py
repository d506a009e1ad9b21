"""What the triage rules read besides the check-in: drugs, sites and recent labs.

Built once per triage from the whole patient record on the as-of date. Drugs are
worked out here (not with ``derive.ongoing_drugs``) because the rules also need
drugs that ended a few weeks ago (chemotherapy keeps lowering blood counts after
the last dose) and drug names the table does not know (treated as "could be
anything": the rules may choose to count them as risky).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from mbcnav.patient import vocabulary
from mbcnav.patient.days import human
from mbcnav.patient.model import Lab, Patient, Symptom
from mbcnav.patient.vocabulary import Drug

from .told_sites import told


@dataclass(frozen=True)
class TakenDrug:
    """One systemic drug in the record: as written, the table entry (None if unknown)."""

    written: str
    drug: Drug | None
    start: date | None
    end: date | None  # None = ongoing

    @property
    def label(self) -> str:
        return self.drug.name if self.drug else self.written

    def taken_within(self, as_of: date, days: int) -> bool:
        """Ongoing on ``as_of``, or ended no more than ``days`` days before it."""
        if self.start is not None and self.start > as_of:
            return False
        return self.end is None or self.end >= as_of - timedelta(days=days)


@dataclass(frozen=True)
class LabValue:
    test: str
    value: float  # in the standard unit below
    unit: str
    date: date

    def text(self) -> str:
        return f"{self.test} {self.value:g} {self.unit} on {human(self.date)}"


@dataclass(frozen=True)
class Context:
    as_of: date
    checkin: tuple[Symptom, ...]
    drugs: tuple[TakenDrug, ...]
    sites: frozenset[str]
    labs: tuple[Lab, ...]

    def latest_lab(self, test: str, within_days: int) -> LabValue | None:
        """The most recent usable result of ``test`` taken within ``within_days`` days."""
        first = self.as_of - timedelta(days=within_days)
        found = [lab for lab in self.labs if lab.test == test and first <= lab.date <= self.as_of]
        for lab in sorted(found, key=lambda x: x.date, reverse=True):
            value = standard_value(lab)
            if value is not None:
                return value
        return None


FEVER_TERMS = ("fever", "chills")


def is_reported(entry: Symptom) -> bool:
    """An entry saying it is absent (severity 'none', or with no severity: frequency 'never' or
    interference 'not at all') counts only if it still carries a measurement (a temperature, a
    count, a blood sugar reading in the words)."""
    absent = entry.severity == "none" or (
        entry.severity is None
        and (
            entry.frequency == "never"
            or (entry.frequency is None and entry.interference == "not at all")
        )
    )
    if not absent:
        return True
    if entry.temperature_c is not None or bool(entry.count_per_day):
        return True
    # a blood sugar log typed with "feel normal" ("fasting glucose this week 6.4, 6.9, 6.7"):
    # readings outside the normal range are the report (sixteenth session, tuning set 38); a
    # normal one ("sugar 5.8 this morning") leaves the entry a "nothing to report"
    from .conditions import SUGAR_HIGH_FASTING, SUGAR_LOW, sugar_readings  # a circular import

    return any(r > SUGAR_HIGH_FASTING or r < SUGAR_LOW for r in sugar_readings(entry.note or ""))


def latest_checkin(p: Patient, as_of: date) -> tuple[Symptom, ...]:
    """Every symptom entry with the latest date on or before ``as_of``."""
    dates = [s.date for s in p.symptoms if s.date <= as_of]
    if not dates:
        return ()
    last = max(dates)
    return with_fever_reading(tuple(s for s in p.symptoms if s.date == last))


def with_fever_reading(entries: tuple[Symptom, ...]) -> tuple[Symptom, ...]:
    """A temperature written on another symptom ("temp 38.4 and I feel awful") is a fever
    reading too: the fever rules read it as a ``fever`` entry of the same check-in when it is
    raised (37.5 °C or more, UKONS) or low (under 36.0 °C); a normal one adds nothing."""
    if any(e.symptom in FEVER_TERMS and e.temperature_c is not None for e in entries):
        return entries
    for e in entries:
        if e.temperature_c is not None and not 36.0 <= e.temperature_c < 37.5:
            extra = Symptom(date=e.date, symptom="fever", temperature_c=e.temperature_c)
            return (*entries, extra)
    return entries


def taken_drugs(p: Patient) -> tuple[TakenDrug, ...]:
    out = []
    for t in p.treatments:
        if t.type != "systemic":
            continue
        for name in t.drugs:
            drug = vocabulary.drug(name)
            end = t.end
            if (
                end is None
                and t.start is not None
                and t.setting in vocabulary.EARLY_SETTINGS
                and drug is not None
                and set(drug.classes) & _COURSE_CLASSES
            ):
                # chemotherapy before or after surgery is a course of months: written with no
                # end date, it is read as over a year after it began, not as taken today (review)
                end = t.start + timedelta(days=COURSE_DAYS)
            out.append(TakenDrug(name, drug, t.start, end))
    return tuple(out)


#: classes given there as a course of months (not years of hormone pills)
_COURSE_CLASSES = frozenset({"chemotherapy", "antibody-drug conjugate"})
#: the longest such course, for a course written with no end date
COURSE_DAYS = 365


def build(p: Patient, as_of: date) -> Context:
    checkin = latest_checkin(p, as_of)
    return Context(
        as_of=as_of,
        checkin=checkin,
        drugs=taken_drugs(p),
        # the check-in's own words may tell a site the record lacks (H169)
        sites=frozenset(m.site for m in p.metastases) | told(checkin),
        labs=tuple(p.labs),
    )


# ------------------------------------------------------------------ lab units
# Each test the rules read, its standard unit, and how to convert other units.
STANDARD_UNITS = {
    "calcium": "mg/dL",
    "ANC": "x10^9/L",
    "platelets": "x10^9/L",
    "glucose": "mg/dL",
}


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip().lstrip("<>=~ "))
    except ValueError:
        return None


def standard_value(lab: Lab) -> LabValue | None:
    """The lab in the rule's unit; None when the test is not read or the value is not a number."""
    unit = STANDARD_UNITS.get(lab.test)
    value = _number(lab.value)
    if unit is None or value is None:
        return None
    given = (lab.unit or "").lower().replace("µ", "u").replace(" ", "")
    if lab.test == "calcium" and ("mmol" in given or (not given and value < 5)):
        value = round(value * 4.008, 1)  # mmol/L -> mg/dL
    elif lab.test == "glucose" and ("mmol" in given or (not given and value < 35)):
        value = round(value * 18.0, 0)  # mmol/L -> mg/dL
    elif lab.test in ("ANC", "platelets") and any(
        k in given for k in ("10^3", "10*3", "10e3", "k/")
    ):
        pass  # thousands per microlitre is the same number as x10^9/L
    elif lab.test in ("ANC", "platelets") and (
        "/ul" in given
        or "/mm3" in given
        or "cells" in given
        or (not given and value > (50 if lab.test == "ANC" else 2000))
    ):
        value = round(value / 1000.0, 3)  # cells/uL -> x10^9/L
    return LabValue(lab.test, value, unit, lab.date)
