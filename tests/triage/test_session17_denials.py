"""Second review (seventeenth session): a denial about a body part must not take a red flag
that follows it down a level, whether the words come as a note or as the symptom itself; a
denial on its own does lower the reading."""

import pytest

from mbcnav.patient.checkin import own_words_all
from mbcnav.triage import triage

from .conftest import DAY, patient


def _levels(text: str) -> tuple[str, str]:
    note = triage(patient([{"symptom": "other symptom", "note": text, "new": True}]), DAY).level
    own = triage(patient(own_words_all([{"symptom": text, "new": True}])), DAY).level
    return note, own


@pytest.mark.parametrize(
    "text,level",
    [
        ("my face is not swollen but it's drooping on one side", "emergency"),
        ("my leg is not swollen but I can't move it", "emergency"),
        ("her lips are not swollen, they're blue", "emergency"),
        ("my throat is not sore, it's closing up", "emergency"),
        ("my port is not red or sore, it's leaking", "urgent"),
        ("the line is not red or sore but it is leaking fluid", "urgent"),
        ("my leg is not red, it's cold and white", "urgent"),
    ],
)
def test_a_red_flag_after_a_denied_body_part_keeps_its_level(text, level):
    assert set(_levels(text)) == {level}


def test_a_denial_about_a_body_part_alone_is_no_report():
    assert _levels("my leg is not swollen")[1] == "none"
