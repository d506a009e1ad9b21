"""Eleventh-session library mechanisms (issue 15): the medicines guide's passages for a named
drug's class share the drug's bonus; a message about someone who never had cancer is off-topic
(a pet is no sign of it); an earlier stage, a symptom diary, breast reconstruction, the chest wall and
who decides for a person are the library's subject; a cruise is travel."""

import numpy as np

from mbcnav.library.answer import ask
from mbcnav.library.index import get_index
from mbcnav.library.scope import scope
from mbcnav.library.shapes import CLASS_BONUS, DRUG_BONUS, focus_factor


def test_the_class_passages_of_a_named_drug_get_a_smaller_bonus():
    index = get_index()
    factor = focus_factor(index, "rash and loose stools after starting keytruda")
    assert factor is not None
    by_place = {(s.article, s.heading): f for s, f in zip(index.sections, factor, strict=True)}
    bonus = float(by_place[("immunotherapy", "What side effects can immunotherapy cause?")])
    assert any(abs(bonus - b) < 1e-6 for b in (CLASS_BONUS, DRUG_BONUS))
    assert by_place[("travel-with-mbc", "Is it safe to fly with metastatic breast cancer?")] == 1.0
    assert np.all(factor >= 1.0)
    assert focus_factor(index, "how do I sleep better") is None


def test_a_side_effect_of_a_named_drug_reaches_its_class_passage():
    top = ask("rash and loose stools 3 months after starting Keytruda, do I call?", top=3)
    assert top.answers[0].article == "immunotherapy"


def test_someone_who_never_had_cancer_is_off_topic():
    assert scope().names_other_cancer_sign(
        "what dose of Prolia is normal for my mom's osteoporosis, she's never had cancer"
    )
    assert not scope().names_other_cancer_sign(
        "she's never had cancer before, now it's stage 4 in her bones, what is Xgeva for"
    )
    assert not scope().names_other_cancer_sign(
        "my husband has never had cancer but is struggling with my chemo"
    )
    # a pet is no sign of another subject: "the puppy scratched my port" is a port question
    assert ask("my port area is red since the puppy scratched it").answers


def test_an_earlier_stage_a_symptom_diary_and_reconstruction_are_in_scope():
    for question in (
        "I was stage 2, now its in my bones, do they officially change my stage",
        "what should I put in a symptom diary",
        "red patch spreading across my reconstructed side, two rounds of antibiotics did nothing",
    ):
        assert scope().covers(question), question


def test_the_chest_wall_and_who_decides_for_me_are_answered():
    sore = ask("open sore on my chest wall that keeps oozing and smells, what do people put on it")
    assert sore.answers[0].article == "lymph-nodes-chest-wall-and-skin"
    decide = ask("If I end up in the hospital and can't talk, who can make decisions for me?")
    assert decide.answers[0].article == "advance-care-planning"


def test_a_cruise_is_travel():
    top = ask("cruise with bone mets, walking long distances is hard now", top=3)
    assert any(a.article == "travel-with-mbc" for a in top.answers)
