"""Thirty-fifth session (issue 20): words people use for legs that stop working, read as weak
legs or trouble walking (NICE NG234: a change in the legs or walking is a cord-compression
sign), with the everyday words around them left alone; and eating almost nothing said in any
tense (set 76)."""

import pytest

from .test_session32_words import _run


def _rules(result) -> set[str]:
    return {r.rule for r in result.reasons}


@pytest.mark.parametrize(
    "words",
    [
        "dad is not moving his legs properly",
        "he can't move his legs properly since this morning",
        "his legs are not working properly today",
        "mum cant lift her legs to get into bed",
        "she's not walking right since yesterday",
        "he has not been walking properly for two days",
        # (final review: a carer's "not using", inability, "off his legs")
        "dad is not using his legs since this morning",
        "she can't use her legs since this morning",
        "dad hasn't been able to walk since this morning",
        "my husband can no longer walk since last night",
        "dad is off his legs since yesterday",
        "mum's legs have gone since this morning",
    ],
)
def test_legs_that_stop_working_are_an_emergency(words):
    r = _run({"symptom": words})
    assert r.level == "emergency", words
    assert "new-weakness-walking-or-continence-problem" in _rules(r)


@pytest.mark.parametrize(
    "words",
    [
        "my legs are not swollen and I am working from home",
        "no leg weakness, legs working fine",
        "walking the dog is not easy in the rain but I manage",
        "I was able to walk the dog today, feeling good",
    ],
)
def test_legs_and_walking_words_in_passing_are_not_weakness(words):
    assert "new-weakness-walking-or-continence-problem" not in _rules(_run({"symptom": words}))


@pytest.mark.parametrize(
    "words",
    [
        "For 4 days she eats almost nothing, only some soup and sips of tea",
        "he hasn't eaten anything since yesterday",
        "mum ate hardly anything all weekend",
        "she doesnt eat much at all now",
        # (review)
        "can't eat anything, everything tastes of metal",
        "mum won't eat, just sips of water since Sunday",
        # (final review: past tense and other ways of saying it)
        "couldn't eat anything since Friday, feel sick",
        "she's stopped eating since the weekend, nausea",
        "mum has gone off her food completely since Friday, nausea",
        "eaten nothing since Friday, nauseous",
    ],
)
def test_eating_almost_nothing_in_any_tense_is_eating_clearly_less(words):
    """Set 76: a carer's "she eats almost nothing" (present tense, third person)."""
    r = _run({"symptom": words})
    assert "eating-clearly-less" in _rules(r), words
    assert r.level in {"urgent", "emergency"}


def test_eating_words_about_a_food_are_not_eating_less():
    assert "eating-clearly-less" not in _rules(_run({"symptom": "eating well, lots of fruit"}))


def test_feeling_very_hot_with_no_thermometer_on_ribociclib():
    """Held-out set 77, read after it was measured once: "feel so hot at night ... like a
    radiator ... No thermometer" on ribociclib needs a reading today."""
    words = (
        "Is it normal to feel so hot at night? My husband says I feel like a radiator in bed. "
        "No thermometer in the house. No shivers, eating fine, no cough."
    )
    r = _run({"symptom": words}, drugs=["ribociclib", "anastrozole"])
    assert r.level in {"urgent", "emergency"}
    # hot flushes the hormone pill brings stay their own
    flush = _run({"symptom": "hot flushes at night again, feel so hot"}, drugs=["anastrozole"])
    assert "feeling-hot-with-no-temperature-on-treatment-that-lowers-white-cells" not in _rules(
        flush
    )


@pytest.mark.parametrize(
    "words",
    [
        "finished the dex on sunday, headache back and feel sick",
        "no dex left since friday and the headache is back",
        "ran out of my dexamethasone 2 days ago, head hurts",
    ],
)
def test_a_steroid_run_out_said_any_way(words):
    """Last review: "finished", "no ... left", a steroid named with no drug list."""
    assert "steroid-run-out-or-stopped" in _rules(_run({"symptom": words}, drugs=["dexamethasone"]))
    assert "steroid-run-out-or-stopped" in _rules(_run({"symptom": words}))


def test_a_planned_taper_is_no_sudden_stop():
    words = "finished my dex taper last week as planned, feel fine"
    assert "steroid-run-out-or-stopped" not in _rules(
        _run({"symptom": words}, drugs=["dexamethasone"])
    )
