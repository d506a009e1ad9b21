"""Alternatives a criterion offers with "or" that the engine cannot all check: a treatment or
line-count check in one of them cannot settle the criterion alone."""

from __future__ import annotations

import re

from mbcnav.trials.context import Mention
from mbcnav.trials.line_words import _LINES_ANY
from mbcnav.trials.wording import rx

_OR_PARTS = re.compile(
    r"(?:[,;]\s*or\s+|\bor\s+(?=(?:have|has|had|who|with|if|are|is|were|be)\b))(?![^()]*\))", re.I
)


#: a list's last item that names more of the same kind ("or other oral fluoropyrimidines")
_OTHER_ITEM = re.compile(
    r"\s*(?:any\s+|an?\s+)?other\s+(?:[\w-]+\s+){0,3}?(?:agents?|drugs?|therap\w+|treatments?|inhibitors?|\w+(?:ines|ides|ins|ones|ates|abs|ibs))\b[^,;]*[;.]?\s*$",
    re.I,
)


def mark_unchecked_alternatives(
    text: str, found: list[Mention], out: list[dict], lab: re.Pattern, kind: str = "inclusion"
) -> None:
    """ "... for which standard curative measures do not exist, or have failed at least one line
    of standard therapy": when a criterion offers alternatives joined by "or" and one of them
    holds nothing the engine can check, a treatment or line-count check in another alternative
    cannot settle the criterion alone, so it is marked ``alt`` (its "no" becomes unknown)."""
    cuts = [0] + [m.end() for m in _OR_PARTS.finditer(text)] + [len(text) + 1]
    if len(cuts) < 3:
        return
    spans = list(zip(cuts, cuts[1:], strict=False))
    checked = set()
    for m in found:  # the disease itself ("solid tumor that is metastatic") is no alternative
        if m.check not in {"setting", "condition", "histology"}:
            checked |= {i for i, (a, b) in enumerate(spans) if a <= m.start < b}
    for rx_ in (_LINES_ANY, lab):
        for m in rx_.finditer(text):
            checked |= {i for i, (a, b) in enumerate(spans) if a <= m.start() < b}
    gone = rx("concept.options_exhausted").finditer(text)
    # every part the wording spans ("... do not exist or are no longer effective")
    own = {i for m in gone for i, (a, b) in enumerate(spans) if a < m.end() and m.start() < b}
    checked |= own
    if own and any(
        m.check not in {"setting", "condition", "histology", "therapy"}
        and any(a <= m.start < b for i, (a, b) in enumerate(spans) if i not in own)
        for m in found
    ):
        # "HER2-positive breast cancer, or any solid tumour with no standard therapy left": the
        # other way in may fit, so "standard treatment remains" cannot settle the rule alone
        for c in out:
            if c["type"] == "options_exhausted":
                c["alt"] = True
    bare = [
        i
        for i, (a, b) in enumerate(spans)
        if i not in checked
        and len(re.findall(r"[a-z]{3,}", text[a:b], re.I)) >= 3
        # "previous treatment with Xeloda, continuous 5-fluorouracil infusion, or other oral
        # fluoropyrimidines" (NCT00077857: last session's set 80, read after it was measured):
        # in an exclusion, "other ..." is one more item of the same list, not another way in;
        # an inclusion's "or other treatments deemed appropriate" stays a way in (review)
        and not (kind == "exclusion" and _OTHER_ITEM.match(text[a:b]))
    ]
    if bare:
        for c in out:
            if c["type"] in {"lines", "therapy", "options_exhausted"}:
                c["alt"] = True
