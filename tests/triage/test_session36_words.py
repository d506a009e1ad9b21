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


@pytest.mark.parametrize(
    "words",
    [
        # (first review: a wish that the cancer would spread or come back is a death wish)
        "i wish the cancer would spread quicker so this is all over",
        "i wish the cancer would come back and finish me off",
    ],
)
def test_a_wish_for_the_cancer_to_end_it_is_a_death_wish(words):
    assert _run({"symptom": words}).level == "emergency", words


@pytest.mark.parametrize(
    "words",
    [
        # (first review: jaw pain on exertion or with clamminess is cardiac until shown otherwise)
        "jaw ache when i walk, goes when i rest",
        "my jaw aches when i climb the stairs and eases when i sit",
        "jaw pain, feel dizzy and clammy",
    ],
)
def test_jaw_pain_on_exertion_or_with_clamminess_is_an_emergency(words):
    assert _run({"symptom": words}).level == "emergency", words


@pytest.mark.parametrize(
    "words",
    [
        # (first review: any listed medicine taken twice, not only the ones named with "twice")
        "took my zopiclone twice, feel a bit woozy",
        "had my zopiclone twice",
        "took my fentanyl patch twice",
        "gave dad his morphine twice, hes very drowsy",
        "i take oxycodone twice a day and took it twice this morning",
    ],
)
def test_any_listed_medicine_taken_twice_is_an_extra_dose(words):
    assert "extra-dose-of-a-painkiller-sleeping-pill-or-insulin" in _rules(
        _run({"symptom": words})
    ), words


@pytest.mark.parametrize(
    "words",
    [
        "morphine twice a day, pain ok, is it fine to take ibuprofen",
        "i take paracetamol twice a day for my back",
    ],
)
def test_a_twice_a_day_schedule_is_no_extra_dose(words):
    assert "extra-dose-of-a-painkiller-sleeping-pill-or-insulin" not in _rules(
        _run({"symptom": words, "severity": "mild"})
    ), words


def test_a_body_part_is_carried_into_feels_and_a_stool_denial_keeps_the_report_beside_it():
    # (first review)
    assert "new-abdominal-swelling" in _rules(
        _run({"symptom": "my tummy is not sore, feels hard and swollen"})
    )
    assert (
        _run({"symptom": "stools not black, feel dizzy"}).level
        == _run({"symptom": "feel dizzy"}).level
    )


@pytest.mark.parametrize(
    "words",
    [
        "bit of diarrhoea this afternoon, slept all night fine",
        "loose stool twice today, hot flushes at night keep waking me",
        "more trips to the loo with cramps in my legs at night",
    ],
)
def test_a_night_word_not_tied_to_the_bowel_is_no_night_diarrhea(words):
    r = _run({"symptom": words, "severity": "mild"}, drugs=["capecitabine"])
    assert "diarrhea-at-night-on-capecitabine" not in _rules(r), words


def test_keep_still_sitting_down_is_no_vomiting():
    r = _run(
        {
            "symptom": "diarrhoea 4 times today, loperamide helping, i cant keep still when i sit down"
        },
        drugs=["abemaciclib"],
    )
    assert r.level != "emergency"


def test_gone_up_and_a_report_after_a_medicine_are_not_denials():
    from mbcnav.triage.net_clauses import denied

    for words in ("my temp has gone up", "pain has gone up", "not on any painkillers and in agony"):
        assert not denied(words), words
    assert denied("not on any blood thinners")


@pytest.mark.parametrize(
    "words",
    [
        # (final review)
        "jaw ache after dental work, comes and goes with effort",
        "i wish the cancer would disappear and me with it",
        "i wish the cancer would go away and so would i",
        "not on a blood thinner but my nosebleed wont stop",
        "stools not black but look very dark, dizzy when i stand",
    ],
)
def test_final_review_signs_stay_emergencies(words):
    assert _run({"symptom": words}, drugs=["apixaban"]).level == "emergency", words


@pytest.mark.parametrize(
    "words",
    [
        "diarrhoea 3 times, one was at night",
        "runny poo, woke me up twice last night",
        "up twice in the night with loose stools",
    ],
)
def test_night_diarrhea_said_other_ways(words):
    r = _run({"symptom": words, "severity": "mild"}, drugs=["capecitabine"])
    assert "diarrhea-at-night-on-capecitabine" in _rules(r), words


def test_a_pain_score_of_seven_or_more_is_severe_pain():
    assert "uncontrolled-pain" in _rules(_run({"symptom": "not on any painkillers, pain is 9/10"}))
    assert "uncontrolled-pain" not in _rules(
        _run({"symptom": "pain is 3/10, fine", "severity": "mild"})
    )


def test_exposure_and_pain_score_neighbours():
    # (last review) a person's own old jab does not undo a contact; a date is no pain score
    r = _run(
        {
            "symptom": "my friend has measles and we had lunch together on monday, i had my measles jab as a child"
        },
        drugs=["palbociclib"],
    )
    assert "exposed-to-chickenpox-shingles-or-measles-on-treatment" in _rules(r)
    r = _run({"symptom": "sore hip since 17/10, about 2 out of 10", "severity": "mild"})
    assert "uncontrolled-pain" not in _rules(r)
