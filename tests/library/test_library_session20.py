"""Twentieth-session library scope (issue 15, tuning set 44 and last session's held-out set 43,
read after it was measured): a kind of lung cancer named as someone's own disease, "<organ>
adenocarcinoma" of another cancer, a person said to have no cancer and a hormone drug's use after
a steroid cycle are not questions for this library; MBC questions that say the same words in
another way, or compare spread with another cancer, still get an answer (review)."""

import pytest

from mbcnav.library.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "enhertu for HER2 mutant non small cell lung cancer response rate",
        "trastuzumab for her2 esophageal adenocarcinoma",
        "BRCA1 carrier no cancer what age to remove ovaries and tubes",
        "nolvadex post cycle therapy dosing after a steroid cycle",
        "my dad has glioblastoma, what is temozolomide",
        # someone else's cancer beside a breast-only drug stays off-topic
        "letrozole for my mom's ovarian cancer",
        "I had prostate cancer, is Xtandi next",
    ],
)
def test_other_diseases_and_uses_are_off_topic(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "my mom has lung adenocarcinoma too but my MBC is in my lungs, what treatment is used",
        "I never had cancer before this MBC diagnosis, what does stage 4 mean",
        "my sister never had cancer but has a BRCA2 mutation like me, should she test her kids",
        "can Enhertu cause lung problems in metastatic breast cancer",
        # review: spread compared with another cancer, and other diseases beside MBC care
        "brain mets vs glioblastoma",
        "difference between a glioma and brain metastases",
        "lung mets or NSCLC, how do they tell",
        "I take Xgeva, is my wrist fracture from osteoporosis",
        "can I have a port with dialysis",
        "is my cough from copd or from the radiotherapy",
        "CA 15-3 raised from cirrhosis",
        "I'm on immunosuppressants from my kidney transplant, can I take Kisqali",
        # second review: "never had cancer" said of oneself or of a carer, bodybuilding and a
        # steroid cycle on treatment, another cancer's kind compared with spread
        "my husband never had cancer, how does he handle my capecitabine safely",
        "I dont have cancer symptoms but my CA 15-3 went up",
        "bodybuilding on Kisqali, is it ok",
        "steroid cycle with docetaxel, how many days",
        "is gastric adenocarcinoma the same as my stomach mets",
        "skin carcinoma on my chest wall, is that my cancer coming back",
        # known from last session's second review: another cancer had in the past beside a drug
        # given only for breast cancer
        "Is Ibrance safe if I had radiation for thyroid cancer before?",
        "I had melanoma 10 years ago, can I take Kisqali",
        "had thyroid cancer in 2010, now on letrozole, is that a problem",
    ],
)
def test_an_mbc_question_with_those_words_still_gets_an_answer(question):
    assert ask(question, top=3).answers
