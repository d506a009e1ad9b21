"""Ninth-session library mechanisms (issue 15): question types for how long a treatment lasts
and for a result that moved, the story as the subject of "can this wait?", and the passage on
how long a treatment lasts."""

from pathlib import Path

import pytest

from mbcnav.library.answer import ask
from mbcnav.library.choose import STORY_WEIGHT, SUBJECT_CLAUSE_WEIGHT, query_parts
from mbcnav.library.errors import LibraryError
from mbcnav.library.index import get_index
from mbcnav.library.qtypes import read_types, story_is_subject, types_of
from mbcnav.library.understand import understand


def _types(question: str) -> set[str]:
    return {t.name for t in types_of(question)}


def test_how_long_a_treatment_lasts_is_its_own_type():
    assert "treatment duration" in _types("will I be on these pills forever??")
    assert "treatment duration" in _types("how long do people stay on letrozole")
    assert "treatment duration" not in _types("how long can you live with bone mets")


def test_a_result_that_moved_is_its_own_type():
    assert "result change" in _types("my CA 15-3 jumped after the first cycle")
    assert "result change" in _types("ca 15-3 going up but ct scan stable")
    assert "result change" not in _types("what is a tumor marker")


def test_a_question_on_how_long_treatment_goes_on_is_answered_by_that_passage():
    first = ask("will i be on treatment forever with mets").answers[0]
    assert "no set end date" in first.text.lower()
    assert "one line after another" in first.text


def test_can_this_wait_takes_its_subject_from_the_story():
    assert story_is_subject("Can this wait till Monday or am I overreacting?")
    assert not story_is_subject("what is a line of therapy")
    story = (
        "The cancer is in my spine. For three days my back pain is worse when I lie flat, and "
        "my legs feel heavy and tingly on the stairs. Can this wait till Monday?"
    )
    parts = query_parts(understand(story), get_index())
    # (tenth session: the story is searched at full weight, the urgency clause below it)
    assert parts[0][1] == 1.0 and parts[0][0].startswith("The cancer is in my spine")
    assert ("Can this wait till Monday?", SUBJECT_CLAUSE_WEIGHT) in parts
    plain = query_parts(understand("My back hurts. What are bone drugs?"), get_index())
    assert all(w in {1.0, STORY_WEIGHT} for _, w in plain)
    first = ask(story).answers[0]
    assert "spinal cord" in first.text


def test_story_is_subject_must_be_true_or_false(tmp_path: Path):
    bad = tmp_path / "types.yaml"
    bad.write_text(
        "as_of: 2026-12-03\nsource: {publisher: x}\n"
        "types: [{name: urgent, asks: wait, headings: call, bonus: 1.1, story_is_subject: 1}]\n"
    )
    with pytest.raises(LibraryError, match="'story_is_subject' is 1; use true or false"):
        read_types(bad)
