"""Thirteenth-session library mechanism (issue 15), from tuning set 30: breastfeeding and its
problems, screening for a first breast cancer, and breast implants are other subjects, while any
cancer word, its spread, MBC or a drug keeps the message in scope (review: "mastitis or
inflammatory breast cancer?" is an MBC reader's question)."""

import pytest

from mbcnav.library.answer import ask
from mbcnav.library.scope import scope


@pytest.mark.parametrize(
    "question",
    [
        "when should I start getting mammograms, I am 38",
        "is a 3D screening mammogram better than a normal one",
        "painful red wedge on my breast while breastfeeding, could it be mastitis",
        "how do I keep up my milk supply when I go back to work",
        "silicone or saline when I replace my breast implants",
    ],
)
def test_breastfeeding_screening_and_implants_are_another_subject(question):
    assert scope().other_subject(question)
    assert ask(question).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "can I breastfeed while taking tamoxifen",
        "is breastfeeding safe with metastatic breast cancer",
        "I have MBC, should my daughter start screening mammograms early",
        "my mets are in my bones, should my sister have a screening mammogram now",
        "can I have breast reconstruction with implants after my mastectomy",
        "is this mastitis or inflammatory breast cancer",
        "I was diagnosed with breast cancer while breastfeeding my son",
        "my breast cancer came back in my liver, should my sister start screening",
    ],
)
def test_a_persons_own_cancer_keeps_these_words_in_scope(question):
    assert not scope().other_subject(question)
