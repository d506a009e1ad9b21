"""Twenty-second session (issue 20): readings from last session's held-out set 49 (read after it
was measured) and this session's tuning set 50. Each is checked both ways."""

import pytest

from mbcnav.triage import semantic

from .conftest import symptoms_read


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Mam doesn't know what year it is since Sunday", "confusion"),
        ("he's barely making sense this morning", "confusion"),
        ("she keeps picking at things in the air", "hallucinations"),
        ("a dark shadow slid across the top half of what I see", "sudden vision loss"),
        ("noticed rosé coloured urine twice", "blood in urine"),
        ("my eyeballs have gone a mustard tinge", "yellow skin or eyes"),
    ],
)
def test_words_people_use_for_these_signs(text, term):
    assert term in symptoms_read(text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("I don't know what time the clinic opens", "confusion"),
        ("a shadow on my lung scan, what does it mean", "sudden vision loss"),
        ("mustard gives me heartburn", "yellow skin or eyes"),
        ("a rose tattoo near my port is itchy", "blood in urine"),
        # review: a statin, food, a leaflet and a stool are none of those signs
        ("taking rosuvastatin, pee is fine", "blood in urine"),
        ("picking at my food, nothing tastes right", "hallucinations"),
        ("the leaflet is barely making sense to me", "confusion"),
        ("toilet like coke after a bowel movement", "urine color change"),
        # second review: a name, a bin day and an appointment date are none of them
        ("Rose takes me to pee at night, bit tired", "blood in urine"),
        ("I didn't know what day the bins go out, I'm fine", "confusion"),
        ("she doesn't know what date her appointment is", "confusion"),
    ],
)
def test_look_alikes_are_not_those_signs(text, term):
    assert term not in symptoms_read(text)


def test_something_that_wakes_me_is_no_wish_not_to_wake():
    """ "hot flushes ... they wake me at night" sat near "I pray every night that I don't wake
    up"; a real wish not to wake still sounds like one."""
    names = lambda t: {h.concept.name for h in semantic.hits(t)}  # noqa: E731
    assert "wish-to-be-dead" not in names("hot flushes about 5 a day and they wake me at night")
    assert "wish-to-be-dead" not in names("the pain wakes her at 3am every night")
    assert "wish-to-be-dead" in names("I pray every night that I don't wake up")
    # review: a wish in the same message keeps it, whatever else wakes the person
    assert "wish-to-be-dead" in names(
        "I wish the Lord would take me. The cough wakes me every night."
    )
    assert "wish-to-be-dead" in names(
        "I wish I could fall asleep and that be it, but my husband wakes me to take pills"
    )


def test_a_blood_pressure_in_the_note_of_its_own_symptom(run):
    """ "high blood pressure" with "184/108 twice tonight" in its note: a reading of 180 or more
    is a same-day call; 150/90 is not."""
    high = run(
        [
            {
                "symptom": "high blood pressure",
                "new": True,
                "note": "184/108 twice tonight on my home machine",
            }
        ]
    )
    assert "own-words-blood-pressure-crisis" in {r.rule for r in high.reasons}
    low = run([{"symptom": "high blood pressure", "new": True, "note": "150/90 this morning"}])
    assert "own-words-blood-pressure-crisis" not in {r.rule for r in low.reasons}
