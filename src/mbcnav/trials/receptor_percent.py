"""A hormone receptor's share of stained cells that a criterion names: "Estrogen-receptor and
progesterone-receptor expression both =< 1% by immunohistochemistry" (NCT03414684: session 37,
tuning set 102), "ER < 10%", "ER >= 1% of tumor cells". Read against the percent the record's
pathology gives; where the record gives only a status, a negative result is under 1% and an
ER-low one (1-10%, ASCO/CAP 2020) settles only limits it clearly meets or misses."""

from __future__ import annotations

import re

from mbcnav.trials.facts import PatientFacts

_RECEPTOR = (
    r"(?P<which>er\s*(?:and\s*/\s*or|and|or|/|&|\+)\s*pr|o?estrogen[- ]?receptors?\s*(?:\(er\)\s*)?"
    r"(?:and\s*/\s*or|and|or|/|&)\s*progesterone[- ]?receptors?|o?estrogen[- ]?receptors?|"
    r"progesterone[- ]?receptors?|er|pr)"
)
_OP = (
    r"(?P<op><=|=<|≤|<|>=|=>|≥|>|less\s+than\s+or\s+equal\s+to|less\s+than|under|below|up\s+to|"
    r"no\s+more\s+than|at\s+most|greater\s+than\s+or\s+equal\s+to|greater\s+than|more\s+than|at\s+least|over)"
)
_PERCENT = re.compile(
    rf"\b{_RECEPTOR}(?:[- ]?(?:positive|negative|\+))?(?:\s*\((?:er|pr|er/pr)\))?(?:\s+(?:expression|"
    rf"staining|positivity|levels?|status|is|are|both|each|of|in))*\s*\(?\s*{_OP}\s*"
    rf"(?P<n>\d{{1,3}}(?:\.\d+)?)\s*%",
    re.I,
)
#: a premise still open before the limit: the limit says whom the rule is for (NCT05095207:
#: all-sets run, session 37)
_PREMISE = re.compile(
    r"^\W*(?:if|when|where|for\s+(?:patients|participants|subjects|those)\s+with|in\s+(?:case|patients)\s+"
    r"(?:of|with))\b[^:;,]*$",
    re.I,
)
_OTHER_THAN = re.compile(r"\b(?:other\s+than|except|different|besides|apart\s+from)\b", re.I)
_AT_MOST = {"<=", "=<", "≤", "up to", "no more than", "at most", "less than or equal to"}
_BELOW = {"<", "less than", "under", "below"}
_AT_LEAST = {">=", "=>", "≥", "at least", "greater than or equal to"}


def percent_checks(text: str) -> list[dict]:
    """One check per receptor a percent limit names (``type`` "receptor_percent")."""
    out = []
    found = list(_PERCENT.finditer(text))
    # limits said one after the other are each needed ("ER < 1% and PR < 1%") unless joined by
    # "or" ("ER >= 1% or PR >= 1%")
    apart = len(found) > 1 and not any(
        re.search(r"\bor\b", text[a.end() : b.start()], re.I)
        for a, b in zip(found, found[1:], strict=False)
    )
    for m in found:
        before = re.split(r"[;()]|\band\b", text[max(0, m.start() - 60) : m.start()])[-1]
        if (
            _PREMISE.match(text[: m.start()])
            or _OTHER_THAN.search(before)
            # a limit inside a definition of one group ("Triple negative breast cancer for this
            # study is defined as estrogen receptor <10%, ...", NCT05029999: all-sets run)
            or re.search(r"\bdefined\s+as\b[^;]*$", text[max(0, m.start() - 80) : m.start()], re.I)
        ):
            # "If the patient has ER+ or PR+ (>1% on IHC) ...:": whom a rule is for; "a primary
            # tumor showing a different pattern of receptors (i.e. initial BC other than ER >= 1%
            # ...)": what it is not (NCT06676436: all-sets run)
            continue
        which = m.group("which").lower()
        op = " ".join(m.group("op").lower().split())
        if re.search(r"and|\bor\b|/|&|\+", which):
            kinds = ["er", "pr"]
        else:
            kinds = ["pr"] if which.startswith(("pr", "progesterone")) else ["er"]
        # "ER and PR both <= 1%": each must meet it; "ER/PR >= 1%": either one
        each = apart or (bool(re.search(r"\band\b|&", which)) and not re.search(r"\bor\b", which))
        for kind in kinds:
            out.append(
                {
                    "type": "receptor_percent",
                    "value": kind,
                    "op": op,
                    "limit": float(m.group("n")),
                    "neg": False,
                    "each": each,
                    "at": m.start(),
                }
            )
    return out


def _meets(value: float, op: str, limit: float) -> bool:
    if op in _AT_MOST:
        return value <= limit
    if op in _BELOW:
        return value < limit
    if op in _AT_LEAST:
        return value >= limit
    return value > limit


def holds(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """Whether the receptor's percent meets the limit, from the record's percent or status."""
    name = "ER" if c["value"] == "er" else "PR"
    limit, op = c["limit"], c["op"]
    said = f"This study asks for {name} {op} {limit:g}%."
    percent = f.er_percent if c["value"] == "er" else f.pr_percent
    if percent is not None:
        return _meets(percent, op, limit), f"Your {name} is {percent:g}%. {said}", ""
    settle = f"The percent of cells staining for {name} in your pathology report"
    if f.hr == "negative":  # both under 1%
        return _meets(0.0, op, limit), f"Your {name} is negative (under 1%). {said}", ""
    if c["value"] == "er" and f.er_low_only:  # ER 1-10%
        low, high = _meets(1.0, op, limit), _meets(10.0, op, limit)
        if low == high:
            return low, f"Your ER is low (1-10%). {said}", ""
    return None, f"Your record does not give the {name} percent. {said}", settle
