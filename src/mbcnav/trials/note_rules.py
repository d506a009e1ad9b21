"""Note-reading rules for criteria the structured checks cannot decide (used by ``judge``).

Each rule answers True (the criterion's condition holds for the person), False (the note
contradicts it) or None (the rule does not apply / cannot tell). Rationale for each rule:

- ``negated_contradicted``: "No history of X", "non-smoker", "not pregnant" is a requirement
  that the person LACKS X; a note that affirms X contradicts it (ConText-style negation scope:
  the cue governs the words after it up to the end of the clause).
- ``age_range``: an explicit "55-75 years old" range anywhere in a criterion, also when other
  wording (e.g. "postmenopausal") keeps the structured age check from firing.
- ``menopause``: menopausal status from the note's own words, else from age with the same
  limits as a record (``menopause.PRE_AGE`` and ``POST_AGE``: premenopausal before 45,
  postmenopausal from 60 as trials define it, open in between; sources in ``menopause.py``).
- ``severity``: "mild cognitive impairment" against "severe cognitive deficits" in the note --
  the same finding at another grade (mild / moderate / severe) contradicts the requirement.
- ``duration``: "fever for more than one week" against "fever ... for 2 days" in the note; a
  note that names the symptom without its duration cannot settle the criterion.
- ``undergoing``: criteria that select people by the procedure they are having ("patients
  undergoing carotid endarterectomy") -- a clinical note would state a planned or current
  procedure, so silence means the person is not in that group (closed-world reading).
"""

from __future__ import annotations

import re

from mbcnav.trials.menopause import POST_AGE, PRE_AGE
from mbcnav.trials.time_windows import NUMBER_WORDS

_NUM_WORDS = {**NUMBER_WORDS, "a": 1, "an": 1}
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30.4, "year": 365}
_N = r"(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|an?)"
_UNIT = r"(hour|day|week|month|year)s?"


def _num(word: str) -> float:
    return float(_NUM_WORDS.get(word.lower(), word))


# --- negated requirements -------------------------------------------------------------------
_NEG_CUE = re.compile(
    r"(?:^\W*|[,;(]\s*|\band\s+)(?:(?:no|not|none|without|absence of|free of|never|"
    r"ha(?:ve|s) not(?: been)?|are not|is not|do(?:es)? not have|negative for)\s+|non[- ]?)",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;.()]|\bbut\b|\bexcept\b|\bunless\b", re.I)


def negated_contradicted(criterion: str, affirmed_terms, terms_of) -> bool:
    """An inclusion that requires the ABSENCE of something the note affirms."""
    for m in _NEG_CUE.finditer(criterion):
        rest = criterion[m.end() :]
        end = _CLAUSE_END.search(rest)
        scope = rest[: end.start()] if end else rest
        scope = re.sub(
            r"^(?:(?:prior|previous|known|medical|personal|significant|clinical|current)\s+|"
            r"(?:history|evidence|diagnosis)\s+of\s+|been\s+|previously\s+|diagnosed\s+with\s+)+",
            "",
            scope.strip(),
            flags=re.I,
        )
        terms = terms_of(scope)
        if terms and len(terms) <= 4 and all(t in affirmed_terms for t in terms):
            return True
    return False


# --- age range ------------------------------------------------------------------------------
_RANGE = re.compile(
    r"(?<![\d.])(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\s*(?:years?|yrs?)(?:[- ]old| of age)?", re.I
)
_RANGE_NOT = re.compile(r"\b(?:for|within|since|after|last|past|ago|prior|history)\s*$", re.I)


_AFTER_AGE = re.compile(r"\b(?:after|since|from) (?:the )?age (?:of )?(\d{1,2})\b", re.I)


def age_range(criterion: str, age: float | None) -> bool | None:
    if age is None:
        return None
    if (m := _AFTER_AGE.search(criterion)) and age < float(m.group(1)):
        return False  # "wheezing after the age of 6" cannot hold for a 4-year-old
    for m in _RANGE.finditer(criterion):
        lo, hi = float(m.group(1)), float(m.group(2))
        if not lo < hi <= 120 or _RANGE_NOT.search(criterion[: m.start()]):
            continue
        return lo <= age <= hi
    return None


# --- menopause ------------------------------------------------------------------------------
_MENO = re.compile(r"\b(pre|peri|post)[- ]?menopaus\w*", re.I)


def menopause(criterion: str, note: str, sex: str | None, age: float | None) -> bool | None:
    m = _MENO.search(criterion)
    if not m or len(criterion.split()) > 6 or sex != "female":
        return None
    wanted = m.group(1).lower()
    if re.search(r"\b(?:post[- ]?menopaus\w*|in menopause|menopause)\b", note, re.I):
        status = "post"
    elif re.search(r"\bpre[- ]?menopaus|menstrua|periods\b", note, re.I) and (age or 0) < POST_AGE:
        status = "pre"
    elif age is not None and age < PRE_AGE:
        status = "pre"
    elif age is not None and age >= POST_AGE:
        status = "post"
    else:
        return None
    if wanted == "peri":
        return None
    return status == wanted


# --- severity grades ------------------------------------------------------------------------
_GRADE = {
    "mild": "mild",
    "slight": "mild",
    "minimal": "mild",
    "moderate": "moderate",
    "severe": "severe",
    "marked": "severe",
    "profound": "severe",
    "excruciating": "severe",
}
_G = "|".join(_GRADE)
_GRADE_RX = re.compile(
    rf"\b({_G})(?:\s*(?:to|or|and|-|/)\s*({_G}))?\s+((?:[a-z\-]+\s+){{0,2}}[a-z\-]+)", re.I
)


def severity(criterion: str, note: str, terms_of) -> bool | None:
    """Whether the note's grade of the criterion's graded finding matches; None if not both.
    A range ("moderate to severe pain") accepts either grade."""
    for cm in _GRADE_RX.finditer(criterion):
        want = {_GRADE[g.lower()] for g in cm.group(1, 2) if g}
        cterms = set(terms_of(cm.group(3)))
        for nm in _GRADE_RX.finditer(note):
            if cterms & set(terms_of(nm.group(3))):
                return _GRADE[nm.group(1).lower()] in want
    return None


# --- durations ------------------------------------------------------------------------------
_NEED = re.compile(
    rf"\b([a-z][a-z\- ]{{2,30}}?)\s+(?:for\s+|lasting\s+|of\s+)?(more than|over|longer than|at least|≥|>=|>|"
    rf"less than|under|<|≤|<=)\s*{_N}\s*{_UNIT}",
    re.I,
)
_HAVE = [
    re.compile(rf"\bfor (?:the (?:past|last) )?{_N}\s*{_UNIT}", re.I),
    re.compile(rf"\b{_N}[- ]{_UNIT}(?: history)? of\b", re.I),
]


def duration(criterion: str, note: str, terms_of) -> bool | str | None:
    """Compare a required symptom duration with the note: True / False, "unknown" when the
    note names the symptom without its duration, None when the rule does not apply."""
    m = _NEED.search(criterion)
    if not m:
        return None
    subject = terms_of(m.group(1))
    if not subject:
        return None
    need = _num(m.group(3)) * _UNIT_DAYS[m.group(4).lower()]
    longer = m.group(2).lower() in {"more than", "over", "longer than", "at least", "≥", ">=", ">"}
    found = None
    for sentence in re.split(r"(?<=[.;])\s+|\n", note):
        if not all(t in set(terms_of(sentence)) for t in subject):
            continue
        found = found or "mentioned"
        for rx in _HAVE:
            if h := rx.search(sentence):
                have = _num(h.group(1)) * _UNIT_DAYS[h.group(2).lower()]
                return have >= need if longer else have <= need
    return "unknown" if found else None


# --- procedures the person is having --------------------------------------------------------
_UNDERGOING = re.compile(
    r"^\W*(?:(?:adult\s+)?(?:patients?|subjects?|participants?|people)\s+(?:who\s+are\s+)?)?"
    r"(?:undergoing|scheduled (?:for|to undergo)|planned for|who will undergo|candidates? for|"
    r"(?:are|is|being) (?=mechanically ventilated|intubated))\s*(.+)",
    re.I,
)


def undergoing(criterion: str, affirmed_terms, terms_of) -> bool | None:
    m = _UNDERGOING.search(criterion)
    if not m:
        return None
    terms = terms_of(re.sub(r"\(.*?\)", " ", m.group(1)))
    if not terms:
        return None
    share = sum(1 for t in terms if t in affirmed_terms) / len(terms)
    if share >= 0.5:
        return True
    return False if share == 0 else None
