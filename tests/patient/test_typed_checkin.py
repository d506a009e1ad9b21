"""A check-in typed in the person's own words is never refused and never drops a symptom;
a patient file still refuses an unknown coded name (docs/patient-file.md, issue 20)."""

import pytest

from mbcnav.patient import PatientFileError, parse
from mbcnav.patient.checkin import own_words, read_typed, words_of
from mbcnav.patient.negation import negated

DAY = "2026-11-20"


def terms(text, **fields):
    return [e["symptom"] for e in read_typed({"date": DAY, "symptom": text, **fields})]


def test_words_the_vocabulary_cannot_read_become_other_symptom_with_the_words():
    (entry,) = read_typed({"date": DAY, "symptom": "everything feels far away", "severity": "mild"})
    assert entry["symptom"] == "other symptom" and entry["severity"] == "mild"
    assert words_of(entry["note"]) == "everything feels far away"
    patient = parse({"format": "mbcnav-patient/1", "symptoms": [entry]})
    assert patient.symptoms[0].symptom == "other symptom"
    assert words_of(patient.symptoms[0].note) == "everything feels far away"


def test_a_patient_file_still_refuses_an_unknown_name():
    with pytest.raises(PatientFileError) as err:
        parse({"format": "mbcnav-patient/1", "symptoms": [{"date": DAY, "symptom": "grumpiness"}]})
    assert err.value.field == "symptoms[0].symptom"


def test_a_listed_word_is_kept_as_it_is():
    assert read_typed({"date": DAY, "symptom": "fever", "temperature_c": 38.2}) == [
        {"date": DAY, "symptom": "fever", "temperature_c": 38.2}
    ]


def test_each_symptom_named_in_one_phrase_becomes_an_entry_with_the_same_answers():
    entries = read_typed(
        {"date": DAY, "symptom": "fell and hit my head, now headache", "severity": "severe"}
    )
    assert [e["symptom"] for e in entries] == ["fall", "headache"]
    assert all(e["severity"] == "severe" and e["date"] == DAY for e in entries)


def test_numbers_stay_with_the_first_symptom_only():
    entries = read_typed(
        {"date": DAY, "symptom": "runny poop and cramps", "count_per_day": 5, "severity": "mild"}
    )
    assert entries[0]["count_per_day"] == 5
    assert all("count_per_day" not in e for e in entries[1:])


@pytest.mark.parametrize(
    "clause",
    [
        "no fever",
        "not dizzy",
        "denies chest pain",
        "no more pain",
        "no pain today",
        "not coughing blood or anything",
        "not dizzy or anything",
        "I am not suicidal",
        "not thinking of harming myself",
        "not planning to hurt myself",
        "no bleeding anywhere else",
    ],
)
def test_a_denial_is_not_a_symptom(clause):
    assert negated(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "no appetite",
        "cant pee",
        "no energy",
        "not eating",
        "not peeing anything",
        "not thinking straight",
        "not breathing properly",
    ],
)
def test_a_loss_written_with_no_is_still_a_symptom(clause):
    assert not negated(clause)


def test_denied_symptoms_are_left_out_of_a_phrase():
    assert terms("no fever but so tired") == ["fatigue"]
    assert terms("not dizzy, just a headache") == ["headache"]


def test_a_phrase_that_only_denies_is_recorded_as_absent():
    (entry,) = read_typed({"date": DAY, "symptom": "no fever"})
    assert entry["symptom"] == "fever" and entry["severity"] == "none"


def test_a_denial_with_a_severity_is_kept_as_reported():
    # "no fever" marked "moderate" contradicts itself: keep what was reported (err upwards)
    (entry,) = read_typed({"date": DAY, "symptom": "no fever", "severity": "moderate"})
    assert entry["severity"] == "moderate"


def test_own_words_keeps_other_fields_for_the_file_reader_to_check():
    entry = own_words({"date": DAY, "symptom": "wobbly", "severity": "awful"})
    with pytest.raises(PatientFileError) as err:
        parse({"format": "mbcnav-patient/1", "symptoms": [entry]})
    assert err.value.field == "symptoms[0].severity"


def test_long_words_are_cut():
    (entry,) = read_typed({"date": DAY, "symptom": "zz " * 1000})
    assert entry["symptom"] == "other symptom" and len(entry["note"]) <= 2000


def test_a_red_flag_late_in_a_long_message_is_still_read():
    routine = "Could you tell me when my next scan letter will come, and about parking? " * 4
    (first, *rest) = read_typed({"date": DAY, "symptom": routine + "I am coughing up blood."})
    assert "coughing up blood" in first["note"]


def test_severe_words_raise_an_open_severity_only():
    (entry,) = read_typed({"date": DAY, "symptom": "worst headache of my life"})
    assert entry["severity"] == "severe"
    (entry,) = read_typed({"date": DAY, "symptom": "awful headache", "severity": "mild"})
    assert entry["severity"] == "mild"  # the person's own answer wins


@pytest.mark.parametrize(
    "text, new",
    [
        ("sudden pain in my calf", True),
        ("cough since yesterday", True),
        ("cough, same as always", False),
        ("new cough, same as always otherwise", True),  # a new word wins: err upwards
        ("cough", None),
    ],
)
def test_onset_words_answer_new_when_it_was_not_asked(text, new):
    assert read_typed({"date": DAY, "symptom": text})[0].get("new") is new


@pytest.mark.parametrize(
    "text, field, value",
    [
        ("hot and clammy, 38.1", "temperature_c", 38.1),
        ("thermometer says 100.9", "temperature_f", 100.9),
        ("2 a day, imodium working", None, None),
        ("loose, 12 times today", None, None),
        ("pulse 102 and pounding", None, None),
        ("sugar reading 98", None, None),
    ],
)
def test_a_number_that_can_only_be_a_temperature_is_read_as_one(text, field, value):
    (entry,) = read_typed({"date": DAY, "symptom": text})
    temps = {k: entry[k] for k in ("temperature_c", "temperature_f") if k in entry}
    assert temps == ({field: value} if field else {})


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("had a fit", "seizure"),
        ("my right arm went weird and floppy for 10 min", "arm weakness"),
        ("legs went floppy", "leg weakness"),
        ("thinking of taking all my pills", "suicidal thoughts"),
        ("planning to swallow the whole bottle of tablets", "suicidal thoughts"),
        ("dark wee", "urine color change"),
    ],
)
def test_lay_words_for_red_flags_found_on_blind_set_4(typed, term):
    assert terms(typed)[0] == term


# ---- issue 20, round 4: what the words say about how often, how much, and "all is well"
def fields(text, **given):
    return [
        (e["symptom"], {k: v for k, v in e.items() if k not in ("date", "symptom", "note")})
        for e in read_typed({"date": DAY, "symptom": text, **given})
    ]


@pytest.mark.parametrize(
    ("text", "term", "count"),
    [
        ("10 watery poos today and dizzy", "diarrhea", 10),
        ("been sick 3 times today", "vomiting", 3),
        ("the runs, 4 or 5 times today", "diarrhea", 5),
        ("vomited twice", "vomiting", 2),
        ("loose stools six times since breakfast", "diarrhea", 6),
    ],
)
def test_a_number_of_times_in_the_words_is_the_count(text, term, count):
    got = dict(fields(text))
    assert got[term]["count_per_day"] == count


def test_a_count_goes_to_the_term_of_its_own_clause():
    got = dict(fields("vomited twice and 6 loose stools"))
    assert got["diarrhea"]["count_per_day"] == 6 and got["vomiting"]["count_per_day"] == 2


def test_a_count_never_comes_from_days_or_a_given_count():
    assert "count_per_day" not in dict(fields("the runs for 4 days"))["diarrhea"]
    assert dict(fields("8 watery stools", count_per_day=3))["diarrhea"]["count_per_day"] == 3


def test_words_that_stop_eating_or_walking_are_interference():
    assert dict(fields("mouth ulcers making it hard to eat"))["mouth sores"] == {
        "interference": "quite a bit"
    }
    assert "interference" not in dict(fields("mouth ulcers, eating fine"))["mouth sores"]


@pytest.mark.parametrize("text", ["feeling fine today, no problems", "all good, nothing new"])
def test_words_that_say_all_is_well_are_not_an_unknown_symptom(text):
    assert fields(text) == [("other symptom", {"severity": "none"})]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("fine but dizzy", "dizziness"),
        ("heart going like the clappers", "palpitations"),
        ("had a blackout", "fainting"),
        ("my wife says I'm talking rubbish", "confusion"),
        ("not myself, don't know what day it is", "confusion"),
        ("arm and face went numb", "weakness on one side"),
        ("keep being sick", "vomiting"),
        ("the squits", "diarrhea"),
        ("pooed myself without noticing", "loss of bowel control"),
        ("been cutting my arms", "self-harm"),
        ("nails are brittle", "nail ridges"),
    ],
)
def test_lay_words_read_as_their_term(text, term):
    assert fields(text)[0][0] == term


@pytest.mark.parametrize(
    "words, term",
    [
        ("out of puff just walking to the kitchen", "shortness of breath"),
        ("heart doing flip flops this evening", "palpitations"),
    ],
)
def test_lay_words_for_breathlessness_and_palpitations(words, term):
    assert term in [e["symptom"] for e in read_typed({"date": DAY, "symptom": words})]


def test_waking_at_an_hour_is_not_drowsiness():
    entries = read_typed({"date": DAY, "symptom": "cannot sleep well, wake at 3 every night"})
    assert "drowsiness" not in [e["symptom"] for e in entries]
    entries = read_typed({"date": DAY, "symptom": "so drowsy i cannot stay awake"})
    assert "drowsiness" in [e["symptom"] for e in entries]


def test_a_temperature_in_the_words_goes_with_the_fever_it_answers():
    entries = read_typed({"date": DAY, "symptom": "runny nose and sneezing, temp 98.4F"})
    fever = next(e for e in entries if e["symptom"] == "fever")
    assert fever["temperature_f"] == 98.4


@pytest.mark.parametrize(
    "text, term",
    [
        ("slipped on the bath mat and struck my head on the basin", "fall"),
        ("tripped on the stairs", "fall"),
        ("a grey curtain came down over my right eye", "sudden vision loss"),
        ("flashes in my left eye since lunch", "sudden vision loss"),
        ("food sticks and it burns going down", "difficulty swallowing"),
    ],
)
def test_more_ways_to_say_a_warning_sign(text, term):
    assert terms(text)[0] == term


def test_the_highest_temperature_the_words_give_counts():
    # a fever medicine can hide a fever: "38.4, took paracetamol, now 37.4" with 37.4 entered
    (entry,) = read_typed(
        {
            "date": DAY,
            "symptom": "temp 38.4 at 9pm, took paracetamol, now 37.4",
            "temperature_c": 37.4,
        }
    )
    assert entry["temperature_c"] == 38.4
    (entry,) = read_typed({"date": DAY, "symptom": "fever, 101.2 earlier", "temperature_f": 99.0})
    assert entry["temperature_f"] == 101.2
    (entry,) = read_typed(
        {"date": DAY, "symptom": "fever, 37.9 this morning", "temperature_c": 38.6}
    )
    assert entry["temperature_c"] == 38.6  # a lower number in the words changes nothing


@pytest.mark.parametrize(
    "text, expected",
    [
        ("SOB on stairs, worse this week", ["shortness of breath"]),
        ("cant do the stairs in one go", ["other symptom"]),
        ("bruises where I inject, no other bleeding", ["bruising"]),
    ],
)
def test_abbreviations_a_noun_go_and_other(text, expected):
    assert terms(text) == expected


def test_a_sleeve_that_still_fits_is_no_seizure():
    assert "seizure" not in terms("arm feels heavier, not red, sleeve still fits")
    assert terms("she had two fits this morning")[0] == "seizure"


# ---------------------------------------------------------------- fifth session (issue 20)
@pytest.mark.parametrize(
    "text, absent",
    [
        # keyword words in different sentences, or far apart, are not one phrase
        (
            "I take it with my porridge. Not being sick, eating normally, weight steady",
            "trouble walking",
        ),
        (
            "on steroid days my brain will not switch off, I lie there buzzing till the early hours",
            "ringing in ears",
        ),
        (
            "on steroid days my brain will not switch off, I lie there buzzing till the early hours",
            "hallucinations",
        ),
    ],
)
def test_keywords_are_read_within_one_sentence_and_near_each_other(text, absent):
    assert absent not in terms(text)


def test_keywords_close_together_still_read():
    assert "trouble walking" in terms("I cant put any weight on my left leg")
    assert "hallucinations" in terms("seeing people that are not there")


@pytest.mark.parametrize(
    "clause",
    [
        "wee is a normal colour",
        "not been sick",
        "not had a fever",
        "I'm not having any thoughts of harming myself",
    ],
)
def test_denials_after_the_symptom_and_after_a_have_word(clause):
    assert negated(clause)


@pytest.mark.parametrize(
    "clause",
    ["not had a poo", "never had a fit before", "my breathing is not fine", "not been eating"],
)
def test_reports_that_look_like_denials_stay_reports(clause):
    assert not negated(clause)


def test_sick_a_number_of_times_is_vomiting():
    assert "vomiting" in terms("sick three times today even with the tablets")


def test_words_that_stop_self_care_read_as_grade_3_interference():
    entry = read_typed(
        {
            "date": "2026-12-01",
            "symptom": "pins and needles in my fingers, I cant do up buttons now",
            "severity": "moderate",
        }
    )
    assert entry[0]["interference"] == "very much"


def test_a_temperature_written_in_words_is_read():
    first = read_typed({"symptom": "temp thirty eight point six and shivery"})[0]
    assert first["symptom"] == "fever" and first["temperature_c"] == 38.6


@pytest.mark.parametrize("typed", ["im forty years old and so tired", "so tired, down to 40 kg"])
def test_an_age_or_a_weight_is_no_temperature(typed):
    assert all("temperature_c" not in e for e in read_typed({"symptom": typed}))


def test_hands_that_drop_things_read_as_grade_3_interference():
    found = read_typed({"symptom": "fingertips numb and dropped my fork twice at dinner"})
    assert {e["interference"] for e in found} == {"very much"}


def test_words_that_must_follow_each_other_are_read_only_in_a_row():
    from mbcnav.patient import vocabulary as v

    assert v.normalise_symptom("they would all be better off without me")[0] == "suicidal thoughts"
    assert v.normalise_symptom("tired, need a nap, better in my week off")[0] == "fatigue"


@pytest.mark.parametrize(
    "typed", ["I'm thirty six and temp is 38.5", "temp 37 earlier now 38.5, shivery"]
)
def test_the_highest_temperature_in_the_words_counts(typed):
    assert read_typed({"symptom": typed})[0]["temperature_c"] == 38.5
