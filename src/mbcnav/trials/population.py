"""Who a trial is for, from its own title and conditions: subtype and brain-metastasis gates.

A trial whose title and conditions name only triple-negative disease is "for another situation"
for a person with HR-positive disease, whatever its criteria say or leave out; the same for
HER2-positive-only, HER2-low-only, HR+/HER2- and brain-metastasis trials. Several named
populations ("HER2-positive, HER2-low or HER2-ultralow") are a union. Receptor categories follow
the ASCO/CAP HER2 (2023) and ER/PR (2020) guidelines (sources in data/wording.yaml); a person
with ER-low disease is never gated on hormone receptor grounds (ER-low is reported as positive
but often behaves like ER-negative disease), and anything the record leaves unknown never gates.

This module is the entry (``gates``, ``mismatch``, ``subtype_list``, ``fits_subtype``, and
``ibc_checks`` and ``inflammatory_holds`` re-exported); the setting gates (early-only,
follow-up-only, suspected-only) are in setting_gates.py, the inflammatory-breast-cancer gate and
checks in inflammatory.py, and the other-cancer readers in other_cancers.py.
"""

from __future__ import annotations

import re
from functools import cache

from mbcnav.patient import vocabulary
from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.her2 import ultralow_said
from mbcnav.trials.inflammatory import (  # noqa: F401 (ibc_checks, inflammatory_holds: public here too)
    _IBC,
    _IBC_OPTIONAL,
    ibc_checks,
    inflammatory_holds,
    read_as_not_inflammatory,
)
from mbcnav.trials.other_cancers import _other_cancer, _other_cancer_in_criteria
from mbcnav.trials.record import Trial
from mbcnav.trials.setting_gates import _BREAST, _early_only, _suspected_only, follow_up_only
from mbcnav.trials.subtype_phrases import NEG, PHRASES, subtypes_named
from mbcnav.trials.summary import summary_subtypes
from mbcnav.trials.wording import rx

_BRAIN = re.compile(
    r"\b(?:brain|cns|central nervous system|intracranial)\s+(?:oligo)?metasta\w*|leptomening\w*",
    re.I,
)
# a leptomeningeal-disease trial ("Intrathecal Chemotherapy ... With Leptomeningeal Metastasis",
# NCT06230055) is not for brain metastases alone
_LMD = re.compile(
    r"leptomening\w*|meningeal\s+(?:metasta\w*|carcinomatosis|disease)|carcinomatous\s+meningitis",
    re.I,
)
_BRAIN_WORD = re.compile(r"\b(?:brain|cns|central nervous system|intracranial|cerebral)\b", re.I)
_BARE_BREAST = re.compile(
    r"(?:advanced |metastatic |recurrent )?breast (?:cancer|carcinoma|neoplasms?)", re.I
)
# a bone-metastasis trial ("Radiation Therapy for High-Risk Asymptomatic Bone Metastases",
# condition "Metastatic Malignant Neoplasm in the Bone", NCT06745024)
_BONE = re.compile(
    r"\b(?:bone|osseous|skeletal|spin(?:e|al))\s+metasta\w*|metasta\w*\s+(?:[\w-]+\s+){0,3}(?:in|to)\s+(?:the\s+)?bones?\b|"
    r"\bmetastatic\s+bone\s+(?:disease|lesions?|pain)",
    re.I,
)
_BONE_OPTIONAL = re.compile(
    r"with or without bone|bone[- ]only|including (?:those|patients) with bone", re.I
)
# words of any cancer study: a trial whose title, conditions and criteria use none of them is
# not a cancer study ("Pain in Women With Chronic Pelvic Pain", NCT01994343)
_CANCER_WORD = re.compile(
    r"cancer|carcinom|tumou?r|neoplas|malignan|oncolog|metasta|chemo|radiother|radiation|"
    r"lymphoma|leuka?emia|sarcoma|myeloma|melanoma|mastectom|lumpectom|\bbrca|\bher-?2|\bdcis\b|"
    r"survivor|lesion|biopsy",
    re.I,
)
_BRAIN_OPTIONAL = re.compile(r"with or without brain|including (?:those|patients) with brain", re.I)


_HORMONAL = frozenset({"SERM", "SERD", "aromatase inhibitor"})
# a treatment study of advanced disease, not one about a side effect, fertility or prevention
# ("Fertility Preservation With Letrozole", "Acupuncture for Anastrozole Arthralgia")
_STAGE_NAMED = re.compile(r"metasta|advanced|recurren|stage\s+(?:iv|4)|unresectable", re.I)
_SUPPORTIVE = re.compile(
    r"fertility|oocyte|embryo|arthralgia|joint pain|hot flash|hot flush|bone loss|osteopor|"
    r"prevent|risk[- ]reduc|quality of life|adherence|acupuncture|exercise|symptom|survivor",
    re.I,
)


@cache
def _endocrine_drug() -> re.Pattern:
    """Names of the hormone drugs of breast cancer (SERMs, SERDs, aromatase inhibitors), with
    brands and code names, from the record's drug list (patient/data/drugs.yaml)."""
    names = sorted(
        {
            w
            for d in vocabulary.drug_table().drugs
            if _HORMONAL & set(d.classes)
            for w in (d.name, *d.brands, *d.synonyms)
        },
        key=len,
        reverse=True,
    )
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.I)


_SOLID = re.compile(r"\bsolid\s+(?:tumou?rs?|cancers?|malignanc\w+|neoplasms?)\b", re.I)
_QUALIFIED = re.compile(
    r"her-?2|(?:c-?)?erb-?b-?2|receptor|\b(?:hr|er|pr)\b|positive|negative|express\w*|mutat\w*|amplif\w*|"
    r"fusion|altered|alteration|deficien\w*|\b\w+-(?:mutant|mutated)",
    re.I,
)


_BARE_SOLID = re.compile(
    r"(?:(?:locally|advanced|metastatic|unresectable|recurrent|refractory|relapsed|and|or)[\s,/]+)*"
    r"solid\s+(?:tumou?rs?|cancers?|malignanc\w+|neoplasms?)(?:,?\s+adults?)?",
    re.I,
)


def _named_only(trial: Trial, pattern: re.Pattern) -> bool:
    """A trial for one group names it in its title, or in every one of its conditions."""
    return bool(
        pattern.search(trial.title)
        or (trial.conditions and all(pattern.search(c) for c in trial.conditions))
    )


def _breast_conditions_typed(trial: Trial) -> bool:
    """Whether the trial lists breast cancer among its conditions and every breast condition
    names a subtype (the conditions say which breast cancers its cohorts take)."""
    breast = [c for c in trial.conditions if _BREAST.search(c)]
    return bool(breast) and all(subtypes_named(c) for c in breast)


def _refined(subtypes: list[list], summary: list[list]) -> list[list]:
    """A condition that names the hormone receptor only ("Estrogen Receptor Positive Breast
    Cancer") is the summary's subtype when the summary names the same receptor and the HER2 status
    too ("in patients with ER-positive, HER2-negative advanced or metastatic breast cancer",
    NCT02216786: session 37, tuning set 102)."""
    if not summary or any(her2 is not None for _, her2 in subtypes):
        return subtypes
    hrs = {hr for hr, _ in subtypes}
    if all(hr in hrs and her2 is not None for hr, her2 in summary):
        return summary
    return subtypes


def gates(trial: Trial, criteria: list[dict] | None = None) -> dict:
    """{"subtypes": [[hr, her2 list], ...], "brain_only": bool, "leptomeningeal_only": bool,
    "excludes_breast": bool, ...} from title and conditions, and from an exclusion that is
    breast cancer itself."""
    text = " ; ".join([trial.title, *trial.conditions])
    subtypes = subtypes_named(text)
    # a brain-metastasis trial names it in its title, or in every one of its conditions; a
    # basket that lists "CNS metastases" among many other conditions is not one
    brain = _named_only(trial, _BRAIN) and not _BRAIN_OPTIONAL.search(text)
    if not any(p.search(trial.title) for p, _, _ in PHRASES) and any(
        _BARE_BREAST.fullmatch(c.strip()) for c in trial.conditions
    ):
        subtypes = []  # "Breast Cancer" among "ER+ Breast Cancer", "BRCA2 Mutation": any subtype
    if not subtypes and not subtypes_named(text):
        subtypes = summary_subtypes(trial.summary)
    elif subtypes:
        subtypes = _refined(subtypes, summary_subtypes(trial.summary))
    # any solid tumour in the title, or a condition that is only "(Advanced) Solid Tumors"; not
    # "HER2-positive solid tumours" or "solid tumors with a KRAS mutation"
    if not _QUALIFIED.search(trial.title) and (
        (_SOLID.search(trial.title) and not _breast_conditions_typed(trial))
        or any(_BARE_SOLID.fullmatch(c.strip()) for c in trial.conditions)
    ):
        # "Study of XB010 in Subjects With Solid Tumors" (NCT06545331), conditions "Locally
        # Advanced or Metastatic Solid Tumors", "Hormone-receptor-positive Breast Cancer", "Triple
        # Negative Breast Cancer": a basket open to solid tumours; the subtypes name later cohorts.
        # A title's "Hematologic and Solid Tumor Malignancies" with no such condition, whose only
        # breast condition is "Triple Negative Breast Cancer Malignancies" (NCT05694364), takes
        # that subtype of breast cancer only (twenty-first session, set 53 read after it was
        # measured)
        subtypes = []
    if (
        not subtypes
        and _endocrine_drug().search(trial.title)
        and _BREAST.search(text)
        and _STAGE_NAMED.search(text)
        and not _SUPPORTIVE.search(text)
    ):
        # "HRS-6209 in Combination With Fulvestrant, Letrozole, ..." (NCT06555068): a breast
        # cancer study of a hormone drug is for hormone receptor-positive disease (hormone
        # therapy only works there: NCI PDQ, hormone therapy for breast cancer)
        subtypes = [["positive", None]]
    subtypes = _with_ultralow(subtypes, criteria or [])
    excluded = any(
        c["kind"] == "exclusion" and rx("concept.breast_excluded").search(_unscoped(c["text"]))
        for c in criteria or []
    )
    # "Brain and/or Leptomeningeal Metastases": a trial for either is not for LMD alone
    lmd = (
        _named_only(trial, _LMD)
        and not _BRAIN_OPTIONAL.search(text)
        and not _BRAIN_WORD.search(_LMD.sub(" ", text))
    )
    bone = _named_only(trial, _BONE) and not _BONE_OPTIONAL.search(text)
    # ("... Metastatic Inflammatory Breast Cancer", conditions "Recurrent Breast Inflammatory
    # Carcinoma", "Stage IV Breast Inflammatory Carcinoma": NCT03202316)
    ibc = _named_only(trial, _IBC) and not _IBC_OPTIONAL.search(text)
    not_cancer = bool(trial.conditions) and not _CANCER_WORD.search(
        " ".join([trial.title, *trial.conditions, *trial.keywords, trial.eligibility or ""])
    )
    return {
        "subtypes": subtypes,
        "brain_only": brain,
        "leptomeningeal_only": lmd,
        "bone_only": bone,
        "suspected_only": _suspected_only(trial),
        "early_only": _early_only(trial),
        "follow_up_only": follow_up_only(trial, criteria or []),
        "inflammatory_only": ibc,
        "not_cancer": not_cancer,
        "excludes_breast": excluded,
        "other_cancer": _other_cancer(trial) or _other_cancer_in_criteria(trial, criteria or []),
    }


def _with_ultralow(subtypes: list, criteria: list[dict]) -> list:
    """A "HER2-low" title whose own inclusion criteria let in an ultralow stain ("IHC 1+ & IHC
    2+/ISH- or 0<IHC<1+", NCT06331169: nineteenth session) is open to HER2-ultralow too."""
    # only a criterion that names the ultralow range or word, not one that lets in "IHC 0"
    # (ultralow under the ASCO/CAP reading) in a plain HER2-negative definition (review)
    ultralow = any(
        c["kind"] == "inclusion"
        and ultralow_said(c["text"])
        and ch.get("type") == "receptor"
        and not ch.get("neg")
        and ("ultralow" in (ch.get("allowed") or []) or ch.get("value") == "her2-ultralow")
        for c in criteria
        for ch in c.get("checks", [])
    )
    if not ultralow:
        return subtypes
    return [
        [hr, sorted({*her2, "ultralow"}) if her2 and "low" in her2 else her2]
        for hr, her2 in subtypes
    ]


_SCOPE_LABEL = re.compile(
    r"^(?:cohort|arm|part|group|module)s?\s+[\w.]{1,6}(?:\s+and\s+[\w.]{1,6})*:\s*", re.I
)


def _unscoped(text: str) -> str:
    """The criterion without the cohort label a header or sentence gave it ("Part 1: ...")."""
    return _SCOPE_LABEL.sub("", text, count=1)


def _fits(hr: str | None, her2: list[str] | None, f: PatientFacts) -> bool:
    person_hr = None if f.er_low_only else f.hr
    if hr and person_hr and person_hr != hr:
        return False
    return not (her2 and f.her2 and f.her2 not in her2)


_HER2_WORDS = {
    "positive": "HER2-positive",
    "low": "HER2-low",
    "ultralow": "HER2-ultralow",
    "zero": "HER2 0",
    "negative": "HER2-negative",
}


def mismatch(g: dict | None, f: PatientFacts) -> str:
    """Why the trial is for another situation, or "" when it may be for this person."""
    if not g:
        return ""
    if g.get("not_cancer"):
        return "This study is not about cancer: its title, conditions and criteria name none."
    if g.get("excludes_breast"):
        return "This study leaves out breast cancer (its exclusion criteria name it)."
    if g.get("other_cancer"):
        return f"This study is for another kind of cancer ({g['other_cancer']}), not breast cancer."
    subtypes = g.get("subtypes") or []
    if subtypes and not any(_fits(hr, her2, f) for hr, her2 in subtypes):
        named = []
        for hr, her2 in subtypes:
            if hr == "negative" and her2 == NEG:
                named.append("triple-negative")
            else:
                parts = [f"HR-{hr}" if hr else ""]
                if her2 == NEG:
                    parts.append("HER2-negative")
                elif her2:
                    parts.append(" or ".join(_HER2_WORDS[h] for h in her2))
                named.append(" ".join(p for p in parts if p))
        yours = " ".join(
            w
            for w in (
                f"HR-{f.hr}" if f.hr and not f.er_low_only else "",
                _HER2_WORDS.get(f.her2 or "", ""),
            )
            if w
        )
        return f"This study is for {' or '.join(named)} breast cancer; your record says {yours}."
    no_brain = f.brain == "none" or (f.brain is None and f.sites_known and "brain" not in f.sites)
    if g.get("brain_only") and no_brain:
        return "This study is for people whose cancer has spread to the brain; your record shows no brain metastases."
    if g.get("leptomeningeal_only") and f.sites_known and "leptomeningeal" not in f.sites:
        return (
            "This study is for people whose cancer has spread to the lining of the brain and "
            "spinal cord (leptomeningeal disease); your record does not show it."
        )
    if g.get("inflammatory_only") and read_as_not_inflammatory(f):
        # the reason says what would change it
        return (
            "This study is for inflammatory breast cancer; your record does not say your cancer "
            "is inflammatory. If your team called it inflammatory, add that to your record."
        )
    if g.get("suspected_only") and (f.diagnosed_on or f.sites):
        return (
            "This study is for people whose breast cancer is only suspected to have come back "
            "or spread and is not yet confirmed; your record shows metastatic breast cancer."
        )
    if g.get("follow_up_only"):
        return (
            "This study is only for people who took part in an earlier study or got its "
            "treatment, as its title or its rules say; your record does not show that. If you did, ask the "
            "study team."
        )
    if g.get("early_only") and f.setting == "metastatic":
        return (
            "This study is for early breast cancer (not spread beyond the breast and nearby "
            "lymph nodes), as its title and conditions say; your record shows metastatic breast "
            "cancer."
        )
    if g.get("bone_only") and f.sites_known and "bone" not in f.sites:
        return "This study is for people whose cancer has spread to the bones; your record shows no bone metastases."
    return ""


# a list of breast subtypes inside one criterion: "HR+ and HER2- breast cancer, HR- and
# HER2-positive breast cancer, TNBC" (NCT05720117), "breast cancer (TNBC, HR+/HER2-negative or
# HER2-low, HR-/HER2+)" (NCT07145255); a "not", "except" or "other than" makes it no list of options
_LIST_NOT = re.compile(
    r"\b(?:not|no|except\w*|excluding|other than|non|without|unless)\b"
    # a past status is no option, but "a documented history of HER2 expression consistent with
    # the subgroup definitions (i.e., HER2-low, ..., or TNBC)" (NCT06827236) records the status
    r"|(?<!documented\s)\bhistory of\b|ineligible",
    re.I,
)


def subtype_list(text: str) -> list[list] | None:
    """[[hr, her2 list], ...] when a criterion names two or more breast subtypes as options,
    at least one of them with both receptors or as triple-negative; None otherwise."""
    if _LIST_NOT.search(text) or not re.search(r"breast|\bbc\b|\btnbc\b", text, re.I):
        return None
    found = subtypes_named(text)
    if len(found) < 2 or not any(hr and her2 for hr, her2 in found):
        return None
    return found


def fits_subtype(hr: str | None, her2: list[str] | None, f: PatientFacts) -> bool | None:
    """Whether the person has this subtype: None when the record cannot say (ER-low is never
    judged on hormone receptor grounds; a bare "HER2-negative" may be low or 0)."""
    person_hr = None if f.er_low_only else f.hr
    if hr and person_hr and person_hr != hr:
        return False
    if her2 and f.her2 and f.her2 not in her2:
        if not (f.her2 == "negative" and set(her2) & set(NEG)):
            return False
    if (hr and person_hr is None) or (her2 and (f.her2 is None or f.her2 not in her2)):
        return None
    return True
