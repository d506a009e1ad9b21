"""Thirty-seventh session (issue 15): question shapes read from the tuning set 78 and the first
review. Each test is checked both ways."""

from mbcnav.library.answer import ask
from mbcnav.library.understand import comparison


def _first(q: str) -> str:
    answers = ask(q).answers
    return answers[0].article if answers else ""


def test_is_x_and_y_the_same_compares_x_and_y():
    assert comparison("is stage 4 and metastatic the same or is stage 4 worse") == (
        "stage 4",
        "metastatic",
    )
    assert comparison("are xeloda and capecitabine the same thing?") == ("xeloda", "capecitabine")
    assert _first("is stage 4 and metastatic the same or is stage 4 worse") == "what-is-mbc"


def test_the_same_day_or_a_can_i_frame_is_no_comparison():
    for q in (
        "Is it ok to have radiotherapy and chemo the same day?",
        "Is it safe to take letrozole and vitamin D at the same time?",
        "Are my blood counts and liver tests the same as last time?",
        "is it ok if my morning and evening doses are different",
    ):
        assert comparison(q) == (), q
    assert (
        _first("Is it ok to have radiotherapy and chemo the same day?") == "radiation-and-surgery"
    )


def test_a_money_question_is_about_money_whatever_medicine_it_names():
    assert _first("verzenio costs too much, does lilly have a program") == "costs-and-insurance"
    # a question about the medicine itself keeps its focus on the medicine
    from mbcnav.library.qtypes import drug_is_context

    assert drug_is_context("is kisqali covered by medicare part d")
    assert not drug_is_context("what is verzenio and how does it work")
    assert _first("can verzenio cause diarrhea") == "side-effects"


def test_a_same_test_or_medicine_is_a_comparison_and_a_skin_covered_in_a_rash_is_no_cost():
    assert comparison("is the oncotype and mammaprint the same test?") == ("oncotype", "mammaprint")
    from mbcnav.library.qtypes import drug_is_context

    assert not drug_is_context(
        "my skin is covered in a rash since starting verzenio, is that normal"
    )


def test_a_fever_read_as_a_number_asked_whether_it_can_wait_gets_the_emergency_passage_first():
    from mbcnav.library.emergency_signs import emergency_sign

    q = "skin around my port red and puffy and temp 100.8, ER or wait til morning?"
    assert emergency_sign(q) == "fever"
    assert _first(q) == "emergencies"
    assert emergency_sign("temp 38.4 since lunch on xeloda") == "fever"
    # a normal reading, a fever that passed, a denial
    for q in (
        "no fever, temp 36.8",
        "my temp was 38.5 last week but fine now",
        "I ran 10 miles at 100 degrees heat",
    ):
        assert emergency_sign(q) is None, q


def test_last_review_a_fever_read_now_is_answered_and_a_decimal_sentence_still_splits():
    from mbcnav.library.emergency_signs import emergency_sign

    assert emergency_sign(
        "My oncologist said she might lower my ibrance to 100. I have crushing chest pain"
    )
    assert _first("my temp is 38.9 and I feel fine, can it wait till Monday?") == "emergencies"
    for q in (
        "bath temperature is 40 degrees",
        "fever of 38.6 three days ago",
        "38 weeks pregnant, temp normal",
    ):
        assert emergency_sign(q) is None, q


def test_a_childs_fever_is_still_off_topic():
    assert not ask("my toddler has a fever of 102, can I give her tylenol").answers
