"""Helpers for the triage tests: build a patient from a file fragment and triage it."""

from datetime import date

import pytest

from mbcnav.patient import parse
from mbcnav.triage import triage

DAY = date(2026, 11, 20)


def patient(checkin=(), day=DAY, **fields):
    """A patient from a mbcnav-patient/1 fragment with ``checkin`` entries dated ``day``."""
    data = {"format": "mbcnav-patient/1", **fields}
    data["symptoms"] = [{"date": day.isoformat(), **e} for e in checkin] + list(
        fields.get("symptoms", [])
    )
    return parse(data)


def symptoms_read(text: str) -> list[str]:
    """The symptoms a typed check-in entry is read as (new, no other answer)."""
    from mbcnav.patient.checkin import own_words_all

    return [s.symptom for s in patient(own_words_all([{"symptom": text, "new": True}])).symptoms]


@pytest.fixture
def make_patient():
    return patient


@pytest.fixture
def run():
    """run(checkin, **patient_fields) -> TriageResult on DAY."""

    def _run(checkin, day=DAY, **fields):
        return triage(patient(checkin, day=day, **fields), day)

    return _run
