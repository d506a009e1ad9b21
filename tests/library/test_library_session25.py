"""Twenty-fifth-session library (issue 15, tuning set 54 and last session's held-out set 53 read
after it was measured): an early-stage choice with the hormone pill taken after surgery, another
cancer's spread written "<site> mets from <cancer>" and a child's early puberty get the honest "not
in this library"; the same words about the writer's own metastatic breast cancer are answered
(review). Each is checked both ways; the questions are written for the mechanisms, not copied
from the sets."""

import pytest

from mbcnav.library.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "stage 1b, had a lumpectomy and starting letrozole, do I really need radiation",
        "bone mets from prostate cancer what is the outlook",
        "brain metastases from lung cancer whole brain radiation or radiosurgery",
        "leuprolide for precocious puberty in my daughter, side effects",
    ],
)
def test_near_misses_are_not_in_this_library(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        # review: a hormone pill with a site, growth or the writer's own cancer is about spread
        "Stage 3A, mastectomy, radiation, then tamoxifen. Secondaries in my sternum and skull. What is the outlook?",
        "stage 2, lumpectomy and radiation, on anastrozole, it has progressed to my sternum. what options?",
        "stage iii, mastectomy, exemestane - is it normal for the tumour to be growing again in my skull?",
        # review: lobular cancer with LCIS in the report, and spread beside another cancer
        "pathology says invasive lobular carcinoma with LCIS, and deposits on my ovaries - is that typical of lobular?",
        "I have MBC in my bones and now they found liver mets from colon cancer too, how do they treat both",
        "my breast cancer spread to my liver, what is the outlook",
    ],
)
def test_metastatic_breast_cancer_questions_are_answered(question):
    assert ask(question, top=3).answers
