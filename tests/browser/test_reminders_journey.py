"""Acceptance journey for reminders (issue 19): set a palbociclib-style 21/7 schedule from its
usual schedule and a weekly check-in, subscribe to the private calendar feed and parse it with
an iCalendar library (three cycles on the right days, each with an alarm, in the person's time
zone); then a check-in email arrives exactly once across a worker restart.

The live server shares this process, so its emails land in ``mail.outbox`` and the worker is
driven in-process with an explicit clock; the same restart as a real process killed with
SIGKILL is tests/web/test_reminders_worker_process.py."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from django.core import mail
from playwright.sync_api import expect

from mbcnav.web.record import services
from mbcnav.web.record.models import Treatment
from mbcnav.web.reminders import worker
from mbcnav.web.reminders.models import Outbox

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EMAIL, PASSWORD = "reminders@example.org", "a-long-reminders-password"
CHI = ZoneInfo("America/Chicago")


def test_schedule_checkin_feed_and_one_email(page, live_server, settings):
    settings.MBCNAV_SITE_URL = "https://mbcnav.example.org"  # the worker refuses loopback links
    user = services.load_demo(email=EMAIL, password=PASSWORD)
    today = dt.datetime.now(CHI).date()
    start = today - dt.timedelta(days=3)
    Treatment.objects.create(
        owner=user, drugs=["palbociclib", "letrozole"], setting="metastatic", start=start
    )
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("link", name="Reminders").first.click()
    usual = page.locator(".usual", has_text="palbociclib")
    expect(usual).to_contain_text("Usual schedule; follow your care team's plan.")
    usual.get_by_role("link", name="Fill in the usual schedule").click()
    expect(page.get_by_label("Days on")).to_have_value("21")
    expect(page.get_by_label("Days off")).to_have_value("7")
    page.get_by_label("First day (YYYY-MM-DD)").fill(start.isoformat())
    page.get_by_label("Last day, if known").fill((start + dt.timedelta(days=83)).isoformat())
    page.get_by_role("button", name="Save schedule").click()
    expect(page.locator("main")).to_contain_text("Schedule saved for palbociclib")
    schedule = page.locator("section.schedule")
    expect(schedule).to_contain_text("21 days on, 7 days off")
    schedule.get_by_label("Why skipped (optional)").first.fill("felt sick")
    schedule.get_by_role("button", name="Skipped").first.click()
    expect(page.locator("section.schedule table.adherence")).to_contain_text("felt sick")

    page.get_by_label("Time zone").fill("America/Chicago")
    page.get_by_label("Weekly check-in day").select_option(label="Sunday")
    page.get_by_label("Check-in reminder time").fill("18:00")
    page.get_by_label("Email me when my weekly check-in is due").check()
    page.get_by_role("button", name="Save reminder settings").click()
    expect(page.locator("main")).to_contain_text("Your reminder settings were saved")

    page.get_by_role("button", name="Create my calendar address").click()
    address = page.locator("#feed-url").input_value()
    assert "/reminders/feed/" in address
    response = page.context.request.get(address)  # what a calendar app subscribing would read
    assert response.status == 200
    cal = icalendar.Calendar.from_ical(response.body())
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["America/Chicago"]
    window = recurring_ical_events.of(cal).between(start, start + dt.timedelta(days=120))
    doses = sorted(
        (e for e in window if str(e["SUMMARY"]) == "Medicine: palbociclib"),
        key=lambda e: e.start,
    )
    expected = [start + dt.timedelta(days=28 * c + d) for c in range(3) for d in range(21)]
    assert [e.start.date() for e in doses] == expected
    assert all(
        e.start.time() == dt.time(9, 0) and e.start.tzinfo.key == "America/Chicago" for e in doses
    )
    assert all(e.walk("VALARM") for e in window)
    checkins = [e for e in window if "How are you feeling this week?" in str(e["SUMMARY"])]
    assert checkins and all(e.start.weekday() == 6 for e in checkins)
    assert all(e.start.time() == dt.time(18, 0) for e in checkins)

    # The check-in email: a worker claims it and dies before sending; the restarted worker
    # waits for the dead one's lease, then sends it once; later passes send nothing more.
    days_to_sunday = (6 - today.weekday()) % 7
    due = dt.datetime.combine(today + dt.timedelta(days=days_to_sunday), dt.time(18, 5), CHI)
    worker.plan(due)
    assert len(worker.claim(due, "first-worker")) == 1  # ...then killed
    assert worker.run_once(due + dt.timedelta(minutes=1), "restarted") == (0, 0)
    after = due + worker.LEASE + dt.timedelta(minutes=1)
    assert worker.run_once(after, "restarted") == (0, 1)
    assert worker.run_once(after + dt.timedelta(hours=2), "restarted") == (0, 0)
    sent = [m for m in mail.outbox if m.to == [EMAIL] and m.subject == "Your weekly check-in"]
    assert len(sent) == 1
    assert "How are you feeling this week?" in sent[0].body
    assert Outbox.objects.get(owner=user).status == "sent"
