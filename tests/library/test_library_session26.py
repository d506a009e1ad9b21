"""Twenty-sixth-session library (issue 15, tuning set 56 and last session's held-out set 55 read
after it was measured): a pet's illness at the vet, an early-stage choice written with its
subtype, a risk that early treatment lowers or a CDK4/6 pill after surgery, fundraising and
awareness runs, screening or another cancer's test given a relative's cancer as the reason, the
risk of a first breast cancer, and a fertility use of letrozole asked as "isn't that a cancer
drug?" get the honest "not in this library"; the same words about the writer's own metastatic
breast cancer are answered. Each is checked both ways; the questions are written for the
mechanisms, not copied from the sets."""

import pytest

from mbcnav.library.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "our old dog has a lump on her tummy, the vet thinks it is a mammary tumour and wants a mastectomy, is it worth it",
        "stage 2 ER+ HER2- oncotype 12, chemo or just an aromatase inhibitor after my lumpectomy",
        "stage 1B node negative after surgery, onc suggests verzenio with anastrozole to lower recurrence risk, worth it?",
        "planning a breast cancer awareness walk at work, how do I find sponsors",
        "my mum had breast cancer, should I ask for a 3D mammogram because of dense breasts",
        "my aunt had breast cancer, any tips for my first colonoscopy prep",
        "does drinking alcohol raise breast cancer risk for my daughter",
        "my fertility clinic wants me on letrozole to help me ovulate, isn't that a cancer drug",
    ],
)
def test_near_misses_are_not_in_this_library(question):
    assert ask(question, top=3).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "I'm on ibrance for bone mets, my dog has a lump and the vet wants to operate, can I still care for her",
        "stage 2 in 2018, lumpectomy then letrozole, now it has spread to my liver, what are my options",
        "I have metastatic breast cancer and want to run a 5k fundraiser, is exercise safe with bone mets",
        "my mum had breast cancer and I carry a BRCA2 mutation, when should I start screening",
        "does alcohol raise the risk of my metastatic breast cancer growing",
        # review: a trial's sponsor, exercise on a named drug, the writer's own spread beside a
        # relative's or a pet's, a CDK4/6 pill taken for years
        "Who is the sponsor of the DESTINY-Breast12 trial and will they pay my travel?",
        "Can I do couch to 5k on Kisqali with my joint pain?",
        "my sister and I both have breast cancer, mine is in my bones, should I get a 3D mammogram",
        "vet says my cat has a mammary tumour, I have secondary breast cancer in my liver, could it be related",
        "Stage 2 at diagnosis, had a mastectomy, have been on ibrance and letrozole for 2 years, is it normal to be so tired?",
        "Does Kisqali cause breast cancer to become resistant?",
        # library set 33: MBC named beside the pink ribbon it turns away from
        "my brother has mbc and avoids the pink ribbon groups, is there anything for men",
    ],
)
def test_the_writers_own_metastatic_cancer_is_answered(question):
    assert ask(question, top=3).answers != []
