"""Thirty-seventh session (issue 20): words read from the tuning set 80, last session's held-out
set 79 (read after it was measured) and the all-sets run, each checked both ways."""

import pytest

from .test_session31_words import _told
from .test_session32_words import _run


def _rules(result) -> set[str]:
    return {r.rule for r in result.reasons}


def test_spots_in_the_brain_are_a_told_site():
    assert _told("they found 2 small spots in my brain in october") == {"brain"}
    assert _told("mri showed a lesion on the brain, waiting for srs") == {"brain"}
    r = _run(
        {
            "symptom": "headaches every morning for a week, worse lying down, sick twice today. "
            "they found 2 small spots in my brain in october"
        },
        drugs=["letrozole", "abemaciclib"],
    )
    assert r.level == "emergency"
    assert "headache-or-vision-change-with-brain-metastases" in _rules(r)


@pytest.mark.parametrize(
    "text",
    [
        "the mri found no spots in my brain",
        "worried there are spots in my brain, headache today",
        "scan clear, no cancer in the brain",
    ],
)
def test_spots_in_the_brain_denied_or_feared_are_not_told(text):
    assert "brain" not in _told(text), text


def test_a_cold_that_is_all_gone_is_no_death_wish():
    r = _run(
        {
            "symptom": "am I ok to get the flu jab next week? I had a cold last week with a slight "
            "temp, but its all gone now and I feel back to normal"
        },
        drugs=["anastrozole"],
    )
    assert r.level != "emergency"
    # the same words beside a wish are read as before
    r = _run(
        {
            "symptom": "the cold is better, its all gone now and i feel fine, but honestly i "
            "wish i was gone too"
        },
        drugs=["anastrozole"],
    )
    assert r.level == "emergency"
