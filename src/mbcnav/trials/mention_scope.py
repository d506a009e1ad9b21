"""Why a concept mentioned in a criterion is not a rule about the person.

A mention is often scope ("therapy for metastatic disease"), a purpose ("SBRT for CNS disease"),
a drug's target ("any prior treatment targeting HER2"), a test to be done ("tissue for PIK3CA
testing"), a cohort label or guidance; ``not_a_rule`` says so before the mention becomes a check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mbcnav.trials.asides import names_a_cause, names_a_purpose, names_fitness, names_options
from mbcnav.trials.context import Mention
from mbcnav.trials.cues import (
    _AGE_RULE,
    _DRUG_AFTER,
    _LABEL_AFTER,
    _NOT_A_RESULT,
    _RESULT_STATE,
    _ROLE_OF_DRUGS,
    _TARGETING,
    _TEST_OF,
    _THERAPY_BEFORE,
    _allows_only,
    _sentence,
)
from mbcnav.trials.harm_cues import _HARM_FROM
from mbcnav.trials.premise_cues import _LATER_IF
from mbcnav.trials.setting_cues import (
    _ALL_STAGES,
    _NOTHING_MORE,
    _POPULATION_HEAD,
    _RECEPTOR_SCOPE,
    _SCOPE_BEFORE,
    _SETTING_HEAD,
    _SETTING_NOUN,
    _TEST_AFTER,
)
from mbcnav.trials.wording import rx

#: "inoperable locally advanced", "unresectable, locally advanced", "locally advanced"
_LOCAL_ONLY = re.compile(
    r"(?:(?:inoperable|unresectable|non-?resectable)\W+)?(?:locally|loco-?regionally)\s+advanced",
    re.I,
)
#: the premise of a second option: "... or bone lesions in the absence of measurable disease"
_ABSENT_PREMISE = re.compile(
    r"\b(?:in\s+the\s+absence\s+of|in\s+case\s+of\s+no|if\s+(?:there\s+(?:is|are)\s+)?no|when\s+there\s+(?:is|are)\s+no)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: words that name distant spread in the same criterion
_DISTANT = re.compile(r"metasta|stage\s+(?:iv|4)\b|distant|\bmbc\b", re.I)
# "Breast especially those with luminal B expression profile, ER positively, and high Ki67
# expression" (NCT01037790: session 36, tuning set 99): what the study prefers among those who
# may join, not a rule; the words after the cue up to the end of the sentence
# ... and no further: a preference ends at a bracket it opened in, and before words that bind
# again ("(preferably with bone metastases) and must have progressed ...", ", preferably with
# bone-only disease, who have progressed ...", "..., with measurable disease": review; "and
# progressed on prior endocrine therapy", ", following progression": final review)
_PREFERENCE = re.compile(
    r"\b(?:especially|particularly|preferabl[ey]|ideally|in\s+particular|with\s+priority\s+(?:to|for))\b"
    r"(?:(?!\bmust\b|\brequired\b|\bwho\s+(?:have|has|had|are|is|were|was)\b|\band\b|"
    r",\s*(?:with|who|having|and|following|that|which|after)\b)[^.;()])*$",
    re.I,
)


@dataclass(frozen=True)
class Reading:
    """What the reader knows of the criterion around one mention."""

    text: str
    kind: str  # inclusion | exclusion
    has_lines: bool  # a line count was read: generic therapy words are its scope
    scoped: bool  # a line count or a therapy is named: a later setting is their scope
    first_treatment: int  # where the first treatment is named
    lab: bool  # the criterion is about a lab value
    prev_therapy: int | None  # where the last therapy read ends


_TOLERANCE_BEFORE = re.compile(
    r"\b(?:toleran\w*|tolerat\w*|tolerability)\s+(?:to|of|with)\s+(?:(?:the|a|an|specific|prior|previous|any)\s+)*$",
    re.I,
)


def not_a_rule(m: Mention, r: Reading) -> bool:
    """True when the mention says something other than what the person must (not) have."""
    text, kind = r.text, r.kind
    if r.has_lines and m.check == "therapy" and not m.concept.startswith("drug:"):
        return True
    if (
        m.check in {"receptor", "subtype"}
        and kind == "exclusion"
        and _RECEPTOR_SCOPE.search(text[: m.start])
    ):
        return True  # "... therapy for metastatic HER2-positive breast cancer": scope, not a rule
    if (
        m.check in {"receptor", "subtype"}
        and kind == "exclusion"
        and _LABEL_AFTER.match(text[m.end :])
    ):
        return True  # "Triple Negative Breast Cancer - Patient is not within ...": a cohort label
    if m.check in {
        "brain",
        "biomarker",
        "measurable",
        "receptor",
        "site",
    } and names_a_purpose(text[: m.start]):
        return True  # "SBRT for CNS disease", "steroids for control of symptoms of brain
        # metastases", "irAEs attributed to anti-PD-1/PD-L1 therapy": what the head is for
    if kind == "inclusion" and _PREFERENCE.search(text[: m.start]):
        return True  # "... especially those with ... ER positive": a preference, no rule
    if m.check == "setting" and _AGE_RULE.match(text):
        # "Age: >= 18 and <= 75 (stage Ia); >= 18 (stage Ib)": study stages (NCT06609187)
        return True
    if m.check in {"receptor", "biomarker"} and (
        _TARGETING.search(text[: m.start])
        or (m.check == "biomarker" and _DRUG_AFTER.match(text[m.end :]))
    ):
        return True  # "any prior treatment targeting HER2", "PD-L1 / VEGF bispecific antibody": a
        # drug's target, not a result (NCT07193394, NCT06827236)
    if (
        m.check == "therapy"
        and r.prev_therapy is not None
        and _ROLE_OF_DRUGS.search(text[: m.start])
    ):
        return True  # "... inhibitor (such as sorafenib) for chemotherapy": the drugs' role
    if m.check == "therapy" and names_fitness(text[: m.start]):
        return True  # "not amenable to curative-intent surgery or radiation": no history
    if m.check == "therapy" and names_options(text[m.end :]):
        return True  # "endocrine therapy options are not suitable": the choices, no history
    if m.check == "therapy" and names_a_cause(text[m.end :]):
        return True  # "cold therapy gloves for chemotherapy induced neuropathy": the harm's cause
    if m.check == "therapy" and _HARM_FROM.search(text[: m.start]):
        return True  # "unresolved toxicities from previous anticancer therapy": about the harm
    if m.check in {"receptor", "biomarker"} and _RESULT_STATE.search(text[: m.start]):
        return True  # "Inconclusive, equivocal or unavailable result of HER2 ...": no result
    if m.check == "biomarker" and _TEST_OF.search(text[: m.start]):
        return True  # "tissue for the analysis of PIK3CA status": a test to be done
    if m.check == "biomarker" and _NOT_A_RESULT.match(text[m.end :]):
        return True  # "PIK3CA inhibitor", "for PIK3CA testing": a drug class or a test, no result
    if (
        m.check == "measurable"
        and _ABSENT_PREMISE.search(text[: m.start])
        and re.search(r"\bor\b", text[: m.start], re.I)
    ):
        return True  # "a lesion that can be measured or bone lesions ... in the absence of
        # measurable disease" (NCT01626222): when the other option applies, not a rule
    if (
        m.check == "setting"
        and kind == "exclusion"
        and m.value == "metastatic"
        and any(a.start() <= m.start < a.end() for a in _LOCAL_ONLY.finditer(text))
        and not _DISTANT.search(text)
    ):
        return True  # "inoperable locally advanced disease suitable for ...": disease not spread
        # beyond the breast and nearby nodes, which says nothing of distant spread (NCT00532727)
    if m.check == "setting" and rx("concept.visceral_crisis").search(text):
        return True  # "advanced, symptomatic, visceral spread at risk of ...": the crisis, not the stage
    if (
        m.check == "setting"
        and kind == "exclusion"
        and not _SETTING_HEAD.match(text[: m.start])
        and not (_POPULATION_HEAD.match(text[: m.start]) and _NOTHING_MORE.match(text[m.end :]))
    ):
        return True  # "complications of advanced malignancy": the setting qualifies something else
    if m.check == "site" and m.value == "bone-only" and kind == "inclusion":
        return True  # "bone-only disease is allowed / evaluable": an allowance, not a requirement
    if _LATER_IF.match(_sentence(text, m.start)) and _sentence(text, 0) != _sentence(text, m.start):
        return True  # "... are not allowed. In cases where brain metastases are ...": guidance
    if m.check == "therapy" and _TOLERANCE_BEFORE.search(text[: m.start]):
        # "Previous tolerance to specific CDK4/6 inhibitors and dose levels required"
        # (NCT04862663: twenty-eighth session, held-out set 76 read after it was measured): how
        # a drug was borne, the study team's call, not a need to have had it
        return True
    if _allows_only(text, m.start):
        return True  # "...; Participants may have but are not required to have prior X": allowed
    if m.check == "setting" and (
        (m.value == "early" and _ALL_STAGES.search(text))
        or (kind == "exclusion" and _SETTING_NOUN.match(text[m.end :]))
    ):
        return True
    if m.check == "setting" and _TEST_AFTER.match(text[m.end :]):
        return True  # "Metastatic setting 18F-FDG PET/ceCT indicating ...": names the scan
    if m.check == "setting" and _THERAPY_BEFORE.search(text[: m.start]):
        return True  # "completed all prior therapy ... with curative intent": about the therapy
    if m.check == "setting" and _SCOPE_BEFORE.search(text[: m.start]):
        return True  # "... for advanced breast cancer", "in the metastatic setting": scope
    if (m.check == "setting" and r.scoped and m.start > r.first_treatment) or (
        m.check == "site" and r.lab
    ):
        return True  # "therapy for metastatic disease" is scope; "(liver metastases present)" a lab note
    return False
