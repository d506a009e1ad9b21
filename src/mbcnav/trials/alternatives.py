"""Alternatives a criterion offers with "or" that the engine cannot all check: a treatment or
line-count check in one of them cannot settle the criterion alone."""

from __future__ import annotations

import re

from mbcnav.trials.context import Mention
from mbcnav.trials.numbers import _LINES_ANY

_OR_PARTS = re.compile(
    r"(?:[,;]\s*or\s+|\bor\s+(?=(?:have|has|had|who|with|if|are|is|were|be)\b))(?![^()]*\))", re.I
)


def mark_unchecked_alternatives(
    text: str, found: list[Mention], out: list[dict], lab: re.Pattern
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
    bare = [
        i
        for i, (a, b) in enumerate(spans)
        if i not in checked and len(re.findall(r"[a-z]{3,}", text[a:b], re.I)) >= 3
    ]
    if bare:
        for c in out:
            if c["type"] in {"lines", "therapy"}:
                c["alt"] = True


def subtype_options(groups: dict[str, list], judged: list[tuple[dict, object]]) -> dict[str, list]:
    """ "breast (TNBC, HR+/HER2-)": triple-negative named beside a hormone-receptor-positive
    subtype can only be a list of options (no cancer is both), so the subtype and the
    receptor checks together are one choice: triple-negative, or every receptor part."""
    tn = [h for c, h in judged if c["type"] == "subtype" and c["value"] == "triple-negative"]
    hr_pos = any(
        c["type"] == "receptor" and c["value"] == "hr-positive" and not c.get("neg")
        for c, _ in judged
    )
    if (
        not tn
        or not hr_pos
        or any(k.endswith("-neg") for k in groups if k.startswith(("receptor", "subtype")))
    ):
        return groups
    receptor = [_or(v) for k, v in groups.items() if k.startswith("receptor")]
    rest = {k: v for k, v in groups.items() if not k.startswith(("receptor", "subtype"))}
    both = False if False in receptor else True if all(v is True for v in receptor) else None
    rest["subtype-options"] = [_or([_or(tn), both])]
    return rest


def _or(vals: list) -> bool | None:
    return True if True in vals else False if all(v is False for v in vals) else None
