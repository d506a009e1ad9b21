"""Sixteenth-session library readings (issue 15): an age or a time in a person's story is not a
search word ("how to tell a 15 year old" found "15 percent"); a child's age says child or teen;
lay words for an operation and for a legal will."""

from mbcnav.library.answer import ask
from mbcnav.library.index import _PERSON_NUMBERS, _person_number


def _read(text: str) -> str:
    return " ".join(_PERSON_NUMBERS.sub(_person_number, text).split())


def test_ages_and_times_in_a_story():
    assert _read("how to tell a 15 year old") == "how to tell a teen"
    assert _read("we have a 5 year old and a 9yo") == "we have a child and a child"
    assert _read("mom is a 71 year old") == "mom is a"
    assert _read("dx 3 weeks ago") == "dx"
    assert _read("my 3 day old bruise") == "my bruise"
    # doses, markers and plain durations are kept
    assert _read("CA 15-3 went up to 40") == "CA 15-3 went up to 40"
    assert _read("on it for 5 years") == "on it for 5 years"


def test_a_question_about_telling_a_teenager():
    answers = ask("how to tell a 15 year old that his mom has stage 4 cancer", top=3).answers
    assert answers and all("percent" not in a.text for a in answers[:1])
    assert any(a.article == "talking-with-children" for a in answers)


def test_a_legal_will_and_an_operation_in_lay_words():
    first = ask("who gets my house and savings if I die without a will", top=3).answers[0]
    assert first.article == "advance-care-planning"
    # "my will to live" is no legal will
    answers = ask("I am losing my will to live", top=3).answers
    assert all(a.article != "advance-care-planning" for a in answers[:1])
