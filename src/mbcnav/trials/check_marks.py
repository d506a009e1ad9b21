"""Marks set on one criterion's checks: premise, conditional and scope.

Whom a rule is for (its opening premise, what follows a trailing "if", brain spread as the
subject, a treatment that names the people: "for patients on warfarin") is marked ``premise``; a
rule under "If ...", a marker subject no check reads or a lead-in to other tumor types is marked
``conditional``; a radiotherapy check gets its body part and a pneumonitis check whether it is
bare. These passes only set or clear flags on checks already read, never add or drop one, so they
live apart from ``criteria``, which runs them.
"""

from __future__ import annotations

import re

from mbcnav.trials.context import Mention
from mbcnav.trials.pneumonitis import bare as pneumonitis_bare
from mbcnav.trials.premise_cues import (
    _DEFINES,
    _HAVE_PREMISE,
    _IF_PREMISE,
    _MARKER_SUBJECT,
    _PREMISE,
    _PREMISE_NOT,
    _TRAILING_IF,
)
from mbcnav.trials.radiation import radiation_scope
from mbcnav.trials.split import Criterion

#: a trailing subject named by a treatment: "... required for patients on warfarin"
_FOR_PATIENTS_ON = re.compile(
    r"\bfor\s+(?:patients|participants|subjects|those|people|women|men|anyone)\s+(?:who\s+are\s+|"
    r"who\s+)?(?:on|taking|receiving|using|treated\s+with|take|receive|use)\s+(?:[\w/-]+\s+){0,2}$",
    re.I,
)


#: brain spread as the subject of what must be true of it ("Brain metastases must have been
#: treated and stable for 4 weeks", "Brain lesion/s has/have been radically resected")
_BRAIN_SUBJECT = re.compile(
    r"^\W*(?:(?:any|all|known|existing|the|such)\s+)?(?:brain|cns|cerebral|intracranial)\s+"
    r"(?:metastas[ie]s|lesions?(?:/s)?|mets|disease|involvement)\s+(?:\w+/)?(?:has|have|must|should|"
    r"are|is|were|was|need|will|shall)\b(?!\s+not\b)",
    re.I,
)


#: what only says the brain spread is there or can be measured ("Brain metastases must be
#: present on MRI", "... must be measurable", "... should be newly diagnosed or progressive"): a
#: need to have it, not a state for those who have it (review)
_BRAIN_EXISTS = re.compile(
    r"\s*(?:(?:must|should|need\s+to|have\s+to)\s+)?(?:be\s+|have\s+been\s+)?(?:present|measurable|"
    r"confirmed|documented|visible|evaluable|newly|new|progressive|progressing|untreated|"
    r"radiographically|at\s+least|\d)",
    re.I,
)


def _premise(text: str) -> tuple[re.Match | None, int, int | None, bool, bool]:
    """The opening premise and its end, a trailing "if"'s end, whether a marker defines it, and
    whether the premise is an "If ..., then" one (neither people named nor "with ... have")."""
    have = said_have = _HAVE_PREMISE.match(text)
    if have and re.search(r"\b(?:who|whose|which|that)\b|\band$", have.group(1).strip(), re.I):
        have = None  # "... cancer who previously have received", "... cancer and have received"
    people = _PREMISE.match(text)
    pm = people or _IF_PREMISE.match(text) or have
    # "If no measurable disease, then ..."
    if_then = pm is not None and not (people or said_have)
    premise_end = pm.end(1) if pm else -1
    ti = _TRAILING_IF.search(text)
    trailing_if = ti.end() if ti else None
    defines = False
    if premise_end < 0 and (d := _DEFINES.match(text)):
        premise_end = d.end(1)  # "MSI high tumor should have ...": a cohort defined by a marker
        defines = True
    return pm, premise_end, trailing_if, defines, if_then


def _mark_in_premise(
    text: str, c: dict, m: Mention, premise_end: int, trailing_if: int | None
) -> None:
    """Mark a check read in the rule's premise or after a trailing "if" as a premise."""
    if m.end <= premise_end or (trailing_if is not None and m.start >= trailing_if):
        c["premise"] = True
        if (
            m.end <= premise_end
            and c.get("neg")
            and c["type"] not in {"consent", "condition"}
            and not _PREMISE_NOT.search(text[:premise_end])
        ):
            c["neg"] = False  # "If ER+ ...: no more than 2 lines": the "no" is not the premise's
        if (
            trailing_if is not None
            and m.start >= trailing_if
            and c.get("neg")
            and c["type"] != "consent"  # "... should not take part if unlikely to comply"
        ):
            # a "not" before "if" does not reach into the condition
            c["neg"] = bool(re.search(r"\bnot?\b", text[trailing_if : m.start], re.I))


def _settle_premises(
    crit: Criterion,
    text: str,
    out: list[dict],
    pm: re.Match | None,
    premise_end: int,
    defines: bool,
    if_then: bool,
) -> None:
    """Mark whom the rule is for as a premise; with nothing else asked, the premise is the rule
    (``if_then``: an "If ..., then" premise, from ``_premise``)."""
    # "Patients with known brain metastases must have completed any radiotherapy ..."
    # (NCT07311993): brain spread is a condition some people meet, never the population of the
    # whole study; "Patients with known germline or somatic mutations of BRCA1 or BRCA2"
    # (NCT05536128) is that population. A clause that says "are excluded" (NCT01534598) is an
    # exclusion, not a premise.
    for c in out:  # "Patients with de novo stage IV OMBC must ...": whom the rule is for
        if c["type"] == "de_novo" and 0 <= c.get("at", premise_end) < premise_end:
            c["premise"] = True
    if (
        crit.kind == "inclusion"
        and (said := _BRAIN_SUBJECT.match(text))
        and not _BRAIN_EXISTS.match(text[said.end() :])
    ):
        # "Brain lesion/s has/have been radically resected" (NCT00842998, a list under "patients
        # with CNS involvement are eligible provided that"): what must be true of brain spread,
        # for those who have it (session 32, tuning set 87)
        for c in out:
            if c["type"] == "brain" and not c.get("neg") and c.get("at", -1) < said.end():
                c["premise"] = True
    premise = pm.group(1) if pm else ""
    excluded = bool(
        re.search(r"\b(?:are|is|be)\s+(?:excluded|not\s+eligible|ineligible)\b", premise, re.I)
    )
    if all(c.get("premise") for c in out) and not defines and not if_then:
        # nothing required beyond the premise: the rest is real, only not checkable, so the
        # premise is the requirement, except "premenopausal women must take goserelin", brain
        # spread and "Patients with de novo stage IV OMBC must have a controlled primary
        # tumour" (NCT05377047): a subgroup, as a relapse after early cancer is the other one
        for c in out:
            if not (
                c["type"] in ("menopause", "de_novo") or (c["type"] == "brain" and not excluded)
            ):
                c.pop("premise", None)


def _mark_scope(plain: str, out: list[dict]) -> None:
    """Add the body part of a radiotherapy check and whether a pneumonitis check is bare."""
    for c in out:  # "Prior brain radiotherapy": the body part, or exceptions left to the team
        if c["type"] == "therapy" and c["value"] == "radiation":
            c.update(radiation_scope(plain))
        elif c["type"] == "condition" and c["value"] == "pneumonitis":
            # "History of or current ILD or pneumonitis": a bare history is settled by a note; a
            # window, a grade or the steroids it needed stay with the study team (pneumonitis.py)
            c["bare"] = pneumonitis_bare(plain)


def _mark_conditional(text: str, kind: str, out: list[dict], conditional: re.Match | None) -> None:
    """Mark every check conditional under an "If ...", a marker subject no check reads or an
    inclusion's lead-in to a list of tumor types that names no breast cancer (an exclusion's
    lead-in keeps its force: review)."""
    marker_subject = _MARKER_SUBJECT.match(text)
    if marker_subject and any(c.get("at", len(text)) < marker_subject.end() for c in out):
        marker_subject = None  # a check reads the marker: the premise decides (review)
    if kind == "inclusion" and _FOLLOWING_TYPES.match(text) and not _BREAST.search(text):
        # "The following tumor types if tissues tests positive for CCND1 amplification;"
        # (NCT01037790: session 36, tuning set 99): a rule for the tumor types listed after it,
        # which may not include the person's; never a clear "not met"
        for c in out:
            c.pop("premise", None)
            c["conditional"] = True
    if (conditional or marker_subject) and not any(c.get("premise") for c in out):
        for c in out:  # "If ..., then ...": a premise we cannot check; never a clear "not met"
            c["conditional"] = True


def _mark_treatment_subjects(plain: str, out: list[dict]) -> None:
    """Mark a treatment that names whom the rule is for ("for patients on warfarin") a premise."""
    for c in out:
        # "Stable INR required for patients on warfarin" (NCT00499525: held-out set 92, read
        # after it was measured): the drug names whom the rule is for
        if c["type"] == "therapy" and _FOR_PATIENTS_ON.search(plain[: c.get("at", 0)]):
            c["premise"] = True


#: a lead-in to a list of tumor types in the items after it, with the condition they must meet
#: ("The following tumor types if ..."), not one that says they are kept out
_FOLLOWING_TYPES = re.compile(
    r"^\W*(?:the\s+)?following\s+(?:tumou?r\s+types?|tumou?rs|cancers?|cancer\s+types?|"
    r"histolog\w+|diseases?|indications?)\s+(?:if|when|provided|whose|that|with)\b"
    r"(?![^.;]*\b(?:exclu\w*|not\s+(?:be\s+)?(?:eligible|permitted|allowed)|ineligible|prohibited)\b)",
    re.I,
)


_BREAST = re.compile(r"\bbreast\b|\btnbc\b|\bm?bc\b|mammary", re.I)
