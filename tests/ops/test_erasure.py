"""Issue 16 (security review), item 10: deleting an account leaves no trace of the person on disk:
no lock-out rows with their email, address or browser, and (SQLite) no deleted text in the WAL
or in the database file's free pages."""

import subprocess
import sys

import pytest

from .test_data_safety import IS_PG, env_for

SECRET = "Zebra-Quokka-4417"  # a note only this person wrote

SCRIPT = f"""
import os, django
os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mbcnav.web.settings'); django.setup()
from django.contrib.auth.models import User
from django.db import connection
from mbcnav.web.record import services
from mbcnav.web.record.models import Note
user = User.objects.create_user('gone@example.org', 'gone@example.org', 'pw-long-enough-1')
for i in range(200):
    Note.objects.create(owner=user, date='2026-01-01', title='{SECRET} %d' % i, text='{SECRET} ' * 20)
import sqlite3
name = connection.settings_dict['NAME']
other = sqlite3.connect(name)  # another worker's connection keeps the WAL file alive
other.execute('select count(*) from auth_user').fetchone()
services.delete_account(user)
connection.ensure_connection()
for suffix in ('', '-wal'):
    try:
        raw = open(str(name) + suffix, 'rb').read()
    except FileNotFoundError:
        continue
    print(suffix or 'db', '{SECRET}'.encode() in raw)
"""


@pytest.mark.skipif(IS_PG, reason="SQLite's WAL and free pages")
def test_deleted_text_is_not_left_in_the_wal_or_free_pages(tmp_path):
    data = tmp_path / "data"
    env = env_for(data)
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--settings=mbcnav.web.settings", "-v", "0"],
        env=env,
        check=True,
        timeout=300,
    )
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    found = dict(line.split() for line in done.stdout.split("\n") if line.strip())
    assert "db" in found
    assert set(found.values()) == {"False"}, found


def test_deleting_an_account_removes_its_lockout_and_rate_limit_rows(client, db):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.auth.models import User

    from mbcnav.web.accounts.models import RateEvent
    from mbcnav.web.record import services

    email = "gone@example.org"
    user = User.objects.create_user(email, email, "right-password-123")
    client.post("/accounts/login/", {"username": email, "password": "wrong"})
    client.post("/accounts/login/", {"username": email, "password": "right-password-123"})
    client.post("/accounts/password/reset/", {"email": email})
    assert (
        AccessAttempt.objects.filter(username=email).exists()
        or AccessFailureLog.objects.filter(username=email).exists()
    )
    assert AccessLog.objects.filter(username=email).exists()
    assert RateEvent.objects.exists()
    services.delete_account(user)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert not model.objects.filter(username=email).exists(), model.__name__
    from mbcnav.web.accounts.limits import email_key

    assert not RateEvent.objects.filter(key=email_key(email)).exists()
