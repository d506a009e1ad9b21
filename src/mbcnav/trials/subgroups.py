"""Rules for a subgroup inside one criterion: "Women with HER2-negative, gBRCA breast cancer.
Estrogen receptor positive (ER+) patients must have progressed on a prior endocrine therapy."

The second sentence binds only people of its subgroup (ER+); its subject is a premise for that
sentence alone. A person outside the subgroup is not held to it, and when the record cannot say
whether the person is in the subgroup, that sentence can never rule the person out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mbcnav.trials.options import _and3, _or3

# "<who> patients must ...", "<who> participants should ...": a sentence with its own subject
_SUBGROUP = re.compile(
    r"(?:^|(?<=[.;,]\s))\W*(?P<who>(?:[\w+()/-]+\s+){1,6}?)"
    r"(?:patients|participants|subjects|women|men|those)\s+(?:must|should|need|are\s+required|will\s+need)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.;](?:\s|$)")
# "<rule> in HR+/HER2- patients", "<rule> in TN and HER2+ patients" (NCT05115474): a rule that
# ends by naming the subtypes it is for; "and" / "or" / "," between subtypes join alternatives
# (a person of either subtype), "/" inside one subtype joins its receptors
_TRAILING = re.compile(
    r"\b(?:in|for|among)\s+(?:the\s+)?(?P<who>[\w+/-]+(?:(?:\s*,\s*|\s+(?:and|or|and/or)\s+)[\w+/-]+){0,3})"
    r"\s+(?:patients|participants|subjects|women|men|cohorts?)\s*\.?\s*$",
    re.I,
)
# "For triple negative breast cancer patients, subject is in first to fourth line ..." and "For
# hormone receptor positive breast cancer patients, subjects must have received a CDK4/6
# inhibitor" (NCT05029999): a criterion that opens by naming the subtype it is for; everything
# after the comma or colon binds that subtype only
_LEAD_HEAD = (
    r"^\W*(?:for|in|among)\s+(?:the\s+)?(?:(?:patients|participants|subjects|women|men|people|those)"
    r"\s+(?:with|who\s+have)\s+)?"
)
# the colon form reads the group up to the colon ("For ER-positive, HER2-negative patients:"),
# the comma form up to the first comma
_LEADING_COLON = re.compile(_LEAD_HEAD + r"(?P<who>[^:;.]{2,100}?)\s*:\s+(?=\S)", re.I)
_LEADING = re.compile(_LEAD_HEAD + r"(?P<who>[^,:;.]{2,100}?)\s*,\s+(?=\S)", re.I)
# "For HR+ or HER2+ patients": either subtype
_LEAD_OR = re.compile(r"\s+(?:or|and/or)\s+", re.I)
_SUBTYPE_WORD = re.compile(r"\b(?:tn|tnbc|triple|hr|er|pr|her-?2|luminal|hormone)\b", re.I)
_ALT_EDGE = re.compile(r"\s*,\s*|\s+(?:and|or|and/or)\s+", re.I)


def mark_subgroups(text: str, checks: list[dict]) -> None:
    """Tag checks in a subgroup sentence: ``sub_premise`` for the subgroup's own words,
    ``sub_rule`` for what the sentence asks of it (both hold the sentence's number)."""
    lead = _LEADING_COLON.match(text) or _LEADING.match(text)
    if lead and _SUBTYPE_WORD.search(lead.group("who")):
        edges = [e.start() for e in _LEAD_OR.finditer(text, lead.start("who"), lead.end("who"))]
        for c in checks:
            if (at := c.get("at")) is None or c.get("premise"):
                continue
            if at < lead.end("who"):
                c["sub_premise"], c["sub_alt"] = 0, sum(1 for e in edges if e < at)
            else:
                c["sub_rule"] = 0
        if not any(c.get("sub_rule") == 0 for c in checks):
            for c in checks:  # "For HR+ patients: see above": nothing asked of them here
                c.pop("sub_premise", None)
                c.pop("sub_alt", None)
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
            if "sub_premise" in c or "sub_rule" in c:
                continue  # bound by the opening "For <subtype> patients," already
            c["sub_premise" if at < who_end else "sub_rule"] = k
    if (t := _TRAILING.search(text)) and _SUBTYPE_WORD.search(t.group("who")) and t.start() > 0:
        k = 1 + max((c.get("sub_premise", 0) for c in checks), default=0)
        edges = [e.start() for e in _ALT_EDGE.finditer(text, t.start("who"), t.end("who"))]
        for c in checks:
            at = c.get("at")
            if at is None or c.get("premise") or "sub_rule" in c or "sub_premise" in c:
                continue
            if t.start("who") <= at < t.end("who"):
                c["sub_premise"], c["sub_alt"] = k, sum(1 for e in edges if e < at)
            elif at < t.start():
                c["sub_rule"] = k
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
        premises = [c for c in checks if c.get("sub_premise") == k]
        alts: dict[int, list] = {}
        for c in premises:  # each alternative subtype is all of its receptors
            if (v := holds(c)) is not neutral:
                alts.setdefault(c.get("sub_alt", 0), []).append(v)
        inside = _or3([_and3(v) for v in alts.values()]) if alts else None
        if inside is False:
            continue
        for c in checks:
            if c.get("sub_rule") == k:
                out.append(c if inside else {**c, "conditional": True})
    return out
