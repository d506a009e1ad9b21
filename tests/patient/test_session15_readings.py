"""Fifteenth-session readings (issues 20 and 14), from tuning triage set 36 and trial set 36: a
denial said inside a frame of saying ("I want to be clear I'm not thinking of hurting myself or
anything like that") is a denial; a temperature ending a sentence ("temp 36.8.") is read; and
report lines that write a gene's copy loss as "deletion" ("MTAP deletion") or an exon change
("EGFR exon 19 deletion") are read, not refused."""

import pytest

from mbcnav.patient import markers
from mbcnav.patient.answers import answers
from mbcnav.patient.negation import negated


@pytest.mark.parametrize(
    "clause",
    [
        "i want to be clear im not thinking of hurting myself or anything like that",
        "i should say i have no fever",
        "just to let you know she is not dizzy",
    ],
)
def test_a_denial_inside_a_frame_of_saying_is_a_denial(clause):
    assert negated(clause)


@pytest.mark.parametrize(
    "clause",
    [
        # review: wishes and regrets are no frame of saying, and a long clause may go on to a
        # report after the denied phrase
        "i want no more treatment i want to die",
        "i should never have started this chemo i want to die",
        "i want no more chest pain",
        "i want no more seizures",
        "im not thinking of hurting myself or anything like that i want to kill myself",
        "i want to hurt myself",
        "i want to be clear i am thinking of hurting myself",
        "let you know i cant stop thinking of hurting myself",
        "i want to say im not breathing well",
    ],
)
def test_a_report_inside_a_frame_of_saying_stays_a_report(clause):
    assert not negated(clause)


def test_a_temperature_at_the_end_of_a_sentence_is_read():
    assert answers("tired by 3pm. temp 36.8. otherwise fine", {})["temperature_c"] == 36.8
    assert answers("hot and shivery, temp 38.4.", {})["temperature_c"] == 38.4
    assert answers("it was 101.2. now 99", {})["temperature_f"] == 101.2
    # a dotted version or a list number is no temperature
    assert "temperature_c" not in answers("section 36.8.1 of the leaflet", {})


@pytest.mark.parametrize(
    "line, marker, result",
    [
        ("MTAP deletion", "MTAP", "loss"),
        ("MTAP homozygous deletion", "MTAP", "loss"),
        ("CDKN2A deletion", "CDKN2A", "loss"),
        ("EGFR exon 19 deletion", "EGFR", "mutated"),
        ("EGFR exon 2-7 deletion", "EGFR", "mutated"),
        ("MET exon 14 skipping", "MET", "mutated"),
        ("EGFR L858R", "EGFR", "mutated"),
        ("MTAP: not detected", "MTAP", "not mutated"),
    ],
)
def test_deletions_and_exon_changes_are_read(line, marker, result):
    found = markers.read(line)
    assert (found.marker, found.result) == (marker, result)


def test_a_bowel_not_opened_for_days_is_constipation():
    # held-out triage set 37, read after it was measured: "havent been for 5 days since the
    # morphine went up" (a bowel not opened); "not been to the shops" or "able to sleep" is not
    from mbcnav.patient import vocabulary

    for text in (
        "havent been for 5 days",
        "she hasn't been for three days",
        "havent been to the toilet for 4 days",
    ):
        assert vocabulary.normalise_symptom(text)[0] == "constipation", text
    for text in ("havent been able to sleep for days", "not been to the shops for days"):
        assert vocabulary.normalise_symptom(text) is None, text
