"""Issue 15, eighth session: a message that names a test or organ of another cancer's care
(PSA, prostate, colonoscopy, Pap test) and neither breast cancer, its spread nor a cancer drug is
off-topic, whatever passage matches its other words (scope.yaml, other_cancer_signs)."""

import pytest

from mbcnav.library.answer import OFF_TOPIC, ask
from mbcnav.library.scope import scope


@pytest.mark.parametrize(
    "question",
    [
        "my husband's PSA went up to 6, will they do a prostate biopsy",
        "how long does it take to get colonoscopy results back",
        "is an abnormal pap smear something to worry about",
        "should I have a colonoscopy to screen for colon cancer at 50",
    ],
)
def test_another_cancers_tests_are_off_topic(question):
    assert scope().names_other_cancer_sign(question)
    result = ask(question)
    assert result.answers == [] and result.message == OFF_TOPIC


@pytest.mark.parametrize(
    "question",
    [
        "I have breast cancer in my bones, does that change what a PSA test means for my husband",
        "on Keytruda and having a colonoscopy next week, do I tell the GI doctor",
        "my mets are in the liver, is a colonoscopy still safe",
        "does my tumour marker CA 15-3 go up like a PSA",
        "my cancer is in my bones, should I still do colonoscopy screening",
    ],
)
def test_with_breast_cancer_its_spread_or_a_drug_the_message_stays_in_scope(question):
    assert not scope().names_other_cancer_sign(question)
