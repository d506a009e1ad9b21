"""The worker as a real process on loopback SQLite: killed with SIGKILL in the middle of a send,
restarted, and two workers at once: the reminder is emailed exactly once."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-12-07T00:05:00+00:00"  # Sunday 18:05 in Chicago: the weekly check-in is due
AFTER_LEASE = "2026-12-07T00:11:00+00:00"  # the dead worker's 5-minute lease has run out
SETUP = """
from mbcnav.cli.options import setup_django
setup_django()
import datetime as dt
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from django.contrib.auth.models import User
from mbcnav.web.reminders.models import ReminderSettings
user = User.objects.create_user("kill@example.org", "kill@example.org", "a-long-password-42")
p = ReminderSettings.for_owner(user)
p.time_zone, p.checkin_weekday, p.checkin_time, p.email_checkin = "America/Chicago", 6, dt.time(18), True
p.save()
"""


def cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from mbcnav.cli import main; main()", *args]


@pytest.fixture
def env(tmp_path):
    mail = tmp_path / "mail"
    mail.mkdir()
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update(
        MBCNAV_DATA_DIR=str(tmp_path / "data"),
        EMAIL_BACKEND="tests.web.reminder_backend.Backend",
        MBCNAV_TEST_MAIL_DIR=str(mail),
        MBCNAV_SITE_URL="https://mbcnav.example.org",
        PYTHONPATH=str(ROOT),
        DJANGO_SETTINGS_MODULE="mbcnav.web.settings",
    )
    subprocess.run([sys.executable, "-c", SETUP], env=env, check=True, cwd=ROOT, timeout=300)
    return env


def wait_for(predicate, what: str, limit: float = 120.0) -> None:
    end = time.monotonic() + limit
    while not predicate():
        if time.monotonic() > end:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def outbox(env) -> list[tuple]:
    db = Path(env["MBCNAV_DATA_DIR"]) / "mbcnav.sqlite3"
    with sqlite3.connect(db) as conn:
        return conn.execute("select status, attempts from reminders_outbox").fetchall()


def test_sigkill_mid_send_then_restart_sends_exactly_once(env):
    mail = Path(env["MBCNAV_TEST_MAIL_DIR"])
    first = subprocess.Popen(cli("worker", "--now", NOW, "--interval", "0.2"), env=env, cwd=ROOT)
    try:
        wait_for(lambda: any(mail.glob("started-*")), "the worker to start sending")
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait(30)
    assert first.returncode == -signal.SIGKILL
    assert list(mail.glob("*.eml")) == []
    assert outbox(env) == [("sending", 1)]

    (mail / "gate").write_text("open")
    # the lease of the killed worker still holds: a restart right away sends nothing
    done = subprocess.run(cli("worker", "--once", "--now", NOW), env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0 and list(mail.glob("*.eml")) == []
    # two workers at once after the lease ran out: one of them sends it, once
    both = [
        subprocess.Popen(cli("worker", "--once", "--now", AFTER_LEASE), env=env, cwd=ROOT)
        for _ in range(2)
    ]
    for p in both:
        p.wait(120)
    sent = list(mail.glob("*.eml"))
    assert len(sent) == 1, sent
    assert b"Subject: Your weekly check-in" in sent[0].read_bytes()
    assert outbox(env) == [("sent", 2)]
    later = subprocess.run(
        cli("worker", "--once", "--now", "2026-12-07T03:00:00+00:00"),
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert later.returncode == 0 and len(list(mail.glob("*.eml"))) == 1
