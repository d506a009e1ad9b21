"""A person's private calendar (RFC 5545): medicine doses, appointments and weekly check-ins,
each with a VALARM, in the person's time zone (VTIMEZONE included).

A dose schedule becomes one VEVENT per run of evenly spaced days (``Schedule.runs``) and time
of day, with an RRULE; an open-ended schedule recurs without end, a cycled one is written up
to ``HORIZON_DAYS`` ahead (the feed is re-read by the calendar app, so it keeps extending).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings as django_settings
from icalendar import Alarm, Calendar, Event

from mbcnav.web.record.models import Appointment

from .models import MedicineSchedule, ReminderSettings

HORIZON_DAYS = 400
HISTORY_DAYS = 120
PRODID = "-//MBC Navigator//reminders//EN"
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _alarm(before: dt.timedelta, text: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", -before)
    return alarm


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def dose_events(row: MedicineSchedule, zone, today: dt.date, stamp: dt.datetime) -> list[Event]:
    if row.never_started:
        return []
    schedule = row.schedule
    out = []
    for run in schedule.runs(today + dt.timedelta(days=HORIZON_DAYS)):
        if run.count is not None:
            last = run.start + dt.timedelta(days=run.interval * (run.count - 1))
            if last < today - dt.timedelta(days=HISTORY_DAYS):
                continue
        for at in schedule.times:
            event = Event()
            event.add("uid", f"dose-{row.pk}-{run.start.isoformat()}-{at:%H%M}@mbcnav")
            event.add("dtstamp", stamp)
            event.add("dtstart", dt.datetime.combine(run.start, at, tzinfo=zone))
            event.add("duration", dt.timedelta(minutes=15))
            event.add("summary", f"Medicine: {row.drug}")
            event.add(
                "description", f"{row.drug}, {schedule.describe()}. Mark it taken in MBC Navigator."
            )
            rule: dict = {}
            if run.count is None:
                rule = {"freq": "daily", "interval": run.interval}
            elif run.count > 1:
                rule = {"freq": "daily", "interval": run.interval, "count": run.count}
            if rule:
                event.add("rrule", rule)
            event.add_component(_alarm(dt.timedelta(0), f"Time for {row.drug}"))
            out.append(event)
    return out


def appointment_event(appt: Appointment, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", f"appointment-{appt.pk}@mbcnav")
    event.add("dtstamp", stamp)
    event.add("dtstart", appt.when)
    event.add("duration", dt.timedelta(hours=1))
    title = "Appointment" + (f" with {appt.with_whom}" if appt.with_whom else "")
    event.add("summary", title)
    if appt.place:
        event.add("location", appt.place)
    if appt.purpose:
        event.add("description", appt.purpose)
    event.add_component(_alarm(dt.timedelta(days=1), f"Tomorrow: {title}"))
    event.add_component(_alarm(dt.timedelta(hours=1), f"In one hour: {title}"))
    return event


def checkin_event(prefs: ReminderSettings, stamp: dt.datetime) -> Event | None:
    if not prefs.weekly_checkin:
        return None
    first = prefs.updated.astimezone(prefs.zone).date()
    first += dt.timedelta(days=(prefs.checkin_weekday - first.weekday()) % 7)
    link = f"{django_settings.MBCNAV_SITE_URL}/checkins/"
    event = Event()
    event.add("uid", f"checkin-{prefs.owner_id}@mbcnav")
    event.add("dtstamp", stamp)
    event.add("dtstart", dt.datetime.combine(first, prefs.checkin_time, tzinfo=prefs.zone))
    event.add("duration", dt.timedelta(minutes=10))
    event.add("rrule", {"freq": "weekly", "byday": WEEKDAY_CODES[prefs.checkin_weekday]})
    event.add("summary", "Check-in: How are you feeling this week?")
    event.add("description", f"How are you feeling this week? Check in here: {link}")
    event.add("url", link)
    event.add_component(_alarm(dt.timedelta(0), "How are you feeling this week?"))
    return event


def _finish(cal: Calendar) -> bytes:
    cal.add_missing_timezones()
    return cal.to_ical()


def feed_for(owner, now: dt.datetime) -> bytes:
    """The person's whole calendar."""
    prefs = ReminderSettings.for_owner(owner)
    zone, stamp = prefs.zone, now.astimezone(dt.UTC)
    today = now.astimezone(zone).date()
    cal = _calendar("MBC Navigator")
    cal.add("x-wr-timezone", prefs.time_zone)
    for row in MedicineSchedule.objects.filter(owner=owner):
        for event in dose_events(row, zone, today, stamp):
            cal.add_component(event)
    since = now - dt.timedelta(days=HISTORY_DAYS)
    for appt in Appointment.objects.filter(owner=owner, when__gte=since):
        cal.add_component(appointment_event(appt, stamp))
    event = checkin_event(prefs, stamp)
    if event is not None:
        cal.add_component(event)
    return _finish(cal)


def single(events: list[Event], name: str) -> bytes:
    """An .ics file holding just these events (one download per event)."""
    cal = _calendar(name)
    cal.add("method", "PUBLISH")
    for event in events:
        cal.add_component(event)
    return _finish(cal)
