"""Rules for a subgroup inside one criterion: "Women with HER2-negative, gBRCA breast cancer.
Estrogen receptor positive (ER+) patients must have progressed on a prior endocrine therapy."

The second sentence binds only people of its subgroup (ER+); its subject is a premise for that
sentence alone. A person outside the subgroup is not held to it, and when the record cannot say
whether the person is in the subgroup, that sentence can never rule the person out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mbcnav.trials.options import _and3

# "<who> patients must ...", "<who> participants should ...": a sentence with its own subject
_SUBGROUP = re.compile(
    r"(?:^|(?<=[.;,]\s))\W*(?P<who>(?:[\w+()/-]+\s+){1,6}?)"
    r"(?:patients|participants|subjects|women|men|those)\s+(?:must|should|need|are\s+required|will\s+need)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.;](?:\s|$)")


def mark_subgroups(text: str, checks: list[dict]) -> None:
    """Tag checks in a subgroup sentence: ``sub_premise`` for the subgroup's own words,
    ``sub_rule`` for what the sentence asks of it (both hold the sentence's number)."""
    for k, m in enumerate(_SUBGROUP.finditer(text), start=1):
        if m.start() == 0 and not text[m.end() :].strip():
            continue
        end = _SENTENCE_END.search(text, m.end())
        stop = end.end() if end else len(text)
        who_end = m.end("who")
        for c in checks:
            at = c.get("at")
            if at is None or c.get("premise") or not m.start() <= at < stop:
                continue
            c["sub_premise" if at < who_end else "sub_rule"] = k
    for k in {c["sub_rule"] for c in checks if "sub_rule" in c}:
        if not any(c.get("sub_premise") == k for c in checks):
            for c in checks:  # "Eligible patients must agree ...": no subgroup named
                if c.get("sub_rule") == k:
                    del c["sub_rule"]


def apply_subgroups(checks: list[dict], holds: Callable[[dict], object], neutral) -> list[dict]:
    """The checks that bind this person: a subgroup the person is known to be outside of drops
    its sentence; an unknown subgroup makes its sentence conditional."""
    subs = {c["sub_premise"] for c in checks if "sub_premise" in c}
    if not subs:
        return checks
    out = [c for c in checks if "sub_premise" not in c and "sub_rule" not in c]
    for k in sorted(subs):
        vals = [holds(c) for c in checks if c.get("sub_premise") == k]
        vals = [v for v in vals if v is not neutral]
        inside = _and3(vals) if vals else None
        if inside is False:
            continue
        for c in checks:
            if c.get("sub_rule") == k:
                out.append(c if inside else {**c, "conditional": True})
    return out
