"""A question typed into a check-in that reports no symptom is never "nothing to report": it
comes back as a routine reason that says the app cannot answer it and where to send it (H77)."""

from datetime import date

from mbcnav.patient import parse
from mbcnav.triage import triage

DAY = date(2026, 12, 3)


def _checkin(note: str, severity: str = "none"):
    data = {
        "format": "mbcnav-patient/1",
        "symptoms": [
            {
                "date": DAY.isoformat(),
                "symptom": "other symptom",
                "severity": severity,
                "note": note,
            }
        ],
    }
    return triage(parse(data, today=DAY), DAY)


def test_a_question_with_no_symptom_goes_to_the_team_as_routine():
    result = _checkin("I forgot my pill yesterday, do I take two today? feel fine")
    assert result.level == "routine"
    assert [r.rule for r in result.reasons] == ["question-for-team"]
    assert "cannot answer" in result.reasons[0].why


def test_a_question_without_a_question_mark_still_counts():
    assert _checkin("can I have a banana with breakfast on my pills").level == "routine"


def test_a_note_that_asks_nothing_stays_nothing_to_report():
    result = _checkin("all good this week, no side effects")
    assert result.level == "none" and not result.reasons


def test_a_question_that_names_an_emergency_is_an_emergency():
    # review: the own-words emergency and crisis lists are read whatever the severity given
    assert _checkin("I have chest pain and can't breathe, should I call?").level == "emergency"
    crisis = _checkin("should I just end it all? whats the point")
    assert crisis.level == "emergency"
    assert any("988" in r.do for r in crisis.reasons)


def test_a_question_keeps_every_emergency_list_it_meets():
    result = _checkin("I have crushing chest pain and I want to end it all, should I call?")
    rules = {r.rule for r in result.reasons}
    assert result.level == "emergency"
    assert {"own-words-suicide-warning-sign", "own-words-emergency-sign"} <= rules
