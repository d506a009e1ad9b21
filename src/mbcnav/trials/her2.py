"""HER2 IHC score lists in criteria ("HER2 IHC 0, 1+ or 2+/ISH-"), read as the HER2 categories
they allow, after the ASCO/CAP HER2 testing guideline (2023 update: IHC 0 includes ultralow; 2+
is HER2-low unless ISH is amplified; https://ascopubs.org/doi/10.1200/JCO.22.02864, read
2026-12-02, as of 2026-12-02)."""

from __future__ import annotations

import re

#: one IHC score, with or without its "+" ("IHC 0 or 1 FISH negative": NCT05768932, set 24); a bare
#: digit only when no number, unit or percent follows ("IHC 1 %", "IHC 2.5" are not scores)
_SCORE = (
    r"(?:[0-3]\+|[0-3](?!\d|\.\d|\s*(?:%|percent|mm|cm|years?|months?|weeks?|days?|copies|copy|"
    r"signals?|cells?)\b))"
)

_HER2_LIST = re.compile(
    # "immunohistochemistry (HER2-IHC) result of 0/1+ or 2+ with negative FISH" (NCT07254858)
    r"\b(?:ihc|immunohistochemistry)\s*(?:\([^()]{1,20}\)\s*)?(?:(?:score|result)\s*)?(?:of\s*)?"
    rf"(?P<list>{_SCORE}(?:\s*(?:,|or|and/or|and|/|&)\s*(?:ihc\s*)?{_SCORE})+)"
    r"(?P<after>[^.;]{0,60})",
    re.I,
)

#: what makes an IHC score list a HER2 one: HER2 named, or the in situ hybridization that only
#: HER2 scoring pairs with IHC in breast cancer ("IHC 0 or 1 fluorescence in situ hybridization
#: (FISH) negative", an item under "HER2 negative as per ASCO/CAP": set 24)
_HER2_WORD = re.compile(r"her-?2|(?:c-?)?erb-?b-?2", re.I)
_HER2_CONTEXT = re.compile(
    _HER2_WORD.pattern + r"|\b(?:f|c|s)?ish\b|in\s+situ\s+hybridi[sz]ation", re.I
)


# an IHC score above 0 and below 1+ is HER2-ultralow ("0<IHC<1+", "IHC >0 <1+": NCT06331169,
# nineteenth session, last session's held-out set 46)
_ULTRALOW_RANGE = re.compile(
    r"\b0\s*<\s*(?:ihc\s*)?<\s*1\+|(?:ihc\s*)?>\s*0\+?\s*(?:(?:and|but|,)\s*)?<\s*1\+", re.I
)


# "... or >0 <1+ excluded", "other than 0<IHC<1+" (review): the range named to keep it out
_RANGE_OUT_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,2}(?:excluded|ineligible|not\s+(?:eligible|allowed|permitted))", re.I
)
_RANGE_OUT_BEFORE = re.compile(
    r"(?:except|excluding|other\s+than|\bnot|\bno)\W+(?:\w+\W+){0,3}$", re.I
)


def _let_in(pattern: re.Pattern, text: str) -> bool:
    """Whether ``pattern`` is named in the text other than to keep it out."""
    return any(
        not _RANGE_OUT_AFTER.search(text[m.end() :])
        and not _RANGE_OUT_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        for m in pattern.finditer(text)
    )


#: another target scored by IHC and in situ hybridization ("c-MET overexpression (IHC 2+ or 3+) or
#: MET amplification by FISH": first review); with no HER2 word, the list is not HER2's
_OTHER_TARGET = re.compile(
    r"\b(?:c-?met|met|egfr|alk|ros-?1|ret|ntrk\d?|fgfr\d?|trop-?2|her-?3|pd-?l1|claudin[\s-]?\d*|"
    r"folr-?1|b7-?h\d|cdh6|nectin-?4|c-?kit|ar|androgen)\b",
    re.I,
)


def _other_target_before(text: str, at: int) -> bool:
    """Whether another target is named in the clause before a score list, after any HER2 word
    ("c-MET protein overexpression by immunohistochemistry (IHC 2+ or 3+)"; not "AR any, HER2 IHC
    0 or 1+": final review)."""
    clause = re.split(r"[.;]\s", text[:at])[-1]
    her2 = list(_HER2_WORD.finditer(clause))
    if her2:
        clause = clause[her2[-1].end() :]
    return bool(_OTHER_TARGET.search(clause))


def ultralow_named(text: str) -> bool:
    """Whether the text lets in an IHC score above 0 and below 1+ (HER2-ultralow) by that range."""
    return _let_in(_ULTRALOW_RANGE, text)


_ULTRALOW_WORD = re.compile(r"\bultra-?\s?low\b", re.I)


def ultralow_said(text: str) -> bool:
    """Whether the text lets in HER2-ultralow by its range or its name, not to keep it out
    ("excluding HER2-ultralow", "ultralow ... not eligible": second review)."""
    return ultralow_named(text) or _let_in(_ULTRALOW_WORD, text)


def her2_scores(text: str) -> list[str] | None:
    """HER2 categories a list of IHC scores allows ("IHC 0, 1+ or 2+ with negative ISH" ->
    zero, ultralow, low), after ASCO/CAP 2023 (0 includes ultralow; 2+ is low unless ISH is
    amplified). None unless a HER2 criterion lists two scores or more."""
    if not _HER2_CONTEXT.search(text) or (
        not _HER2_WORD.search(text) and _OTHER_TARGET.search(text)
    ):
        return None
    m = _HER2_LIST.search(text)
    if not m or _other_target_before(text, m.start()):
        # ("HER3 IHC 2+ or 3+; no HER2 amplification by ISH": another target's scores, first
        # review)
        return None
    scores = [d + "+" for d in re.findall(r"[0-3]", m.group("list"))]
    if len(set(scores)) < 2:
        return None
    ultralow = ultralow_named(text)
    amplified = _amplified(m.group("after"))
    out: list[str] = []
    for sc in scores:
        if sc == "0+":
            out += ["zero", "ultralow"]
        elif sc == "1+":
            out.append("low")
        elif sc == "2+":
            out.append("positive" if amplified else "low")
        else:
            out.append("positive")
    if ultralow:
        out.append("ultralow")
    return sorted(set(out))


_AMPLIFIED = re.compile(
    r"\(?ish\)?\s*\+|ish[- ]positive|hybridi[sz]ation\W{0,12}(?:\+|positive)"
    # ("IHC 3 or IHC 2 with FISH amplification", "... or documented gene amplification by FISH":
    # first review)
    r"|amplifi(?:ed|cation)",
    re.I,
)
#: a denial in the words before "amplified" ("without HER2 gene amplification", "ISH negative for
#: amplification", "not amplified": final review)
_NOT_BEFORE = re.compile(
    r"\b(?:without|no|not|non|negative|absence|absent|lack\w*|nor)\b[^,;]{0,30}$|non-$", re.I
)


def _amplified(after: str) -> bool:
    """Whether the words after a score list say the 2+ is amplified (not denied)."""
    return any(not _NOT_BEFORE.search(after[: a.start()]) for a in _AMPLIFIED.finditer(after))


def her2_list_start(text: str) -> int:
    """Where the list of IHC scores starts (-1 when there is none)."""
    m = _HER2_LIST.search(text)
    return m.start() if m else -1


#: HER2 checks that name one category, as the categories of ``her2_scores``.
_CATEGORY = {"her2-positive": "positive", "her2-low": "low"}


def with_named(scores: list[str], checks: list[dict], text: str) -> list[str]:
    """The categories an IHC list allows plus those named beside it with "or": "HER2-positive
    (IHC 3+ or ISH+) or HER2-low (IHC 1+ or 2+/ISH-)" -> low, positive (the list gives one side).
    Negated checks name nothing allowed."""
    if not re.search(r"\bor\b", text, re.I):
        return scores
    named = {_CATEGORY.get(c["value"]) for c in checks if not c.get("neg")}
    return sorted(set(scores) | {x for x in named if x})
