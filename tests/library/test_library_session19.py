"""Nineteenth-session library scope (issue 15, tuning set 42): another cancer named with its own
treatment ("after colon cancer surgery") and testosterone therapy for men are not questions for
this library; an MBC question that names another cancer's treatment in its story, a drug used for
both cancers, and a man with breast cancer still get an answer."""

import pytest

from mbcnav.library.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "xeloda after colon cancer surgery how many cycles",
        "how long is chemo for stomach cancer",
        "anastrozole to keep estrogen down for men on TRT",
    ],
)
def test_another_cancers_treatment_or_testosterone_therapy_is_off_topic(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "I had colon cancer surgery in 2010 and now breast cancer in my liver, is xeloda ok",
        "is xeloda used for colon cancer and breast cancer",
        "my husband has male breast cancer, can he stay on TRT",
        # a drug given only for breast cancer beside another cancer's treatment (second review)
        "Can I start Ibrance two weeks after skin cancer surgery?",
        "Is Kisqali OK after thyroid cancer treatment?",
        "Can letrozole be taken after ovarian cancer surgery?",
    ],
)
def test_an_mbc_question_that_names_them_still_gets_an_answer(question):
    assert ask(question, top=3).answers
