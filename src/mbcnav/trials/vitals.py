"""Vital signs in a free-text note against a criterion's threshold (used by ``judge``).

"Heart rate of at least 90/min", "systolic blood pressure < 100 mm Hg", "hypertension of
> 170/100 mm Hg": the note's own number decides. Without a number, clinical words bound the
value (tachycardia, tachypnea, hypotension, severe pain), and an adult's note that calls the
physical examination or the vital signs normal bounds each vital sign to its normal adult
range. A criterion with alternatives ("... or a PaCO2 of 32 mmHg or lower") is never answered
False and one with further requirements ("GCS 8 or less and an abnormal CT scan") never True,
since the other part is not read here.

Sources (read 2026-11-21; these rules as of 2026-11-21):
- NCI Dictionary of Cancer Terms, "tachycardia" (over 100 beats a minute), "bradycardia"
  (under 60), https://www.cancer.gov/publications/dictionaries/cancer-terms
- MedlinePlus, "Pulse": adult resting heart rate 60 to 100 beats a minute,
  https://medlineplus.gov/ency/article/003399.htm
- MedlinePlus, "Rapid shallow breathing" (tachypnea), and "Vital signs": adult breathing rate
  12 to 20 breaths a minute, https://medlineplus.gov/ency/article/002341.htm
- MedlinePlus, "Low blood pressure": lower than 90/60 mm Hg,
  https://medlineplus.gov/ency/article/007278.htm
- American Heart Association, "Understanding Blood Pressure Readings": stage 2 high blood
  pressure from 140/90 mm Hg, https://www.heart.org/en/health-topics/high-blood-pressure/understanding-blood-pressure-readings
- Glasgow Coma Scale: scores from 3 to 15; coma, and severe brain injury, at 8 or less. CDC,
  "Glasgow Coma Scale", https://www.cdc.gov/masstrauma/resources/gcs.pdf; NCI Dictionary of Cancer
  Terms, "Glasgow Coma Scale".
- Pain words on the 0-10 scale (mild 1-3, moderate 4-6, severe 7-10): NCI, "Pain (PDQ)",
  https://www.cancer.gov/about-cancer/treatment/side-effects/pain/pain-hp-pdq
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OP = (
    r"(at least|≥|>=|>|higher than|greater than(?: or equal to)?|more than|above|"
    r"<|≤|<=|less than|lower than|below)"
)
_BELOW = {"<", "≤", "<=", "less than", "lower than", "below"}


@dataclass(frozen=True)
class Vital:
    criterion: str  # how a criterion names it
    words: tuple[tuple[str, float, float], ...] = ()  # note words bounding it (lo, hi)
    normal_adult: tuple[float, float] | None = None  # when the note calls the exam normal
    note: str = ""  # how a note reports the number (first group that matched); default: the name

    @property
    def note_rx(self) -> str:
        return self.note or rf"(?:{self.criterion})[^.;\d]{{0,25}}?(\d+(?:\.\d+)?)"


_BP_NOTE = r"(?:blood pressure|\bbp\b)[^.;\d]{0,25}?"
VITALS = {
    "heart rate": Vital(
        r"heart rate|pulse(?: rate)?|\bhr\b",
        ((r"tachycardi\w*", 101, 300), (r"bradycardi\w*", 0, 59)),
        (60, 100),
    ),
    "respiratory rate": Vital(
        r"respiratory rate|\brr\b|respirations?",
        ((r"tachypn\w*", 21, 80), (r"bradypn\w*", 0, 11)),
        (12, 20),
    ),
    "diastolic blood pressure": Vital(
        r"diastolic(?: blood)?(?: pressure)?|\bdbp\b",
        (),
        (60, 89),
        rf"{_BP_NOTE}\d{{2,3}}\s*/\s*(\d{{2,3}})|diastolic[^.;\d]{{0,25}}?(\d{{2,3}})",
    ),
    "systolic blood pressure": Vital(
        r"systolic(?: blood)?(?: pressure)?|\bsbp\b|blood pressure|\bbp\b|hypertension",
        ((r"\bhypotensi\w*", 0, 89),),
        (90, 139),
        rf"{_BP_NOTE}(\d{{2,3}})\s*/\s*\d{{2,3}}|systolic[^.;\d]{{0,25}}?(\d{{2,3}})",
    ),
    "glasgow coma scale": Vital(
        r"glasgow coma (?:scale|score)(?:\s*\(gcs\))?|\bgcs\b",
        ((r"\bcomatose\b|\bin (?:a )?coma\b|\bunresponsive\b", 3, 8),),
        (15, 15),
        r"(?:glasgow coma (?:scale|score)|\bgcs\b)(?:\s*\(gcs\))?[^.;\d]{0,25}?(\d{1,2})\b",
    ),
    "temperature": Vital(r"temperature|\btemp\b|fever"),
    "pain": Vital(
        r"pain",
        (
            (r"(?:excruciating|severe|intense|unbearable|worst)[\w ]{0,20}pain", 7, 10),
            (r"moderate[\w ]{0,20}pain", 4, 6),
            (r"mild[\w ]{0,20}pain", 1, 3),
        ),
    ),
}
_NORMAL_EXAM = re.compile(
    r"\b(?:physical )?exam(?:ination)? (?:is|was) (?:entirely |completely )?(?:normal|unremarkable)|"
    r"\bnormal (?:physical )?exam(?:ination)?\b|\bvital signs (?:are|were) (?:normal|within normal limits)|"
    r"\bnormal vital signs\b",
    re.I,
)


def _note_value(vital: Vital, note: str) -> float | None:
    m = re.search(vital.note_rx, note, re.I)
    if not m:
        return None
    return float(next(g for g in m.groups() if g is not None))


def _bounded(lo: float, hi: float, below: bool, limit: float) -> bool | None:
    if (hi <= limit) if below else (lo >= limit):
        return True
    if (lo > limit) if below else (hi < limit):
        return False
    return None


_NOT_A_LIMIT = r"(?!\s*(?:standard deviations?|sd\b|%|percent|times|x\b|\d|st\b|nd\b|rd\b|th\b))"
_AFTER = r"or (?:less|lower|fewer|below|under|more|greater|higher|above)"


def _threshold(vital: Vital, criterion: str) -> tuple[bool, float, float | None] | None:
    """(below, limit, second limit of "170/100") for "HR > 100" or "GCS 8 or less"; None if absent."""
    cm = re.search(
        rf"(?:{vital.criterion})[^.;\d]{{0,30}}?{_OP}\s*(\d+(?:\.\d+)?)(?:\s*/\s*(\d+))?{_NOT_A_LIMIT}",
        criterion,
        re.I,
    )
    if cm:
        below = cm.group(1).lower() in _BELOW
        return below, float(cm.group(2)), float(cm.group(3)) if cm.group(3) else None
    cm = re.search(
        rf"(?:{vital.criterion})[^.;\d]{{0,30}}?(\d+(?:\.\d+)?)\s*({_AFTER})", criterion, re.I
    )
    if cm:
        return (
            cm.group(2).lower().split()[1] in {"less", "lower", "fewer", "below", "under"},
            float(cm.group(1)),
            None,
        )
    return None


def holds(criterion: str, note: str, age: int | None) -> bool | None:
    """True when the criterion's vital-sign condition holds for the note, False when it does
    not, None when the criterion names no vital-sign threshold or the note cannot tell.

    A criterion with alternatives ("... or a PaCO2 of 32 mmHg or lower") is never answered False,
    and one with further requirements ("GCS 8 or less and an abnormal CT scan") never True, since
    the other part is not read here."""
    for vital in VITALS.values():
        found = _threshold(vital, criterion)
        if not found:
            continue
        below, limit, second = found
        answer = _one(vital, note, age, below, limit)
        if second is not None:  # "> 170/100 mm Hg": the systolic or the diastolic part
            other = _one(VITALS["diastolic blood pressure"], note, age, below, second)
            answer = (
                True if True in (answer, other) else (False if answer is other is False else None)
            )
        rest = re.sub(_AFTER, " ", criterion, flags=re.I)
        if answer is False and re.search(r"\bor\b", rest, re.I):
            return None
        if answer is True and re.search(r"\band\b(?!/or)", rest, re.I):
            return None
        return answer
    return None


def _one(vital: Vital, note: str, age: int | None, below: bool, limit: float) -> bool | None:
    value = _note_value(vital, note)
    if value is not None:
        return _bounded(value, value, below, limit)  # a reported number is its own bound
    bounds = [(lo, hi) for word, lo, hi in vital.words if re.search(word, note, re.I)]
    if not bounds and vital.normal_adult and age is not None and age >= 18:
        if _NORMAL_EXAM.search(note):
            bounds = [vital.normal_adult]
    for lo, hi in bounds:
        if (answer := _bounded(lo, hi, below, limit)) is not None:
            return answer
    return None
