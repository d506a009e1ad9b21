"""Words of a criterion that name something other than a fact about the person, so no check is
made of them (registry wording, NCT ids in the tests, tests/trials/test_report_wordings.py):

- a biomarker that is a drug's target: "any anti-PD-1, programmed death receptor ligand-1
  (PD-L1), or PD-L2 agent" names checkpoint inhibitors, not a PD-L1 test result;
- the premise of an alternative: "INR < 1.5 x ULN, or if on warfarin, can safely transition off"
  does not ask anyone to take warfarin;
- a clarification: "bisphosphonates, denosumab, etc. are not considered forms of systemic
  anticancer therapy" says how lines are counted, not that denosumab was given;
- what the head of a criterion treats or comes from: "SBRT for CNS disease", "radiotherapy to
  the only area of measurable disease", "irAEs attributed to anti-PD-1/PD-L1 therapy" say
  nothing of the person's brain, measurability or PD-L1 (``names_a_purpose``), and
  "chemotherapy induced neuropathy" asks for no chemotherapy (``names_a_cause``), and "not
  amenable to curative-intent surgery or radiation" gives no history (``names_fitness``);
- the drugs an exception names: "prior ADC with a topoisomerase I inhibitor (except trastuzumab
  deruxtecan)", "a CDK4/6 inhibitor other than palbociclib": the drug named does not count
  towards the class (``exempted``);
- two results that no single value can meet: "biopsies that support the presence of both ER+
  and ER- metastatic breast cancer" (discordant receptors) is left to the study team, since a
  record holds one result per receptor.
"""

from __future__ import annotations

import re
from functools import cache

from mbcnav.trials.subgroups import _SENTENCE_END

# a checkpoint drug class named in the criterion makes a bare PD-1/PD-L1 mention its target,
# unless a result word follows it ("PD-L1 expression", "PD-L1 CPS >= 10", "PD-L1 positive"); the
# digit of another target's name ("PD-L1, or CTLA-4 inhibitors") is no result
_RESULT_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,2}?(?:expression|express\w*|positiv\w*|negativ\w*|status|score|cps|tps|ic\b|tc\b|staining|(?<![-\w])\d)",
    re.I,
)
_CHECKPOINT_DRUG = re.compile(
    r"\banti-?pd-?l?1\b|\bpd-?l?1\s*(?:/\s*pd-?l?1\s*)?(?:inhibitors?|blockade|blockers?|antibod\w+|"
    r"immunotherap\w*|directed|targeted|therapy)|checkpoint\s+(?:inhibitors?|blockade|blockers?)",
    re.I,
)
_ALTERNATIVE_PREMISE = re.compile(
    r"\b(?:or|and)\s+if\s+(?:the\s+(?:patient|participant)\s+is\s+)?(?:on|taking|receiving|using|treated\s+with)\b[^.;]*",
    re.I,
)
_NOT_COUNTED_WORDS = r"\b(?:is|are)\s+not\s+(?:considered|counted|regarded|included)\b"
_NOT_COUNTED = re.compile(rf"[^.;]*{_NOT_COUNTED_WORDS}[^.;]*", re.I)
# a bracket saying what is not counted names nothing the person must have or lack: "(anti-hormonal
# therapy given ... as adjuvant therapy for early stage, HR positive breast cancer is not
# considered cancer therapy for the purpose of this protocol)" (NCT07145255)
_NOT_COUNTED_BRACKET = re.compile(rf"\([^()]*{_NOT_COUNTED_WORDS}[^()]*\)", re.I)
# a concept that only says what the head of a criterion treats or comes from (NCT05230810,
# NCT05748834, NCT01174121, NCT00234403): "SBRT for CNS disease in <7 days", "corticosteroids for
# control of symptoms of brain metastases", "irAEs attributed to anti-PD-1/PD-L1 therapy",
# "radiotherapy to measurable lesions"
_AS_MODIFIER = re.compile(
    r"(?:\b(?:for|of)\s+(?:the\s+)?(?:control|treatment|management|palliation|relief)\s+of\s+"
    r"(?:(?:the\s+)?(?:symptoms?|oedema|edema)\s+(?:of|from|due\s+to|related\s+to)\s+)?(?:the\s+|their\s+)?"
    r"|\b(?:sbrt|srs|wbrt|radiosurgery|radiotherapy|radiation|irradiation|steroids?|corticosteroids?|"
    r"surgery|resection|excision|removal)"
    r"\s+(?:\w+\s+){0,2}?(?:for|to|of)\s+(?:the\s+|their\s+|an?\s+)?"
    # "complete resection of all known brain metastases" (NCT03449238): what was removed
    r"(?:all\s+(?:known\s+)?|known\s+)?"
    r"(?:(?:only|sole|single|same|index|target)\s+)?(?:(?:areas?|sites?|lesions?|regions?)\s+of\s+)?"
    r"|\b(?:attributed|attributable|related|due|secondary)\s+to\s+[^.;,()]{0,30}?)$",
    re.I,
)
_INDUCED = re.compile(r"\s*[- ]\s*(?:induced|related|associated)\b", re.I)
# "Endocrine therapy options are not suitable" (NCT07666555): the choices open, not a history
_OPTIONS = re.compile(r"\s*(?:options?|alternatives?|choices?)\b", re.I)
_DISCORDANT = re.compile(r"\bboth\b|\bdiscordan\w*|\bsame\s+patient\b|\bheterogene\w*", re.I)


_EXCEPT = re.compile(
    r"\b(?:except(?:\s+for)?|other\s+than|excluding|with\s+the\s+exception\s+of|apart\s+from|"
    r"besides|but\s+not)\b([^.;)]{0,120})",
    re.I,
)


# an exception that holds only in some settings or times is left as the rule says
_QUALIFIED = re.compile(
    r"\b(?:setting|adjuvant|neoadjuvant|early|curative|within|before|after|prior\s+to|if|when|"
    r"provided|unless|only)\b",
    re.I,
)


@cache
def _drug_names() -> list[tuple[re.Pattern, str]]:
    from mbcnav.patient.drugs import drug_table

    out = []
    for d in drug_table().drugs:
        for name in (d.name, *d.brands, *d.synonyms):
            if len(name) >= 4:  # a long name needs no end boundary: registry text glues words
                end = "" if len(name) >= 8 else r"\b"
                out.append((re.compile(rf"\b{re.escape(name)}{end}", re.I), d.name))
    return out


def exempted(text: str) -> set[str]:
    """Generic names of the drugs an exception in the text names ("except T-DXd"); a name
    inside a longer one ("trastuzumab" in "trastuzumab deruxtecan") is not a second drug."""
    found: set[str] = set()
    for m in _EXCEPT.finditer(text):
        rest = text[
            m.start() : (end.start() if (end := _SENTENCE_END.search(text, m.end())) else len(text))
        ]
        if _QUALIFIED.search(rest):
            continue  # "except X ... in the adjuvant setting": X is spared only sometimes
        spans = [
            (h.start(), h.end(), name)
            for pattern, name in _drug_names()
            for h in pattern.finditer(m.group(1))
        ]
        found |= {
            name
            for a, b, name in spans
            if not any(x <= a and b <= y and (x, y) != (a, b) for x, y, _ in spans)
        }
    return found


# what the disease or the person is fit for, not what was given: "not amenable to curative-intent
# surgery or radiation" (NCT07647016), "compatible with ADC administration" (NCT07259226)
_FIT_FOR = re.compile(
    r"\b(?:amenable|candidates?|(?:un)?suitable|(?:in)?eligible|(?:in)?appropriate|(?:un)?fit|compatible)"
    r"\s+(?:to|for|with)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:(?:or|and)\s+)?$"
    # "who cannot tolerate chemotherapy treatment" (NCT06656624): fitness for a treatment to come
    r"|\b(?:cannot|can\s*not|can't|unable\s+to|not\s+able\s+to|would\s+not|could\s+not)\s+"
    r"(?:tolerate|withstand|receive|undergo|be\s+given)\s+(?:[\w-]+\s+){0,3}?$",
    re.I,
)


# an exception in brackets (nested brackets allowed): "(except for ongoing LHRH analogs in male
# patients and premenopausal women)", "(except LHRH agonists (goserelin) in premenopausal women)"
_BRACKETED_EXCEPTION = re.compile(
    r"\(\s*(?:except(?:\s+for)?|other\s+than|excluding|with\s+the\s+exception\s+of|apart\s+from)\b"
    r"(?:[^()]|\([^()]*\))*\)",
    re.I,
)


def in_exception(text: str, at: int) -> bool:
    """True when position ``at`` lies in an exception: "hormonal therapy (except for ongoing LHRH
    analogs in male patients and premenopausal women)" (NCT05252390) names who may go on with
    a drug, not a status the criterion is about."""
    return any(m.start() <= at < m.end() for m in _BRACKETED_EXCEPTION.finditer(text))


def names_fitness(before: str) -> bool:
    """True when a therapy mention says what the person or the disease is fit for."""
    return bool(_FIT_FOR.search(before))


def names_a_purpose(before: str) -> bool:
    """True when the words just before a mention make it what the head is for or comes from."""
    return bool(_AS_MODIFIER.search(before))


def names_a_cause(after: str) -> bool:
    """True when a therapy mention is followed by "induced", "related" or "associated"."""
    return bool(_INDUCED.match(after))


def names_options(after: str) -> bool:
    """True when a therapy mention is followed by "options" or "alternatives": what could be
    given next, not what was given."""
    return bool(_OPTIONS.match(after))


def drop_asides(text: str, checks: list[dict]) -> list[dict]:
    """The checks left once the words above are set aside (order kept)."""
    spans = [m.span() for m in _ALTERNATIVE_PREMISE.finditer(text)]
    spans += [m.span() for m in _NOT_COUNTED.finditer(text)]
    checkpoint = any(
        c["type"] == "therapy" and c.get("value") == "immune checkpoint inhibitor" for c in checks
    ) or bool(_CHECKPOINT_DRUG.search(text))  # the drug may be set aside itself ("toxicity that
    # led to discontinuation of prior anti-PD-1/PD-L1 immunotherapy", NCT05076760)
    brackets = [m.span() for m in _NOT_COUNTED_BRACKET.finditer(text)]
    out = []
    for c in checks:
        at = c.get("at")
        if (
            at is not None
            and c["type"] in {"therapy", "lines_class"}
            and any(a <= at < b for a, b in spans)
        ):
            continue
        if at is not None and any(a <= at < b for a, b in brackets):
            continue
        if (
            checkpoint
            and c["type"] == "biomarker"
            and str(c.get("value", "")).upper() in {"PD-L1", "PD-1"}
            and at is not None
            and not _RESULT_AFTER.search(text[at + len(c.get("text") or "pd-l1") :])
        ):
            continue
        out.append(c)
    if spared := exempted(text):  # the class check leaves the drugs an exception names
        out = [
            {**c, "except": sorted(spared)} if c["type"] == "therapy" and not c.get("drug") else c
            for c in out
            if not (c["type"] == "therapy" and c.get("drug") and c.get("value") in spared)
        ]
    values = {(c["type"], c.get("value")) for c in out if not c.get("neg")}
    for pos, neg in (("hr-positive", "hr-negative"), ("her2-positive", "her2-negative")):
        if {("receptor", pos), ("receptor", neg)} <= values and _DISCORDANT.search(text):
            out = [c for c in out if not (c["type"] == "receptor" and c.get("value") in {pos, neg})]
    return out
