"""Twenty-seventh-session library (issue 15, tuning set 58 and last session's held-out set 57
read after it was measured): a pet's cancer treated by the vet with chemotherapy, a relative's
other illness and its drug with no cancer named, a task around a relative's death from breast
cancer, and cosmetic surgery said to be about no cancer get the honest "not in this library";
the same words beside the writer's own metastatic breast cancer, a relative's metastatic
cancer or a question of risk are answered. The questions are written for the mechanisms, not
copied from the sets."""

import pytest

from mbcnav.library.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "our old retriever has lymphoma, the vet suggests chemo, how long do dogs live with it",
        "my dad is 80 with osteoporosis and his doctor started Prolia, does it hurt",
        "my husband has rheumatoid arthritis and takes methotrexate, can he drink",
        "giving a speech at the memorial for my aunt who died of breast cancer, any tips",
        "getting a breast lift next month (no cancer history), how long off work",
    ],
)
def test_near_misses_are_not_in_this_library(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "I'm on letrozole for my bone mets and our dog has lymphoma, the vet suggests chemo, can I handle her chemo pee",
        "my mom has breast cancer in her bones and osteoporosis, is prolia ok for her",
        "my mom died of breast cancer and now mine has spread to my liver, what should I ask",
        "my sister died of breast cancer at 45, should I get genetic testing",
        "my wife has mbc and osteoporosis, can she get prolia",
        # review: the writer's own cancer or a family risk beside a relative's death; a breast
        # cancer drug beside a relative's illness or a pet's; a doctor's "no cancer" finding
        "my mom died of breast cancer, I was just told mine is back in my bones",
        "my sister died of breast cancer, how do i talk to my kids about my own diagnosis",
        "my mom died of breast cancer, does it run in families",
        "my mom has osteoporosis from anastrozole, should she take prolia or zometa",
        "my mum with osteoporosis is on letrozole and palbociclib, is prolia safe with them",
        "I take letrozole and our dog has a tumor, the vet wants to start chemo, is it safe for me to handle her",
        "our cat has cancer and the vet wants chemo, I had Kadcyla infusions last year, should I avoid the litter",
        "breast reduction surgeon found no cancer but a node in my armpit was abnormal, what next",
    ],
)
def test_the_writers_or_a_relatives_metastatic_cancer_is_answered(question):
    assert ask(question, top=3).answers != []
