"""Words of a criterion that hold no requirement, set aside before its checks are read:
explanatory sentences ("Because no dosing data are available ..."), a conceding clause ending the
rule (", although they can have received ..."), a later sentence that defines a word ("The
threshold to qualify as ER positive is >=1%") and examples ("(eg, ET, chemotherapy, CDK4/6
inhibitor, ...)"). Used by ``criteria.checks_for``."""

from __future__ import annotations

import re

from mbcnav.trials.cues import _BINDING, _DEFINITION, _EXAMPLES, _EXPLAIN, SENTENCE_END
from mbcnav.trials.modality import concession
from mbcnav.trials.wording import rx


def set_aside(
    text: str,
) -> tuple[list[re.Match], re.Match | None, list[tuple[int, int]], list[tuple[int, int]]]:
    """Explanations, the conceding clause, later definitions' spans and every span set aside."""
    # explanatory sentences ("Because no dosing data are available ...") hold no requirement
    # ("Note: participants must have HER2 positivity ..." binds, so it is read)
    explain = [m for m in _EXPLAIN.finditer(text) if not _BINDING.search(m.group(0))]
    skip = [(m.start(), m.end()) for m in explain]
    # a conceding clause ending the rule (", although they can have received ..."): no check
    conceded = concession(text)
    if conceded:
        skip.append((conceded.start("c"), len(text)))
    # a later sentence that defines a word ("The threshold to qualify as ER positive is >=1%")
    # (to the end of its sentence: "... which is defined as having relapsed ... of completion.
    # Prior use of adjuvant CDK4/6i is allowed (if relapse occurred >/=12 months since
    # completion)" holds a rule after it, NCT06065748: twenty-eighth session, set 73)
    defined = [
        (start, _sentence_end(text, m.end()))
        for m in _DEFINITION.finditer(text)
        if m.start() >= 40
        and not _BINDING.search(text[(start := _definition_start(text, m.start())) : m.start()])
    ]
    skip += defined
    # "(eg, ET, chemotherapy, CDK4/6 inhibitor, ...)": examples of the head, not requirements
    skip += [(m.start(), m.end()) for m in _EXAMPLES.finditer(text)]
    return explain, conceded, defined, skip


def plain_words(text: str, explain: list[re.Match], conceded: re.Match | None) -> str:
    """The criterion's words with explanations, a conceding clause and examples blanked."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731 - keeps every position in place
    plain = text
    for m in explain:
        plain = plain[: m.start()] + " " * (m.end() - m.start()) + plain[m.end() :]
    if conceded:
        plain = plain[: conceded.start("c")].ljust(len(plain))
    plain = _EXAMPLES.sub(blank, plain)
    return plain


_WHICH_BEFORE = re.compile(r",\s*(?:which|that)\s+$", re.I)


def _definition_start(text: str, at: int) -> int:
    """Where the sentence defining a word at ``at`` starts; a definition in a clause of its own
    ("Resistance to prior adjuvant endocrine therapy (ET), which is defined as having relapsed
    ...", NCT06065748: twentieth session, set 51) leaves the words before it a requirement."""
    start = text.rfind(". ", 0, at) + 1
    which = _WHICH_BEFORE.search(text, start, at)
    return which.start() if which else start


def _sentence_end(text: str, at: int) -> int:
    """Where a definition's words end: at its sentence's end when the next sentence allows or
    binds something of its own ("Prior use of adjuvant CDK4/6i is allowed (if ...)"); else at the
    criterion's end, as a definition may go on ("Tumors with ER 1-10% are considered HR-negative
    for this study": review)."""
    end = SENTENCE_END.search(text, at)
    if end is None:
        return len(text)
    after = re.split(r"\.\s+(?=[A-Z])", text[end.end() :])[0]
    if _GOES_ON.search(after) or not (
        rx("modality.permitted").search(after) or _BINDING.search(after)
    ):
        return len(text)
    return end.start() + 1


#: a sentence that goes on defining: "... are considered HR-negative for this study"
_GOES_ON = re.compile(
    r"\b(?:considered|regarded|deemed|classified|count(?:s|ed)?\s+as|qualif\w*|defined|means?)\b",
    re.I,
)


_DEFINING_OPEN = re.compile(
    r"\(\s*(?:defined\s+as|i\.?\s*e\.?|that\s+is|meaning|which\s+(?:is|means))\b", re.I
)


def in_defining_bracket(text: str, at: int) -> bool:
    """Whether ``at`` lies in a bracket that defines the word before it ("Disease Free Interval
    (defined as time between first diagnosis or locoregional recurrence and first metastasis)
    longer than 1 year", NCT06342037: session 41, from older sets' false "not met")."""
    start = text.rfind("(", 0, at)
    return start >= 0 and ")" not in text[start:at] and bool(_DEFINING_OPEN.match(text, start))
