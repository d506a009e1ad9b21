"""Fortieth session: a drug written with a note in brackets is that drug; one with a second drug
in brackets stays unread (checked both ways)."""

from mbcnav.patient.drugs import drug


def test_a_note_in_brackets_after_a_drug_keeps_the_drug():
    assert drug("camizestrant (investigational, clinical trial)").name == "camizestrant"
    assert drug("paclitaxel (weekly)").name == "paclitaxel"


def test_a_second_drug_in_brackets_keeps_the_entry_unread():
    assert drug("letrozole (+ Ibrance)") is None
    assert drug("trastuzumab (with pertuzumab)") is None
    # the same drug twice is that drug
    assert drug("Enhertu (T-DXd)").name == "trastuzumab deruxtecan"
