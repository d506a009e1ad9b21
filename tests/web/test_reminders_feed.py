"""The private calendar feed, parsed back with icalendar and recurring-ical-events: a 21/7
schedule gives the right dose days for three cycles, every event has an alarm, the time zone
is the person's; strangers, renewed and revoked addresses get 404."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from mbcnav.web.record.models import Appointment, Treatment
from mbcnav.web.reminders.models import CalendarFeed, MedicineSchedule, ReminderSettings

CHICAGO = ZoneInfo("America/Chicago")
START = dt.date(2026, 12, 1)


def three_cycles() -> list[dt.date]:
    return [START + dt.timedelta(days=28 * c + d) for c in range(3) for d in range(21)]


@pytest.fixture
def palbo(patient):
    return Treatment.objects.create(
        owner=patient, drugs=["palbociclib", "letrozole"], setting="metastatic", start=START
    )


def set_up(client, patient, palbo):
    client.force_login(patient)
    r = client.post(
        "/reminders/settings/",
        {
            "time_zone": "America/Chicago",
            "checkin_weekday": "6",
            "checkin_time": "18:00",
            "quiet_start": "21:00",
            "quiet_end": "08:00",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    r = client.post(
        "/reminders/schedule/add/",
        {
            "medicine": f"{palbo.pk}:palbociclib",
            "pattern": "cycle",
            "start": START.isoformat(),
            "end": (START + dt.timedelta(days=83)).isoformat(),
            "days_on": "21",
            "days_off": "7",
            "times": "09:00",
        },
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    client.post("/reminders/feed/renew/")
    return CalendarFeed.objects.get(owner=patient).token


def parse(body: bytes):
    cal = icalendar.Calendar.from_ical(body)
    return cal, recurring_ical_events.of(cal)


def test_feed_holds_three_cycles_with_alarms_in_the_persons_zone(client, patient, palbo):
    token = set_up(client, patient, palbo)
    Appointment.objects.create(
        owner=patient,
        when=dt.datetime(2026, 12, 10, 15, 30, tzinfo=dt.UTC),
        with_whom="Dr. Rivera",
        place="Clinic B",
    )
    client.logout()
    r = client.get(f"/reminders/feed/{token}.ics")
    assert r.status_code == 200 and r["Content-Type"].startswith("text/calendar")
    cal, events = parse(r.content)
    assert any(c.name == "VTIMEZONE" and c["TZID"] == "America/Chicago" for c in cal.walk())
    doses = [
        e
        for e in events.between(dt.date(2026, 11, 1), dt.date(2027, 6, 1))
        if str(e["SUMMARY"]) == "Medicine: palbociclib"
    ]
    days = sorted(e.start.date() for e in doses)
    assert days == three_cycles()
    first = min(doses, key=lambda e: e.start)
    assert first.start == dt.datetime(2026, 12, 1, 9, 0, tzinfo=CHICAGO)
    assert first.start.tzinfo.key == "America/Chicago"
    for event in cal.walk("VEVENT"):
        alarms = event.walk("VALARM")
        assert alarms and all(a["ACTION"] == "DISPLAY" for a in alarms)
    checkins = [
        e
        for e in events.between(dt.date(2027, 1, 1), dt.date(2027, 2, 1))
        if "How are you feeling" in str(e["SUMMARY"])
    ]
    assert [e.start.weekday() for e in checkins] == [6] * len(checkins) and len(checkins) == 5
    assert checkins[0].start.time() == dt.time(18, 0)
    assert "/checkins/" in str(checkins[0]["URL"])
    appts = [e for e in cal.walk("VEVENT") if str(e["SUMMARY"]).startswith("Appointment")]
    assert len(appts) == 1 and len(appts[0].walk("VALARM")) == 2


def test_strangers_renewed_and_revoked_addresses_get_404(client, patient, palbo, stranger):
    token = set_up(client, patient, palbo)
    assert client.get("/reminders/feed/not-a-token.ics").status_code == 404
    client.post("/reminders/feed/renew/")
    new = CalendarFeed.objects.get(owner=patient).token
    assert new != token
    assert client.get(f"/reminders/feed/{token}.ics").status_code == 404
    assert client.get(f"/reminders/feed/{new}.ics").status_code == 200
    client.post("/reminders/feed/revoke/")
    assert client.get(f"/reminders/feed/{new}.ics").status_code == 404
    client.force_login(stranger)
    row = MedicineSchedule.objects.get(owner=patient)
    assert client.get(f"/reminders/ics/dose/{row.pk}.ics").status_code == 404


def test_ics_download_per_event(client, patient, palbo):
    set_up(client, patient, palbo)
    row = MedicineSchedule.objects.get(owner=patient)
    r = client.get(f"/reminders/ics/dose/{row.pk}.ics")
    assert r.status_code == 200 and "attachment" in r["Content-Disposition"]
    _cal, events = parse(r.content)
    days = sorted(e.start.date() for e in events.between(dt.date(2026, 11, 1), dt.date(2027, 6, 1)))
    assert days == three_cycles()
    r = client.get(f"/reminders/ics/checkin/{patient.pk}.ics")
    assert r.status_code == 200 and b"RRULE:FREQ=WEEKLY;BYDAY=SU" in r.content


def test_open_ended_daily_schedule_recurs_without_end(client, patient, palbo):
    set_up(client, patient, palbo)
    client.post(
        "/reminders/schedule/add/",
        {
            "medicine": f"{palbo.pk}:letrozole",
            "pattern": "daily",
            "start": "2026-12-01",
            "times": "08:00, 20:00",
        },
    )
    prefs = ReminderSettings.for_owner(patient)
    token = CalendarFeed.objects.get(owner=patient).token
    _cal, events = parse(client.get(f"/reminders/feed/{token}.ics").content)
    far = [
        e
        for e in events.between(dt.date(2028, 1, 1), dt.date(2028, 1, 3))
        if "letrozole" in str(e["SUMMARY"])
    ]
    assert len(far) == 4 and prefs.time_zone == "America/Chicago"
