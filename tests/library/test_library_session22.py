"""Twenty-second-session library scope (issue 15, tuning set 48 and last session's held-out set
47 read after it was measured): a medicine to prevent a first breast cancer, natural menopause
with nothing of cancer, a testosterone cycle, letrozole taken to conceive, a drug named for
osteoporosis beside an infusion, and another cancer's own spread ("lung cancer with brain mets")
are not questions for this library; MBC questions that use the same words still get an answer."""

import pytest

from mbcnav.library.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "my biopsy showed atypical ductal hyperplasia, should I take tamoxifen to prevent breast cancer",
        "does raloxifene lower my risk of breast cancer after LCIS",
        "hot flushes and poor sleep since the menopause, is black cohosh worth trying",
        "anastrozole on a testosterone cycle, how much per week",
        "letrozole days 3 to 7 while trying to conceive, is spotting normal",
        "aches for two days after my yearly zoledronic acid infusion for osteoporosis",
        "osimertinib for EGFR lung cancer with brain mets, does it cross into the brain",
        "trastuzumab for gastroesophageal junction adenocarcinoma, how many cycles",
    ],
)
def test_other_subjects_are_off_topic(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        # the writer's own cancer, its spread or a drug keeps each of those words in scope
        "I had atypical hyperplasia years ago and now my cancer has spread to my liver, what now",
        "I'm on my tamoxifen again after it came back, it was first given to prevent breast cancer",
        "since starting letrozole I can't sleep, my menopause symptoms are awful",
        "I have MBC and we are trying to conceive, is it ever safe",
        "Zometa infusion for my bone mets, is it the same drug as Reclast for osteoporosis",
        "my breast cancer has spread to my brain, is that treated like lung cancer with brain mets",
        # review: the writer's own cancer, its growth, a site or own drug beside those words
        "I have breast cancer in my bones. I had atypical hyperplasia before, does that matter?",
        "I've got secondary breast cancer; years ago I had atypical ductal hyperplasia",
        "Can I lower my risk of breast cancer spreading to my brain?",
        "Does Verzenio lower my risk of breast cancer growing?",
        "Can Prolia for osteoporosis be given with my Kisqali treatment?",
        # second review: a drug taken or a subtype and site beside the history words; trying to
        # conceive beside a drug that is not letrozole
        "I had LCIS and now it's triple negative and in my spine, what next",
        "I was on tamoxifen for atypical hyperplasia and now I'm on Ibrance, is neutropenia common",
        "I've been on Verzenio two years and we are trying to conceive, what should I do",
        "trying to get pregnant after stopping Kadcyla, how long should I wait",
    ],
)
def test_mbc_questions_with_those_words_are_answered(question):
    assert ask(question, top=3).answers
