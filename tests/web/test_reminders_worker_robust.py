"""The reminder worker keeps going: one person's bad row does not stop the others, a row whose
worker keeps dying is failed after MAX_ATTEMPTS, and a busy database does not leave a sent
email 'sending' (to be sent again)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import OperationalError

from mbcnav.web.reminders import worker
from mbcnav.web.reminders.models import Outbox, ReminderSettings
from mbcnav.web.reminders.outbox_models import MAX_ATTEMPTS

from .conftest import make_user

SUNDAY_EVENING = dt.datetime(2026, 12, 6, 18, 5, tzinfo=ZoneInfo("America/Chicago"))


@pytest.fixture(autouse=True)
def public_site(settings):
    settings.MBCNAV_SITE_URL = "https://mbcnav.example.org"


def wants_checkin(user, zone="America/Chicago") -> ReminderSettings:
    p = ReminderSettings.for_owner(user)
    p.checkin_weekday, p.checkin_time, p.email_checkin = 6, dt.time(18, 0), True
    p.save()
    ReminderSettings.objects.filter(pk=p.pk).update(time_zone=zone)  # as an old row may hold
    return p


def test_one_bad_row_does_not_stop_the_others(db, caplog):
    wants_checkin(make_user("broken@example.org"), zone="Mars/Olympus")
    wants_checkin(make_user("fine@example.org"))
    with caplog.at_level("ERROR", logger=worker.__name__):
        assert worker.plan(SUNDAY_EVENING) == 1
    assert list(Outbox.objects.values_list("recipient", flat=True)) == ["fine@example.org"]
    assert any("could not be planned" in r.getMessage() for r in caplog.records)


def test_a_row_whose_worker_keeps_dying_fails_after_max_attempts(db):
    wants_checkin(make_user("kill@example.org"))
    worker.plan(SUNDAY_EVENING)
    t = SUNDAY_EVENING
    for _ in range(MAX_ATTEMPTS):  # claimed, then the worker dies before sending
        assert len(worker.claim(t, "doomed")) == 1
        t += worker.LEASE + dt.timedelta(seconds=1)
    assert worker.claim(t, "next") == []
    row = Outbox.objects.get()
    assert (row.status, row.attempts) == ("failed", MAX_ATTEMPTS)
    assert "no worker finished sending it" in row.last_error
    assert worker.send_due(t + dt.timedelta(hours=1), "next") == 0 and mail.outbox == []


def test_marking_sent_is_retried_while_the_database_is_busy(db, monkeypatch):
    wants_checkin(make_user("busy@example.org"))
    monkeypatch.setattr(worker, "RETRY_PAUSE", 0)
    real, calls = worker._update_sent, []

    def locked_twice(row, now, name):
        calls.append(name)
        if len(calls) <= 2:
            raise OperationalError("database is locked")
        real(row, now, name)

    monkeypatch.setattr(worker, "_update_sent", locked_twice)
    assert worker.run_once(SUNDAY_EVENING, "w") == (1, 1)
    assert len(calls) == 3 and Outbox.objects.get().status == "sent"
    later = SUNDAY_EVENING + worker.LEASE + dt.timedelta(minutes=1)
    assert worker.send_due(later, "other") == 0 and len(mail.outbox) == 1
