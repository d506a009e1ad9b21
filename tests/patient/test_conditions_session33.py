"""Thirty-third session: the words a chart writes for a health problem's status and kind are kept
where the trial finder reads them (the last session's note: "uncontrolled" was stored as plain
active, and an ischemic stroke as a bare stroke that could have been a mini-stroke)."""

from datetime import date

import pytest

from mbcnav.patient import dump, parse

TODAY = date(2026, 1, 15)


def _one(entry):
    p = parse({"format": "mbcnav-patient/1", "conditions": [entry]}, today=TODAY)
    assert parse(dump(p), today=TODAY) == p
    return p.conditions[0]


@pytest.mark.parametrize(
    "status, detail, expected",
    [
        ("uncontrolled", None, "uncontrolled"),
        ("Poorly controlled", "HbA1c 9.1", "poorly controlled, HbA1c 9.1"),
        ("not controlled", "uncontrolled on two drugs", "uncontrolled on two drugs"),
    ],
)
def test_a_status_that_says_not_controlled_is_kept_in_the_detail(status, detail, expected):
    c = _one({"name": "diabetes", "status": status, **({"detail": detail} if detail else {})})
    assert (c.status, c.detail) == ("active", expected)


@pytest.mark.parametrize("status", ["active", "controlled", "past", "current"])
def test_other_statuses_add_nothing(status):
    assert _one({"name": "diabetes", "status": status}).detail is None


@pytest.mark.parametrize(
    "written, detail",
    [
        ("ischemic stroke", "ischemic"),
        ("Haemorrhagic stroke", "hemorrhagic"),
        ("brain bleed", None),  # often a bleed into a metastasis: not settled (first review)
        ("mini stroke", "TIA"),
        ("stroke", None),
    ],
)
def test_the_kind_of_stroke_is_kept(written, detail):
    c = _one({"name": written, "status": "past"})
    assert (c.name, c.detail) == ("stroke", detail)
