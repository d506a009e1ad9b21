"""Field-by-field reading of a patient file: the allowed keys of each section and the ``Reader``
primitives (text, date, number, ...), each knowing its field path for the error sentence. The
section readers built on them are in ``sections.py``."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from rapidfuzz import process

from .errors import PatientFileError

TOP_KEYS = (
    "format",
    "name",
    "birth_year",
    "birth_date",
    "sex",
    "postal_code",
    "country",
    "metastatic_diagnosis",
    "receptors",
    "biomarkers",
    "metastases",
    "ecog",
    "karnofsky",
    "menopausal_status",
    "menopausal_detail",
    "conditions",
    "treatments",
    "assessments",
    "labs",
    "symptoms",
)
DIAGNOSIS_KEYS = (
    "date",
    "de_novo",
    "first_diagnosis_date",
    "first_diagnosis_stage",
    "histology",
    "inflammatory",
)
RECEPTOR_KEYS = ("er", "pr", "her2", "biopsy_site", "biopsy_date")
#: the report's detail beside a receptor category (kept apart: the web rows hold RECEPTOR_KEYS)
RECEPTOR_DETAIL_KEYS = (
    "er_percent",
    "er_intensity",
    "er_allred",
    "pr_percent",
    "pr_intensity",
    "pr_allred",
    "her2_ish_ratio",
    "her2_copy_number",
)
METASTASIS_KEYS = ("site", "date", "measurable", "status")
METASTASIS_DETAIL_KEYS = ("detail",)
TREATMENT_KEYS = (
    "type",
    "drugs",
    "setting",
    "start",
    "end",
    "stop_reason",
    "site",
    "procedure",
    "date",
)
TREATMENT_DETAIL_KEYS = ("setting_detail", "line")
ASSESSMENT_KEYS = ("date", "status", "method", "note")
CONDITION_KEYS = ("name", "status", "date", "note")
CONDITION_DETAIL_KEYS = ("detail",)
LAB_KEYS = ("date", "test", "value", "unit")
SYMPTOM_KEYS = (
    "date",
    "symptom",
    "severity",
    "frequency",
    "interference",
    "location",
    "new",
    "temperature_c",
    "temperature_f",
    "count_per_day",
    "note",
)


def fail(field: str, message: str) -> PatientFileError:
    return PatientFileError(f"{field}: {message}", field=field)


def one_of(values) -> str:
    values = list(values)
    return ", ".join(values[:-1]) + f" or {values[-1]}" if len(values) > 1 else values[0]


def show(value: Any, limit: int = 60) -> str:
    """The value as the person wrote it, shortened so that the message stays one readable sentence."""
    text = repr(value) if isinstance(value, str) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Reader:
    """Walks the raw dict; every accessor knows its field path for error messages."""

    def __init__(self, today: date):
        self.today = today

    # -- primitives -------------------------------------------------------------
    def mapping(self, value: Any, field: str, keys: tuple[str, ...]) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise fail(field, f"expected a section of named fields, got {show(value)}.")
        for key in value:
            if key not in keys:
                hint = process.extractOne(str(key), keys, score_cutoff=70)
                also = f" (did you mean {hint[0]!r}?)" if hint else ""
                raise fail(
                    f"{field}.{key}" if field else str(key),
                    f"{show(key)} is not a known field{also}; allowed: {one_of(keys)}.",
                )
        return value

    def items(self, value: Any, field: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise fail(field, f"expected a list, got {show(value)}.")
        return value

    def text(self, value: Any, field: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, (dict, list)):
            raise fail(field, f"expected text, got {show(value)}.")
        text = str(value).strip()
        return text or None

    def enum(self, value: Any, field: str, normalise, allowed) -> str | None:
        if value is None:
            return None
        canon = normalise(value)
        if canon is None:
            raise fail(field, f"{show(value)} is not allowed; use {one_of(allowed)}.")
        return canon

    def date(self, value: Any, field: str, *, past: bool = True) -> date | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            value = value.date()
        if not isinstance(value, date):
            text = str(value).strip()
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise fail(field, f"{show(value)} is not a date; write dates as YYYY-MM-DD.")
            try:
                value = date.fromisoformat(text)
            except ValueError:
                raise fail(
                    field, f"{show(text)} is not a real calendar date; write dates as YYYY-MM-DD."
                ) from None
        if value.year < 1900:
            raise fail(field, f"{value.isoformat()} is too long ago; dates must be from 1900 on.")
        if past and value > self.today:
            raise fail(
                field,
                f"{value.isoformat()} is in the future; it must be on or before {self.today.isoformat()}.",
            )
        return value

    def boolean(self, value: Any, field: str) -> bool | None:
        if value is None or (isinstance(value, str) and value.strip().lower() == "unknown"):
            return None
        if isinstance(value, bool):
            return value
        words = {"yes": True, "true": True, "no": False, "false": False}
        if isinstance(value, str) and value.strip().lower() in words:
            return words[value.strip().lower()]
        raise fail(field, f"{show(value)} is not allowed; use true, false or unknown.")

    def number(self, value: Any, field: str, low: float, high: float, *, integer=False):
        if value is None:
            return None
        if isinstance(value, bool):
            raise fail(field, f"{show(value)} is not a number.")
        try:
            num = float(str(value).strip())
        except ValueError:
            raise fail(field, f"{show(value)} is not a number.") from None
        if not math.isfinite(num):
            raise fail(field, f"{show(value)} is out of range; allowed {low:g} to {high:g}.")
        if integer and num != int(num):
            raise fail(field, f"{show(value)} must be a whole number from {low:g} to {high:g}.")
        if not low <= num <= high:
            raise fail(field, f"{show(value)} is out of range; allowed {low:g} to {high:g}.")
        return int(num) if integer else num
