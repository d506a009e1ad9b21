"""Email reminders: opt-in per kind, quiet hours, the person's time zone, idempotent sends over
the outbox, retries with backoff, caregiver copies, one-click unsubscribe signed out. The clock
is passed in; nothing sleeps."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import override_settings

from mbcnav.web.record.models import Appointment
from mbcnav.web.reminders import emails, worker
from mbcnav.web.reminders.models import Outbox, ReminderSettings
from mbcnav.web.visits.services import add_question

CHI = ZoneInfo("America/Chicago")
# Sunday 2026-12-06 18:05 in Chicago (00:05 UTC on Monday)
SUNDAY_EVENING = dt.datetime(2026, 12, 6, 18, 5, tzinfo=CHI)


@pytest.fixture(autouse=True)
def public_site(settings):
    settings.MBCNAV_SITE_URL = "https://mbcnav.example.org"


@pytest.fixture
def prefs(patient):
    p = ReminderSettings.for_owner(patient)
    p.time_zone, p.checkin_weekday, p.checkin_time = "America/Chicago", 6, dt.time(18, 0)
    p.email_checkin = True
    p.save()
    return p


def test_checkin_due_is_sent_once_in_the_persons_time_zone(prefs):
    assert worker.run_once(SUNDAY_EVENING - dt.timedelta(minutes=10), "w1") == (0, 0)
    assert worker.run_once(SUNDAY_EVENING, "w1") == (1, 1)
    assert worker.run_once(SUNDAY_EVENING + dt.timedelta(hours=1), "w2") == (0, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["patient@example.org"]
    assert message.subject == "Your weekly check-in"
    assert "How are you feeling this week?" in message.body and "/checkins/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/reminders/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    # next week's occurrence is a new reminder
    assert worker.run_once(SUNDAY_EVENING + dt.timedelta(days=7), "w1") == (1, 1)


def test_nothing_without_opt_in_and_nothing_in_quiet_hours(prefs):
    prefs.quiet_start, prefs.quiet_end = dt.time(17, 0), dt.time(19, 0)
    prefs.save()
    assert worker.run_once(SUNDAY_EVENING, "w") == (0, 0)
    assert worker.run_once(SUNDAY_EVENING + dt.timedelta(hours=1), "w") == (1, 1)  # quiet is over
    prefs.email_checkin = False
    prefs.save()
    assert worker.run_once(SUNDAY_EVENING + dt.timedelta(days=7), "w") == (0, 0)


def test_quiet_hours_across_midnight(prefs):
    assert prefs.quiet_at(dt.time(23, 0)) and prefs.quiet_at(dt.time(7, 59))
    assert not prefs.quiet_at(dt.time(8, 0)) and not prefs.quiet_at(dt.time(20, 59))


def test_appointment_tomorrow_questions_and_caregiver_copy(patient, caregiver_read, prefs):
    prefs.email_appointment = prefs.email_questions = prefs.copy_caregivers = True
    prefs.email_checkin = False
    prefs.save()
    Appointment.objects.create(
        owner=patient, when=dt.datetime(2026, 12, 8, 10, 30, tzinfo=CHI), with_whom="Dr. Rivera"
    )
    add_question(patient, "Is my palbociclib dose still right for me?")
    assert worker.run_once(dt.datetime(2026, 12, 6, 12, 0, tzinfo=CHI), "w") == (0, 0)
    queued, sent = worker.run_once(dt.datetime(2026, 12, 7, 9, 0, tzinfo=CHI), "w")
    assert (queued, sent) == (4, 4)
    to_patient = [m for m in mail.outbox if m.to == ["patient@example.org"]]
    to_carer = [m for m in mail.outbox if m.to == ["reader@example.org"]]
    assert {m.subject for m in to_patient} == {
        "Reminder: appointment tomorrow",
        "Your questions for tomorrow's visit",
    }
    assert all(m.subject.startswith("Copy for patient:") for m in to_carer) and len(to_carer) == 2
    for m in mail.outbox:  # no medicine or diagnosis in a subject line
        assert "palbociclib" not in m.subject.lower() and "cancer" not in m.subject.lower()
    assert "10:30" in to_patient[0].body or "10:30" in to_patient[1].body
    assert worker.run_once(dt.datetime(2026, 12, 7, 15, 0, tzinfo=CHI), "w") == (0, 0)


class Broken:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server refused the connection")


def test_failures_retry_with_backoff_then_fail(prefs):
    with override_settings(EMAIL_BACKEND=f"{__name__}.Broken"):
        assert worker.run_once(SUNDAY_EVENING, "w") == (1, 0)
        row = Outbox.objects.get()
        assert (row.status, row.attempts) == ("queued", 1)
        assert row.next_try == SUNDAY_EVENING + dt.timedelta(minutes=1)
        assert "refused" in row.last_error
        assert worker.send_due(SUNDAY_EVENING + dt.timedelta(seconds=30), "w") == 0  # not yet
        assert Outbox.objects.get().attempts == 1
        t = SUNDAY_EVENING
        for _attempt in range(2, 7):
            t = Outbox.objects.get().next_try
            worker.send_due(t, "w")
        row = Outbox.objects.get()
        assert (row.status, row.attempts) == ("failed", 6)
        assert t - SUNDAY_EVENING == dt.timedelta(minutes=1 + 2 + 4 + 8 + 16)
    assert worker.counts() == {"queued": 0, "sending": 0, "sent": 0, "failed": 1}
    assert mail.outbox == []


def test_a_dead_workers_lease_runs_out_then_another_sends(prefs):
    worker.plan(SUNDAY_EVENING)
    held = worker.claim(SUNDAY_EVENING, "dead")
    assert len(held) == 1
    assert worker.claim(SUNDAY_EVENING + dt.timedelta(minutes=1), "other") == []  # leased
    later = SUNDAY_EVENING + worker.LEASE + dt.timedelta(seconds=1)
    assert worker.send_due(later, "other") == 1
    assert worker.send_due(later, "dead") == 0
    assert len(mail.outbox) == 1 and Outbox.objects.get().status == "sent"


def test_unsubscribe_asks_on_get_and_acts_on_post_signed_out(client, prefs, patient):
    worker.run_once(SUNDAY_EVENING, "w")
    link = Outbox.objects.get().unsubscribe
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    r = client.get(path)  # a mail scanner opening the link changes nothing
    page = r.content.decode()
    assert r.status_code == 200 and "weekly check-in reminders" in page
    assert '<form method="post">' in page and "Stop these emails</button>" in page
    assert ReminderSettings.for_owner(patient).email_checkin is True
    r = client.post(path)  # the page's button
    assert r.status_code == 200 and "You are unsubscribed" in r.content.decode()
    assert ReminderSettings.for_owner(patient).email_checkin is False
    prefs.email_checkin = True
    prefs.save()
    r = client.post(path, {"List-Unsubscribe": "One-Click"})  # RFC 8058, from the mail client
    assert r.status_code == 200 and r.content == b"Unsubscribed."
    assert ReminderSettings.for_owner(patient).email_checkin is False
    assert client.get("/reminders/unsubscribe/forged-token/").status_code == 404
    forged = emails.unsubscribe_token(patient.pk, "checkin")[:-3] + "abc"
    assert client.get(f"/reminders/unsubscribe/{forged}/").status_code == 404
    assert client.post(f"/reminders/unsubscribe/{forged}/").status_code == 404


def test_one_caregiver_stopping_copies_leaves_the_others(client, patient, prefs):
    from .conftest import make_user, share

    first, second = make_user("first@example.org"), make_user("second@example.org")
    share(patient, first)
    share(patient, second)
    prefs.copy_caregivers = True
    prefs.save()
    assert worker.run_once(SUNDAY_EVENING, "w") == (3, 3)
    links = {r.recipient: r.unsubscribe for r in Outbox.objects.all()}
    assert len(set(links.values())) == 3  # one link per recipient
    path = "/" + links["first@example.org"].split("://", 1)[1].split("/", 1)[1]
    assert "copies of these reminders to you" in client.get(path).content.decode()
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert ReminderSettings.for_owner(patient).copy_caregivers is True
    next_week = SUNDAY_EVENING + dt.timedelta(days=7)
    assert worker.run_once(next_week, "w") == (2, 2)
    latest = {m.to[0] for m in mail.outbox[3:]}
    assert latest == {"patient@example.org", "second@example.org"}
    # a link naming a share of someone else is refused
    other = make_user("other@example.org")
    theirs = share(other, first)
    token = emails.unsubscribe_token(patient.pk, "copy", theirs.pk)
    assert client.post(f"/reminders/unsubscribe/{token}/").status_code == 404


def test_ops_shows_the_outbox(prefs):
    from click.testing import CliRunner

    from mbcnav.cli import main

    worker.run_once(SUNDAY_EVENING, "w")
    result = CliRunner().invoke(main, ["ops", "reminders"])
    assert result.exit_code == 0, result.output
    assert "queued: 0" in result.output and "sent: 1" in result.output


def test_no_email_is_queued_while_the_site_address_is_loopback(prefs, settings, caplog):
    from click.testing import CliRunner

    from mbcnav.cli import main

    settings.MBCNAV_SITE_URL = "http://127.0.0.1:8000"  # the default
    settings.DEBUG = False
    worker._warned.clear()
    with caplog.at_level("WARNING", logger=worker.__name__):
        assert worker.plan(SUNDAY_EVENING) == 0
        assert worker.plan(SUNDAY_EVENING + dt.timedelta(minutes=1)) == 0
    lines = [r for r in caplog.records if "not queued" in r.getMessage()]
    assert len(lines) == 1 and "MBCNAV_SITE_URL is http://127.0.0.1:8000" in lines[0].getMessage()
    assert Outbox.objects.count() == 0
    status = CliRunner().invoke(main, ["ops", "reminders"]).output
    assert "Not queuing reminder emails: MBCNAV_SITE_URL is http://127.0.0.1:8000" in status
    settings.DEBUG = True  # a trial on this machine
    assert worker.plan(SUNDAY_EVENING) == 1


@pytest.mark.parametrize(
    ("url", "flagged"),
    [
        ("http://127.0.0.1:8000", "only works on this machine"),
        ("http://localhost:8000", "only works on this machine"),
        ("https://0.0.0.0", "only works on this machine"),
        ("http://mbcnav.example.org", "not https"),
        ("https://mbcnav.example.org", None),
    ],
)
def test_deploy_check_flags_a_local_or_plain_http_site_url(settings, url, flagged):
    from mbcnav.cli.ops import deploy_problems

    settings.MBCNAV_SITE_URL, settings.DEBUG = url, False
    found = [p for p in deploy_problems() if p.startswith("MBCNAV_SITE_URL")]
    if flagged is None:
        assert found == []
    else:
        assert len(found) == 1 and flagged in found[0] and url in found[0]
