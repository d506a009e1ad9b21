"""Fortieth session (issue 20): words read from the tuning set 86, each checked both ways."""

import pytest

from mbcnav.patient.checkin import own_words_all
from mbcnav.patient.negation import negated
from mbcnav.triage import semantic

from .test_session32_words import DAY, _run


def _terms(text: str) -> set[str]:
    return {e["symptom"] for e in own_words_all([{"date": DAY.isoformat(), "symptom": text}])}


@pytest.mark.parametrize(
    "text", ["didnt pass out", "i didnt pass out", "didnt black out", "didnt throw up"]
)
def test_didnt_denies_an_event_said_as_a_phrase(text):
    assert negated(text), text


@pytest.mark.parametrize(
    "text",
    [
        "didnt pass wind all day",  # what the body passes: a report (a blocked bowel)
        "didnt pass urine since this morning",
        "she passed out",
        "didnt sleep",
    ],
)
def test_didnt_before_what_the_body_passes_stays_a_report(text):
    assert not negated(text), text


def test_a_grey_out_without_a_faint_is_not_read_as_fainting():
    text = "stood up from the sofa and went swimmy for a second, didnt pass out, fine since"
    assert "fainting" not in _terms(text)
    r = _run({"symptom": text}, drugs=["anastrozole"])
    assert r.level != "emergency"


def test_a_faint_with_a_knock_still_reads_both():
    text = "I passed out in the kitchen and hit my head"
    assert "fainting" in _terms(text)
    r = _run({"symptom": text}, drugs=["anastrozole"])
    assert r.level == "emergency"


def test_a_faint_after_a_denied_knock_is_still_a_faint():
    assert "fainting" in _terms("fainted in the shower, didnt hit my head")


@pytest.mark.parametrize("text", ["breathing fine", "my breathing ok now", "breathing normal"])
def test_breathing_called_fine_with_no_verb_denies_breathlessness(text):
    assert negated(text), text


@pytest.mark.parametrize(
    "text",
    [
        "breathing fine at rest but puffed out on the stairs",
        "breathing fast",
        "breathing fine, but I need 3 pillows to breathe at night",
    ],
)
def test_breathing_trouble_said_with_fine_is_still_read(text):
    assert "shortness of breath" in _terms(text), text


def test_puffy_ankles_with_breathing_fine_is_not_a_clot_emergency():
    text = "ankles a bit puffy in the evening, both the same, breathing fine, sleep on one pillow"
    assert "shortness of breath" not in _terms(text)
    r = _run({"symptom": text}, drugs=["letrozole"])
    assert "swollen-limb-with-breathlessness" not in {x.rule for x in r.reasons}
    # the same swelling with breathlessness stays an emergency
    worse = "ankles puffy and swollen, and I am short of breath walking to the door"
    assert _run({"symptom": worse}, drugs=["letrozole"]).level == "emergency"


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
