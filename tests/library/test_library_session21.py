"""Twenty-first-session library scope (issue 15, tuning set 46): another cancer's own spread
("prostate cancer spread to the bones", "metastatic prostate cancer") and an aromatase inhibitor
taken on testosterone replacement are not questions for this library; MBC questions that use the
same words still get an answer."""

import pytest

from mbcnav.library.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "how long do people live with prostate cancer that has spread to the bones",
        "my dad has metastatic prostate cancer, is radiation for bone pain worth it",
        "arimidex dose on TRT to keep estrogen in range",
        "testosterone replacement therapy and letrozole for estradiol",
    ],
)
def test_another_cancers_spread_and_another_use_are_off_topic(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        # the spread is the breast cancer's, or no other cancer owns it
        "I had thyroid cancer years ago and now my breast cancer spread to my bones, what now",
        "my husband has prostate cancer and my breast cancer spread to my liver, how do we cope",
        "life expectancy when breast cancer has spread to the bones",
        "is it normal for bone mets to hurt more at night",
        # second review: the writer's own breast cancer drug beside another's cancer or use
        "my husband's prostate cancer has spread to his bones and I am on letrozole for mine, can "
        "we both have zoledronic acid",
        "my husband is on TRT, is that ok with my letrozole",
    ],
)
def test_mbc_questions_with_those_words_are_answered(question):
    assert ask(question, top=3).answers
