"""The treatment line a study title names as whom it is for ("Exemestane Versus Anastrozole as
First Line Hormone Therapy in ... Metastatic Breast Cancer", "Eribulin Mesylate or Paclitaxel as
First- or Second-Line Therapy in ... Stage IIIC-IV Breast Cancer": twenty-eighth session, set 74),
read as a count of earlier lines for advanced disease of the class the title names; where the
title names no class, the class every drug it names belongs to (eribulin and paclitaxel are
chemotherapy, so a person with two hormone lines and no chemotherapy may still join). Only a
line the title introduces counts ("as", "in", "for", or its first words), never one the person
has had ("Who Received First-line ..."), a range, an open end or two lines for two groups."""

from __future__ import annotations

import re
from functools import cache

from mbcnav.patient.drugs import drug, drug_names
from mbcnav.trials.facts import ENDOCRINE

_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}

_LINE = re.compile(
    r"\b(?P<one>first|1st|second|2nd|third|3rd)"
    r"(?:-?\s*(?:or|/|and)\s*(?P<two>second|2nd|third|3rd))?[- ]?line\b"
    r"(?:\s+(?P<what>hormon(?:e|al)(?!\s*receptor)|endocrine|chemo(?:therapy)?|cytotoxic)(?:\s+(?:therapy|treatment))?)?",
    re.I,
)
# the line the study gives, as the title introduces it: at its start ("Second-line Endocrine
# Treatment Followed by ..."), or after "as", "in", "for" ("... as First Line Hormone Therapy",
# "... in the First-line Treatment of ..."); any other lead may name a line the person has had
# ("Who Received First-line Chemotherapy", "Relapsed on", "Pretreated With", "After": review)
_INTRO = re.compile(r"(?:^|\b(?:as|in|for)\s+(?:the\s+|a\s+|their\s+)?)\W*$", re.I)
# ... and not a range or an open end ("First-line or Later", "First-line to Third-line")
_AFTER = re.compile(
    r"^[\s-]*(?:or\s+(?:later|beyond|greater|subsequent|higher|after)|and\s+(?:later|beyond)|"
    r"\+|maintenance|setting\s+or|to\s+(?:second|third|fourth|2nd|3rd|4th|later))",
    re.I,
)


@cache
def _drug_words() -> re.Pattern:
    names = sorted((n for n in drug_names() if len(n) >= 5), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.I)


def _class_of_drugs(title: str) -> str | None:
    """ "chemotherapy" or "endocrine therapy" when every drug the title names is of that class."""
    classes = []
    for m in _drug_words().finditer(title):
        d = drug(m.group(0))
        if d is None or d.supportive:
            continue
        classes.append(
            "chemotherapy"
            if "chemotherapy" in d.classes
            else "endocrine therapy"
            if set(d.classes) <= ENDOCRINE
            else None
        )
    return classes[0] if classes and all(c == classes[0] for c in classes) else None


_CHEMO_VALUES = frozenset(
    {"chemotherapy", "taxane", "anthracycline", "platinum", "antibody-drug conjugate"}
)
_HORMONE_VALUES = frozenset(
    {"endocrine therapy", "aromatase inhibitor", "serd", "serm", "oral serd"}
)


def _of_class(value: str, cls: str) -> bool:
    """Whether a therapy a criterion names ("taxane", "tamoxifen") is of the line's class."""
    found = drug(value)
    classes = set(found.classes) if found else set()
    if cls == "chemotherapy":
        return value.lower() in _CHEMO_VALUES or "chemotherapy" in classes
    return value.lower() in _HORMONE_VALUES or bool(classes & ENDOCRINE)


def title_line(title: str, parsed: list[dict]) -> dict | None:
    """The criterion a title's line makes, or None (no line named, a line the person has had, a
    class the title does not settle, or rules of the same kind in the criteria themselves)."""
    lines = list(_LINE.finditer(title))
    m = lines[0] if len(lines) == 1 else None  # two lines named: for two groups (review)
    if (
        not m
        or not _INTRO.search(title[: m.start()])
        or _AFTER.search(title[m.end() :])
        # a maintenance study ("Capecitabine or Endocrinotherapy as a Maintenance Therapy Regimen
        # at Least 2nd Line") gives a line after another one
        or re.search(r"\bmaintenance\b", title, re.I)
    ):
        return None
    what = (m.group("what") or "").lower()
    cls = (
        "endocrine therapy"
        if what.startswith(("hormon", "endocrine"))
        else "chemotherapy"
        if what.startswith(("chemo", "cytotoxic"))
        else _class_of_drugs(title)
    )
    if cls is None:
        return None
    for crit in parsed:
        for c in crit.get("checks", []):
            if c.get("type") == "lines" and c.get("class") in {cls, None}:
                return None  # the criteria count lines themselves
            if (
                c.get("type") == "therapy"
                and c.get("allowed")
                and c.get("setting") != "early"
                and _of_class(c.get("value", ""), cls)
            ):
                # "Prior chemotherapy in the metastatic setting is allowed if ..." (review): the
                # criteria let in some who had the class for advanced disease
                return None
    most = _ORDINAL[(m.group("two") or m.group("one")).lower()] - 1
    label = "hormone (endocrine) therapy" if cls == "endocrine therapy" else cls
    limit = (
        f"no earlier {label}"
        if most == 0
        else f"at most {('one', 'two')[most - 1]} earlier line{'s' if most > 1 else ''} with {label}"
    )
    return {
        "kind": "inclusion",
        "text": f"{m.group(0).strip()}: {limit} for advanced disease (from the study title)",
        "number": 0,
        "checks": [
            {
                "type": "lines",
                "min": None,
                "max": most,
                "chemo": cls == "chemotherapy",
                "class": cls,
                "metastatic": True,
                "early_may_count": False,
                "at": 0,
                "adc_named": False,
            }
        ],
    }
