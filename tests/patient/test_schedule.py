"""Medicine schedules: expansion of each pattern, one-sentence errors, usual schedules data."""

from datetime import date, time, timedelta

import pytest

from mbcnav.patient import PatientFileError
from mbcnav.patient import schedule as sched
from mbcnav.patient.drugs import VocabularyError
from mbcnav.patient.usual import NOTICE, _load, table, usual_for


def test_21_on_7_off_three_cycles():
    s = sched.parse({"pattern": "cycle", "days_on": "21", "days_off": "7", "start": "2026-12-01"})
    days = s.dose_days(date(2026, 12, 1), date(2027, 2, 22))
    assert len(days) == 63
    assert days[0] == date(2026, 12, 1) and days[20] == date(2026, 12, 21)
    assert days[21] == date(2026, 12, 29)  # cycle 2 starts 28 days after cycle 1
    assert days[42] == date(2027, 1, 26)
    assert date(2026, 12, 22) not in days and date(2026, 12, 28) not in days
    assert s.cycle_of(date(2026, 12, 29)) == 2 and s.cycle_of(date(2027, 2, 22)) == 3


def test_twice_daily_with_end():
    s = sched.parse(
        {"pattern": "daily", "times": "20:00, 8:00", "start": "2026-12-01", "end": "2026-12-03"}
    )
    assert s.times == (time(8), time(20))
    assert len(s.doses(date(2026, 11, 1), date(2027, 1, 1))) == 6
    assert s.runs(date(2027, 1, 1))[0].count == 3


def test_fulvestrant_loading_then_every_4_weeks():
    s = sched.parse(
        {"pattern": "every_weeks", "every_weeks": 4, "extra_days": "15", "start": "2026-12-01"}
    )
    days = s.dose_days(date(2026, 12, 1), date(2027, 2, 1))
    assert days == [date(2026, 12, 1), date(2026, 12, 15), date(2026, 12, 29), date(2027, 1, 26)]


def test_cycle_days_and_dates():
    s = sched.parse(
        {"pattern": "cycle_days", "cycle_length": 21, "cycle_days": "1, 8", "start": "2026-12-01"}
    )
    assert s.dose_days(date(2026, 12, 1), date(2026, 12, 31)) == [
        date(2026, 12, 1),
        date(2026, 12, 8),
        date(2026, 12, 22),
        date(2026, 12, 29),
    ]
    d = sched.parse({"pattern": "dates", "dates": "2026-12-05,2026-12-02", "start": "2026-12-01"})
    assert d.dose_days(date(2026, 12, 1), date(2026, 12, 31)) == [
        date(2026, 12, 2),
        date(2026, 12, 5),
    ]
    assert sched.parse(sched.to_dict(s)) == s


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"pattern": "cycle", "days_on": 21, "days_off": 40},
            "Days off must be a number from 0 to 28; you wrote 40.",
        ),
        (
            {"pattern": "cycle", "days_on": "x", "days_off": 7},
            "Days on must be a number from 1 to 84; you wrote x.",
        ),
        (
            {"pattern": "daily", "times": "9am"},
            "Times of day must look like 08:00 or 20:30; you wrote 9am.",
        ),
        ({"pattern": "weekly"}, "How often must be one of"),
        (
            {"pattern": "daily", "end": "2026-11-01"},
            "The last day (2026-11-01) must be on or after",
        ),
        (
            {"pattern": "cycle_days", "cycle_length": 21, "cycle_days": "1, 30"},
            "Each day of the cycle must be a number from 1 to 21; you wrote 30.",
        ),
    ],
)
def test_one_sentence_errors(data, message):
    with pytest.raises(PatientFileError) as err:
        sched.parse({"start": "2026-12-01", **data})
    assert str(err.value).startswith(message)
    assert str(err.value).count(". ") == 0


def test_usual_schedules_are_sourced_and_parse():
    assert len(table()) >= 12
    palbo = usual_for("Ibrance")
    assert palbo.drug == "palbociclib" and palbo.source.url.startswith("https://dailymed")
    s = palbo.schedule(date(2026, 12, 1))
    assert (s.days_on, s.days_off) == (21, 7)
    assert usual_for("capecitabine").schedule(date(2026, 1, 1)).length == 21
    assert usual_for("T-DXd").fields["every_weeks"] == 3
    assert usual_for("no such drug") is None
    assert "care team" in NOTICE


def test_usual_file_rejects_an_unsourced_entry():
    raw = {
        "format": "mbcnav-usual-schedules/1",
        "drugs": [{"drug": "letrozole", "schedule": {"pattern": "daily"}, "summary": "x"}],
    }
    with pytest.raises(VocabularyError):
        _load(raw)
    raw["drugs"][0]["source"] = {"publisher": "p", "title": "t", "url": "u", "read": "2026"}
    raw["drugs"][0]["schedule"] = {"pattern": "cycle", "days_on": 21, "days_off": 99}
    with pytest.raises(VocabularyError):
        _load(raw)


def test_open_ended_runs_have_no_count():
    s = sched.parse({"pattern": "daily", "start": "2026-12-01"})
    assert s.runs(date(2027, 1, 1)) == [sched.Run(date(2026, 12, 1), None, 1)]
    assert s.runs(date(2026, 11, 1)) == []
    assert len(s.dose_days(date(2026, 12, 1), date(2026, 12, 1) + timedelta(days=9))) == 10


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"pattern": "cycle", "days_on": 21, "days_off": 7, "start": "0001-01-01"},
            "The first day can be at most 10 years ago (from 2016-12-01); you wrote 0001-01-01.",
        ),
        (
            {"pattern": "daily", "start": "2026-12-01", "end": "9999-12-31"},
            "The last day can be at most 5 years ahead (until 2031-12-01); you wrote 9999-12-31.",
        ),
        (
            {"pattern": "dates", "start": "2026-12-01", "dates": "2026-12-05, 3000-01-01"},
            "Each date can be at most 5 years ahead",
        ),
    ],
)
def test_dates_far_from_today_are_refused_in_one_sentence(data, message):
    today = date(2026, 12, 1)
    with pytest.raises(PatientFileError) as err:
        sched.parse(data, today=today)
    assert str(err.value).startswith(message)
    assert err.value.field == data_field(message)
    ok = sched.parse({"pattern": "daily", "start": "2017-01-01", "end": "2031-11-30"}, today=today)
    assert ok.start == date(2017, 1, 1)
    # a plan stored long ago still reads back (the bound is for new input only)
    assert sched.parse({"pattern": "daily", "start": "2001-01-01"}).start.year == 2001


def data_field(message: str) -> str:
    return {"The first day": "start", "The last day": "end", "Each date": "dates"}[
        message.split(" can ")[0]
    ]
