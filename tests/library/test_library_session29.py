"""Twenty-ninth-session library (issue 15, tuning set 62 and last session's sets 60 and 61 read
after they were measured): a question whose own words are about another cancer gets the honest
"not in this library" even when the story tells of the writer's MBC; the same story with a
question about the MBC is answered; "a list of questions to ask" finds the visit guide. The
questions are written for the mechanisms, not copied from the sets."""

import pytest

from mbcnav.library.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "I have had MBC for two years and I am stable on Ibrance. Last month they found a thyroid "
        "cancer on an ultrasound. How will they treat my thyroid cancer, surgery or iodine?",
        "Stable on Verzenio for my mets, but now a skin biopsy shows melanoma stage 1A. What is the "
        "usual follow-up for early melanoma?",
    ],
)
def test_a_question_about_another_cancer_is_not_in_this_library(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        # the same story, asking about the MBC or its drug
        "I have had MBC for two years and they found a thyroid cancer. Can I keep taking Ibrance "
        "while they treat the thyroid?",
        "I had melanoma 10 years ago, can I take Kisqali?",
        # another cancer named as a risk, not as someone's own
        "does tamoxifen raise the risk of uterine cancer",
        # the writer's own treatment (not only a breast-only drug), a trial, or the MBC pointed
        # back at (review)
        "I've had MBC for 3 years on Xeloda, and now I have thyroid cancer too. Can I keep taking "
        "Xeloda with my thyroid cancer?",
        "I have MBC and my doctor found a small thyroid cancer. Is Trodelvy safe with my thyroid "
        "cancer?",
        "I'm on capecitabine for MBC. Can I join a clinical trial with my melanoma?",
        "I have MBC and now thyroid cancer. Will my thyroid cancer affect it?",
        "I'm on Ibrance for MBC. Do I still need lung cancer screening?",
    ],
)
def test_the_writers_own_mbc_or_a_risk_stays_answered(question):
    assert ask(question, top=3).answers != []


def test_a_list_of_questions_to_ask_finds_the_visit_guide():
    for question in (
        "give me a list of questions to ask before my first Trodelvy infusion",
        "a list of questions to ask my oncologist before I start Enhertu on Monday",
    ):
        first = ask(question, top=3).answers[0]
        assert "questions-for-visits" in first.url, (question, first.url)
