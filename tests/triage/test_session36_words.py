"""Thirty-sixth session (issue 20): words read from the tuning set 78 and the all-sets run,
each checked both ways: a passive wish not to go on said as sleep, a dose schedule that is no
extra dose, a denial said after its noun ("poo not black"), a carer watching someone breathe, a
panic episode that passed, fluid lost both ways, and diarrhea at night on capecitabine."""

import pytest

from .test_session32_words import _run


def _rules(result) -> set[str]:
    return {r.rule for r in result.reasons}


def test_going_to_sleep_and_not_coming_back_is_a_death_wish():
    r = _run(
        {
            "symptom": "some days itd be easier to go to sleep and not come back, not going to do anything"
        }
    )
    assert r.level == "emergency"
    assert "own-words-passive-death-wish" in _rules(r)
    # a wish about the cancer or a chair to sleep in is not
    r = _run({"symptom": "i wish the cancer would not come back", "severity": "mild"})
    assert r.level != "emergency"
    r = _run(
        {"symptom": "itd be easier to sleep in the recliner, my back is sore", "severity": "mild"}
    )
    assert "own-words-passive-death-wish" not in _rules(r)


def test_a_schedule_of_twice_a_day_is_no_extra_dose():
    r = _run(
        {
            "symptom": "on apixaban twice a day for the clot, leg much better, is it ok to take paracetamol for my knee",
            "severity": "mild",
        },
        drugs=["apixaban"],
    )
    assert "extra-dose-of-a-painkiller-sleeping-pill-or-insulin" not in _rules(r)
    r = _run({"symptom": "i took my oxycodone twice this morning by mistake, feel ok"})
    assert "extra-dose-of-a-painkiller-sleeping-pill-or-insulin" in _rules(r)
    r = _run({"symptom": "took my insulin twice tonight"})
    assert "extra-dose-of-a-painkiller-sleeping-pill-or-insulin" in _rules(r)


@pytest.mark.parametrize("words", ["poo not black", "stools not black", "my poo is not black"])
def test_a_denial_said_after_its_noun_denies_it(words):
    r = _run(
        {
            "symptom": f"a little blood on the paper after straining with my piles, {words}",
            "severity": "mild",
        }
    )
    assert "black-stools" not in _rules(r), words
    r = _run({"symptom": "my poo is black and sticky since yesterday"})
    assert "black-stools" in _rules(r)


def test_a_carer_checking_someone_breathes_is_no_breathlessness():
    r = _run(
        {
            "symptom": "im her husband, im scared all the time, cant stop googling, i keep checking shes breathing at night"
        }
    )
    assert "severe-breathlessness" not in _rules(r)
    assert r.level != "emergency"
    r = _run(
        {"symptom": "i keep checking shes still breathing, she is gasping and her lips are blue"}
    )
    assert r.level == "emergency"


def test_a_panic_episode_that_passed_is_not_chest_pain():
    r = _run(
        {
            "symptom": "had a panic attack before my scan yesterday, heart pounding, lasted 10 min then fine, no chest pain now, breathing normal"
        },
        drugs=["fulvestrant"],
    )
    assert r.level != "emergency"
    r = _run(
        {"symptom": "panic attack this morning but the chest pain is still there"},
        drugs=["fulvestrant"],
    )
    assert r.level == "emergency"


def test_diarrhea_with_vomiting_that_keeps_nothing_down_is_an_emergency():
    words = "diarrhoea 5 times a day since saturday even with imodium, threw up twice, cant keep my tablets down"
    r = _run({"symptom": words}, drugs=["abemaciclib"])
    assert r.level == "emergency"
    assert "two-fluid-loss-ambers-make-a-red" in _rules(r)
    r = _run(
        {
            "symptom": "diarrhoea 5 times a day since saturday even with imodium, eating and drinking ok"
        },
        drugs=["abemaciclib"],
    )
    assert r.level == "urgent"


def test_dried_out_and_light_headed_is_an_emergency():
    r = _run(
        {"symptom": "dehydration", "severity": "moderate", "new": True},
        {"symptom": "lightheadedness", "severity": "moderate", "new": True},
        drugs=["eribulin"],
    )
    assert r.level == "emergency"
    r = _run({"symptom": "dehydration", "severity": "mild", "new": True}, drugs=["eribulin"])
    assert r.level != "emergency"


def test_diarrhea_at_night_on_capecitabine_is_a_call():
    r = _run(
        {
            "symptom": "diarrhea",
            "severity": "mild",
            "count_per_day": 2,
            "note": "the second woke me at 4am",
        },
        drugs=["capecitabine"],
    )
    assert "diarrhea-at-night-on-capecitabine" in _rules(r)
    r = _run(
        {"symptom": "diarrhea", "severity": "mild", "count_per_day": 2, "note": "none at night"},
        drugs=["capecitabine"],
    )
    assert "diarrhea-at-night-on-capecitabine" not in _rules(r)


def test_a_sign_that_has_gone_is_not_read_as_a_current_one():
    from mbcnav.triage.net_clauses import denied

    assert denied("swelling almost gone")
    assert denied("the rash has cleared up")
    for report in (
        "my vision has gone",
        "legs have gone",
        "swelling is going",
        "my lips are swelling",
    ):
        assert not denied(report), report


def test_a_jaw_ache_where_a_tooth_came_out_is_not_chest_pain_or_a_fit():
    from mbcnav.triage import semantic

    words = "an ache in my lower left jaw and a rough bit of bone I can feel with my tongue where I had a tooth out"
    names = {h.concept.name for h in semantic.hits(words)}
    assert not names & {"chest-pain", "seizure", "severe-allergic-reaction"}, names
    assert "chest-pain" in {
        h.concept.name for h in semantic.hits("pain in my jaw and left arm, sweating")
    }
    assert "severe-allergic-reaction" in {
        h.concept.name
        for h in semantic.hits("had a tooth out and now my tongue and lips are swelling up")
    }
