"""Seventeenth-session readings (issue 20): a body part named before a denial ("my leg is not
swollen", "eyes are not sore or red") is still a denial, and sign words ("red", "hot") may stand
in a list of denials beside a symptom; a report with the same shape ("my arm is not moving")
is not denied. Lay words: "seeing two of" is double vision, "eyes run" is watery eyes, a
knock to the head stays a fall, "out in the wind" is no gas, morning stiffness is aching
joints; a report after a denial about a body part keeps that body part ("my port is not red or
sore, it's leaking")."""

import pytest

from mbcnav.patient.checkin import own_words_all
from mbcnav.patient.negation import negated


def _read(text: str) -> list[tuple]:
    return [(e["symptom"], e.get("severity")) for e in own_words_all([{"symptom": text}])]


@pytest.mark.parametrize(
    "clause",
    [
        "my leg is not swollen",
        "eyes are not sore or red",
        "not sore or red",
        "the left calf is not swollen or hot",
    ],
)
def test_denials_with_a_body_part_or_sign_words(clause):
    assert negated(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "my arm is not moving",
        "my legs are not working",
        "the pain is not better",
        "not red",
        "not red or hot",
    ],
)
def test_reports_and_sign_words_alone_are_not_denials(clause):
    assert not negated(clause)


def test_lay_words_for_vision_eyes_headache_and_joints():
    assert _read("now I'm seeing two of the telly")[0][0] == "vision changes"
    assert _read("eyes run when I go out in the wind")[0][0] == "watery eyes"
    # a knock to the head in "-ing" words stays a fall (review: "banging my head on the
    # cupboard door" on a blood thinner is an emergency)
    assert "fall" in [s for s, _ in _read("banging my head on the cupboard door this morning")]
    assert "fall" in [s for s, _ in _read("thumped my head on the car door")]
    assert "fall" in [s for s, _ in _read("I fell and now have a thumping head")]
    assert _read("stiff in the mornings, loosens up after half an hour")[0][0] == "joint pain"
    # wind as gas is still read
    assert _read("passing a lot of wind")[0][0] == "gas"


@pytest.mark.parametrize(
    "text,symptom",
    [
        ("my port is not red or sore, it's leaking", "injection site reaction"),
        ("the line is not red or sore but it is leaking fluid", "injection site reaction"),
        ("my calf is not sore or red but swollen", "arm or leg swelling"),
    ],
)
def test_a_report_after_a_denial_keeps_its_body_part(text, symptom):
    """Review: "it's leaking" after "my port is not red or sore" is the port's leak."""
    read = _read(text)
    assert read[0][0] == symptom and read[0][1] != "none"


def test_more_body_parts_and_sign_words_said_of_one():
    assert negated("my gums are not sore or bleeding")
    assert negated("my leg is not red")  # a sign said of a named body part
    assert not negated("not red")  # alone it may be about anything
