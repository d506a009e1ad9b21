"""Twenty-first session (issue 20): readings from last session's held-out set 47 (read after it
was measured) and this session's tuning set 48. Each is checked both ways."""

import pytest

from mbcnav.patient.checkin import readings

from .conftest import symptoms_read


def test_a_clause_that_names_nothing_is_read_with_the_one_before():
    """ "sweating buckets then freezing": split at "then", "freezing" alone names nothing; read
    with the clause before, hot then freezing is shivering (chills)."""
    assert "chills" in symptoms_read("I'm sweating buckets then freezing and my joints ache")
    # feet that are cold are no chills, and a clause after a denial is read on its own
    assert "chills" not in symptoms_read("my feet are freezing and numb")
    found, _ = readings("no fever, freezing")
    assert ("chills", None) not in found
    # a hot flush that leaves one damp and cold is the flush, not a shiver (also said of the
    # menopause: review)
    assert "chills" not in symptoms_read("hot flushes at night, drenched then freezing")
    assert "chills" not in symptoms_read("menopause sweats during the day, then freezing at night")


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("going 5 times a day despite the loperamide", "diarrhea"),
        ("took 4 imodium today and still going", "diarrhea"),
        ("a grey curtain came down over the top half of my right eye", "sudden vision loss"),
        ("a dark veil over the left side of what I can see", "sudden vision loss"),
        ("he keeps walking into the left side of door frames", "sudden vision loss"),
        ("she keeps knocking things off the right side of her tray", "sudden vision loss"),
        ("been so weepy this week", "sadness"),
    ],
)
def test_words_people_use_for_these_signs(text, term):
    assert term in symptoms_read(text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # weeping skin is a wound, not tears
        ("the skin under the breast fold has gone raw and weepy", "sadness"),
        ("the rash on my back is weeping", "sadness"),
        # curtains at home, bumping a knee
        ("I can't get up to open the curtains in the morning, so tired", "sudden vision loss"),
        ("I walked into the table and bumped my knee", "sudden vision loss"),
        # review: a curtain drawn, a knock or a walk to one side once
        ("drew the curtain across the window, bad headache", "sudden vision loss"),
        ("knocked into the door with my right hand", "sudden vision loss"),
        ("walked off to the left side of the path", "sudden vision loss"),
        # second review: others bumping into one, or one's own arm against a frame
        ("the dog keeps walking into my left leg", "sudden vision loss"),
        ("the kids keep banging into the left side of my car", "sudden vision loss"),
        ("I keep bumping my swollen left arm on the door frame", "sudden vision loss"),
    ],
)
def test_the_same_words_about_something_else(text, term):
    assert term not in symptoms_read(text)


def test_mild_look_alikes_leave_real_red_flags_alone():
    """New mild phrasings (a medicine travel question, a little constipation, less interest in
    sex) quiet their look-alikes only: a blocked bowel asking which laxative, and tablets taken on
    purpose, still sound like red flags (review)."""
    from mbcnav.triage import semantic

    def names(text):
        return {h.concept.name for h in semantic.hits(text)}

    assert not names("what to do about my tablets on the plane to Spain") & {
        "self-harm",
        "suicide-preparation",
    }
    assert "bowel-obstruction-or-perforation" in names(
        "I haven't been for a week, my tummy is swollen and I keep being sick, which laxative "
        "should I take"
    )
    assert "self-harm" in names("I took more tablets than I should on purpose")
