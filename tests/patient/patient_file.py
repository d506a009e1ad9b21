"""The patient-file helpers the patient tests share: a fixed "today", ``p(**fields)`` (a v1
file of those fields, parsed) and ``error_of(**fields)`` (the error it raises)."""

from datetime import date

import pytest

from mbcnav.patient import PatientFileError, parse

TODAY = date(2026, 11, 21)


def p(**fields):
    return parse({"format": "mbcnav-patient/1", **fields}, today=TODAY)


def error_of(**fields) -> PatientFileError:
    with pytest.raises(PatientFileError) as info:
        p(**fields)
    return info.value
