"""Eighteenth session (issue 20): readings written from a probe of lay red-flag wordings made
before the engine was run on them. "<body part> is killing me" is bad pain; any other subject
"killing me" stays a suicidal reading;
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
    symptoms, _ = _read(text)
    assert [s.symptom for s in symptoms] == [symptom]
    assert symptoms[0].severity == "severe"


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
        # any other subject too (review 2)
        "being alone is killing me, I don't see the point anymore",
        "my husband leaving is killing me and I don't want to go on",
        "the treatment is killing me, I'm done, I can't keep going",
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
    # not being able to pass urine is still read; water that will not stay down is no bladder
    symptoms, _ = _read("I can't wee at all since this morning")
    assert [s.symptom for s in symptoms] == ["unable to pass urine"]
    symptoms, _ = _read("I can't hold water down, sick all day")
    assert "loss of bladder control" not in {s.symptom for s in symptoms}


def test_a_set_day_and_pills_ready_is_a_plan():
    _, result = _read("I've decided tonight is the night, I've got the tablets ready")
    assert result.level == "emergency"
    # everyday planning is not a plan to end one's life (review 2)
    for calm in (
        "tonight is the night of our anniversary dinner",
        "feeling ok, mild tiredness. I've shown my son where the will and the passwords are "
        "kept as the hospice nurse asked",
        "mild tiredness, I am only waiting for the right moment now to tell my boss",
        "mild hot flushes. tonight is when I do it, I'm finally telling the kids",
        "I've picked the day for my surgery, it will be next week",
    ):
        assert _read(calm)[1].level != "emergency", calm


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
    # two different drugs, or a name that is not a drug beside one: neither (review 2)
    for name in (
        "Eliquis (letrozole)",
        "Foo (bar)",
        "paclitaxel and Herceptin (trastuzumab)",
        "letrozole (+ Ibrance)",
        "Foo (apixaban)",
    ):
        assert drug(name) is None, name
    on_it = patient(
        own_words_all([{"symptom": "slipped and whacked her forehead on the step", "new": True}]),
        treatments=[
            {"drugs": ["Eliquis (apixaban)"], "setting": "metastatic", "start": "2026-10-01"}
        ],
    )
    assert triage(on_it, DAY).level == "emergency"
