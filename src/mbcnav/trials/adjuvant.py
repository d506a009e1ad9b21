"""Treatment given before the cancer spread as a count of earlier lines names it: "≥1 prior lines
of chemotherapy/adjuvant in the recurrent or metastatic setting" (it may count), "in
neoadjuvant/adjuvant/metastatic setting" (it counts), "or relapsed within 6 months of completion of
adjuvant anti-HER2 therapy" (the record's dates decide). Only the count's own clause is read
(line_count.py judges the readings)."""

from __future__ import annotations

import re

from mbcnav.trials.time_windows import _W, span_days

#: treatment before the spread named in a count of lines, unless the count leaves it out
#: ("adjuvant chemotherapy does not count", "excluding adjuvant")
_ADJUVANT_NAMED = re.compile(
    r"(?<!excluding )(?<!other than )(?<!not including )\b(?:\(?neo\)?-?)?adjuvant\b"
    r"(?![^.;]{0,40}?\b(?:not (?:be )?(?:count|consider|includ|qualif)|does(?: not|n't) (?:count|qualify)|(?:is|are) excluded))",
    re.I,
)
#: a relapse window after treatment before the spread: "relapsed within 6 months of completion
#: of adjuvant anti-HER2 therapy", "recurrence during or within 12 months of (neo)adjuvant ..."
_ADJUVANT_WINDOW = re.compile(
    rf"\bwithin\s+{_W}\s*(day|week|month|year)s?\s+(?:of|after|from|following)\s+(?:the\s+)?"
    r"(?:(?:completion|completing|end|finishing|last\s+dose|stopping)\s+(?:of\s+)?)?(?:[\w/-]+\s+){0,2}?"
    r"\(?(?:neo)?\)?-?adjuvant",
    re.I,
)


#: treatment before the spread listed beside the metastatic setting as one the count takes in
_ADJUVANT_SETTINGS = re.compile(
    r"\b(?:\(?neo\)?-?)?adjuvant\s*(?:/|,|\bor\b|\band/or\b)\s*(?:(?:\(?neo\)?-?)?adjuvant\s*(?:/|,|\bor\b|\band/or\b)\s*)?"
    r"(?:the\s+)?(?:metastatic|advanced)\b"
    r"|\b(?:metastatic|advanced)\s*(?:/|,|\bor\b|\band/or\b)\s*(?:\(?neo\)?-?)?adjuvant\s+settings?\b",
    re.I,
)


#: where a count's own words end: a new sentence or clause, a bracket, or a second requirement
#: joined by a comma ("..., including a taxane in the adjuvant or metastatic setting": review)
_COUNT_END = re.compile(
    r";|\.\s|\(|,\s*(?:including|with|of\s+which|and|prior|must|previous)\b", re.I
)


def _count_span(text: str, at) -> str:
    """The words of one count of lines, from its number to the end of its clause."""
    start = at if isinstance(at, int) else 0
    end = _COUNT_END.search(text, start)
    return text[start : end.start() if end else len(text)]


def _adjuvant_window(text: str) -> float | None:
    """Days after treatment before the spread within which a relapse counts it as a line."""
    m = _ADJUVANT_WINDOW.search(text)
    return span_days(m.group(1), m.group(2)) if m else None


def adjuvant_reading(text: str, at: int | None) -> dict:
    """The adjuvant readings of the count of lines at ``at`` in ``text``."""
    own = _count_span(text, at)
    return {
        "adjuvant_named": bool(_ADJUVANT_NAMED.search(own)),
        # "... or relapsed within 6 months of completion of adjuvant anti-HER2 therapy"
        "adjuvant_within": _adjuvant_window(own),
        # "... in neoadjuvant/adjuvant/metastatic setting": a setting the count takes in
        "adjuvant_counts": bool(_ADJUVANT_SETTINGS.search(own)),
    }
