"""How long an earlier line of treatment lasted: "progression on 12 months or more of ET in
combination with a CDK4/6 inhibitor", "at least 12 months of clinical response to first-line
systemic therapy". The record's lines of therapy carry their start and end, so the length of
the line the rule names can be checked (an ongoing line counts up to today)."""

from __future__ import annotations

import re

_DURATION = re.compile(
    r"(?:(?:at\s+least|≥|>=|a\s+minimum\s+of|minimum\s+of)\s*(?P<a>\d{1,2})\s*months?"
    r"|(?P<b>\d{1,2})\s*months?\s+or\s+(?:more|longer))"
    r"\s+(?:of|on)\s+(?P<what>[^.;]{3,90})",
    re.I,
)
_THERAPY_WORDS = re.compile(
    r"\bet\b|endocrine|hormon|cdk\s?4/6|first[- ]line|\b1l\b|treatment|therapy|response|benefit",
    re.I,
)
_FIRST = re.compile(r"first[- ]line|\b1l\b", re.I)
_CDK = re.compile(r"cdk\s?4/6", re.I)
_ENDOCRINE = re.compile(r"\bet\b|endocrine|hormon", re.I)


def duration_check(text: str) -> dict | None:
    """A minimum length (months) of an earlier line the criterion names, or None."""
    m = _DURATION.search(text)
    if not m or not _THERAPY_WORDS.search(m.group("what")):
        return None
    what = m.group("what")
    cls = (
        "CDK4/6 inhibitor"
        if _CDK.search(what)
        else "endocrine therapy"
        if _ENDOCRINE.search(what)
        else None
    )
    first = bool(_FIRST.search(what))
    if cls is None and not first:
        return None  # "at least 6 months of treatment" without saying which: not checked
    return {
        "type": "line_months",
        "value": "line length",
        "min": float(m.group("a") or m.group("b")),
        "class": cls,
        "first_line": first,
        "neg": False,
        "at": m.start(),
    }


def evaluate_duration(c: dict, line_labels, line_months) -> tuple[bool | None, str, str]:
    """Whether a line of the kind named lasted at least ``c["min"]`` months."""
    settle = "The dates of your earlier treatment lines"
    if line_labels is None or line_months is None:
        return None, "How long your earlier treatments lasted is not known.", settle
    lines = list(zip(line_labels, line_months, strict=True))
    if c.get("first_line"):
        lines = lines[:1]
    if c.get("class"):
        lines = [(labels, m) for labels, m in lines if c["class"] in labels]
    if not lines:
        return None, "Your record shows no treatment line of the kind this rule names.", settle
    months = [m for _, m in lines if m is not None]
    if not months:
        return None, "How long that treatment lasted is not known.", settle
    longest = max(months)
    what = "your first line" if c.get("first_line") else f"your {c.get('class')} line"
    ok = longest >= c["min"]
    return ok, f"The longest of {what} lasted {longest:g} months (needed {c['min']:g}).", ""
