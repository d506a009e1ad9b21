"""Fortieth session (issue 20): words read from the tuning set 86, each checked both ways."""

import pytest

from mbcnav.patient.checkin import own_words_all
from mbcnav.triage import semantic

from .test_session32_words import DAY


def _terms(text: str) -> set[str]:
    return {e["symptom"] for e in own_words_all([{"date": DAY.isoformat(), "symptom": text}])}


def _semantic(text: str) -> set[str]:
    return {h.concept.name for h in semantic.hits(text)}


@pytest.mark.parametrize(
    "text",
    [
        "I am on the dexamethasone tablets, 4mg twice a day",
        "im on the dex tablets 8mg twice a day",
    ],
)
def test_a_prescribed_dose_and_how_often_is_not_self_harm(text):
    assert "self-harm" not in _semantic(text), text


@pytest.mark.parametrize(
    "text",
    [
        "im on the steroid tablets 4mg twice a day and I took the lot on purpose",
        "im on 8mg twice a day and I keep hurting myself",
        "I took more tablets than I should on purpose",
    ],
)
def test_a_dose_with_a_word_of_intent_still_sounds_like_self_harm(text):
    assert "self-harm" in _semantic(text), text


def test_trouble_finding_a_word_is_a_speech_sign():
    """Word-finding trouble is aphasia (CTCAE v5 "Aphasia"; the slurred-speech term covers it): a
    stroke or brain sign. From the library tuning helper's notes on set 84 (a husband's message
    about headaches, vomiting and "couldnt find the word for fork")."""
    for words in (
        "yesterday she couldnt find the word for fork",
        "mixing up words all morning",
        "word finding difficulty since this morning",
    ):
        assert "slurred speech" in _terms(words), words
    # the other way: finding other things is no speech sign
    assert "slurred speech" not in _terms("I can't find my keys")


def test_review_a_wrong_word_and_a_clutched_chest():
    """First review (old S1s): "keeps saying the wrong word" is a speech sign; "clutching her
    chest" is chest pain (grey and sweaty with it: a heart attack's signs, NHS "Heart attack")."""
    assert "slurred speech" in _terms("keeps saying the wrong word for things since lunch")
    assert "chest pain" in _terms("went grey and sweaty and clutching her chest")
    # the other way: a wrong turn and a clutched bag name neither
    assert "slurred speech" not in _terms("took a wrong turn on the way to clinic")
    assert "chest pain" not in _terms("clutching my bag on the bus")
