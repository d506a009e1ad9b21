"""The breast subtypes a text names ("HR+/HER2-", "TNBC", "HER2-low"), as [[hr, her2 list], ...]:
read by the population gates (``population.py``), the summary's population (``summary.py``) and
the subtype lists of a criterion."""

from __future__ import annotations

import re

from mbcnav.trials.wording import rx

NEG = ["zero", "ultralow", "low", "negative"]
_HR = r"(?:hr|hormone[- ]receptors?|er|estrogen[- ]receptors?|oestrogen[- ]receptors?)"
_HER2 = r"(?:her[- ]?2(?:\s*/\s*neu)?|(?:c-?)?erb-?b-?2)"  # "HER2/neu-negative" (NCT04333706)
_POS = r"(?:\s*\+|[- ]?positive|[- ]?pos\b)"  # "HER2pos" (NCT03630809)
_NEGW = r"(?:\s*-(?![a-z])|\s*-(?=(?:breast|bc)\b)|[- ]?negative|\s+neg\b|[- ]?non[- ]?amplified)"


def _joined(status: str, hr: str) -> list[tuple[re.Pattern, str, list[str]]]:
    """A hormone receptor ``status`` joined to HER2-low, -ultralow or "low or ultralow"."""
    lead = rf"\b{_HR}{status}\s*(?:,|/|and|\s)?\s*{_HER2}[- ]?"
    joined = rf"\s*(?:,|or|/|and/or)\s*(?:{_HER2}[- ]?)?"
    return [
        # "HR+/HER2-low or HER2-negative", "HR-positive, HER2-low or HER2-zero": the status holds
        # for each HER2 category named after it (second review)
        (re.compile(rf"{lead}low{joined}(?:negative|neg\b|-(?![a-z]))", re.I), hr, NEG),
        (
            re.compile(rf"{lead}low{joined}(?:ultra[- ]?low{joined})?(?:zero|null|0\b)", re.I),
            hr,
            ["low", "ultralow", "zero"],
        ),
        (re.compile(rf"{lead}low{joined}ultra[- ]?low\b", re.I), hr, ["low", "ultralow"]),
        (re.compile(rf"{lead}ultra[- ]?low\b", re.I), hr, ["ultralow"]),
        (re.compile(rf"{lead}low\b", re.I), hr, ["low"]),
    ]


# (pattern, hormone receptor required, HER2 categories allowed); first match wins per span.
PHRASES: list[tuple[re.Pattern, str | None, list[str] | None]] = [
    (re.compile(r"triple[- ]negative|\btnbc\b", re.I), "negative", NEG),
    # a hormone receptor status joined to a HER2 category is one subtype, not two options:
    # "HR-/HER2-low Breast Cancer" (NCT06642545: twentieth session, last session's held-out
    # set 50), "HR+/HER2-ultralow", "HR-positive HER2-low or ultralow"
    *_joined(_NEGW, "negative"),
    *_joined(_POS, "positive"),
    (re.compile(rf"\b{_HR}{_POS}\s*(?:,|/|and|\s)?\s*{_HER2}{_NEGW}", re.I), "positive", NEG),
    # "HR- and HER2-positive", "HR-/HER2+", "HR+/HER2+": both receptors named (NCT05720117)
    (
        re.compile(rf"\b{_HR}{_NEGW}\s*(?:,|/|and|\s)?\s*{_HER2}{_POS}", re.I),
        "negative",
        ["positive"],
    ),
    (
        re.compile(rf"\b{_HR}{_POS}\s*(?:,|/|and|\s)?\s*{_HER2}{_POS}", re.I),
        "positive",
        ["positive"],
    ),
    (re.compile(rf"\b{_HER2}[- ]?ultra[- ]?low\b", re.I), None, ["ultralow"]),
    (re.compile(rf"\b{_HER2}[- ]?low\b", re.I), None, ["low"]),
    # "Breast Cancer With Low Expression of HER2", "HER2 low-expressing", "low HER2 expression"
    # (NCT04400695: this session's held-out set 98, read after it was measured)
    (
        re.compile(
            rf"\blow(?:[- ]level)?\s+(?:expression\s+of\s+{_HER2}|{_HER2}[- ]?expression)\b|"
            rf"\b{_HER2}[- ]?low[- ]?expressi\w+",
            re.I,
        ),
        None,
        ["low"],
    ),
    # "HER2-null", "HER2-zero", "HER2 0" (NCT06827236): the zero category alone
    (re.compile(rf"\b{_HER2}[- ]?(?:null|zero|0\+?(?![.\d-]))", re.I), None, ["zero"]),
    # "HER2 Expressing Solid Tumors" (NCT05013554): any HER2 on the cells (IHC 1+ or more; an
    # ultralow stain is kept in, as some studies count it), not HER2 0 (sixteenth session)
    (
        re.compile(rf"\b{_HER2}[- ]?(?:expressing|expressed)\b", re.I),
        None,
        ["positive", "low", "ultralow"],
    ),
    (
        re.compile(rf"\b{_HER2}(?:{_POS}|[- ]?overexpress\w*|[- ]?amplified)", re.I),
        None,
        ["positive"],
    ),
    # "Breast Cancer That Overexpresses HER2" (NCT00363012: set 93): the verb before the marker
    # ... and not overexpressing it is HER2-negative ("Does Not Overexpress HER2", "Non-
    # Overexpressing HER2", "Without Overexpressing", "Fails to Overexpress": the first and
    # final reviews)
    (
        re.compile(
            rf"(?<!or )(?<!or may )(?<!or might )"
            rf"(?:\bnot|n't|\bnon|\bwithout|\bfails?\s+to|\bfailing\s+to)[-\s]+"
            rf"over-?express\w*\s+{_HER2}",
            re.I,
        ),
        None,
        NEG,
    ),
    (
        re.compile(
            rf"(?<!not )(?<!not  )(?<!n't )(?<!nt )(?<!no )(?<!non-)(?<!non )(?<!without )"
            rf"(?<!to )\bover-?express(?:es|ing)?\s+{_HER2}",
            re.I,
        ),
        None,
        ["positive"],
    ),
    (re.compile(rf"\b{_HER2}{_NEGW}", re.I), None, NEG),
    (re.compile(rf"\b{_HR}{_POS}", re.I), "positive", None),
]

_DEFINES = re.compile(r"\bdefined\s+(?:as|by)\b[^.;]*$|\bconfirmed\s+to\s+be\s*$", re.I)
_DEFINED_BY = re.compile(
    r"\s*(?:\(\s*)?(?:by|per|on)\s+(?:ihc|fish|ish|immunohistochemistry)\b|\s*(?:defined|is\s+defined)\b",
    re.I,
)


# a phrase that is a disease itself ("TNBC", "triple-negative breast cancer"), not an adjective
_NAMES_DISEASE = re.compile(r"tnbc|\bbc\b|cancer|carcinoma|tumou?r|disease", re.I)
_STAGE_WORDS = re.compile(
    r"(?:[\s,/]*\b(?:locally|loco-?regionally|advanced|metastatic|recurrent|unresectable|"
    r"inoperable|relapsed|refractory|or|and|and/or)\b)*[\s,/]*",
    re.I,
)


def _of_other_cancer(text: str, end: int) -> bool:
    """Whether the receptor phrase ending at ``end`` qualifies another cancer: "HR-positive,
    locally advanced or metastatic ovarian cancer or endometrial cancer" (NCT06738966)."""
    lead = _STAGE_WORDS.match(text, end)
    return bool(rx("modality.other_cancer").match(text, lead.end() if lead else end))


def _named(text: str) -> list[tuple[int, int, str | None, list | None]]:
    """(start, end, hr, her2 list) of each breast subtype phrase the text names (see
    ``subtypes_named``), in the order the phrase patterns find them."""
    taken: list[tuple[int, int]] = []
    found = []
    for pattern, hr, her2 in PHRASES:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if _DEFINES.search(text[max(0, m.start() - 40) : m.start()]) or _DEFINED_BY.match(
                text, m.end()
            ):
                continue
            taken.append((m.start(), m.end()))
            if not _NAMES_DISEASE.search(m.group(0)) and _of_other_cancer(text, m.end()):
                continue  # "or HR-positive ... ovarian cancer": a subtype of another cancer
            found.append((m.start(), m.end(), hr, her2))
    return found


def subtypes_named(text: str) -> list[list]:
    """[[hr, her2 list], ...]: each breast subtype the text names, once, in order; a phrase
    inside another is not counted again, nor one that only defines a subtype ("(ER- defined as
    <=1% by IHC ... HER2- by IHC 1+)")."""
    found: list[list] = []
    for _, _, hr, her2 in _named(text):
        if [hr, her2] not in found:
            found.append([hr, her2])
    return found


#: words between two subtypes that make the second a further condition on the first, not an
#: option beside it: "triple-negative breast cancer, meeting both of the following criteria by
#: local testing: HER2-low breast cancer, ..." (NCT07151586: session 40, tuning set 111)
_REFINES = re.compile(
    r"\b(?:meeting|meets|fulfil+(?:ing|s)?|satisfying|defined\s+as|that\s+(?:is|are)|"
    r"which\s+(?:is|are)|i\.?e\.?|namely)\b",
    re.I,
)


def one_refines_another(text: str) -> bool:
    """Whether, of two subtypes named one after the other, the second is a further condition on
    the first (``_REFINES`` between them and no "or")."""
    spans = sorted(_named(text))
    return any(
        _REFINES.search(gap) and not re.search(r"\bor\b|;", gap, re.I)
        for gap in (text[a[1] : b[0]] for a, b in zip(spans, spans[1:], strict=False))
    )
