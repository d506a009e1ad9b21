"""Twenty-ninth session (issue 20): words read from this session's tuning set 64. Each change
that quiets a calm message still fires on the red flag it is for."""

from mbcnav.triage import semantic
from mbcnav.triage.semantic import only_place


def _sounds(text: str) -> set[str]:
    return {h.concept.name for h in semantic.hits(text)}


def test_a_piece_that_only_says_where_and_when_is_not_read_alone():
    """ "since last night my legs and hips ache like after a long run" was cut at "and", and
    "since last night my legs" alone sounded like legs giving way; a piece of body places and
    time words says nothing on its own (review: "legs and bum", "legs, hips and knees")."""
    assert only_place("since last night my legs") and only_place("left side of my face")
    assert not only_place("legs giving way since last night") and not only_place("since last night")
    for calm in (
        "since last night my legs and hips ache like after a long run, took 2 paracetamol",
        "since last night my legs and bum ache like after a long run, took 2 paracetamol",
        "since last night my legs, hips and knees ache like after a long run, took 2 paracetamol",
    ):
        assert "spinal-cord-pressure" not in _sounds(calm), calm
    assert "spinal-cord-pressure" in _sounds("my back and legs are weak and numb since last night")
    assert "spinal-cord-pressure" in _sounds("legs giving way under me and my back is killing me")
    assert "spinal-cord-pressure" in _sounds("my legs since this morning and i cant feel them")


def test_bladder_trouble_or_numbness_down_below_beside_the_legs_is_a_cord_sign():
    """The review's inputs, under-triaged before this session: trouble passing urine or a strange
    feeling down below beside leg symptoms (NICE NG234)."""
    for red in (
        "legs and feet tingling and cant pee properly since this morning",
        "my hips and thighs ache like a workout, peeing is hard to start since yesterday",
        "thighs and hips achy after paclitaxel, feel a bit weird down below when i wipe",
    ):
        assert "spinal-cord-pressure" in _sounds(red), red
