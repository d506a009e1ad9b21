"""Thirty-first-session library (issue 15, tuning set 64): a question that names a gene or tumor
marker and no medicine prefers passages naming that marker ("PTEN loss" was answered with hair
loss); with a medicine named, the medicine stays the focus. Golden tests of the small scoring
function and of the answers, written for the mechanism."""

import numpy as np

from mbcnav.library.answer import ARTICLES_DIR, ask
from mbcnav.library.index import get_index
from mbcnav.library.shapes import _marker_key, focus_factor, marker_factor


def test_marker_spellings_fold_to_one_key():
    assert {_marker_key(m) for m in ("PD-L1", "pdl1", "PD L1")} == {"pdl1"}
    assert {_marker_key(m) for m in ("MSI-H", "msi")} == {"msi"}
    assert {_marker_key(m) for m in ("gBRCA", "BRCA2", "brca1m")} == {"brca"}


def test_a_marker_named_alone_lifts_the_passages_naming_it():
    index = get_index(ARTICLES_DIR)
    factor = marker_factor(index, "tumor report says PTEN loss, what does that mean")
    assert factor is not None and factor.max() > 1.0
    named = [s for s, f in zip(index.sections, factor, strict=True) if f > 1.0]
    assert named and all("PTEN" in f"{s.heading} {s.text}" for s in named)
    assert marker_factor(index, "what helps with hair loss") is None


def test_a_medicine_named_keeps_the_focus():
    index = get_index(ARTICLES_DIR)
    with_drug = focus_factor(index, "do you have to have the brca gene to get lynparza")
    drug_only = focus_factor(index, "do you have to get lynparza")
    assert np.array_equal(with_drug, drug_only)


def test_pten_loss_is_answered_from_the_passages_that_name_it():
    answer = ask("tumor report says 'PTEN loss' what does that mean for treatment", top=3)
    assert answer.answers
    assert "hair" not in answer.answers[0].url
    assert any("PTEN" in a.text for a in answer.answers[:3])
