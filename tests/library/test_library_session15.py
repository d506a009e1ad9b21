"""Fifteenth-session library mechanisms (issue 15), from tuning set 34: a question that uses
the first word of a term the story quoted alone names the whole term ("Is stable bad news?"
after "the report says 'stable disease'"), and a question said to be for a healthy person is
not about the person's MBC."""

import pytest

from mbcnav.library.answer import ask
from mbcnav.library.scope import scope
from mbcnav.library.understand import understand


def test_a_quoted_terms_first_word_names_the_whole_term():
    reading = understand(
        "The report from my PET says 'stable disease'. I was hoping for shrinkage. "
        "Is stable bad news? Is the drug even working?"
    )
    assert reading.questions[0] == "Is stable disease bad news?"
    assert reading.quoted == 0
    # the whole term already there, a one-word quote, or the word used twice: left as it is
    # the word before a noun of its own is not the term (review)
    assert understand("The letter says 'visceral crisis'. Is visceral fat a problem?").asked == (
        "Is visceral fat a problem?"
    )
    assert understand("It says 'bone metastases'. Is bone pain normal?").asked == (
        "Is bone pain normal?"
    )
    for text, asked in (
        (
            "The letter says 'stable disease'. Is stable disease bad news?",
            "Is stable disease bad news?",
        ),
        ("The scan says 'stable'. Is stable bad news?", "Is stable bad news?"),
        (
            "The letter says 'stable disease'. Is stable better than stable-ish?",
            "Is stable better than stable-ish?",
        ),
    ):
        assert understand(text).asked == asked, text


def test_the_quoted_term_question_is_answered_from_the_response_words():
    result = ask(
        "The report from my 6 month PET says 'stable disease'. Honestly I cried in the car, I was "
        "hoping for shrinkage after all those Verzenio side effects. Is stable bad news? Is the "
        "drug even working?"
    )
    assert result.asked == "Is stable disease bad news?"
    assert result.answers[0].article == "response-words"


@pytest.mark.parametrize(
    "question",
    [
        "shingles vaccine side effects for a healthy 55 year old",
        "is the flu shot safe for healthy adults over 65",
    ],
)
def test_a_question_for_a_healthy_person_is_not_answered(question):
    assert scope().names_other_cancer_sign(question)
    assert ask(question).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "I'm healthy otherwise but the cancer is in my bones, can I get the shingles vaccine?",
        "is the shingles vaccine safe for a healthy person on Ibrance with bone mets",
        # review: a healthy heart or weight, and "healthy otherwise", are the person's own
        "Tips for a healthy heart while on Herceptin?",
        "Exercise for a healthy weight on letrozole",
        "Will Ibrance affect my vaccine? I'm healthy otherwise",
    ],
)
def test_a_healthy_word_beside_the_persons_cancer_stays_in_scope(question):
    assert not scope().names_other_cancer_sign(question)
    assert ask(question).answers
