"""Twelfth-session library mechanism (issue 15), from held-out set 29 read after it was measured:
a message about cosmetic breast surgery or about an animal's illness or care is off-topic, while
a person's own cancer, treatment, reconstruction or an infection sign keeps it in scope."""

import pytest

from mbcnav.library.answer import ask
from mbcnav.library.scope import scope


@pytest.mark.parametrize(
    "question",
    [
        "my old spaniel has a lump on her belly, is surgery worth it at 12",
        "should we get the cat spayed before she is one",
        "how long is recovery after a breast augmentation",
        "does insurance cover a breast reduction for neck pain",
        "is a breast lift worth it after pregnancy",
    ],
)
def test_cosmetic_surgery_and_animals_are_another_subject(question):
    assert scope().other_subject(question)
    assert ask(question).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "can I keep my cat during chemo",
        "my port is red since the puppy scratched it",
        "is it safe to have my dog sleep in my bed while on Ibrance",
        "can I have breast reconstruction with implants after mastectomy for stage 4",
        "my dog is sick and I am stressed, my mets are in my liver",
        # second review: "lab" and "CAT" are tests, a lift after a lumpectomy is cancer care
        "my lab shows a mass in my liver",
        "CAT scan found a growth on my liver",
        "breast lift after my lumpectomy",
        "liposuction over my lymphedema arm",
    ],
)
def test_a_persons_cancer_treatment_or_infection_keeps_the_message_in_scope(question):
    assert not scope().other_subject(question)
