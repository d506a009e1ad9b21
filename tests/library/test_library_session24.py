"""Twenty-fourth-session library (issue 15, tuning set 52 and last session's held-out set 51 read
after it was measured): near-miss questions about another cancer, another illness's care, a drug's
use by bodybuilders or to prevent a first breast cancer get the honest "not in this library"; the
same words about the writer's own metastatic breast cancer are answered. Each is checked both
ways; the questions are written for the mechanisms, not copied from the sets."""

import pytest

from mbcnav.library.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "pancreatic cancer liver mets what is the outlook",
        "stage 4 melanoma spread to the lungs treatment options",
        "hospice for my grandmother with alzheimers how does it work",
        "fluid around the lungs from congestive heart failure how is it drained",
        "letrozole dose for men on cycle to keep estrogen in check",
        "my sister had breast cancer, should i take tamoxifen to prevent it",
        "BRCA2 carrier, is a prophylactic mastectomy worth it at 35",
    ],
)
def test_near_misses_are_not_in_this_library(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "my breast cancer spread to my liver, what is the outlook",
        "can herceptin cause heart failure",
        "I have MBC and my mom has dementia, how do I look after myself",
        "I'm a man with MBC, why letrozole and a shot to keep estrogen down",
        "lung cancer or lung mets, how do the doctors tell",
        "path report says ER 3% ER-low, what does it mean",
        # review: a treatment's side effect, a comparison, the writer's own recurrence
        "do aromatase inhibitors cause dementia",
        "can cdk4/6 inhibitors cause heart failure",
        "my gyno wants to check my hot flashes on anastrozole, is that normal",
        "does letrozole keep estrogen down better than tamoxifen",
        "steroid cycle with docetaxel, how many days",
        "lung cancer or mets, how can they tell from a ct",
        "skin cancer on my chest wall after radiation, is it recurrence",
    ],
)
def test_the_same_words_about_the_writers_mbc_are_answered(question):
    assert ask(question, top=3).answers
