"""Issue 15, lib22: another cancer named as someone's own disease is off-topic; the story's
topic carries a bare asked clause; new gap sections answered."""

import pytest

from mbcnav.library.answer import ask
from mbcnav.library.scope import scope
from mbcnav.library.understand import understand


def _owns(question: str) -> bool:
    return scope().owns_other_cancer(understand(question).asked, question)


@pytest.mark.parametrize(
    "question",
    [
        "side effects of a pill for my uncle's EGFR lung cancer",
        "who qualifies for lung cancer screening",
        "my aunt has ovarian cancer, what is a normal CA-125",
    ],
)
def test_another_cancer_as_someones_own_disease_is_off_topic(question):
    assert _owns(question)
    assert ask(question).off_topic


@pytest.mark.parametrize(
    "question",
    [
        "if it is in my lungs is it lung cancer now",  # a common MBC site, not a diagnosis
        "can tamoxifen cause uterine cancer",  # a risk of an MBC drug
        "my breast cancer spread, or do I have lung cancer too",
        # the other cancer is someone else's, in the story; the question is the person's own
        "My cousin did well on Keytruda for her lung cancer. Why won't my oncologist give it to me?",
    ],
)
def test_another_cancer_as_a_site_a_risk_or_in_the_story_is_not(question):
    assert not _owns(question)


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("what is inflammatory breast cancer", "inflammatory breast cancer"),
        (
            "does acupuncture help neuropathy in my feet after chemo",
            "acupuncture help nerve damage",
        ),
        ("can I cash in my life insurance policy now that I have stage 4", "life insurance"),
        ("how do I plan my funeral ahead of time", "funeral"),
        ("why do I keep getting hiccups on treatment", "hiccups"),
        ("where can I buy a breast form after my mastectomy", "breast prosthesis"),
        ("can I still clean the litter box during chemo", "litter box"),
    ],
)
def test_new_gap_sections_answer_first(question, heading):
    result = ask(question)
    assert result.answers and result.confident
    assert heading in result.answers[0].heading.lower()


def test_a_bare_comparison_takes_its_sides_from_the_story():
    reading = understand(
        "My scan showed two spots in my brain. The team is talking about SRS versus whole "
        "brain radiation. Why would they pick one over the other?"
    )
    assert reading.sides == ("SRS", "whole brain radiation")
    assert reading.shape == "compare"
    assert "whole brain radiation" in reading.asked


def test_a_bare_comparison_without_two_options_in_the_story_has_no_sides():
    reading = understand("I had a bone scan last week. What is the difference?")
    assert reading.sides == ()
