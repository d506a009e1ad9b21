"""Which cancer a Condition is: breast cancer, a metastasis, another primary cancer, or none.

Codes come first (the code table's breast cancer and metastasis codes, ICD-10-CM chapter C);
the wording of the code's text and displays is read only when no code settles it, so a
Synthea "Primary malignant neoplasm of colon" or an EHR's "Uterine serous carcinoma" is
known to be a cancer that is not breast cancer.
"""

from __future__ import annotations

import re

from .codes import CodeTable
from .values import ICD10CM, codings, find_code, has_code, has_profile, texts

BREAST_KEYS = (
    "breast_cancer",
    "primary_breast_cancer",
    "ductal_breast_cancer",
    "lobular_breast_cancer",
    "inflammatory_breast_cancer",
    "left_breast_cancer",
)
#: Words that name a malignant disease (English, as EHR displays and Synthea write them).
CANCER_WORDS = re.compile(
    r"\b(malignant (neoplasm|neoplastic|tumou?r)|malignancy|cancer|carcinoma|adenocarcinoma|"
    r"sarcoma|lymphoma|leuka?emia|melanoma|myeloma|mesothelioma|glioma|glioblastoma)\b",
    re.I,
)
#: Words that mean the Condition is not (yet, or any longer) a cancer of this person.
NOT_A_DIAGNOSIS = re.compile(
    r"\b(suspected|screening|family history|history of|risk|fear of|benign|no evidence of)\b",
    re.I,
)
SPREAD_WORDS = re.compile(r"\b(secondary|metasta\w*)\b", re.I)


def _words(res: dict) -> list[str]:
    return texts(res.get("code"))


def _icd(res: dict) -> list[str]:
    return [
        str(c.get("code", "")).upper()
        for c in codings(res.get("code"))
        if c.get("system") == ICD10CM
    ]


def ours(res: dict, codes: CodeTable) -> bool:
    """Another health problem as MBC Navigator writes it (our own condition code): never the
    breast cancer or a metastasis, whatever its words say ("another cancer: melanoma")."""
    own = codes.local("CodeSystem/condition")
    return any(c.get("system") == own for c in codings(res.get("code")))


def is_breast(res: dict, codes: CodeTable) -> bool:
    """A breast cancer primary: a breast cancer code, ICD-10-CM C50, or words saying so."""
    if ours(res, codes):
        return False
    if has_code(res.get("code"), [codes.get(f"snomed.{k}") for k in BREAST_KEYS]):
        return True
    if any(code.startswith("C50") for code in _icd(res)):
        return True
    return any(
        "breast" in t.lower() and CANCER_WORDS.search(t) and not NOT_A_DIAGNOSIS.search(t)
        for t in _words(res)
    ) and not is_secondary(res, codes)


def is_secondary(res: dict, codes: CodeTable) -> bool:
    if ours(res, codes):
        return False
    if has_profile(res, "secondary-cancer-condition"):
        return True
    if find_code(res.get("code"), codes, "snomed") in [
        *codes.maps["site_disorder"].values(),
        *codes.maps["disorder_site_extra"].values(),
    ]:
        return True
    if any(re.match(r"C7[789]|C7B", code) for code in _icd(res)):
        return True
    return any(
        SPREAD_WORDS.search(t) and CANCER_WORDS.search(t) and "breast" not in t.lower()
        for t in _words(res)
    ) and not _other_by_code(res)


def _other_by_code(res: dict) -> bool:
    """ICD-10-CM C00-C96 outside the breast (C50) and the metastasis codes (C77-C79, C7B)."""
    return any(
        re.match(r"C\d", code) and not re.match(r"C50|C7[789]|C7B|C80", code) for code in _icd(res)
    )


def is_primary(res: dict, codes: CodeTable) -> bool:
    """A primary cancer of any kind (breast or not)."""
    if ours(res, codes) or is_secondary(res, codes):
        return False
    if has_profile(res, "primary-cancer-condition") or is_breast(res, codes):
        return True
    if _other_by_code(res):
        return True
    return any(CANCER_WORDS.search(t) and not NOT_A_DIAGNOSIS.search(t) for t in _words(res))


#: Skin cancers other than melanoma: common on problem lists, never staged with a TNM stage
#: group or tested for ER/PR/HER2, so they do not make breast cancer facts doubtful.
MINOR_SKIN = re.compile(r"\b(basal cell carcinoma|squamous cell carcinoma of (the )?skin)\b", re.I)


def is_other_cancer(res: dict, codes: CodeTable) -> bool:
    """A primary cancer that is not breast cancer (colon, lung, uterus, ...)."""
    if any(MINOR_SKIN.search(t) for t in _words(res)) or any(
        c.startswith("C44") for c in _icd(res)
    ):
        return False
    return (
        res.get("resourceType") == "Condition"
        and is_primary(res, codes)
        and not is_breast(res, codes)
    )
