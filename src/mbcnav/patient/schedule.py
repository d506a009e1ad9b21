"""Medicine schedules: when a person takes or is given a medicine, as plain data.

A ``Schedule`` is one of five patterns (``PATTERNS``): every day (one or more times of day),
days on and days off within a cycle (palbociclib: 21 on, 7 off), given days of a cycle
(sacituzumab: days 1 and 8 of 21), every N weeks with optional extra early doses
(fulvestrant: days 1, 15, 29, then every 4 weeks) and given dates.

``runs(until)`` describes the doses as runs of evenly spaced days (the calendar feed writes
each run as one event with an RRULE); ``dose_days`` and ``doses`` expand them. ``parse``
builds a schedule from what a person typed and raises ``PatientFileError`` with one
sentence naming the field, the value and what is allowed. Nothing here decides what a
person should take: usual schedules (``usual.py``) are suggestions to check with the care team.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from .errors import PatientFileError

PATTERNS = {
    "daily": "every day",
    "cycle": "days on and days off in a cycle",
    "cycle_days": "given days of a cycle",
    "every_weeks": "every few weeks",
    "dates": "on given dates",
}
MAX_TIMES = 4
MAX_DATES = 200
YEARS_BACK = 10  # a first day earlier than this is a typing slip (and makes pages slow)
YEARS_AHEAD = 5


@dataclass(frozen=True)
class Run:
    """``count`` doses (``None``: no end) ``interval`` days apart from ``start``."""

    start: date
    count: int | None
    interval: int = 1


@dataclass(frozen=True)
class Schedule:
    pattern: str
    start: date
    end: date | None = None
    times: tuple[time, ...] = (time(9, 0),)
    days_on: int = 0
    days_off: int = 0
    cycle_days: tuple[int, ...] = ()
    cycle_length: int = 0
    every_weeks: int = 0
    extra_days: tuple[int, ...] = ()  # every_weeks: early doses on these days of the first period
    dates: tuple[date, ...] = field(default_factory=tuple)

    # ------------------------------------------------------------ cycles
    @property
    def length(self) -> int:
        """Days in one cycle (0 when the pattern has no cycles)."""
        if self.pattern == "cycle":
            return self.days_on + self.days_off
        if self.pattern == "cycle_days":
            return self.cycle_length
        return 0

    def cycle_of(self, day: date) -> int | None:
        """The cycle number (1 = the first) ``day`` falls in, or None without cycles."""
        if not self.length or day < self.start:
            return None
        return (day - self.start).days // self.length + 1

    def cycle_start(self, number: int) -> date:
        return self.start + timedelta(days=(number - 1) * self.length)

    # ------------------------------------------------------------ runs
    def runs(self, until: date) -> list[Run]:
        """The doses up to ``until`` (and the schedule's end) as runs of evenly spaced days."""
        last = min(until, self.end) if self.end else until
        if last < self.start:
            return []
        if self.pattern == "daily":
            return [Run(self.start, (last - self.start).days + 1 if self.end else None)]
        if self.pattern == "every_weeks":
            step = 7 * self.every_weeks
            count = (last - self.start).days // step + 1 if self.end else None
            extra = [self.start + timedelta(days=d - 1) for d in self.extra_days]
            return [Run(self.start, count, step)] + [Run(d, 1) for d in extra if d <= last]
        if self.pattern == "dates":
            return [Run(d, 1) for d in self.dates if self.start <= d <= last]
        out, number = [], 1
        while (first := self.cycle_start(number)) <= last:
            if self.pattern == "cycle":
                days = min(self.days_on, (last - first).days + 1)
                out.append(Run(first, days))
            else:
                for d in self.cycle_days:
                    day = first + timedelta(days=d - 1)
                    if day <= last:
                        out.append(Run(day, 1))
            number += 1
        return out

    def dose_days(self, start: date, until: date) -> list[date]:
        """Every day with a dose from ``start`` to ``until`` (inclusive), in order."""
        days: set[date] = set()
        for run in self.runs(until):
            n, day = 0, run.start
            while day <= until and (run.count is None or n < run.count):
                if day >= start and (self.end is None or day <= self.end):
                    days.add(day)
                n, day = n + 1, day + timedelta(days=run.interval)
        return sorted(days)

    def doses(self, start: date, until: date) -> list[tuple[date, time]]:
        """(day, time of day) of every dose from ``start`` to ``until``."""
        return [(d, t) for d in self.dose_days(start, until) for t in self.times]

    def describe(self) -> str:
        """The schedule in a short phrase, e.g. '21 days on, 7 days off, twice a day'."""
        per_day = {1: "once a day", 2: "twice a day"}.get(
            len(self.times), f"{len(self.times)} times a day"
        )
        if self.pattern == "daily":
            return f"every day, {per_day}"
        if self.pattern == "cycle":
            return f"{self.days_on} days on, {self.days_off} days off, {per_day}"
        if self.pattern == "cycle_days":
            days = ", ".join(str(d) for d in self.cycle_days)
            return f"days {days} of each {self.cycle_length}-day cycle"
        if self.pattern == "every_weeks":
            extra = ""
            if self.extra_days:
                extra = " (also on day " + ", ".join(str(d) for d in self.extra_days) + ")"
            return f"every {self.every_weeks} weeks{extra}"
        return f"on {len(self.dates)} given dates"


# ---------------------------------------------------------------- parsing
def _fail(message: str, name: str) -> PatientFileError:
    return PatientFileError(message, field=name)


def _number(raw, name: str, label: str, low: int, high: int) -> int:
    text = str(raw).strip() if raw is not None else ""
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        shown = text or "nothing"
        raise _fail(f"{label} must be a number from {low} to {high}; you wrote {shown}.", name)
    return value


def _day(raw, name: str, label: str) -> date:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw).strip())
    except ValueError:
        raise _fail(
            f"{label} must be a date like 2026-12-01; you wrote {raw or 'nothing'}.", name
        ) from None


def _list(raw) -> list[str]:
    if isinstance(raw, list | tuple):
        return [str(x).strip() for x in raw if str(x).strip()]
    return [x.strip() for x in str(raw or "").replace(";", ",").split(",") if x.strip()]


def parse_times(raw) -> tuple[time, ...]:
    items = _list(raw) if raw not in (None, "") else ["09:00"]
    if len(items) > MAX_TIMES:
        raise _fail(
            f"Times of day can list at most {MAX_TIMES} times; you wrote {len(items)}.", "times"
        )
    out = []
    for item in items:
        try:
            out.append(item if isinstance(item, time) else time.fromisoformat(item.zfill(5)))
        except ValueError:
            raise _fail(
                f"Times of day must look like 08:00 or 20:30; you wrote {item}.", "times"
            ) from None
    return tuple(sorted(set(out)))


def _within(day: date, name: str, label: str, today: date) -> date:
    """A day no more than ``YEARS_BACK`` years before ``today`` and ``YEARS_AHEAD`` after it."""
    earliest = today - timedelta(days=round(365.25 * YEARS_BACK))
    latest = today + timedelta(days=round(365.25 * YEARS_AHEAD))
    if day < earliest:
        raise _fail(
            f"{label} can be at most {YEARS_BACK} years ago (from {earliest}); you wrote {day}.",
            name,
        )
    if day > latest:
        raise _fail(
            f"{label} can be at most {YEARS_AHEAD} years ahead (until {latest}); you wrote {day}.",
            name,
        )
    return day


def parse(data: dict, today: date | None = None) -> Schedule:
    """A schedule from a dict of what the person typed (strings or typed values).

    With ``today`` (new input), the first day may be at most ``YEARS_BACK`` years back and the
    last day (and each given date) at most ``YEARS_AHEAD`` years ahead: a start in year 1 would
    make every page walk hundreds of thousands of cycles. Stored plans are read without it.
    """
    pattern = str(data.get("pattern") or "").strip()
    if pattern not in PATTERNS:
        allowed = ", ".join(PATTERNS.values())
        raise _fail(
            f"How often must be one of: {allowed}; you wrote {pattern or 'nothing'}.", "pattern"
        )
    start = _day(data.get("start"), "start", "The first day")
    if today is not None:
        _within(start, "start", "The first day", today)
    end = None
    if data.get("end") not in (None, ""):
        end = _day(data.get("end"), "end", "The last day")
        if today is not None:
            _within(end, "end", "The last day", today)
        if end < start:
            raise _fail(f"The last day ({end}) must be on or after the first day ({start}).", "end")
    values: dict = {"pattern": pattern, "start": start, "end": end}
    values["times"] = parse_times(data.get("times"))
    if pattern == "cycle":
        values["days_on"] = _number(data.get("days_on"), "days_on", "Days on", 1, 84)
        values["days_off"] = _number(data.get("days_off"), "days_off", "Days off", 0, 28)
    elif pattern == "cycle_days":
        length = _number(data.get("cycle_length"), "cycle_length", "Days in a cycle", 1, 84)
        days = tuple(
            sorted(
                {
                    _number(d, "cycle_days", "Each day of the cycle", 1, length)
                    for d in _list(data.get("cycle_days"))
                }
            )
        )
        if not days:
            raise _fail("Days of the cycle must list at least one day, such as 1, 8.", "cycle_days")
        values.update(cycle_length=length, cycle_days=days)
    elif pattern == "every_weeks":
        values["every_weeks"] = _number(data.get("every_weeks"), "every_weeks", "Weeks", 1, 26)
        extra = {
            _number(d, "extra_days", "Each extra early day", 2, 7 * values["every_weeks"])
            for d in _list(data.get("extra_days"))
        }
        values["extra_days"] = tuple(sorted(extra))
    elif pattern == "dates":
        items = _list(data.get("dates"))
        if not items:
            raise _fail("Dates must list at least one date, such as 2026-12-01.", "dates")
        if len(items) > MAX_DATES:
            raise _fail(
                f"Dates can list at most {MAX_DATES} dates; you wrote {len(items)}.", "dates"
            )
        values["dates"] = tuple(sorted({_day(d, "dates", "Each date") for d in items}))
        if today is not None:
            for d in values["dates"]:
                _within(d, "dates", "Each date", today)
    return Schedule(**values)


def to_dict(schedule: Schedule) -> dict:
    """The schedule as plain values (the inverse of ``parse``)."""
    out: dict = {
        "pattern": schedule.pattern,
        "start": schedule.start.isoformat(),
        "end": schedule.end.isoformat() if schedule.end else None,
        "times": [t.strftime("%H:%M") for t in schedule.times],
    }
    if schedule.pattern == "cycle":
        out.update(days_on=schedule.days_on, days_off=schedule.days_off)
    elif schedule.pattern == "cycle_days":
        out.update(cycle_length=schedule.cycle_length, cycle_days=list(schedule.cycle_days))
    elif schedule.pattern == "every_weeks":
        out.update(every_weeks=schedule.every_weeks, extra_days=list(schedule.extra_days))
    elif schedule.pattern == "dates":
        out["dates"] = [d.isoformat() for d in schedule.dates]
    return out
