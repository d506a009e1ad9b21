"""A trial for another cancer than breast cancer: every condition names another cancer and no
name says breast or any solid tumour, or an inclusion that says which cancers may join names only
other cancers. Read by the population gates (population.py)."""

from __future__ import annotations

import re

from mbcnav.trials.record import Trial
from mbcnav.trials.wording import rx

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
