"""Eleventh-session readings of typed words (issues 20 and 14): a denial after a hedge ("to be
clear"), while "no" with a place or a contrast stays a report; diarrhoea said as trips to the
toilet, "not had a wee", new confusion in a relative's words, and a drug name written without the
label's comma."""

from mbcnav.patient.checkin import readings
from mbcnav.patient.drugs import drug_table
from mbcnav.patient.negation import negated


def _terms(text: str) -> list[str]:
    return [term for term, _ in readings(text)[0]]


def test_a_no_with_a_place_or_a_contrast_stays_a_report():
    # a review of the change: judging such a denial on the term alone lost real reports
    assert not negated("no stopping the bleeding from my port")
    assert not negated("no pain other than in my lower back")
    assert not negated("no weakness in my right arm, but the left is heavy and numb")


def test_a_hedge_or_a_joining_word_before_a_denial_is_still_a_denial():
    assert negated("to be clear I'm not suicidal")
    assert negated("and no chest pain")
    # a denial that goes on to name a method is not one
    assert not negated("not suicidal but have thought about pills")


def test_trips_to_the_toilet_are_diarrhea():
    assert _terms("been on and off the toilet all night, 9 or 10 times")[0] == "diarrhea"
    assert "diarrhea" not in _terms("up at night to pee a lot")
    assert "diarrhea" not in _terms("running to the toilet to wee every hour and it burns")


def test_not_had_a_wee_is_not_passing_urine():
    assert _terms("not had a wee since 10 last night")[0] == "unable to pass urine"


def test_new_confusion_in_a_relatives_words():
    assert "confusion" in _terms("my husband says I keep repeating myself")
    assert "confusion" in _terms("mum keeps repeating herself since yesterday")
    assert "confusion" not in _terms("the kids keep asking the same questions, feeling low")


def test_a_drug_name_without_the_serial_comma_is_the_same_drug():
    table = drug_table()
    one = table.lookup("pertuzumab, trastuzumab and hyaluronidase")
    assert one is not None and one is table.lookup("Phesgo")
    assert table.lookup("trastuzumab").name == "trastuzumab"
