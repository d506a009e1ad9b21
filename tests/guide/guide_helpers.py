"""Helpers for the guide tests: a quiet base record and small edits to it."""

from __future__ import annotations

import copy
from datetime import date

from mbcnav.guide import visit_guide
from mbcnav.patient import parse

AS_OF = date(2026, 11, 21)

# A person on a long, stable first line with every test done: no question should fire.
QUIET = {
    "format": "mbcnav-patient/1",
    "birth_year": 1965,
    "sex": "female",
    "metastatic_diagnosis": {
        "date": "2024-06-01",
        "de_novo": False,
        "first_diagnosis_date": "2018-03-01",
        "first_diagnosis_stage": "II",
        "histology": "ductal",
    },
    "receptors": {
        "er": "positive",
        "pr": "positive",
        "her2": "IHC 1+",
        "biopsy_site": "liver",
        "biopsy_date": "2024-05-20",
    },
    "biomarkers": {
        "ESR1": "not mutated",
        "PIK3CA": "not mutated",
        "AKT1": "not mutated",
        "PTEN": "not mutated",
        "BRCA1": "negative",
        "BRCA2": "negative",
    },
    "metastases": [{"site": "liver", "date": "2024-06-01", "measurable": True}],
    "ecog": 0,
    "treatments": [
        {"drugs": ["anastrozole"], "setting": "adjuvant", "start": "2018-05-01",
         "end": "2023-05-01", "stop_reason": "completed"},
        {"drugs": ["letrozole", "ribociclib"], "setting": "metastatic", "start": "2024-06-15"},
    ],
    "assessments": [{"date": "2026-10-01", "status": "stable", "method": "CT"}],
}  # fmt: skip


def quiet() -> dict:
    return copy.deepcopy(QUIET)


def guide(data: dict, as_of: date = AS_OF):
    """``data["_skipped"]``, when present, stands for the doses marked skipped in the person's
    medicine schedules (kept beside the patient file, not in it)."""
    data = dict(data)
    skipped = data.pop("_skipped", None)
    return visit_guide(parse(data), as_of, skipped=skipped)


def fired(data: dict, as_of: date = AS_OF) -> set[str]:
    """Names of the rules whose questions were kept for this record."""
    return {question.rule for question in guide(data, as_of).questions}
