"""'Nothing to report' as its own reading (issue 20, round 5; patient/data/all_is_well.yaml):
benign check-ins are not held at urgent, and any symptom or complaint word keeps the usual
reading. Also the reading fixes of the round: 'unless' keywords, 'numb' is not 'number'.
Phrases written for this file."""

import pytest

from mbcnav.patient import wellness
from mbcnav.patient.checkin import clauses, is_well, read_typed
from mbcnav.patient.symptoms import SymptomDataError, parse_term


def read(text, **fields):
    return [(e["symptom"], e.get("severity")) for e in read_typed({"symptom": text, **fields})]


@pytest.mark.parametrize(
    "text",
    [
        "all fine no probs",
        "nothin to report x",
        "no side effects this time round",
        "all good 👍 thanks",
        "had a lovely weekend, no fever no runs no sickness",
        "no new symptoms since last week, same as usual which is fine",
        "dad says hes fine today, eating well",
        "nah nothing really",
        "not a thing wrong this week",
    ],
)
def test_nothing_to_report_is_read_as_absent(text):
    assert read(text) == [("other symptom", "none")]
    assert is_well(text)


@pytest.mark.parametrize(
    "text",
    [
        "not great",
        "no good",
        "could be better",
        "not feeling too good",
        "been better",
        "just checking in, not great",
        "nope, not good",
    ],
)
def test_a_cancelled_cue_is_not_all_is_well(text):
    assert not is_well(text)
    assert read(text)[0][1] != "none"


@pytest.mark.parametrize(
    ("text", "term"),
    [("fine but dizzy", "dizziness"), ("all good except a headache", "headache")],
)
def test_a_symptom_beside_all_is_well_is_read_as_usual(text, term):
    assert read(text)[0][0] == term


def test_unread_words_beside_all_is_well_are_a_mild_remark():
    assert read("feeling great, did the garden") == [("other symptom", "mild")]
    # a severe word or a severity the person chose is never lowered
    assert read("feeling great, did the garden", severity="severe")[0][1] == "severe"


@pytest.mark.parametrize("text", ["all fine except my back", "feeling ok, funny do at the shops"])
def test_a_possible_complaint_beside_all_is_well_stays_unread(text):
    assert read(text) == [("other symptom", None)]


def test_the_classifier_needs_a_well_clause():
    # denials alone are read by the usual negation (the first denied term, absent)
    assert wellness.reading("no fever no runs", clauses, lambda c: True, lambda p: True) is None


def test_unless_keywords_stop_a_term_and_numb_is_not_number():
    assert [t for t, _ in read("cant sleep, lying awake til 4 thinking")] == ["insomnia"]
    assert read("so drowsy I cant stay awake")[0][0] == "drowsiness"
    assert read("number twos are black")[0][0] == "black stools"
    assert read("my toes are numb")[0][0] == "numbness and tingling"


def test_unless_keywords_are_validated():
    entry = {"term": "x", "label": "X", "group": "g", "covers": ["CTCAE: X"], "ask": ["presence"]}
    with pytest.raises(SymptomDataError, match="unless"):
        parse_term({**entry, "unless": ["Bad-Word"]}, "t", "f.yaml")
