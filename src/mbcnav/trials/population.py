"""Who a trial is for, from its own title and conditions: subtype and brain-metastasis gates.

A trial whose title and conditions name only triple-negative disease is "for another situation"
for a person with HR-positive disease, whatever its criteria say or leave out; the same for
HER2-positive-only, HER2-low-only, HR+/HER2- and brain-metastasis trials. Several named
populations ("HER2-positive, HER2-low or HER2-ultralow") are a union. Receptor categories follow
the ASCO/CAP HER2 (2023) and ER/PR (2020) guidelines (sources in data/wording.yaml); a person
with ER-low disease is never gated on hormone receptor grounds (ER-low is reported as positive
but often behaves like ER-negative disease), and anything the record leaves unknown never gates.
"""

from __future__ import annotations

import re
from functools import cache

from mbcnav.patient import vocabulary
from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.her2 import ultralow_said
from mbcnav.trials.options import ways_in
from mbcnav.trials.record import Trial
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
_BREAST = re.compile(r"breast|\bmbc\b|\bbc\b", re.I)
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
# inflammatory breast cancer (IBC; NCI: a rare, fast-growing breast cancer that makes the breast
# red, swollen and warm), as titles and conditions write it
_IBC = re.compile(
    r"\binflammatory\s+(?:breast\s+)?(?:cancer|carcinoma)|\bbreast\s+inflammatory\s+carcinoma",
    re.I,
)
_IBC_OPTIONAL = re.compile(
    r"(?:including|with or without|and/or|or|and)\s+(?:non-?)?inflammatory|non-?inflammatory", re.I
)
# IBC named in a criterion as what a way in needs, or as what it must not be ("HER2 normal breast
# carcinoma with a clinical diagnosis of IBC ...; OR ... triple negative breast carcinoma ...
# without clinical diagnosis of IBC", NCT02411656: twenty-eighth session, set 75); not a rule
# for whoever has it ("Patients with IBC must ...", "IBC is allowed")
_IBC_IN_RULE = re.compile(rf"{_IBC.pattern}|\bIBC\b", re.I)
_IBC_FOR_WHOEVER = re.compile(
    r"^[^.;]{0,60}?\b(?:must|should|shall|may|can|are\s+(?:eligible|allowed|permitted)|"
    r"is\s+(?:eligible|allowed|permitted))\b",
    re.I,
)


def ibc_checks(plain: str) -> list[dict]:
    """Checks that the cancer is (or, after "without"/"no"/"non-", is not) inflammatory, one
    for each way in that names it."""
    found = list(_IBC_IN_RULE.finditer(plain))
    if (
        not found
        or _IBC_OPTIONAL.search(plain)
        or any(_IBC_FOR_WHOEVER.search(plain[m.end() :]) for m in found)
        # a denial after it ("Inflammatory breast cancer is not allowed", "(inflammatory breast
        # cancer excluded)", "IBC patients are not eligible": review), which the words before
        # it do not show
        or any(_IBC_DENIED_AFTER.search(plain[m.end() :]) for m in found)
        # one setting among others ("locally advanced, inflammatory, or metastatic breast
        # cancer", "metastatic breast cancer and/or IBC": review): an option, not a need
        or (_LIST_JOIN.search(plain) and _OTHER_SETTING.search(_IBC_IN_RULE.sub(" ", plain)))
    ):
        return []
    negs = {bool(_NOT_IBC.search(plain[: m.start()])) for m in found}
    if len(negs) == 1:
        return [_ibc_check(negs.pop(), found[0].start())]
    # IBC for one way in and not for the other ("... with a clinical diagnosis of IBC ...; OR
    # has ... triple negative ... without clinical diagnosis of IBC", NCT02411656): one check
    # for each whole way in (options.ways_in), which the options then weigh way by way; with
    # no such ways, which way the person takes cannot be split here
    starts = [0, *ways_in(plain)]
    bounds = list(zip(starts, [*starts[1:], len(plain) + 1], strict=True))
    out = []
    for a, b in bounds:
        inside = [m for m in found if a <= m.start() < b]
        way_negs = {bool(_NOT_IBC.search(plain[a : m.start()])) for m in inside}
        if len(way_negs) > 1:
            return []
        if inside:
            out.append(_ibc_check(way_negs.pop(), inside[0].start()))
    return out if len(out) > 1 else []


def _ibc_check(neg: bool, at: int) -> dict:
    return {"type": "inflammatory", "value": "inflammatory breast cancer", "neg": neg, "at": at}


_IBC_DENIED_AFTER = re.compile(
    r"^[^.;]{0,40}?(?:\b(?:not|no\s+longer)\b|\bexclu\w*|\bineligible\b)", re.I
)
_LIST_JOIN = re.compile(r"\b(?:or|and/or)\b|,", re.I)
_OTHER_SETTING = re.compile(
    r"metasta|advanced|stage\s*(?:iv|4|iii|3)\b|unresectable|recurren|inoperable", re.I
)


#: "without (a clinical diagnosis of) IBC", "no inflammatory breast cancer", "non-inflammatory",
#: "solid tumor excluding tumor types with rapid cell turnover, ie, small cell cancer ...,
#: inflammatory breast cancer" (NCT03604783): a denial anywhere before it in its clause (a
#: denial read too widely only makes the check say "met")
_NOT_IBC = re.compile(
    r"(?:\b(?:without|no|not(?!\s+(?:required|needed|necessary|mandatory)\b)|absence\s+of|"
    r"excluding|except|other\s+than)\b|\bnon-?)[^.;]*$",
    re.I,
)


def read_as_not_inflammatory(f) -> bool:
    """A record that says the cancer is not inflammatory, or describes it (receptors or spread)
    without calling it inflammatory: IBC is diagnosed and written down as such (NCI), so it is
    read as not IBC; an empty record says nothing."""
    described = bool(f.hr or f.her2 or f.sites_known)
    return f.inflammatory is False or (f.inflammatory is None and described)


def inflammatory_holds(f) -> tuple[bool | None, str, str]:
    """Whether the cancer is inflammatory, read as for the population gate
    (``read_as_not_inflammatory``)."""
    if f.inflammatory:
        return True, "Your record says the cancer is inflammatory (IBC).", ""
    if read_as_not_inflammatory(f):
        return (
            False,
            "Your record does not say your cancer is inflammatory (IBC).",
            "If your team called it inflammatory, add that to your record",
        )
    return (
        None,
        "Whether your cancer is inflammatory (IBC) is not in your record.",
        "Your oncologist",
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


# a condition or title that names an early stage of breast cancer: "Breast Cancer Stage II",
# "Stage I-III Breast Cancer", "Early Breast Cancer", "Stage 0-III" (NCT04180579: session 39,
# read from set 107 after its measurement); any later or spread stage named anywhere in the
# title, conditions or summary opens the study to it
_STAGES = r"stages?\s*(?:0|i{1,3}|[123])(?:[abc])?\b(?:\s*(?:-|–|/|to|through|and|or|,)\s*(?:0|i{1,3}|[123])[abc]?\b)*"
_EARLY_STAGE = re.compile(
    # a disease's stage, said beside the cancer ("Stage II Breast Cancer", "Breast Cancer Stage
    # II"), not a study's ("Stage 2 of a Phase 1/2 Study": review)
    rf"\b{_STAGES}\s+(?:[\w+/-]+\s+){{0,3}}?(?:breast|cancer|carcinoma|neoplasms?|bc|disease)\b"
    rf"|\b(?:breast|cancer|carcinoma|neoplasms?|bc|disease),?\s+{_STAGES}"
    r"|\bearly(?:[\s-]+stage)?\s+(?:invasive\s+)?breast\b|\b(?:operable|resectable|non-?metastatic)\s+breast\b",
    re.I,
)
_LATER_STAGE = re.compile(
    # (a bare "IV" anywhere: "Stage IIIB, IIIC, or IV", "Stage III/IV", "Stages I–IV": review;
    # an "IV" for a drip only keeps the study open, the safe side)
    r"metasta|advanced|recurren|stage\s*(?:iv|4)\b|\biv\b|unresectable|inoperable|"
    r"\bstages?\b[^.;]{0,40}?\b(?:4|four)\b|\bspread|\bsecondar(?:y|ies)\b|"
    r"stage\s*(?:0|i{1,3}|[123])[abc]?\s*(?:-|to|through)\s*(?:iv|4)\b|\bany\s+stage|all\s+stages",
    re.I,
)


def _early_only(trial: Trial) -> bool:
    """A study whose title or a breast condition names an early stage of breast cancer and whose
    title, conditions and summary name no later stage, spread or return."""
    breast = [c for c in trial.conditions if _BREAST.search(c)]
    named = any(_EARLY_STAGE.search(c) for c in breast) or (
        _BREAST.search(trial.title) and _EARLY_STAGE.search(trial.title)
    )
    text = " ; ".join([trial.title, *trial.conditions, trial.summary or ""])
    return bool(named) and not _LATER_STAGE.search(text)


# a study only for people who took part in an earlier study or got its treatment: "... for Patients
# Who Have Received HER2-pulsed DC1 Vaccine" (NCT03630809: session 39, held-out set 109 read after
# it was measured), "Extension Study for Participants Who Completed Study X", "Rollover Study"
_FOLLOW_UP_ONLY = re.compile(
    r"\b(?:for|in|of)\s+(?:patients|participants|subjects|people|women|men|those|individuals)\s+"
    r"(?:who\s+(?:have\s+)?(?:previously\s+)?(?:received|completed|participated\s+in|were\s+enrolled\s+in|"
    r"took\s+part\s+in|were\s+treated\s+in)|(?:previously\s+)?(?:enrolled|treated|participating)\s+in)\b"
    r"[^;:]{0,80}?\b(?:vaccines?|study|studies|trials?|protocols?)\b"
    r"|\broll-?over\s+(?:study|protocol|trial)\b|\bextension\s+study\b",
    re.I,
)


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
        "follow_up_only": any(
            _FOLLOW_UP_ONLY.search(t or "")
            for t in (trial.title, getattr(trial, "official_title", ""))
        ),
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


_BREAST_OR_ANY = re.compile(
    r"breast|\btnbc\b|triple[- ]negative|\bmbc\b|solid (?:tumou?r|neoplasm|malignanc|cancer)|"
    r"other (?:tumou?r|cancer)s?|any (?:cancer|tumou?r)|all (?:cancers|tumou?rs)|tumou?r[- ]agnostic|"
    r"advanced (?:cancer|malignanc)|metastatic (?:cancer|disease)\b|cancer survivors?",
    re.I,
)


_HISTOLOGY_ONLY = re.compile(
    r"(?:(?:advanced|metastatic|recurrent|invasive|poorly differentiated)\s+)*"
    r"(?:adeno|squamous(?:\s+cell)?|adenosquamous|large\s+cell|mucinous|papillary|clear\s+cell)?"
    r"\s*(?:cell\s+)?carcinomas?",
    re.I,
)


def _other_cancer(trial: Trial) -> str:
    """The other cancer a trial is for when every one of its conditions names a cancer other
    than breast cancer and neither they nor the title name breast cancer or any solid tumour
    ("... HER2- Gastroesophageal Adenocarcinoma"); "" otherwise."""
    names = [trial.title, *trial.conditions]
    if not trial.conditions or any(_BREAST_OR_ANY.search(n) for n in names):
        return ""
    # a bare histology ("Adenocarcinoma", "Squamous Cell Carcinoma") names no organ: it neither
    # makes nor breaks the rule (NCT02133196: "Advanced NSCLC", "Adenocarcinoma")
    specific = [c for c in trial.conditions if not _HISTOLOGY_ONLY.fullmatch(c.strip())]
    found = [rx("modality.other_cancer").search(c) for c in specific]
    if not specific or not all(found):  # "Brain Metastases", "Tumor": may be breast
        return ""
    return found[0].group(0)


# what an inclusion says about which cancers may join ("Histologically or cytologically confirmed
# CRC or EGC adenocarcinoma", "Eligible tumor histologies include the following malignancies")
_DIAGNOSIS = re.compile(
    r"\b(?:histologic\w*|cytologic\w*|patholog\w*)\s+(?:or\s+\w+\s+)?(?:confirmed|proven|documented)|"
    r"\bdiagnos\w*\s+(?:of|with)\b|\beligible\s+(?:tumou?r|cancer|histolog)\w*|"
    r"\btumou?r\s+types?\b|\bhistolog(?:y|ies)\s+(?:include|are)\b",
    re.I,
)
# a trial open to breast cancer or to any solid tumour says so somewhere in its criteria
_ANY_IN_CRITERIA = re.compile(
    r"breast|\btnbc\b|triple[- ]negative|\bmbc\b|solid (?:tumou?r|neoplasm|malignanc|cancer)|"
    r"any (?:cancer|tumou?r|malignan)|tumou?r[- ]agnostic|all comers|histolog\w* (?:of|types?) any",
    re.I,
)
_RECIST = re.compile(r"response evaluation criteria in solid tumou?rs?", re.I)


def _other_cancer_in_criteria(trial: Trial, criteria: list[dict]) -> str:
    """The other cancer a trial is for when an inclusion that says which cancers may join names
    only other cancers, and nothing in the eligibility text, title or conditions names breast
    cancer or any solid tumour except the registry's umbrella condition ("Advanced Malignant
    Solid Neoplasm", a title's "Advanced Cancers"): NCT04511039 (CRC or EGC), NCT04693377
    (the histologies listed); "" otherwise."""
    every = _RECIST.sub("", " ".join([trial.eligibility or "", *(c["text"] for c in criteria)]))
    named = " ; ".join([trial.title, *trial.conditions])
    if _ANY_IN_CRITERIA.search(every) or re.search(
        r"breast|\btnbc\b|triple[- ]negative", named, re.I
    ):
        return ""
    for c in criteria:
        if c["kind"] != "inclusion" or not _DIAGNOSIS.search(c["text"]):
            continue
        if found := rx("modality.other_cancer").search(c["text"]):
            return found.group(0)
    return ""


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


#: the people a diagnostic study is for: those in whom a return or spread of breast cancer is
#: only suspected ("... in 120 participants who present with suspected breast cancer recurrence",
#: NCT04241237: session 38, last session's held-out set 104 read after it was measured); not a
#: suspected spread to one site of a cancer already known ("suspected brain metastases")
_SUSPECTED = re.compile(
    r"\b(?:participants|patients|people|women|men|individuals|subjects|those|persons)\s+"
    r"(?:who\s+(?:present|are\s+presenting|are\s+referred)\s+with|presenting\s+with|with)\s+"
    r"(?:an?\s+)?(?:clinically\s+|radiologically\s+|highly\s+)?suspected\s+"
    r"(?P<what>(?:[\w-]+\s+){0,3}?)(?:recurren\w*|relapse\w*|metasta\w*)",
    re.I,
)
_SUSPECTED_SITE = re.compile(
    r"\b(?:brain|cns|bones?|liver|hepatic|lungs?|pulmonary|skin|nodal|lymph|spinal|leptomeningeal|"
    r"intracranial|pleural|local|locoregional)\b",
    re.I,
)
_OR_CONFIRMED = re.compile(
    r"\b(?:confirmed|known|proven|established|documented|diagnosed)\s+(?:or|and/or)\s+suspected\b|"
    r"\bsuspected\s+(?:or|and/or)\s+(?:[\w-]+\s+){0,3}?(?:confirmed|known|proven|established|documented|"
    r"diagnosed)\b",
    re.I,
)
#: ... nor a study that also names people whose cancer is known ("patients with metastatic breast
#: cancer and patients with suspected metastases", "or with known metastatic breast cancer
#: undergoing restaging": review) or suspects more of a known cancer ("suspected new
#: metastases", "suspected further metastatic spread", "suspected ... progression")
_KNOWN_TOO = re.compile(
    r"\b(?:known|confirmed|established|documented|diagnosed|existing|proven)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:metasta\w*|recurren\w*|breast\s+cancer|disease|cancer)\b|"
    r"\b(?:participants|patients|people|women|men|individuals|subjects|those|persons)\s+with\s+"
    r"(?:metastatic|advanced|stage\s+(?:iv|4)|recurrent|mbc)\b|"
    # the suspicion is of a cancer known to have spread ("suspected relapse of metastatic breast
    # cancer after a complete response", "suspected oligoprogression of metastatic ...": review)
    r"\bsuspected\s+[\w\s-]{0,40}?\b(?:of|in)\s+(?:known\s+|established\s+)?(?:metastatic|advanced|mbc|"
    r"stage\s+(?:iv|4))\b",
    re.I,
)
_MORE_OF_KNOWN = re.compile(
    r"\b(?:new|further|additional|more|progress\w*|oligo-?progress\w*|worsening)\b", re.I
)


def _suspected_only(trial: Trial) -> bool:
    """Whether the study is for people whose breast cancer's return or spread is only suspected
    (a diagnostic study that enrols before the biopsy), as its title or summary says."""
    text = " ".join([trial.title, trial.summary or ""])
    if _OR_CONFIRMED.search(text) or _KNOWN_TOO.search(text):
        return False
    return any(
        not _SUSPECTED_SITE.search(m.group("what"))
        and not _MORE_OF_KNOWN.search(m.group("what"))
        and not _MORE_OF_KNOWN.search(text[m.end() : m.end() + 40].split(".")[0])
        for m in _SUSPECTED.finditer(text)
    )


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
            "treatment, as its title says; your record does not show that. If you did, ask the "
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
