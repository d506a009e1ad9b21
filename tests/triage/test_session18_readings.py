"""Eighteenth session (issue 20): readings written from a probe of lay red-flag wordings made
before the engine was run on them. "<body part> is killing me" is bad pain, not a wish to die;
"can't hold my wee" is leaking urine, not being unable to pass it; a day set for ending one's
life is a plan."""

import pytest

from mbcnav.patient.checkin import own_words_all
from mbcnav.triage import triage

from .conftest import DAY, patient


def _read(text: str):
    p = patient(own_words_all([{"symptom": text, "new": True}]))
    return p.symptoms, triage(p, DAY)


@pytest.mark.parametrize(
    "text,symptom",
    [
        ("my back is killing me", "pain"),
        ("my hips are absolutely killing me", "pain"),
        ("my head is killing me today", "headache"),
    ],
)
def test_a_body_part_killing_me_is_severe_pain(text, symptom):
    symptoms, result = _read(text)
    assert [s.symptom for s in symptoms] == [symptom]
    assert symptoms[0].severity == "severe"
    assert "suicidal-thoughts-or-self-harm" not in {r.rule for r in result.reasons}


@pytest.mark.parametrize(
    "text",
    [
        "I want someone to just kill me",
        "I keep thinking about killing myself",
        "this pain is killing me and I want to die",
    ],
)
def test_a_wish_to_be_killed_or_die_is_still_read(text):
    symptoms, result = _read(text)
    assert "suicidal thoughts" in {s.symptom for s in symptoms}
    assert result.level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "it's killing me, I can't do this anymore",
        "the loneliness is killing me and I can't see a way out",
        "this cancer is killing me, I just want it all to stop",
    ],
)
def test_a_situation_killing_me_stays_a_suicidal_reading(text):
    """Review: only a body part or a pain word as the subject makes "killing me" pain."""
    symptoms, result = _read(text)
    assert "suicidal thoughts" in {s.symptom for s in symptoms}
    assert result.level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "took all my sleeping tablets this morning",
        "took double my tablets this morning on purpose",
        "took my whole week of tablets this morning at once",
    ],
)
def test_a_stated_overdose_stays_an_emergency(text):
    """Review: mild look-alikes about taking tablets as usual hid these; none is kept."""
    assert _read(text)[1].level == "emergency"


def test_cant_hold_my_wee_is_leaking_and_with_back_pain_an_emergency():
    symptoms, result = _read("I can't hold my wee in anymore and my back is killing me")
    assert "loss of bladder control" in {s.symptom for s in symptoms}
    assert "unable to pass urine" not in {s.symptom for s in symptoms}
    assert result.level == "emergency"
    # not being able to pass urine is still read
    symptoms, _ = _read("I can't wee at all since this morning")
    assert [s.symptom for s in symptoms] == ["unable to pass urine"]


def test_a_set_day_and_pills_ready_is_a_plan():
    _, result = _read("I've decided tonight is the night, I've got the tablets ready")
    assert result.level == "emergency"
    _, calm = _read("tonight is the night of our anniversary dinner")
    assert calm.level != "emergency"


def test_a_gap_in_a_word_phrase_reaches_a_few_words_only():
    from mbcnav.triage.condition_schema import check
    from mbcnav.triage.conditions import words_match
    from mbcnav.triage.errors import TriageError

    phrase = ["veins ... stand* out"]
    assert words_match(phrase, "the veins on my chest stand out")
    assert words_match(phrase, "veins standing out")
    assert not words_match(phrase, "veins in my arms are fine and I stand up and walk out")
    check({"words": phrase}, "rule test")
    for bad in ("... veins", "veins ...", "veins ... ... out"):
        with pytest.raises(TriageError):
            check({"words": [bad]}, "rule test")


def test_a_brand_with_its_generic_in_brackets_is_that_drug():
    """Held-out set 43 (read after it was measured): "Eliquis (apixaban)" was no blood thinner,
    so a head knock on it was only urgent."""
    from mbcnav.patient.drugs import drug

    assert drug("Eliquis (apixaban)").name == "apixaban"
    assert drug("apixaban (Eliquis)").name == "apixaban"
    assert drug("Nerlynx (neratinib)").name == "neratinib"
    assert drug("Eliquis (letrozole)") is None  # two different drugs: neither
    assert drug("Foo (bar)") is None
    on_it = patient(
        own_words_all([{"symptom": "slipped and whacked her forehead on the step", "new": True}]),
        treatments=[
            {"drugs": ["Eliquis (apixaban)"], "setting": "metastatic", "start": "2026-10-01"}
        ],
    )
    assert triage(on_it, DAY).level == "emergency"
