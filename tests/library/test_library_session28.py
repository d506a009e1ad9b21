"""Twenty-eighth-session library (issue 15, tuning set 60 and last session's held-out set 59
read after it was measured): letrozole or clomid taken to get pregnant, an early cancer's
treatment choice whose words name how many years a hormone pill is taken, and a breast cancer
drug asked about for a pet get the honest "not in this library"; the same words beside the
writer's own metastatic cancer are answered. The questions are written for the mechanisms, not
copied from the sets."""

import pytest

from mbcnav.library.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "is clomid or letrozole better for getting pregnant when my cycles are irregular",
        "stage 1 ER+ after lumpectomy, oncologist says 5 years of an AI or maybe 10, which is better",
        "our dog has a mammary tumor and the vet wants surgery, is there tamoxifen for dogs instead",
    ],
)
def test_near_misses_are_not_in_this_library(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "can i get pregnant while on letrozole for my stage 4 cancer",
        "I was stage 2 in 2014 and took 5 years of tamoxifen, now its in my bones, what next",
        "my dog has a mammary tumor, and I am on letrozole myself for mets, can he lick my pills",
    ],
)
def test_the_same_words_about_the_writers_own_mbc_are_answered(question):
    assert ask(question, top=3).answers != []


@pytest.mark.parametrize(
    "question",
    [
        "I take letrozole and ribociclib, is there a risk of getting pregnant",
        "on letrozole and zoladex, worried about getting pregnant, do I need contraception",
        "can letrozole stop me getting pregnant or do i still need birth control",
    ],
)
def test_birth_control_beside_letrozole_is_an_mbc_question(question):
    """Review: "getting pregnant" beside the writer's own letrozole is about contraception."""
    assert ask(question, top=3).answers != []
