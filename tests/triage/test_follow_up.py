"""Follow-up questions for unread words (triage/follow_up.py, data/follow_up.yaml; hazard H45)."""

from __future__ import annotations

from datetime import date

import pytest

from mbcnav.patient import parse
from mbcnav.triage import triage
from mbcnav.triage.errors import TriageError
from mbcnav.triage.follow_up import (
    answers,
    load_questions,
    parse_questions,
    questions_for,
    unread_words,
)

DAY = date(2026, 12, 2)
RANK = {"none": 1, "routine": 2, "urgent": 3, "emergency": 4}


def _patient(*entries):
    return parse({"format": "mbcnav-patient/1", "symptoms": list(entries)})


def _unread(words="my thingy feels weird", severity="moderate"):
    return {
        "date": DAY.isoformat(),
        "symptom": "other symptom",
        "severity": severity,
        "note": words,
    }


@pytest.mark.parametrize("question", load_questions(), ids=lambda q: q.name)
def test_a_yes_reaches_at_least_its_level_with_nothing_else_known(question):
    patient = _patient(_unread(), *answers([question.name], DAY))
    assert RANK[triage(patient, DAY).level] >= RANK[question.at_least]


@pytest.mark.parametrize("question", load_questions(), ids=lambda q: q.name)
def test_every_question_is_sourced_and_dated(question):
    assert question.sources and all(s.url.startswith("https://") for s in question.sources)
    assert question.as_of >= date(2026, 12, 1)


def test_unread_words_below_emergency_get_the_questions():
    patient = _patient(_unread("my thingy feels weird"))
    result = triage(patient, DAY)
    assert result.level != "emergency"
    assert unread_words(patient, DAY) == ["my thingy feels weird"]
    assert questions_for(patient, DAY, result) == load_questions()


def test_no_questions_when_every_word_was_read_or_already_an_emergency():
    read = _patient({"date": DAY.isoformat(), "symptom": "nausea", "severity": "mild"})
    assert questions_for(read, DAY, triage(read, DAY)) == ()
    emergency = _patient(
        _unread(), {"date": DAY.isoformat(), "symptom": "chest pain", "severity": "severe"}
    )
    result = triage(emergency, DAY)
    assert result.level == "emergency"
    assert questions_for(emergency, DAY, result) == ()


def test_nothing_to_report_asks_nothing():
    patient = _patient(_unread("all good today", severity="none"))
    assert unread_words(patient, DAY) == []
    assert questions_for(patient, DAY, triage(patient, DAY)) == ()


def test_an_old_check_in_is_not_asked_about_on_another_day():
    patient = _patient(_unread())
    later = date(2026, 12, 9)
    assert questions_for(patient, later, triage(patient, later)) == ()


def test_answers_are_entries_of_the_day_marked_as_answers_and_each_once():
    out = answers(["suicidal-thoughts", "suicidal-thoughts"], DAY)
    assert len(out) == 1
    assert out[0]["symptom"] == "suicidal thoughts" and out[0]["date"] == "2026-12-02"
    assert out[0]["note"].startswith("answered yes to: Thoughts of ending your life")


def test_an_unknown_answer_is_one_sentence():
    with pytest.raises(TriageError, match="'bogus' is not one of the follow-up questions"):
        answers(["bogus"], DAY)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "questions: [{name: a, ask: b, adds: [{symptom: fever}], at_least: soon, sources: [], as_of: 2026-12-03}]",
            "'at_least': 'soon' is not allowed",
        ),
        (
            "questions: [{name: a, ask: b, adds: [{symptom: toe ache}], at_least: urgent, sources: [], as_of: 2026-12-03}]",
            "'toe ache' is not a symptom",
        ),
        (
            "questions: [{name: a, ask: b, adds: [{symptom: fever}], at_least: urgent, sources: [], as_of: 2026-12-03}]",
            "give at least one source",
        ),
        (
            "questions: [{name: a, ask: b, adds: [{symptom: fever}], at_least: urgent, as_of: 2026-12-03}]",
            "'sources': it is missing",
        ),
    ],
)
def test_a_broken_questions_file_names_the_question_and_field(text, message):
    with pytest.raises(TriageError, match=message):
        parse_questions(text)
