"""Twenty-third session (issue 20): readings from last session's held-out set 51 (read after it
was measured) and this session's tuning set 52. Each is checked both ways."""

import pytest

from mbcnav.triage import semantic

from .conftest import symptoms_read


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I get a little flutter in my chest now and then", "palpitations"),
        ("there is no feeling in my legs since this morning", "numbness and tingling"),
        ("no sensation in her feet at all", "numbness and tingling"),
        ("the room goes swimmy when he stands up", "dizziness"),
        ("only passed a tiny bit of pee since yesterday", "dehydration"),
        ("hardly any wee today", "dehydration"),
    ],
)
def test_words_people_use_for_these_signs(text, term):
    assert term in symptoms_read(text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # a week, a peel and "nothing new" are no urine or drinking words
        ("a little flutter twice a week, nothing else", "dehydration"),
        ("eating and drinking fine, nothing new", "dehydration"),
        ("eating and drinking fine, nothing new", "decreased appetite"),
        ("skin peeling a little on my palms", "dehydration"),
        # feeling sick denied is no numbness
        ("no feeling sick, legs fine", "numbness and tingling"),
        ("it goes round in my head all night", "dizziness"),
    ],
)
def test_look_alikes_are_not_those_signs(text, term):
    assert term not in symptoms_read(text)


def test_a_brief_flutter_is_no_chest_pain_or_heart_emergency():
    """A flutter or skipped beat that lasts seconds, with nothing faint, breathless, fast or
    painful in the same piece, is palpitations; with those words it still sounds like one."""
    names = lambda t: {h.concept.name for h in semantic.hits(t)}  # noqa: E731
    for text in (
        "I get a little flutter in my chest for a few seconds",
        "Every so often, maybe twice a week, I get a little flutter in my chest for a few seconds",
    ):
        assert not {"chest-pain", "clot-in-lung-or-heart-rhythm"} & names(text)
    assert "clot-in-lung-or-heart-rhythm" in names("heart fluttering and I went grey and dizzy")
    assert "chest-pain" in names("squeezing feeling in my chest")


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # review: a denial at one place does not deny the same symptom reported at another
        ("no numbness in my hands numbness round my bottom", "numbness and tingling"),
        ("no swelling in my ankles swelling of my tongue", "face or throat swelling"),
        ("no swelling on my face swelling of lips", "face or throat swelling"),
    ],
)
def test_review_a_second_report_of_a_denied_symptom_is_read(text, term):
    assert term in symptoms_read(text)


@pytest.mark.parametrize(
    "text",
    [
        "palpitations for a few seconds and chest discomfort",
        "I get a flutter for a few seconds and then my heart goes really quick",
        "heart flutters for a few seconds and I get very sweaty and clammy",
        "heart fluttering for a few seconds, happening every few minutes since this morning",
    ],
)
def test_review_a_flutter_with_anything_more_still_sounds_like_the_heart(text):
    names = {h.concept.name for h in semantic.hits(text)}
    assert "clot-in-lung-or-heart-rhythm" in names


@pytest.mark.parametrize(
    "text",
    [
        "my heart is fluttering every few seconds",
        "flutter in my chest every few seconds for a day now",
    ],
)
def test_second_review_a_flutter_that_keeps_coming_is_not_brief(text):
    names = {h.concept.name for h in semantic.hits(text)}
    assert {"chest-pain", "clot-in-lung-or-heart-rhythm"} & names


@pytest.mark.parametrize(
    ("text", "term"),
    [("tiny bit of pain when I pee", "painful urination"), ("a tiny wee rash on my arm", "rash")],
)
def test_second_review_tiny_is_no_urine_amount_by_itself(text, term):
    read = symptoms_read(text)
    assert term in read and "dehydration" not in read
