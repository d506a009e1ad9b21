"""Line counts and blood-test limits in one criterion, as checks.

A floor on the lines of the people a rule rules out ("Patients who have received 2 or more lines
are not eligible") is a ceiling; a limit under a premise ("GFR >= 60 for patients with creatinine
above 1.5 x ULN") is conditional; and the spread named as the premise of a looser limit ("ASAT >
2.5 x N* (in case of liver metastases > 5 x N*)") is no rule about spread, so its mentions are left
out. Kept apart from ``criteria``, which reads the concept mentions around them.
"""

from __future__ import annotations

import re

from mbcnav.trials.adjuvant import adjuvant_reading
from mbcnav.trials.context import Mention
from mbcnav.trials.labs import backwards, lab_checks
from mbcnav.trials.line_checks import lines_checks
from mbcnav.trials.modality import blank_brackets
from mbcnav.trials.premise_cues import _LAB_PREMISE
from mbcnav.trials.split import Criterion
from mbcnav.trials.wording import rx

# a limit written as a multiple of the upper limit of normal, for a test the engine may not read
# ("alkaline phosphatase > 2.5 x N*")
_ULN_MULTIPLE = re.compile(r"\d\s*(?:x|×|times)\s*(?:the\s+)?(?:n\b|uln\b|upper\s+limit)", re.I)


# the premise of a looser blood-test limit: "in case of", "in patients with", "if there are"
_SITE_PREMISE = re.compile(
    r"(?:\bin\s+(?:the\s+)?case\s+of|\bin\s+(?:patients|subjects|participants)\s+with|"
    r"\bfor\s+(?:patients|subjects|participants)\s+with|\bif(?:\s+there\s+(?:are|is))?|"
    r"\bwith)\s+(?:known\s+)?$",
    re.I,
)


def _rules_out_count(text: str, at: int | None) -> bool:
    """Words that rule out the people a count names ("Patients who have received 2 or more lines
    are not eligible"), in the count's own clause: not past a full stop or a semicolon, nor in a
    bracket opened after it ("...progression during or after most recent therapy); locally
    advanced disease must not be amenable to resection (patients who are considered suitable for
    surgical ... techniques ... are not eligible)": CAPItello-291, session 31 tuning set 84)."""
    for m in rx("lines.ruled_out").finditer(text):
        if at is None:
            return True
        lo, hi = sorted((at, m.start()))
        # (first review: a closed bracket, an abbreviation's dot and "Such patients are not
        # eligible" after a full stop stay in the clause; a bracket opened after "not eligible"
        # that holds the count is the count's own)
        between = _ABBREVIATION.sub("  ", blank_brackets(text[lo:hi]))
        if (such := _SUCH_PATIENTS.search(between)) and re.match(r"\s*(?:[.;]|$)", text[m.end() :]):
            # "... for metastatic disease. Such patients are not eligible." and nothing more
            # (final review: "Such patients are not eligible if they progressed within 3
            # months" is another rule)
            between = between[: such.start()] + " " * (len(between) - such.start())
        if re.search(r"[.;]", between):
            continue
        if m.start() > at and between.count("(") > between.count(")"):
            continue
        return True
    return False


#: an abbreviation's dot inside a sentence (before a lower-case word, a digit, a bracket or a
#: comma): "(i.e. third line or later)", "e.g. a taxane"
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|vs|approx|incl)\.(?=\s*[a-z0-9(,])")


#: the start of a last sentence that only names the people counted before it
_SUCH_PATIENTS = re.compile(
    r"[.;]\s+(?:such|these|those)\s+(?:patients|participants|subjects)\s*$",
    re.I,
)


def _line_checks(crit: Criterion, plain: str) -> list[dict]:
    """The line counts, with their adjuvant reading; a floor on those ruled out is a ceiling."""
    out: list[dict] = []
    for c in (c | adjuvant_reading(plain, c.get("at")) for c in lines_checks(plain)):
        if (
            c["min"]
            and c["max"] is None
            and crit.kind == "inclusion"
            and _rules_out_count(plain, c.get("at"))
        ):
            c = {**c, "min": None, "max": c["min"] - 1}  # "... are not eligible": a ceiling
        out.append(c)
    return out


def _blood_tests(crit: Criterion, plain: str) -> list[dict]:
    """The blood-test limits: conditional under a premise, marked when a limit runs backwards."""
    labs = lab_checks(plain)
    if premise := _LAB_PREMISE.search(plain):
        # "GFR >= 60 for patients with creatinine above 1.5 x ULN": the limit binds only when the
        # premise holds, which a record rarely settles; the premise is no requirement itself
        labs = [{**c, "conditional": True} for c in labs if c.get("at", 0) < premise.start()]
    return [{**c, "backwards": True} if backwards(c, crit.kind) else c for c in labs]


def _without_limit_premises(plain: str, found: list[Mention], labs: list[dict]) -> list[Mention]:
    """The mentions less the sites named as the premise of a looser blood-test limit."""
    if labs or _ULN_MULTIPLE.search(plain):
        # "ASAT > 2.5 x N* (in case of liver metastases > 5 x N*)" (NCT01196455): the spread
        # named as the premise of a looser limit is no rule about spread
        found = [
            m
            for m in found
            if not (
                m.check == "site" and _SITE_PREMISE.search(plain[max(0, m.start - 40) : m.start])
            )
        ]
    return found
