"""Checks of single record fields typed as text: a lab value and a phone number. Each refusal is
one sentence naming the field, the value and what is allowed."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

LAB_WORDS = ("positive", "negative", "detected", "not detected", "normal", "abnormal")
LAB_MAX = 1_000_000
_LAB_NUMBER = re.compile(r"^(<=|>=|<|>|≤|≥)?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_PHONE = re.compile(r"^\+?[\d\s().-]+((ext\.?|x)\s*\d{1,6})?$", re.IGNORECASE)


def lab_value(text: str) -> str:
    """A lab value as written ("43", "<0.5", "1,200", "negative"); anything else is refused
    with one sentence naming the value and what is allowed."""
    text = text.strip()
    if not text or text.lower() in LAB_WORDS:
        return text
    match = _LAB_NUMBER.match(text)
    if match is None or float(text.lstrip("<>=≤≥ ").replace(",", "")) > LAB_MAX:
        raise forms.ValidationError(
            _(
                "Value: “%(value)s” is not a lab result we can read; write an ordinary number from 0 to "
                "1,000,000 (like 43 or <0.5), or positive or negative."
            ),
            params={"value": text},
        )
    return text


def phone_number(text: str, label) -> str:
    """A phone number with 7 to 15 digits, written with spaces, dashes, dots or brackets."""
    text = text.strip()
    digits = sum(ch.isdigit() for ch in text.split("x")[0].split("ext")[0])
    if text and (not _PHONE.match(text) or not 7 <= digits <= 15):
        raise forms.ValidationError(
            _("%(label)s: “%(value)s” is not a phone number; write its digits, like 312-555-0100."),
            params={"label": label, "value": text},
        )
    return text
