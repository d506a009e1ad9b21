"""Thirty-ninth session (issue 14): chart wordings the held-out writers met (their notes, read
after the measurement). Each test is checked both ways."""

import pytest

from mbcnav.patient.conditions import read_name
from mbcnav.patient.drugs import drug


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("dexamethasone 4 mg daily", "dexamethasone"),
        ("letrozole 2.5 mg", "letrozole"),
        ("Xeloda 1000 mg/m2 bid days 1-14", "capecitabine"),
        ("anastrozole 1mg PO daily", "anastrozole"),
    ],
)
def test_a_drug_written_with_its_dose_is_that_drug(written, name):
    found = drug(written)
    assert found is not None and found.name == name


@pytest.mark.parametrize("written", ["4 mg daily", "vitamin 1000 mg", "made up drug 5 mg"])
def test_a_dose_alone_or_an_unknown_name_is_no_drug(written):
    assert drug(written) is None


def test_more_cancers_and_gilbert_syndrome_are_read():
    assert read_name("prostate cancer") == ("another cancer", "prostate", True)
    assert read_name("oesophageal cancer")[:2] == ("another cancer", "esophageal")
    assert read_name("Gilbert's syndrome")[0] == "gilbert syndrome"
    assert read_name("prostate enlargement")[2] is False
