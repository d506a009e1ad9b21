"""What kind of rule a criterion is, before any concept in it is checked against a record.

A concept *mentioned* in a criterion is not always what it *requires*: "tissue available for
PIK3CA testing" asks for a sample, not a mutation; "prior treatment is permitted" allows
something; "in the investigator's judgment" is the study team's decision; "if they received
chemotherapy, ..." applies only to some people; "ESCC cohort: ..." is for another cancer.
Such criteria never yield "not met" (Chia's Mood, Non-query-able and Competing_trial labels;
MatchMiner CTML's "..._allowed" fields; sources in data/wording.yaml).

Modalities: ``required`` (the default), ``permitted``, ``judgement``, ``procedure``,
``conditional``, ``other_cancer`` and ``definition`` (a part of a definition of a word).
"""

from __future__ import annotations

import re

from mbcnav.trials.conditional_parts import LATER_CONDITION
from mbcnav.trials.cues import SENTENCE_END
from mbcnav.trials.line_allowance import allowed_count
from mbcnav.trials.options import WAY_DETAIL, ways_in
from mbcnav.trials.wording import rx

MODALITIES = (
    "required",
    "permitted",
    "judgement",
    "procedure",
    "conditional",
    "other_cancer",
    "definition",
)

_BRACKETS = re.compile(r"\([^()]*\)")
_MUST = re.compile(
    r"\bmust\b|\b(?:is|are)\s+required\b|\bshould\b|\bhave\s+to\b"
    # "According to RECIST 1.1 standard, there is at least one measurable focus." (NCT05753865:
    # session 36, last session's held-out set 98, read): a stated requirement too
    r"|\bthere\s+(?:is|are|must\s+be)\s+at\s+least\s+(?:one|1)\b",
    re.I,
)
_LETS_IN = re.compile(
    r"\b(?:eligible|allowed|permitted|accepted|acceptable|qualif\w*|exceptions?|waive\w*|"
    r"patients?|participants?|subjects?|they|those|women|men|people|persons?|individuals?|"
    r"join|take\s+part|particip\w*|enrol\w*|"
    # (not a lesion "included in the measurable lesions": which lesions count, same session)
    r"includ\w*(?!\s+(?:in|as)\s+(?:the\s+)?(?:measurable|target|evaluable|non-?target)))\b",
    re.I,
)
_ALLOWED_UP_TO = re.compile(
    r"\b(?:(?:may|can)\s+have\s+(?:had|received)|(?:is|are)\s+(?:allowed|permitted))\s+"
    r"(?:up\s+to|no\s+more\s+than|a\s+maximum\s+of|at\s+most)\s+"
    r"(?:\d+|one|two|three|four|five)\b",
    re.I,
)
_COHORT_WORD = re.compile(r"\b(?:cohorts?|groups?|arms?|parts?|modules?|expansion)\b", re.I)

WHY = {
    "permitted": "This rule allows something; it does not rule anyone out on its own.",
    "judgement": "Your doctor or the study team decides this; a record cannot settle it.",
    "procedure": "This is about a study step (a sample, a test or another study), which the study team checks.",
    "conditional": "This applies only in some situations, and your record does not show whether yours is one.",
    "other_cancer": "This rule is for people in the study who have another kind of cancer, so it does not apply to you.",
    "definition": "This part explains what a word in the rules means; it is not a rule on its own.",
    "unsure_list": "The study's text does not say whether this list lets people in or keeps them out.",
}

SETTLE = {
    "permitted": "",
    "judgement": "Ask your oncologist and the study team",
    "procedure": "The study team at screening",
    "conditional": "Ask the study team whether this part applies to you",
    "definition": "The study team at screening",
    "unsure_list": "Ask the study team whether this is a rule for joining or for not joining",
}


def blank_brackets(text: str) -> str:
    """``text`` with each innermost "( ... )" blanked, positions kept."""
    return _BRACKETS.sub(lambda m: " " * len(m.group(0)), text)


def _cue(text: str, mode: str) -> re.Match | None:
    """Where the words that set ``mode`` stand (the modality's own wording in wording.yaml)."""
    if mode not in {"judgement", "permitted", "procedure", "conditional"}:
        return None
    plain = blank_brackets(text)
    found = rx(f"modality.{mode}").search(plain)
    if found is None and mode == "conditional":
        return _ends_if_needed(plain)
    return found


_CLAUSE_EDGE = re.compile(r"[;:]\s|,?\s+\bor\b\s+|,\s+(?=unless|except|provided)", re.I)
#: ... and for a doctor's call, a new requirement joined by "and" ("Progressed on and not suitable
#: for endocrine therapy per investigator assessment and treated with 1 to 2 lines of prior
#: chemotherapy in the inoperable/metastatic setting", NCT05104866: session 38, tuning set 105):
#: the call is for its own clause only, unless a way in of its own follows (``_OTHER_WAY``)
_OTHER_WAY = re.compile(
    r"\bor\b[^.;]*?\b(?:relaps\w*|recurr\w*|progress\w*|pd|early)\b|\b(?:neo-?)?adjuvant\b", re.I
)
_JUDGEMENT_EDGE = re.compile(
    _CLAUSE_EDGE.pattern + r"|,?\s+\band\s+(?:(?:has|have|had|was|were|be|is|are)\s+)?(?:been\s+)?"
    r"(?:treated|received|progressed|must)\b",
    re.I,
)


def stated_first(text: str) -> int | None:
    """ "All participants should have at least 1 measurable disease per RECIST v1.1. An irradiated
    lesion can be considered measurable only if ...": the end of a first sentence that states a
    requirement when the words making the rule conditional come only after it (twenty-second
    session, last session's held-out set 55 read after it was measured); else None."""
    first = SENTENCE_END.search(text)
    cue = _cue(text, "conditional")
    if (
        first
        and cue
        and cue.start() > first.start()
        and _MUST.search(text[: first.start()])
        # "Patients who did not receive one are eligible only if it was contraindicated": a
        # later sentence about people (or exceptions) is a second way in, not a narrower reading
        # of a thing the first sentence names ("An irradiated lesion can be considered
        # measurable only if ..."): reviews
        and not _LETS_IN.search(text[first.start() :])
    ):
        return first.start()
    return None


def scope(text: str, mode: str) -> tuple[int, int]:
    """Where the words that set the modality hold sway: the clause around the cue, between
    sentence or "or" boundaries ("... TNBC who have progressed on 1 prior line, or in the
    opinion of the treating physician, not be a candidate for ..." -> the part after "or").
    (0, len(text)) when the cue cannot be placed."""
    m = _cue(text, mode)
    if not m:
        return 0, len(text)
    edges = _JUDGEMENT_EDGE if mode == "judgement" else _CLAUSE_EDGE
    lo, hi = between_edges(text, edges, m.start(), m.end())
    if edges is _JUDGEMENT_EDGE and _OTHER_WAY.search(text[hi:]):
        # a clause after the call with a way in of its own ("... and received at least one line
        # of endocrine therapy for advanced disease or relapse during or within 12 months of
        # adjuvant endocrine therapy": review) keeps the call over it
        lo, hi = between_edges(text, _CLAUSE_EDGE, m.start(), m.end())
    if (
        mode == "judgement"
        and _POSTPOSED.match(m.group(0))
        # "... a CDK4/6 inhibitor unless considered unsuitable for it": the call waives what
        # came before, so it still reaches back
        and not _WAIVES.search(text[max(0, m.start() - 40) : m.start()])
    ):
        # "... melanoma and triple-negative breast cancer (TNBC) deemed appropriate to receive
        # a checkpoint inhibitor" (NCT05967533): what comes before "deemed" is the stated
        # requirement, only the fitness for the treatment is the doctor's call
        lo = max(lo, m.start())
    return lo, hi


# "unless / or / if (it is) considered unsuitable": a call that waives what came before it
_WAIVES = re.compile(
    r"\b(?:unless|or|if|except|otherwise|when|where)\s+(?:(?:is|are|be|been|was|were|it|they|patient|patients|participant)\s+){0,2}$",
    re.I,
)
# a doctor's call on fitness for a treatment ("deemed appropriate to receive", "considered
# suitable for"); "are considered eligible" is the rule's own allowance, not such a call
_POSTPOSED = re.compile(
    r"(?:judge?d|deemed|considered|assessed)\b(?!.*\b(?:eligible|ineligible)\b)", re.I
)


#: "with or without": optional is only what follows it (also read by ``mention_check``)
WITH_OR_WITHOUT = re.compile(r"with\s+or\s+without", re.I)
# a word before "with or without" other than the people it is about: what comes before is required
_NAMES_BEFORE = re.compile(
    r"\b(?!(?:patients?|participants?|subjects?|women|men|people|those|and|or)\b)[a-z0-9]", re.I
)


def between_edges(text: str, edges: re.Pattern, start: int, end: int) -> tuple[int, int]:
    """The span around ``text[start:end]`` reaching to the nearest ``edges`` on each side
    (the whole text where there is none)."""
    lo, hi = 0, len(text)
    for e in edges.finditer(text):
        if e.end() <= start:
            lo = e.end()
        elif e.start() >= end:
            hi = e.start()
            break
    return lo, hi


# "colon, rectal, or gastric solid tumors" (NCT03781934): solid tumours of other organs, not
# any solid tumour
_ORGAN_BEFORE = re.compile(
    r"\b(?:gastric|stomach|colon|colorectal|rectal|lung|pancreatic|hepatic|liver|renal|kidney|"
    r"prostate|ovarian|esophageal|oesophageal|bladder|urothelial|gastrointestinal|gi|thyroid|"
    r"head\s+and\s+neck)\s+$",
    re.I,
)


#: a limit in front of a later cancer name: "AST and ALT <= 2.5 x ULN or <= 5x ULN in known hepatic
#: metastases or with primary hepatocellular carcinoma" (NCT03468751: session 39, set 110, read
#: after its measurement) names the cancer only for a looser limit; the rule is for everyone
#: (a blood-test limit only: an age or a count of lines before another cancer keeps it the
#: rule's subject, "Patients >= 18 years with advanced NSCLC ...": first review)
_LIMIT_BEFORE = re.compile(
    r"\buln\b|\bupper\s+limits?\s+of\s+(?:the\s+)?normal|\blimits?\s+of\s+normal\b", re.I
)


def _other_cancer_is_subject(text: str) -> bool:
    """Whether another cancer is named as what the rule is about, not only for a looser limit of
    its own after the rule's limit (two limits to the upper normal before it in its sentence:
    "<= 2.5 x ULN or <= 5x ULN in ... hepatocellular carcinoma"; one alone may be a lab rule beside
    a cohort's cancer: final review)."""
    for m in rx("modality.other_cancer").finditer(text):
        sentence = re.split(r"[.;]\s", text[: m.start()])[-1]
        if len(_LIMIT_BEFORE.findall(sentence)) < 2:
            return True
    return False


def modality(text: str, kind: str) -> str:
    """The modality of one criterion (see the module docstring); words in brackets
    ("Patients (irrespective of sex) with ...") do not set it."""
    if rx("modality.part_only").search(text):
        return "conditional"  # "(Phase II only)": for a phase of the study the person may not join
    text = blank_brackets(text)
    if (
        _other_cancer_is_subject(text)
        # "TNBC or NSCLC that is relapsed or refractory" (NCT05274451: set 35): breast cancer
        # named by its subtype's short name is one of the rule's cancers
        and not re.search(
            r"breast|any (?:cancer|tumou?r)|\b(?:tnbc|mbc)\b|triple[- ]negative", text, re.I
        )
        and not any(
            not _ORGAN_BEFORE.search(text[: m.start()])
            for m in re.finditer(r"solid\s+tumou?r", text, re.I)
        )
        and (kind == "inclusion" or _COHORT_WORD.search(text))
    ):
        return "other_cancer"
    if (d := rx("modality.definition").search(text)) and d.start() < 40:
        # a definition that opens the text; "... breast cancer that is HER2 low. HER2 low is
        # defined as: ..." is a rule followed by the meaning of its word, still a rule
        return "definition"
    state = rx("modality.marker_state").search(text)
    step = rx("modality.procedure").search(text)
    if (
        step
        # "HR-positive (ER >=10%), HER2-negative breast cancer, determined by local laboratory on
        # most recent available tumor tissue" (NCT03227328): the state is asked, the sample is
        # where it was read (twenty-second session, set 57)
        and not (state and state.start() < step.start())
    ) or (
        # "confirmed by the central laboratory": a study step unless it names the state asked
        rx("modality.central_check").search(text) and not state
    ):
        return "procedure"
    if rx("modality.judgement").search(text):
        return "judgement"
    # "refractory to ... trastuzumab and/or ado-trastuzumab with or without chemotherapy agents"
    # (NCT04469127): what comes before "with or without" is required, only what follows is
    # optional; "(Patients) with or without prior CDK4/6 inhibitor" is the allowance itself
    ways = ways_in(text)
    allow = next(
        (
            a
            for a in rx("modality.permitted").finditer(text)
            if not (
                WITH_OR_WITHOUT.fullmatch(a.group(0)) and _NAMES_BEFORE.search(text[: a.start()])
            )
            # "Only females are eligible" (NCT03250676): "only" makes the words a limit
            and not (_ELIGIBLE.fullmatch(a.group(0)) and _ONLY_BEFORE.search(text[: a.start()]))
            # "... with or without a palpable mass ...; OR has ... triple negative ..."
            # (NCT02411656): inside one of several whole ways in, such words qualify that
            # way's details; the ways are still what the rule asks
            and not (ways and WAY_DETAIL.fullmatch(a.group(0)))
        ),
        None,
    )
    first = SENTENCE_END.search(text)
    if allow and (c := concession(text)) and c.start("c") <= allow.start():
        # "Initially diagnosed with HER2-positive ... mBC no more than 6 months prior to
        # enrollment, although they can have received anti-cancer treatment during that time"
        # (NCT02393924: set 96): the allowance qualifies the rule before the comma, which stands
        allow = None
    if allow and first and allow.start() > first.start():
        allow = None  # "Previously received X. One more line of Y is allowed.": X is required
    if allow and not rx("modality.forbidden").search(text):
        # "All patients must have received ... Treatment-naive patients are eligible if ...":
        # a requirement stated before the allowance keeps the rule a requirement
        # "Patients may have had up to three prior chemotherapy regimens" (NCT00043394): an
        # allowance with a ceiling still limits; more than it allows is ruled out
        # as is one that gives a number for the metastatic setting ("may have received one
        # prior chemotherapy regimen for metastatic disease": line_allowance.allowed_count)
        if (
            not _MUST.search(text[: allow.start()])
            and not _ALLOWED_UP_TO.search(text)
            and not allowed_count(text)
        ):
            return "permitted"
    if _conditional_in_first(text) or _ends_if_needed(text) or _label_then_if(text):
        return "conditional"
    return "required"


def _conditional_in_first(text: str) -> bool:
    """Whether a conditional cue stands outside the later sentences that open with their own
    people or case (``conditional_parts.LATER_CONDITION``, whose checks are conditional there):
    those leave the first sentence the rule for everyone."""
    cues = list(rx("modality.conditional").finditer(text))
    if not cues:
        return False
    found = list(LATER_CONDITION.finditer(text))
    if not found or any(_WAY_IN.search(m.group(0)) for m in found):
        # a later sentence for people who fail the first rule is a second way in ("Patients who
        # did not receive one are eligible only if it was contraindicated"): the rule stays open
        return True
    later = [(m.start(), m.end()) for m in found]
    return any(not any(a <= c.start() < b for a, b in later) for c in cues)


#: words that make a later sentence a way in for people the first rule leaves out
_WAY_IN = re.compile(
    r"\b(?:not|no|never|without|exceptions?|unless|waive[ds]?|instead|alternatively|otherwise)\b|n't\b",
    re.I,
)


#: a label in front of a rule: a heading the split carried onto its items ("Patients enrolled in
#: Dose Expansion only: ...") or the rule's own topic ("Adequate organ function: ...")
_LEADING_LABEL = re.compile(r"^[^:.;()]{3,80}:\s+(?=\S)")


def _label_then_if(text: str) -> bool:
    """ "Patients enrolled in Dose Expansion only: Patients with IHC 2 must have a negative by
    FISH" (NCT05768932, set 24): the words after a label open with the people the rule is for, so
    the rule is conditional as it would be without the label."""
    label = _LEADING_LABEL.match(text)
    return bool(label) and bool(rx("modality.conditional").search(text[label.end() :]))


#: a clause that concedes a treatment had after the rule ("..., although they can have received
#: anti-cancer treatment during that time"), with the rule's own words before it; not one that
#: lets people in ("..., but patients with bone-only disease are eligible", "... but prior
#: endocrine therapy is allowed": a second way in, review)
_CONCESSION = re.compile(
    r"(?<=\w)[^,;]*[,;]\s*(?P<c>(?:although|though|but|however|even\s+(?:if|though))\b"
    r"(?=[^,;.]*\b(?:can|could|may|might)\s+have\s+(?:had|received|been\s+(?:given|treated)|started)\b)"
    r"(?![^,;.]*\b(?:eligible|allowed|permitted|acceptable|accepted|included|also|up\s+to|"
    # a limit or a condition in the clause is a rule of its own ("although patients may have
    # received up to one prior chemotherapy regimen", "... treated with radiation if stable":
    # final review)
    r"no\s+more\s+than|at\s+most|maximum|only|if|unless|provided|as\s+long\s+as|except)\b)[^,;.]*)$",
    re.I,
)


def concession(text: str) -> re.Match | None:
    """The conceding clause ending a rule (group "c"), or None; its words hold no check
    (criteria.checks_for blanks it)."""
    m = _CONCESSION.search(text)
    return m if m and text[: m.start("c")].strip(" ,;") else None


_ELIGIBLE = re.compile(
    r"(?:is|are|will be)\s+(?:also\s+)?(?:allowed|permitted|acceptable|eligible)", re.I
)
# "Only females are eligible": "only" opening the clause before who is let in (not "Patients who
# received only adjuvant chemotherapy are also eligible": review)
_ONLY_BEFORE = re.compile(
    r"(?:^|[.;:]\s*)only\s+(?:females?|women|males?|men|patients|participants|subjects|people|"
    r"persons|adults)\b(?![^.;]*\balso\b)[^.;]{0,60}$",
    re.I,
)


def _ends_if_needed(text: str) -> re.Match | None:
    """ "Completion of chemotherapy, if given.": the rule closes on "if given / where applicable"."""
    found = list(rx("modality.if_needed").finditer(text))
    if found and not text[found[-1].end() :].strip(" .;)"):
        return found[-1]
    return None


def soften(verdict: str, why: str, settle: str, mode: str) -> tuple[str, str, str]:
    """A verdict after the criterion's modality: only a ``required`` rule can be "not met"."""
    if mode == "other_cancer":
        return "met", WHY[mode], ""
    if mode == "unsure_list":  # a guess at the list's kind settles nothing either way
        return "unknown", f"{WHY[mode]} {why}".strip(), SETTLE[mode]
    if mode != "required" and verdict == "not met":
        return "unknown", f"{WHY[mode]} {why}".strip(), SETTLE[mode] or settle
    return verdict, why, settle


_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z0-9]{1,7})\)")


def other_cancer_abbreviations(text: str) -> dict[str, str]:
    """Short names a trial gives to other cancers ("serous ovarian cancer (PROC)" -> {"PROC":
    "serous ovarian cancer"}), so that "PROC participants must have ..." reads as a rule for
    that cohort."""
    out = {}
    for m in _ABBREVIATION.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()].rstrip()
        hits = [h for h in rx("modality.other_cancer").finditer(before) if h.end() == len(before)]
        if hits and not re.search(r"breast", hits[-1].group(0), re.I):
            out[m.group(1)] = hits[-1].group(0)
    return out


def expand(text: str, abbreviations: dict[str, str]) -> str:
    """The text with each short name written out."""
    for short, long in abbreviations.items():
        text = re.sub(rf"\b{re.escape(short)}\b", long, text)
    return text
