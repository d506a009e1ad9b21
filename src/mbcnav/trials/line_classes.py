"""Which class of treatment a count of lines counts ("2 prior lines of endocrine therapy")."""

from __future__ import annotations

import re

_LINE_CLASSES = (
    (re.compile(r"checkpoint|immunotherap|pd-?l?1", re.I), "immune checkpoint inhibitor"),
    (
        re.compile(r"tyrosine kinase|\btkis?\b|tucatinib|lapatinib|neratinib|pyrotinib", re.I),
        "HER2 tyrosine kinase inhibitor",
    ),
    (re.compile(r"her-?2", re.I), "anti-HER2 antibody"),
    (re.compile(r"cdk ?4/6", re.I), "CDK4/6 inhibitor"),
    (re.compile(r"\bparp", re.I), "PARP inhibitor"),
    (re.compile(r"endocrine|hormonal|\bet\b", re.I), "endocrine therapy"),
    (re.compile(r"chemo|cytotoxic|cytostatic", re.I), "chemotherapy"),
)


_PLAN_AFTER = re.compile(
    r"\b(?:and\s+)?(?:planning|planned|plans?|scheduled|intend\w*)\s+to\b|\band\s+will\s+(?:receive|start|begin|initiate)\b",
    re.I,
)


def line_class(window: str) -> str | None:
    """Which lines are counted: "2 prior lines of endocrine therapy" -> "endocrine therapy"."""
    # the coming treatment after the count is not its kind ("Treatment naive in metastatic
    # setting and planning to undergo treatment with endocrine therapy": any line; review)
    window = _PLAN_AFTER.split(window, maxsplit=1)[0]
    if re.search(r"any (?:systemic )?(?:line|therapy)", window, re.I):
        return None
    named = sorted((m.start(), label) for rx, label in _LINE_CLASSES if (m := rx.search(window)))
    if len({label for _, label in named}) > 1 and re.search(r"\bor\b", window[named[0][0] :], re.I):
        # "lines of prior therapy (chemo or hormonal)", "endocrine therapy, chemotherapy or
        # targeted therapy": a line of either kind counts
        return None
    for rx, label in _LINE_CLASSES:
        if rx.search(window):
            return label
    return None


_ANY_KIND = re.compile(
    r"\b(?:of|in)\s+(?:therap|treatment|total|all)|\b(?:overall|total|any)\b", re.I
)


def bracket_owner(text: str, at: int) -> str | None:
    """ "after chemotherapy (...) and immunotherapy (not more than 1 line)" (twentieth session,
    last session's held-out set 50): a count that opens a bracket right after a treatment counts
    lines of that treatment."""
    opened = text.rfind("(", 0, at)
    if (
        opened < 0
        or len(text[opened + 1 : at]) > 14
        or re.search(r"[(),;:]", text[opened + 1 : at])
    ):
        return None
    closed = text.find(")", at)
    if closed < 0 or _ANY_KIND.search(text[at:closed]):
        return None  # "(no more than 2 prior lines of therapy in total)": lines of any kind
    before = text[max(0, opened - 40) : opened]
    ends = [(m.end(), label) for rx_, label in _LINE_CLASSES for m in rx_.finditer(before)]
    if not ends:
        return None
    end, label = max(ends)
    return label if re.fullmatch(r"[\w-]*\s*", before[end:]) else None


#: "prior lines of non-endocrine-based therapy" (NCT06840483): lines with no endocrine drug
NON_ENDOCRINE_WORDS = re.compile(
    r"\bnon-?\s?(?:endocrine|hormonal)|other than (?:endocrine|hormonal)", re.I
)
#: the class of a line with no endocrine drug in it (chemotherapy, an ADC, a HER2 antibody)
NON_ENDOCRINE = "non-endocrine therapy"
