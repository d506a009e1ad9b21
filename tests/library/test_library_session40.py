"""Fortieth session (issue 15): read from the tuning set 84 (off-topic questions answered: a
relative's other cancer, a relative's possible first cancer, extended early treatment). Each test
is checked both ways."""

from mbcnav.library.answer import ask
from mbcnav.library.other_people import writer_own
from mbcnav.library.scope import scope


def _first(q: str) -> str:
    answers = ask(q).answers
    return f"{answers[0].article}#{answers[0].url.split('#')[-1]}" if answers else ""


def test_a_relative_named_right_before_another_cancer_owns_it():
    # the "'s" is lost in reading ("dad's prostate cancer" is read "dad prostate cancer")
    q = "wife's ovarian cancer spread to her belly lining, on carboplatin. what should we expect?"
    assert scope().owns_other_cancer(q, q)
    assert not ask(q).answers
    # ... not the writer's own MBC told beside a relative's past cancer
    q = "My husband had colon cancer years ago; my breast cancer is now in my liver, what are my options?"
    assert _first(q).startswith("liver-metastases#")


def test_a_relatives_other_cancer_now_is_the_subject_when_the_writer_says_nothing_of_their_own():
    q = "my uncle has mesothelioma and is on chemo now. what is the survival?"
    assert not ask(q).answers
    # ... not a relative's past cancer beside a question the library covers
    assert ask(
        "my sister had ovarian cancer years ago. how often should tumor markers be checked?"
    ).answers
    # ... nor the writer's own MBC told beside it
    q = "my sister has lung cancer and I have mbc in my bones, what is the survival for me?"
    assert _first(q).startswith("survival-numbers#")


def test_writer_own_words_are_not_a_relatives():
    assert writer_own(" my scan showed a spot ")
    assert writer_own(" im on letrozole ")
    assert not writer_own(" my 14 year old son has a lump ")
    assert not writer_own(" my mother in law has lung cancer ")


def test_leukemias_by_their_short_names_are_other_cancers():
    q = "my father has CML and takes a daily pill, what is the outlook?"
    assert scope().names_other_cancer(q)
    assert not ask(q).answers
    # ... a word that only contains the letters is no cancer ("amlodipine")
    assert not scope().names_other_cancer("is amlodipine ok with letrozole")


def test_a_relatives_possible_first_cancer_is_for_their_own_doctor():
    for q in (
        "my niece found a hard lump in her breast, could it be cancer?",
        "neighbor got called back after her mammogram, what are the odds it is cancer",
    ):
        assert scope().other_subject(q), q
        assert not ask(q).answers, q
    # ... not a relative who has breast cancer, nor the writer's own finding
    for q in (
        "my wife has breast cancer in her bones and found a new lump in her neck, could it be cancer?",
        "I found a new lump near my scar, could it be cancer?",
        "my mom had breast cancer 10 years ago and now has a lump in her armpit, could it be cancer?",
    ):
        assert not scope().other_subject(q), q
        assert ask(q).answers, q


def test_a_longer_early_hormone_therapy_weighed_is_early_breast_cancer():
    q = "stage 2 node negative, done with 5 years of anastrozole, should I extend to 10 years?"
    assert scope().other_subject(q)
    assert not ask(q).answers
    # ... not once the cancer has spread
    q = "stage 2 in 2015, now in my bones, should I go to 10 years on letrozole?"
    assert not scope().other_subject(q)
    assert ask(q).answers


def test_anger_and_cannabis_in_lay_words():
    assert _first("is it normal to feel so furious since my diagnosis").startswith(
        "living-with-mbc#how-can-i-handle-the-feelings"
    )
    assert _first("can I smoke weed on chemo for the nausea").startswith(
        "side-effects#can-cannabis-marijuana-help-with-nausea"
    )
    # ... a skin word that looks like them stays with its own passage
    assert not _first("my skin is irritated and peeling from radiation").startswith(
        "living-with-mbc#"
    )


def test_review_a_carer_asking_if_a_symptom_is_the_cancer_is_answered():
    # first review: "could it be the cancer?" about a symptom is no question about a first cancer
    for q in (
        "my mom has been so confused this week, could it be the cancer? what should we do",
        "my sister keeps throwing up and has a bad headache, could it be the cancer?",
    ):
        assert ask(q).answers
    # ... nor a new lump in a relative whose breast cancer is known or treated
    for q in (
        "my moms breast cancer was treated in 2018 and now she has a lump on her rib, could it be cancer?",
        "mom is in hospice for breast cancer and has a new lump on her neck, could that be cancer",
        "my sister had a mastectomy 4 yrs back, now a lump near the scar. could it be cancer?",
    ):
        assert ask(q).answers
    # the other way: a relative's first finding stays out
    assert not ask("my friend has a lump in her breast, could it be cancer?").answers


def test_a_headache_with_vomiting_told_now_leads_to_the_brain_symptoms_passage():
    # held-out set 85 (read after it was measured) and tuning set 84: morning headaches and
    # vomiting on HER2 treatment, asked whether it can wait
    q = (
        "My wife is HER2+ and has been on Phesgo for 6 years. For two weeks she's had a headache "
        "every single morning and today she threw up before breakfast. Can this wait until Monday?"
    )
    assert _first(q) == "emergencies#what-brain-symptoms-need-fast-care"
    # the other way: each sign said of the past, or asked about in general, is no pair told now
    q = "I get headaches from the letrozole sometimes, and last year I threw up from chemo"
    assert not _first(q).startswith("emergencies#")
