"""Issue 15, lib23: plain-words requests read as definitions; a yes/no question offering two
actions is no comparison; lay words for appointments, falls, blood-test brands, mornings."""

import pytest

from mbcnav.library.answer import ask
from mbcnav.library.understand import understand
from mbcnav.library.vocabulary import analyse, synonyms


@pytest.mark.parametrize(
    "question",
    ["lymphedema in plain english", "can you explain HER2-low in simple terms"],
)
def test_plain_words_request_is_a_definition(question):
    reading = understand(question)
    assert reading.asked.lower().startswith("what is ")
    assert "plain" not in reading.asked and "simple" not in reading.asked
    assert reading.shape == "define"


def test_two_actions_in_a_yes_no_question_are_no_comparison():
    assert understand("can they burn or freeze tumors in the liver").sides == ()
    assert understand("ibrance or kisqali, which is better").sides  # a choice still is


def test_lay_words():
    assert "appointment" in synonyms().correct("my next appt")
    assert "falling" in synonyms().correct("he keeps tripping")
    assert set(analyse("worst")) == set(analyse("worse"))
    extras = {extra for _, extra, _ in synonyms().expansions("is guardant accurate")}
    assert "liquid biopsy" in extras


def test_not_working_asks_what_helps():
    answer = ask("ondansetron is not working for my nausea").answers[0]
    assert answer.heading.lower().startswith("what helps with nausea")
