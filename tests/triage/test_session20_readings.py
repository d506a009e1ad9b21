"""Twentieth session (issue 20): readings from last session's held-out set 45 (read after it was
measured). A mouth that lifts on one side only, or one side of the face sagging, is weakness of one side
of the face; a drain, a nose, a sore or a scab on one side, drooling or numbing drops are not
(reviews)."""

import pytest

from .conftest import symptoms_read


@pytest.mark.parametrize(
    "text",
    [
        "when my wife smiles only one side of her mouth lifts",
        "one side of his face sags and his tea dribbled out",
        "the left side of her mouth is sagging since lunch",
    ],
)
def test_a_face_that_moves_on_one_side_only_is_weakness_on_one_side(text):
    assert "weakness on one side" in symptoms_read(text)


@pytest.mark.parametrize(
    "text",
    [
        "dry chapped lips that sting when I smile",
        # review: a drain or a nose on one side, a sore on one side that stings when moved
        "fluid dribbled out of my drain on the left side",
        "my nose dribbles on the right side",
        "sore on one side of my mouth, stings when I move my lips",
        # second review: a cracked lip, drooling in sleep, a scab, numbing drops
        "my lip cracks at the corner and dribbles",
        "drooling from the corner of my mouth in my sleep",
        "the cold sore scab on one side of my lip lifted off",
        "mouth ulcer on one side, the numbing drops help",
        "left side of my mouth is sore, the ulcer scab dropped off",
    ],
)
def test_no_face_sign_without_one_side_of_the_face_failing(text):
    assert "weakness on one side" not in symptoms_read(text)
