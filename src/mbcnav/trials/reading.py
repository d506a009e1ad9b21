"""The words a criterion's checks are read from (its own words: no shared stem, no spelled-out
abbreviations, no reasons) and the part of a criterion a mention sits in."""

from __future__ import annotations

import re

from mbcnav.trials.modality import between_edges
from mbcnav.trials.split import Criterion

# "HER2 (Human Epidermal Growth Factor Receptor 2) positive": the spelled-out name of an
# abbreviation is dropped before reading, so the words around it meet again
_EXPANSION = re.compile(r"\s*\((?:[A-Z][a-z]+[\s-]*){2,}(?:\d+\s*)?\)")


_SEGMENT_EDGE = re.compile(r",?\s+and/or\s+|;\s*|\.\s+(?=[A-Z])")


def _segment(text: str, at: int) -> str:
    """The part of a criterion a mention sits in, between "and/or", ";" or sentence edges:
    "progression on a CDK4/6 inhibitor in the metastatic setting, and/or relapse within 12
    months of adjuvant CDK4/6 inhibitor" gives the first mention no 12-month window."""
    start, end = between_edges(text, _SEGMENT_EDGE, at, at)
    return text[start:end]


def _own_words(c: Criterion) -> Criterion:
    """The words a criterion's checks are read from: an option of "one of the following: ..."
    without the shared stem ("solid tumor ... for which no standard therapy exists"),
    without spelled-out abbreviations and without the reason given for a rule ("because ...")."""
    text = c.option if c.any_of and c.option else c.text
    if text is c.option and (scope := _STEM_SCOPE.search(c.text[: c.text.rfind(c.option)])):
        # "Prior therapy ... in the advanced/metastatic setting must have included at least:" over
        # "two prior hormonal therapies;" (NCT03250676): the stem's setting is every option's
        if not _STEM_SCOPE.search(text) and not _OWN_SETTING.search(text):
            body = text.rstrip(" ;,.")
            tail = text[len(body) :]
            if (ending := _OR_END.search(body)) is not None:
                body, tail = body[: ending.start()], body[ending.start() :] + tail
            text = f"{body} {scope.group(0)}{tail}"
    return Criterion(c.kind, _RATIONALE.sub("", _EXPANSION.sub("", text)), c.number)


# the setting a stem gives the treatments of its options
_STEM_SCOPE = re.compile(
    r"\b(?:in|for)\s+(?:the\s+)?(?:advanced\s*/\s*metastatic|advanced\s+or\s+metastatic|"
    r"metastatic|advanced)\s+(?:setting|disease|breast\s+cancer)\b",
    re.I,
)
_OR_END = re.compile(r"[;,]?\s+(?:or|OR|and)$")
# an option that names its own setting or a relapse after early treatment keeps it ("an aromatase
# inhibitor given as adjuvant therapy with relapse within 12 months of completion": review)
_OWN_SETTING = re.compile(
    r"\b(?:(?:neo)?-?adjuvant|early|curative|any\s+setting|relaps\w*|recurr\w*|metasta\w*|advanced)\b",
    re.I,
)


# "... are excluded from this study because the effect of abemaciclib on a fetus is unknown":
# a reason given for a rule names things the rule does not ask about
_RATIONALE = re.compile(r"\s*\bbecause\b[^.;]*", re.I)
