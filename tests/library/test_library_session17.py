"""Seventeenth-session library scope (issue 15): a drug named for another disease it treats
("Prolia for osteoporosis", "letrozole for ovulation induction") or for another cancer with a
marker breast cancer shares ("Herceptin for HER2 positive stomach cancer") is not a question
for this library, and neither is a breast abscess; the same drugs asked about by a person with
MBC, or as a side effect of their cancer drug, still get an answer."""

import pytest

from mbcnav.library.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "prolia injection for osteoporosis, when can I take a break from it",
        "letrozole to induce ovulation, what day of the cycle do I start",
        "herceptin for her2 positive gastric cancer how many cycles",
        "olaparib maintenance for pancreatic cancer with a BRCA2 change",
        "tamoxifen for gynecomastia in a teenage boy",
        "breast abscess drained last week, how long on antibiotics",
    ],
)
def test_other_uses_of_the_library_s_drugs_are_off_topic(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "is letrozole causing my osteoporosis",
        "my bones are thin from anastrozole, should I get prolia for osteoporosis or xgeva for my mets",
        "I have HER2 positive MBC, how long will I stay on herceptin",
        "I have a BRCA2 mutation and metastatic breast cancer, is olaparib for me",
    ],
)
def test_the_same_drugs_for_a_person_with_mbc_are_answered(question):
    assert ask(question, top=3).answers


@pytest.mark.parametrize(
    "question",
    [
        "should I get zoledronic acid for osteopenia from letrozole",
        "what calcium and vitamin D should I take with Prolia for osteoporosis on anastrozole",
        "egg freezing for fertility before tamoxifen",
        "I am HER2 positive and my dad has HER2 positive stomach cancer, is herceptin the same for both?",
    ],
)
def test_a_cancer_drug_as_the_cause_or_the_writer_s_own_marker_keeps_a_question(question):
    """Review: bone loss from an aromatase inhibitor, fertility before hormone therapy and the
    writer's own HER2 result are breast cancer questions."""
    assert ask(question, top=3).answers
