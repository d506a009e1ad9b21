"""Forty-first session (issue 20): words read from the tuning set 88 and the concept gaps of sets
86 and 87 (a denial of a listed emergency sign inside a longer message),
each checked both ways."""

import pytest

from mbcnav.patient.subjects import shared_sign_denied
from mbcnav.triage.net_clauses import denied, pieces

from .test_session40_words import _semantic, _terms

ON_CHEMO = {
    "treatments": [{"drugs": ["docetaxel"], "setting": "metastatic", "start": "2026-11-10"}]
}
ON_LETROZOLE = {
    "treatments": [{"drugs": ["letrozole"], "setting": "metastatic", "start": "2026-10-01"}]
}


# ------------------------------------------------------------------ confusion in a carer's words
@pytest.mark.parametrize(
    "text",
    [
        "today she keeps asking me if it's Tuesday and dozes off mid sentence",
        "mum keeps asking what day it is",
    ],
)
def test_lost_track_of_the_day_is_confusion(text):
    """Disorientation in time and speech that makes no sense are new confusion (UKONS v3
    "Confusion / cognitive change"; BGS delirium): set 88's daughter and neighbour."""
    assert "confusion" in _terms(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I asked if its Tuesday at the clinic desk",
        "he cant give a straight answer about when the scan is",
        "she asked what day the scan is",
        "i keep asking what day my scan is",
    ],
)
def test_asking_about_a_day_once_or_a_straight_answer_is_not_confusion(text):
    assert "confusion" not in _terms(text), text


def test_confusion_in_a_carers_words_is_an_emergency(run):
    result = run(
        [
            {
                "symptom": "confusion",
                "note": "All week so thirsty, today she keeps asking me if it's Tuesday",
            }
        ],
        **ON_LETROZOLE,
    )
    assert result.level == "emergency"


# ------------------------------------------------------------------ a list of body parts denied
@pytest.mark.parametrize(
    "clause",
    [
        "no lip or throat swelling",
        "never had any lip or throat swelling or breathing trouble",
        "no arm or leg weakness",
        "i have no lip or throat swelling today",
    ],
)
def test_one_cue_over_body_parts_that_share_a_sign_denies_them(clause):
    assert shared_sign_denied(clause), clause


@pytest.mark.parametrize(
    "clause",
    [
        "no lip or throat swelling my tongue is huge",  # a report in the same clause
        "no lip or throat swelling like this before",  # a first time
        "no lip but throat swelling",
        "lip and throat swelling",
        "no fever or chills",  # already the negation scope's (not this reading)
    ],
)
def test_a_list_with_a_report_or_a_first_time_is_not_denied_here(clause):
    assert not shared_sign_denied(clause), clause


def test_a_denied_swelling_beside_a_rash_is_no_emergency(run):
    text = "rash on my arms since the drip, no lip or throat swelling"
    from mbcnav.patient.checkin import own_words_all

    entries = own_words_all([{"date": "2026-11-20", "symptom": text}])
    assert "face or throat swelling" not in {e["symptom"] for e in entries}
    # the other way: a swelling told after the denial is read
    entries = own_words_all(
        [{"date": "2026-11-20", "symptom": "no lip swelling, throat swelling since lunch"}]
    )
    assert "face or throat swelling" in {e["symptom"] for e in entries}


# ------------------------------------------------------------------ the safety net's denials
@pytest.mark.parametrize(
    "clause",
    [
        "the itchy blotchy rash I had the evening after my infusion last Sat has gone completely",
        "the swelling in my lips has gone down",
        "legs work normally",
        "legs working normally",
    ],
)
def test_a_passed_sign_or_a_part_said_to_work_normally_is_not_read_by_the_net(clause):
    assert denied(clause), clause


@pytest.mark.parametrize(
    "clause",
    [
        "my sight has gone completely",
        "the rash has gone but lips swelling",
        "the rash is still not gone",
        "my legs dont work normally",
        "legs not working normally",
    ],
)
def test_a_lost_sense_or_a_part_that_does_not_work_is_still_read(clause):
    assert not denied(clause), clause
    assert pieces(clause)


# ------------------------------------------------------------------ a lost dose is no plan
def test_a_dose_dropped_and_eaten_by_the_dog_is_not_suicide_preparation():
    text = (
        "I dropped my letrozole this morning and before I could pick it up the dog ate it. "
        "Do I take another one today or just carry on tomorrow?"
    )
    assert "suicide-preparation" not in _semantic(text)


@pytest.mark.parametrize(
    "text",
    [
        "I dropped my pills, I have been saving up the rest for when it all gets too much",
        "I have been saving up my sleeping pills",
    ],
)
def test_a_hoard_still_sounds_like_suicide_preparation(text):
    assert "suicide-preparation" in _semantic(text), text


# ------------------------------------------------------------------ read from held-out set 89
@pytest.mark.parametrize(
    "text",
    [
        "my eyes keep closing and I feel far away",
        "I cant keep my eyes open",
        "she keeps nodding off mid sentence",
    ],
)
def test_eyes_closing_or_nodding_off_is_drowsiness(text):
    assert "drowsiness" in _terms(text), text


@pytest.mark.parametrize(
    "text",
    [
        "my legs jerk just as I am dropping off to sleep",
        "I close my eyes when I pray",
        "eye drops help",
    ],
)
def test_falling_asleep_at_night_is_not_drowsiness(text):
    assert "drowsiness" not in _terms(text), text


def test_no_sensible_answer_is_confusion():
    assert "confusion" in _terms("she is very hot and can't give me a sensible answer")
    assert "confusion" not in _terms("she gave me a sensible answer about her pills")
