"""Issue 20, session 31: a typed entry that only asks a question about care goes to the team as a
question (routine), read as a whitelist of every word (data/care_questions.yaml, H168). One word
outside the lists keeps it an unread symptom, so these tests hold both sides."""

from datetime import date

import pytest
import yaml

from mbcnav.patient import vocabulary, wellness
from mbcnav.patient.checkin import own_words_all
from mbcnav.patient.fileformat import parse
from mbcnav.triage import care_questions, triage
from mbcnav.triage.errors import TriageError
from mbcnav.triage.rule import load_rules

DAY = date(2026, 11, 20)


def _entry(text: str, **more):
    p = parse(
        {
            "format": "mbcnav-patient/1",
            "symptoms": own_words_all([{"date": DAY.isoformat(), "symptom": text, **more}]),
        }
    )
    return p


def _level(text: str, **more) -> str:
    return triage(_entry(text, **more), DAY).level


def _rules(text: str) -> set[str]:
    return {r.rule for r in triage(_entry(text), DAY).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "can i have my flu jab and the covid booster at the chemist this week? im on palbociclib",
        "running low on letrozole, about 5 left. could someone send a repeat to my usual "
        "pharmacy before wednesday? thank you",
        "i have a dental appointment on the 15th for a filling. do i need to tell the dentist "
        "about the zoledronic acid? no mouth pain or loose teeth",
        "we are flying to Crete in May, can I get a letter for my travel insurance?",
        "is it ok to have a glass of wine with kisqali at my daughters wedding?",
        # a request is asked too (held-out set 69, read after it was measured)
        "running low on letrozole, 6 left. can you send the prescription to the usual pharmacy please",
        "can i have my flu jab in my week off palbociclib?",
    ],
)
def test_a_question_about_care_goes_to_the_team(text):
    assert _level(text) == "routine"
    assert _rules(text) == {"question-for-team"}


@pytest.mark.parametrize(
    "text",
    [
        # a symptom, a body part or a feeling of being unwell beside the question
        "can i have my flu jab this week? my arm is still swollen from the last one",
        "should i still go to my dental appointment, my jaw aches",
        "is it ok to fly next week? i get a bit breathless on the stairs",
        # a fall, a dose taken twice, something wrong: the words that tell of it are not listed
        "i had a fall, should i tell the clinic?",
        "i took two doses of capecitabine by mistake this morning, what should i do?",
        "my dog ate one of my tablets, should i call someone?",
        "whats wrong with me?",
        "is this normal?",
        # an unknown word keeps the entry unread
        "can i have my flu jab? feeling grotty",
    ],
)
def test_anything_else_in_the_words_keeps_it_unread(text):
    entry = _entry(text).symptoms[-1]
    assert not care_questions.only_asks(entry), text


@pytest.mark.parametrize(
    "text",
    [
        "can i have my flu jab this week? my arm is still swollen from the last one",
        "i had a fall, should i tell the clinic?",
        "i took two doses of capecitabine by mistake this morning, what should i do?",
    ],
)
def test_those_still_reach_the_24_hour_line(text):
    assert _level(text) in ("urgent", "emergency")


def test_no_question_no_severity_no_numbers():
    # no question asked: a request that asks nothing stays an unread entry
    assert not care_questions.only_asks(
        _entry("send a repeat of my letrozole to the chemist").symptoms[-1]
    )
    # a severity chosen by the person is a report, not a question
    entry = _entry("can i have my flu jab this week?", severity="severe").symptoms[-1]
    assert not care_questions.only_asks(entry)
    entry = _entry("can i have my flu jab this week?", count_per_day=7).symptoms[-1]
    assert not care_questions.only_asks(entry)


def test_no_listed_word_is_a_symptom_or_a_complaint():
    data = yaml.safe_load(
        (care_questions.resources.files("mbcnav.triage") / "data" / care_questions.FILE).read_text()
    )
    for key in ("words", "care_time", "care_words", "care_people"):
        for word in data[key]:
            assert vocabulary.normalise_symptom(str(word)) is None, word
            assert str(word) not in wellness.COMPLAINT, word


def test_the_data_file_is_validated():
    good = {
        "as_of": "2026-12-06",
        "sources": [
            {"publisher": "p", "title": "t", "url": "https://example.org", "read": "2026-12-06"}
        ],
        "phrases": ["flu jab"],
        "words": ["can"],
        "care_time": ["today"],
        "care_people": ["nurse"],
        "care_words": ["dentist"],
    }
    words, phrases, topics = care_questions.parse(good)
    assert {"can", "today", "dentist"} <= words and phrases == ("flu jab",)
    assert "dentist" in topics and "nurse" not in topics
    with pytest.raises(TriageError, match="one lower-case word"):
        care_questions.parse({**good, "words": [True]})
    with pytest.raises(TriageError, match="two or more"):
        care_questions.parse({**good, "phrases": ["jab"]})
    with pytest.raises(TriageError, match="source"):
        care_questions.parse({**good, "sources": [{"publisher": "p"}]})


@pytest.mark.parametrize(
    "text",
    [
        # made only of listed words, yet a rule or the semantic net hears more (review)
        "how many of my morphine tablets would it take?",
        "the kids got into my meds, should i call someone?",
        "my Sats are 86, should i call someone?",
        "my Pulse is 150, should i call?",
    ],
)
def test_every_other_rule_still_reads_a_question(text):
    assert _level(text) == "emergency", text
    assert load_rules()  # the rules load with the new file beside them


@pytest.mark.parametrize(
    "text",
    [
        # the review's inputs: a capital that is no place, a plea with no content, an emergency
        # number, listed words that together tell of a symptom, a count of doses or times
        "should i go to the ER now?",
        "should i go to A&E tonight?",
        "can i fly next week with my DVT?",
        "is it ok to go to work, my Husband has Covid?",
        "what do i do?",
        "please can someone call me now?",
        "should i call 911?",
        "i was out of it all day, should i call the team?",
        "i went over, should i tell the team?",
        "im really low, can someone call me?",
        "i had two doses of capecitabine this morning, what should i do?",
        "i have been going 6 times today, is that ok on capecitabine?",
    ],
)
def test_the_reviews_inputs_stay_off_the_question_route(text):
    assert not care_questions.only_asks(_entry(text).symptoms[-1]), text


@pytest.mark.parametrize(
    "text, level",
    [
        # final review: a medicine run out days ago, more of a pain medicine than planned
        ("i ran out of my apixaban 3 days ago, can i get a repeat?", "urgent"),
        ("should i take more morphine?", "urgent"),
        # the semantic net alone does not decide a care question (refills, packing tablets)
        ("im running low on my pills, can i get more?", "routine"),
        ("how many tablets can i take with me on the plane?", "routine"),
        # last review: "please" asks, but "can not walk" and a plea to be called are no care
        # questions
        ("please call me, i can not walk since yesterday", "emergency"),
        ("please can the nurse call, i can not have any food or tea since monday", "urgent"),
        ("can you ask the doctor to call me please", "urgent"),
        ("can you send the doctor to my home please", "urgent"),
    ],
)
def test_the_final_reviews_inputs(text, level):
    assert _level(text) == level, text
