"""Nineteenth session (issue 20): readings from the tuning set 44 and last session's held-out
set 43 (read after it was measured). A limb that has "gone cold" is no common cold; a question
told about someone ("she asks if she can ...") is a question for the team; a list of fasting
sugars further on in the sentence is a log of readings; a limb "cold and white" is read across its
"and" (a gap alone is not: review)."""

import pytest

from mbcnav.patient.checkin import own_words_all
from mbcnav.triage import triage
from mbcnav.triage.conditions import asks, sugar_readings, words_match

from .conftest import DAY, patient, symptoms_read


@pytest.mark.parametrize(
    "text",
    [
        "my left foot has gone cold and white and it hurts",
        "her hand is ice cold and pale",
        "his leg is cold to the touch and numb",
    ],
)
def test_a_limb_gone_cold_is_no_common_cold(text):
    assert "cold symptoms" not in symptoms_read(text)


@pytest.mark.parametrize(
    "text", ["I've got a stinking cold and a blocked nose", "streaming cold since Monday"]
)
def test_a_cold_is_still_a_cold(text):
    assert "cold symptoms" in symptoms_read(text)


def test_a_question_told_about_someone_is_a_question():
    assert asks("She asks if she can have the flu jab on her treatment day.")
    assert asks("Mum wants to know whether she should take her tablets before the scan.")
    assert asks("I wonder if I can travel next month.")
    assert not asks("She is well, no fever, eating fine.")
    assert not asks("He asked me to write that his cough is better.")


def test_a_list_of_fasting_sugars_further_on_is_a_log():
    text = "My fasting sugars on alpelisib and metformin this week 6.8, 7.1, 6.9, 7.3."
    assert sugar_readings(text) == [122, 128, 124, 131]
    # a number with no list after it, far from the sugar word, is no reading
    assert sugar_readings("sugar free sweets from the shop on the corner cost 2 pounds") == []
    # another measurement between the sugar word and the numbers is not a sugar (review)
    assert sugar_readings("blood sugar checks done, then BP 150, 95 and 160, 100") == []
    # nor a count of cycles or sizes (second review)
    assert sugar_readings("sugar was high on cycle 2, 3 and 4, feeling ok now") == []
    assert sugar_readings("my sugar meter ran out, need strips, size 2, 3") == []


def test_a_limb_cold_and_white_is_read_across_its_and():
    assert words_match(["foot ... cold and white"], "my foot has gone cold and white")
    # a gap alone is not read across "and" (review: "my leg aches and ... my white count is
    # low and I feel cold" is no cold, pale limb)
    assert not words_match(
        ["leg ... white"], "my leg aches and the nurse said my white count is low"
    )


def test_no_cold_pale_limb_from_a_white_count_and_feeling_cold():
    p = patient(
        own_words_all(
            [{"symptom": "my leg aches and the nurse said my white count is low and I feel cold"}]
        )
    )
    assert "own-words-cold-pale-limb" not in {r.rule for r in triage(p, DAY).reasons}
