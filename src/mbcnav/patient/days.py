"""Dates written for people to read: "12 Oct 2026" (Django's "j M Y").

Sentences people read use this form; data exports, FHIR, CSV, iCalendar and form inputs
stay ISO 8601. English month abbreviations, whatever the machine's locale.
"""

from __future__ import annotations

from datetime import date

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def human(day: date) -> str:
    """``date(2026, 10, 12)`` -> ``"12 Oct 2026"``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
