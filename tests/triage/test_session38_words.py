"""Thirty-eighth session (issue 20): words read from the tuning set 82, last session's held-out
set 81 (read after it was measured) and the first review, each checked both ways."""

import pytest

from mbcnav.patient import vocabulary

from .test_session32_words import _run


def _rules(result) -> set[str]:
    return {r.rule for r in result.reasons}


@pytest.mark.parametrize(
    "text",
    ["my legs felt kind of rubbery going up the stairs", "rubbery legs", "legs went all rubbery"],
)
def test_rubbery_legs_are_weak_legs(text):
    assert vocabulary.normalise_symptom(text)[0] == "leg weakness"


@pytest.mark.parametrize(
    "text",
    [
        "the chicken was rubbery, my legs ache a bit",
        "I have a rubbery lump near my knee",
        "rubbery skin on my legs",
    ],
)
def test_rubbery_said_of_something_else_is_no_weak_leg(text):
    found = vocabulary.normalise_symptom(text)
    assert found is None or found[0] != "leg weakness", text


@pytest.mark.parametrize(
    "text",
    [
        "weak muscles, struggling to hold my head up",
        "my neck muscles are so weak I can't lift my head off the pillow",
        "muscles feel weak and my voice sounds weak",
        "muscle pain and my pee is dark like cola",
    ],
)
def test_weak_muscles_with_neck_voice_or_urine_signs_on_immunotherapy_are_an_emergency(text):
    r = _run({"symptom": text}, drugs=["pembrolizumab"])
    assert r.level == "emergency", text
    assert "weak-muscles-with-neck-voice-eye-breathing-or-urine-signs-on-immunotherapy" in _rules(r)


def test_weak_muscles_alone_on_immunotherapy_are_a_same_day_call_and_tiredness_is_not_myositis():
    r = _run(
        {"symptom": "my thigh muscles ache and it is hard to get up from a chair"},
        drugs=["pembrolizumab"],
    )
    assert r.level in {"urgent", "emergency"}
    assert "new-muscle-pain-or-weakness-on-immunotherapy" in _rules(r)
    tired = _run({"symptom": "I feel weak"}, drugs=["pembrolizumab"])
    assert "new-muscle-pain-or-weakness-on-immunotherapy" not in _rules(tired)
    # the same neck and voice signs on letrozole: no immunotherapy rule
    other = _run({"symptom": "muscles feel weak and my voice sounds weak"}, drugs=["letrozole"])
    assert (
        "weak-muscles-with-neck-voice-eye-breathing-or-urine-signs-on-immunotherapy"
        not in _rules(other)
    )


@pytest.mark.parametrize(
    "text",
    [
        "I can't tell when I need a poo anymore",
        "cant feel when i need to wee",
        "I've lost the urge to go to the loo",
    ],
)
def test_losing_the_feeling_of_needing_the_toilet_is_an_emergency(text):
    assert _run({"symptom": text}, drugs=["letrozole"]).level == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "I can't poo and I feel bloated",
        "I cant tell when the pharmacy opens, need more loo roll",
        "I don't know when my next appointment is, need a wee sample",
    ],
)
def test_constipation_and_toilet_words_elsewhere_are_no_lost_feeling(text):
    found = vocabulary.normalise_symptom(text)
    assert found is None or found[0] not in {"loss of bowel control", "loss of bladder control"}, (
        text
    )


# --- the final review's inputs ---


@pytest.mark.parametrize(
    "text",
    [
        "I don't get the urge to go to the toilet any more",
        "I can't feel when I need to go",
        "she can't tell when she needs the toilet",
        "I don't know when I need to go to the toilet anymore",
    ],
)
def test_losing_the_urge_said_other_ways_is_an_emergency(text):
    assert _run({"symptom": text}, drugs=["letrozole"]).level == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "I've lost the urge to eat and I'm constipated, no poo for 4 days",
        "I don't know when I need to go for my scan",
        "I can't tell when I need to take my pills",
    ],
)
def test_the_urge_to_eat_and_other_times_are_no_lost_feeling(text):
    found = vocabulary.normalise_symptom(text)
    assert found is None or found[0] not in {"loss of bowel control", "loss of bladder control"}, (
        text
    )


def test_rubber_legs_said_other_ways_and_a_rubbery_lump():
    assert vocabulary.normalise_symptom("legs like rubber")[0] == "leg weakness"
    assert vocabulary.normalise_symptom("my thighs feel rubbery")[0] == "leg weakness"
    found = vocabulary.normalise_symptom("the lump in my leg feels rubbery")
    assert found is None or found[0] != "leg weakness"


def test_drooping_eyes_with_weakness_on_immunotherapy_and_near_misses():
    r = _run(
        {"symptom": "I'm weak and my eyes keep closing, I can't keep them open"},
        drugs=["pembrolizumab"],
    )
    assert r.level == "emergency"
    for text in (
        "mild muscle cramps after drinking cola",
        "my muscles ache a little and I have a hoarse voice from singing",
    ):
        rules = _rules(_run({"symptom": text}, drugs=["pembrolizumab"]))
        assert (
            "weak-muscles-with-neck-voice-eye-breathing-or-urine-signs-on-immunotherapy"
            not in rules
        ), text


# --- the held-out set 83, read after its one measurement ---


def test_a_red_line_going_up_from_a_scratch_on_the_lymphoedema_arm():
    text = (
        "our cat scratched me on my bad arm (the lymphoedema one) on thursday. today it's red round "
        "the scratch and there's a red line going up towards my elbow. no temp"
    )
    r = _run({"symptom": text}, drugs=["letrozole"])
    assert r.level in {"urgent", "emergency"}
    assert "own-words-spreading-redness" in _rules(r)
    calm = _run(
        {"symptom": "the cat scratched my hand, a thin red line, healing fine"}, drugs=["letrozole"]
    )
    assert "own-words-spreading-redness" not in _rules(calm)


def test_a_small_knock_to_the_upper_arm_that_still_hurts_is_a_same_day_xray():
    text = (
        "I knocked my left upper arm on the door frame on wednesday, honestly just a little bump, but "
        "its still really sore 3 days later and I cant lift the kettle with that hand"
    )
    r = _run({"symptom": text}, drugs=["letrozole", "denosumab"])
    assert "own-words-bone-pain-after-strain" in _rules(r)


def test_legs_giving_way_but_not_a_drug_giving_leg_cramps():
    assert vocabulary.normalise_symptom("my legs gave way on the stairs")[0] == "leg weakness"
    assert vocabulary.normalise_symptom("my knees keep giving out")[0] == "leg weakness"
    found = vocabulary.normalise_symptom("atorvastatin giving me leg cramps at night")
    assert found is None or found[0] != "leg weakness"
