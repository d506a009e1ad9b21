"""Tenth-session library mechanisms (issue 15): a choice of what to do now ("do I go to the ER
or wait?") is no comparison of two things; an urgency question searches the story at full
weight; "drive her in" asks how urgent; "can <drug> do that?" asks for a cause; the names of a
boss at work."""

from mbcnav.library.answer import ask
from mbcnav.library.understand import comparison, understand

from .test_library_session9 import _types


def test_a_choice_of_what_to_do_now_compares_nothing():
    assert comparison("Do I go to the ER or wait until Monday morning?") == ()
    assert comparison("should we take her in or call the nurse line?") == ()
    assert comparison("verzenio or ibrance, which is better?") == ("verzenio", "ibrance")


def test_driving_someone_in_asks_how_urgent():
    assert "urgent" in _types("Should I drive her in?")
    assert "urgent" in _types("do we bring him to the hospital tonight")
    assert "urgent" not in _types("can I drive after my infusion")


def test_can_a_drug_do_that_asks_for_a_cause():
    assert "caused by" in _types("can keytruda really do that this many months in?")
    assert "caused by" not in _types("can I do yoga on chemo")


def test_an_urgency_question_is_answered_from_the_symptoms_told_before_it():
    question = (
        "Mets at T10 and L2. Since yesterday my legs feel heavy and pins and needles and I nearly "
        "fell going downstairs. It's Sunday and the clinic is closed. Do I go to the ER or wait "
        "until Monday morning?"
    )
    reading = understand(question)
    assert reading.shape != "compare"
    top = [a.heading for a in ask(question, top=3).answers]
    assert any("spinal cord" in h or "bone symptoms" in h for h in top)
    assert "fever" not in top[0]


def test_a_principal_or_a_manager_is_the_employer():
    top = ask(
        "I teach 3rd grade and need every fourth Friday off for my shot. Can my principal refuse?",
        top=3,
    )
    assert any(a.article == "work-and-disability" for a in top.answers)


def test_a_misspelt_drug_name_is_read_as_the_drug():
    from mbcnav.library.vocabulary import synonyms

    said = synonyms().correct("Day 9 on Verzinio, mom on kisquali, enhurtu lung signs")
    assert "verzenio" in said and "kisqali" in said and "enhertu" in said
    # English words and short words stay as typed
    assert synonyms().correct("taking a walk before tea") == "taking a walk before tea"


def test_where_asks_for_a_place():
    assert "where" in _types("triple negative mets usually go where first")
    assert "where" not in _types("what is a line of therapy")


def test_a_choice_between_two_drugs_still_compares():
    # review: "take" is a choice of what to do only as "take her in"
    assert comparison("Should I take tamoxifen or letrozole?")[1] == "letrozole"
    assert comparison("Should we go with Kisqali or Ibrance?")[1] == "Ibrance"
    assert "caused by" not in _types("can I do that while on chemo?")
    assert "caused by" not in _types("could we do this at home?")
