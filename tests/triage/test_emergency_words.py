"""The ``words`` condition and the emergency words of unread.yaml (issue 20, round 3): words
the app cannot read still reach emergency, with 911 or 988, when they name an emergency sign."""

import pytest

from mbcnav.patient.checkin import own_words_all
from mbcnav.triage import TriageError
from mbcnav.triage.condition_schema import check
from mbcnav.triage.conditions import words_match
from mbcnav.triage.rule import load_rules


@pytest.mark.parametrize(
    ("phrases", "text", "hit"),
    [
        (["cant breathe"], "I can’t breathe properly", True),  # curly apostrophe
        (["cant breathe"], "I can't breathe", True),
        (["seiz*"], "think I had a seizure", True),
        (["fits"], "benefits form", False),  # whole words only
        (["chest pain*"], "no chest pain but feel funny", False),  # a denial does not count
        (["chest pain*"], "feel funny, chest pains", True),
        (["not breathing"], "not breathing right", True),  # 'not' before an unlisted word
        (["black poo*"], "Black poos since Sunday", True),
    ],
)
def test_words_match_whole_words_and_skip_denials(phrases, text, hit):
    assert words_match(phrases, text) is hit


@pytest.mark.parametrize("bad", [[], "chest pain", ["Chest (pain)"], [3]])
def test_a_bad_words_condition_is_refused_naming_the_field(bad):
    with pytest.raises(TriageError) as err:
        check({"words": bad}, "signs.yaml: rule 'x'")
    assert "field 'when.words" in str(err.value)


def test_the_bundled_word_lists_are_valid_and_sourced():
    rules = {r.name: r for r in load_rules()}
    for name in ("own-words-suicide-warning-sign", "own-words-emergency-sign"):
        rule = rules[name]
        assert rule.level == "emergency" and rule.sources and rule.as_of
        assert "911" in rule.do and "988" in rule.do


@pytest.mark.parametrize(
    "typed",
    [
        "my husband says I went stiff and jerky, think it was a seizure thing",
        "went floppy down one side",
        "passed out in the kitchen this morning",
        "poo looks like tar",
        "can't wake her properly",
        "face droops when I smile",
    ],
)
def test_unread_words_with_an_emergency_sign_are_an_emergency(run, typed):
    result = run(own_words_all([{"symptom": typed, "severity": "mild"}]))
    assert result.level == "emergency", [r.rule for r in result.reasons]
    assert "911" in result.advice


@pytest.mark.parametrize(
    "typed", ["thinking of taking all my pills", "might just end it all", "stockpiling my tablets"]
)
def test_suicide_warning_words_are_an_emergency_with_988(run, typed):
    result = run(own_words_all([{"symptom": typed}]))
    assert result.level == "emergency"
    assert "988" in result.advice and "911" in result.advice


def test_unread_words_without_an_emergency_sign_stay_urgent(run):
    result = run(own_words_all([{"symptom": "everything feels far away, no chest pain"}]))
    assert result.level == "urgent"
