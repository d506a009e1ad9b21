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
#: the postposed form: "continuous anti-HER2 targeted therapy (including ...) for at least 2 years
#: in any line setting" (NCT06450314: session 40, tuning set 111)
_DURATION_AFTER = re.compile(
    r"(?P<what>\b(?:continuous\s+)?[\w/-]+(?:\s+[\w/-]+){0,3}\s+(?:therapy|treatment)\b[^.;]{0,100}?)"
    r"\s+for\s+(?:at\s+least|≥|>=|a\s+minimum\s+of|minimum\s+of)\s*(?P<n>\d{1,2}|one|two|three)\s*"
    r"(?P<unit>years?|months?)\b",
    re.I,
)
_WORD_NUMBER = {"one": 1, "two": 2, "three": 3}
#: a time off a drug, not on it ("must have been off trastuzumab treatment for at least 3 months",
#: "discontinued ... for at least 6 months": first review)
_OFF = re.compile(
    r"\b(?:off|discontinu\w*|stopp\w*|ceased|without|free|wash-?out|interrupt\w*|break|since|after|"
    r"last\s+dose|no\s+longer|elapsed|interval|not\s+(?:have\s+|had\s+|be\s+|been\s+)?(?:received|had|"
    r"taken|treated|on|given))\b",
    re.I,
)
_HER2 = re.compile(r"her-?2|trastuzumab|pertuzumab|t-?dm1|t-?dxd", re.I)
_FIRST = re.compile(r"first[- ]line|\b1l\b", re.I)
_CDK = re.compile(r"cdk\s?4/6", re.I)
_ENDOCRINE = re.compile(r"\bet\b|endocrine|hormon", re.I)


def duration_check(text: str) -> dict | None:
    """A minimum length (months) of an earlier line the criterion names, or None."""
    m = _DURATION.search(text)
    if not m or not _THERAPY_WORDS.search(m.group("what")):
        return _duration_after(text)
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


def _duration_after(text: str) -> dict | None:
    """ "Anti-HER2 therapy for at least 2 years": a time on HER2-targeted treatment, which may run
    over more than one line (``total``: the lines are added up before it can be short)."""
    m = _DURATION_AFTER.search(text)
    if not m or not _HER2.search(m.group("what")) or _OFF.search(m.group("what")):
        return None
    n = m.group("n").lower()
    count = float(_WORD_NUMBER.get(n) or n)
    months = count * 12 if m.group("unit").lower().startswith("year") else count
    return {
        "type": "line_months",
        "value": "line length",
        "min": months,
        "class": "HER2",
        "first_line": False,
        "total": True,
        "neg": False,
        "at": m.start(),
    }


def _of_class(labels: list[str], cls: str) -> bool:
    """Whether a line with these labels is of the class a rule names ("HER2": any HER2 drug)."""
    if cls == "HER2":
        return any("her2" in label.lower() for label in labels)
    return cls in labels


def evaluate_duration(
    c: dict, line_labels, line_months, early_her2: bool = False
) -> tuple[bool | None, str, str]:
    """Whether a line of the kind named lasted at least ``c["min"]`` months."""
    settle = "The dates of your earlier treatment lines"
    if line_labels is None or line_months is None:
        return None, "How long your earlier treatments lasted is not known.", settle
    lines = list(zip(line_labels, line_months, strict=True))
    if c.get("first_line"):
        lines = lines[:1]
    if c.get("class"):
        lines = [(labels, m) for labels, m in lines if _of_class(labels, c["class"])]
    if not lines:
        return None, "Your record shows no treatment line of the kind this rule names.", settle
    months = [m for _, m in lines if m is not None]
    if not months:
        return None, "How long that treatment lasted is not known.", settle
    longest = max(months)
    what = "your first line" if c.get("first_line") else f"your {c.get('class')} line"
    ok = longest >= c["min"]
    if c.get("total") and not ok:
        # a time that may run over several lines: short only when all of them together are
        if len(months) < len(lines):
            return None, "How long some of that treatment lasted is not known.", settle
        total = sum(months)
        if early_her2:
            # HER2 treatment before the spread may count too ("in any line setting"; first
            # review): the record's lines for metastatic disease do not settle it
            return (
                None,
                f"Your HER2 treatment for metastatic disease lasted {total:g} months; with your "
                "earlier HER2 treatment, whether it reaches the time this study asks is for the "
                "study team.",
                settle,
            )
        if total >= c["min"]:
            return (
                None,
                f"Your {c['class']} treatment lines lasted {total:g} months together (needed "
                f"{c['min']:g}); whether that counts as one continuous time is for the study team.",
                settle,
            )
        return (
            False,
            f"Your {c['class']} treatment lasted {total:g} months in all (needed {c['min']:g}).",
            "",
        )
    return ok, f"The longest of {what} lasted {longest:g} months (needed {c['min']:g}).", ""
