"""Eighteenth-session library scope (issue 15): another cancer named with its own driver change
("EGFR lung cancer") and a benign phyllodes tumor are not questions for this library; an MBC
drug asked about beside a transplant, a driver word that is not a cancer ("alk phos"), a cancer
that also names breast cancer, and a malignant phyllodes tumor still get an answer (review)."""

import pytest

from mbcnav.library.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "tagrisso rash and nail problems EGFR lung cancer",
        "ALK positive lung cancer on alectinib, is the tiredness normal",
        "KRAS colon cancer spread to the liver, what chemo comes next",
        "benign phyllodes tumor how wide should the margins be",
    ],
)
def test_another_cancer_with_its_driver_or_a_benign_tumor_is_off_topic(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "Is Ibrance safe after my kidney transplant?",
        "Can I restart letrozole after IVF?",
        "My ALK phos is high, could it be bone mets?",
        "is it lung cancer now or breast cancer in the lung, my onc mentioned EGFR",
        "malignant phyllodes tumour treatment options",
        # a driver change named as a possibility or a comparison (review 2)
        "new lung nodule on Ibrance, could it be EGFR lung cancer?",
        "I'm on Enhertu, is the cough the same pneumonitis that EGFR lung cancer drugs cause?",
        "Can T-DXd cause lung problems like in EGFR lung cancer patients?",
    ],
)
def test_mbc_questions_beside_those_words_are_answered(question):
    assert ask(question, top=3).answers
