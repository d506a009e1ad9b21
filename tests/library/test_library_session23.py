"""Twenty-third-session library (issue 15, tuning set 50 and last session's held-out set 49 read
after it was measured): the drug a non-cancer condition is treated with is no sign of a person
with cancer ("stay on Prolia for osteoporosis"); pleurodesis, who to call when the clinic is
closed, and what comes after a treatment stops working are answered from the passages that say
so."""

import pytest

from mbcnav.library.answer import ask


def test_the_drug_for_another_condition_is_not_a_cancer_drug_taken():
    assert (
        ask("how long can you stay on prolia for osteoporosis after menopause", top=3).answers == []
    )
    # a cancer drug taken beside it, or the writer's bone mets, keeps the question
    assert ask("Prolia for osteoporosis while on anastrozole, is it ok", top=3).answers
    assert ask("is prolia for osteoporosis the same as xgeva for my bone mets", top=3).answers


@pytest.mark.parametrize(
    ("question", "slug", "words"),
    [
        (
            "what is pleurodesis and why would they do it",
            "lung-and-pleura-metastases",
            "pleurodesis",
        ),
        ("whats next if enhertu stops working", "lines-of-therapy", "stops working"),
    ],
)
def test_answered_from_the_passage_that_says_so(question, slug, words):
    first = ask(question, top=3).answers[0]
    assert first.article == slug
    assert words in first.text.lower()


def test_who_to_call_when_the_clinic_is_closed():
    """The care-team passage says who answers at night and on weekends, and what to call about."""
    answers = ask("who do i call at night or on the weekend with a chemo problem", top=3).answers
    care = [a for a in answers if a.article == "care-team"]
    assert care and "at any hour" in care[0].text


@pytest.mark.parametrize(
    "question",
    [
        "I am 49 with no cancer history, is HRT patch safe for my perimenopause night sweats",
        "My brother has hepatitis B and a tumor that started in his liver. What is the outlook for primary liver cancer?",
    ],
)
def test_a_writer_without_cancer_and_a_cancer_that_started_in_the_liver_are_off_topic(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "I have no cancer history in my family but I have MBC now, should I get genetic testing",
        "is my liver met a primary liver cancer now?",
        "I never had cancer before this, now stage 4 with bone mets, what now",
    ],
)
def test_the_same_words_beside_the_writers_own_mbc_are_answered(question):
    assert ask(question, top=3).answers


@pytest.mark.parametrize(
    "question",
    [
        "Can I take Prolia with letrozole for osteoporosis?",
        "Should I stay on Prolia for osteoporosis while on Kisqali?",
        "I take letrozole with zoledronic acid for osteoporosis - any interaction?",
    ],
)
def test_review_a_cancer_drug_beside_the_other_conditions_drug_keeps_the_question(question):
    assert ask(question, top=3).answers
    assert ask("letrozole for pcos side effects", top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "on Kisqali, Fosamax for osteoporosis, can I have dental work?",
        "taking Ibrance, Prolia for osteoporosis, is jaw pain a worry?",
    ],
)
def test_second_review_the_cancer_drug_before_the_bone_drug_stays(question):
    assert ask(question, top=3).answers
