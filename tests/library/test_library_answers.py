"""Answers of the kind asked, on the bundled library: stories, comparisons, lists, scope, speed paths."""

import numpy as np
import pytest

from mbcnav.library import ask
from mbcnav.library.index import get_index
from mbcnav.library.scope import scope
from mbcnav.library.shapes import answering_sentence, lists_things, shape_factor


def test_a_long_story_is_answered_from_what_is_asked():
    result = ask(
        "My husband and I have been married 30 years and he drives me to every appointment. "
        "I started letrozole in March and my knees and hands are stiff every morning. "
        "Is there anything that helps with the joint pain?"
    )
    assert result.confident and result.answers
    assert "joint" in result.answers[0].text.lower()


def test_where_question_gets_the_passage_that_lists_places_not_the_overview():
    first = ask("where does it usually spread?").answers[0]
    assert first.heading == "Where does breast cancer most often spread?"
    assert "bones" in first.sentence.lower()


def test_comparison_answers_both_sides():
    result = ask("is palliative care the same as hospice?")
    text = " ".join(a.text.lower() for a in result.answers[:2])
    assert "palliative" in text and "hospice" in text


def test_off_topic_gets_where_to_look_and_no_passage():
    result = ask("how do I renew my passport")
    assert result.answers == [] and "1-800-4-CANCER" in result.message


def test_another_cancer_is_off_topic_but_a_breast_cancer_site_is_not():
    assert not scope().covers("symptoms of prostate cancer")
    assert scope().covers("does that mean I have liver cancer now, my oncologist says metastatic")
    assert scope().covers("what is Ibrance")


def test_an_mbc_question_the_library_cannot_answer_still_gets_the_nearest_passages():
    result = ask("is there a vaccine against metastatic breast cancer cells in the lymph system")
    assert result.answers, "an in-scope question must never be left with nothing"
    if not result.confident:
        assert "nearest" in result.message and result.as_json()["answers"] == []


def test_answering_sentence_prefers_the_sentence_with_the_question_words():
    text = (
        "Some intro words here about many other things that do not answer. "
        "Bones are the most common place for breast cancer to spread, in almost every study of it. "
        "Then other places follow."
    )
    assert answering_sentence(text, {"bone": 2.0, "common": 1.0}).startswith("Bones are")


def test_a_short_answering_sentence_comes_with_the_next_one():
    text = "Intro words. Bones are the most common place. The lungs are next."
    assert (
        answering_sentence(text, {"bone": 2.0})
        == "Bones are the most common place. The lungs are next."
    )


def test_number_questions_prefer_sentences_with_numbers():
    text = "Survival has improved over time. About 1 in 3 women live five years or more."
    assert answering_sentence(text, {"surviv": 1.0, "live": 1.0}, "number").startswith(
        "About 1 in 3"
    )


def test_lists_are_recognised():
    assert lists_things("", "The lungs, liver, brain, and bones are common.")
    assert lists_things("- a\n- b\n- c\n", "a b c")
    assert not lists_things("", "The bones are the most common place.")


def test_shape_factor_damps_intros_and_favours_lists_for_list_questions():
    index = get_index()
    plain, listing = shape_factor(index, "other"), shape_factor(index, "list")
    intro = np.array([s.position == 0 for s in index.sections])
    assert (plain[intro] < 1.0).all() and (plain[~intro] == 1.0).all()
    assert (listing >= plain).all() and (listing > plain).any()


def test_named_drug_wins():
    first = ask("trodelvy for triple negative").answers[0]
    assert "sacituzumab" in first.text.lower()


@pytest.mark.parametrize(
    "question", ["what is T-DXd", "SG for TNBC", "water on the lungs from cancer"]
)
def test_abbreviations_and_lay_words_find_an_answer(question):
    assert ask(question).answers


def test_my_treatment_is_read_as_the_persons_current_drugs():
    from mbcnav.library.answer import Profile, with_my_drugs

    me = Profile(drugs=("abemaciclib", "letrozole"))
    assert with_my_drugs("what are the side effects of my treatment?", me).endswith(
        "(abemaciclib, letrozole)"
    )
    assert with_my_drugs("side effects of Kisqali", me) == "side effects of Kisqali"
    assert with_my_drugs("what are the side effects of my treatment?", Profile()) == (
        "what are the side effects of my treatment?"
    )
    first = ask("what are the side effects of my treatment?", patient=me).answers[0]
    assert "abemaciclib" in first.text.lower() or "cdk4/6" in first.text.lower()


@pytest.mark.parametrize(
    "question, article, words",
    [
        ("can I get the covid vaccine while on chemo", "side-effects", "COVID-19"),
        ("does marijuana help chemo nausea", "side-effects", "dronabinol"),
        ("is grapefruit ok with ibrance", "targeted-therapy", "grapefruit"),
        ("keto diet to starve cancer?", "nutrition-and-exercise", "keto"),
        ("how long do I stay on zometa", "bone-health", "12 weeks"),
        ("who pays for palliative care", "palliative-care-and-hospice", "Medicare Part B"),
        ("do I need a will and a guardian for my kids", "advance-care-planning", "guardian"),
        ("does acupuncture help hot flashes", "side-effects", "Acupuncture"),
    ],
)
def test_lib21_gaps_people_ask_about_are_answered(question, article, words):
    result = ask(question)
    assert result.confident and result.answers[0].article == article
    assert words in result.answers[0].text
