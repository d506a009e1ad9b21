"""Words people read go through Django's translation files (issue 17): US English is the
source language (``locale/en_US``), the catalog agrees with the templates and code, its words
are in US spelling, and another language can follow by adding a catalog, nothing else."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.spelling import british_in

WEB = Path(__file__).resolve().parents[2] / "src" / "mbcnav" / "web"
CATALOG = WEB / "locale" / "en_US" / "LC_MESSAGES"
needs_gettext = pytest.mark.skipif(
    not (shutil.which("xgettext") and shutil.which("msgfmt")), reason="GNU gettext not installed"
)


def msgids(po: str) -> set[str]:
    """The source strings of a .po file (msgid and msgid_plural, continuation lines joined)."""
    found, current = set(), None
    for line in po.splitlines() + [""]:
        m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
        if m:
            if current is not None:
                found.add(current)
            current = m.group(2) if m.group(1).startswith("msgid") else None
        elif line.startswith('"') and current is not None:
            current += line[1:-1]
        else:
            if current is not None:
                found.add(current)
            current = None
    return found - {""}


def test_the_catalog_is_where_django_looks():
    assert WEB / "locale" in [Path(p) for p in settings.LOCALE_PATHS]
    assert settings.LANGUAGE_CODE == "en-us"
    assert (CATALOG / "django.po").is_file() and (CATALOG / "django.mo").is_file()


def test_the_catalog_holds_the_words_people_read_in_us_spelling():
    ids = msgids((CATALOG / "django.po").read_text("utf-8"))
    for heading in ("Library", "My record", "Care and support", "Visit guide", "Check-in"):
        assert heading in ids
    assert len(ids) > 500
    found = sorted({w for text in ids for w in british_in(text)})
    assert not found, found


@needs_gettext
def test_the_catalog_agrees_with_the_templates_and_code(tmp_path):
    """A fresh makemessages over a copy of the web package finds exactly the catalog's words,
    and the compiled .mo is the .po compiled (``scripts/messages`` remakes both)."""
    copy = tmp_path / "web"
    shutil.copytree(WEB, copy, ignore=shutil.ignore_patterns("static", "__pycache__", "*.mo"))
    (tmp_path / "only_here.py").write_text(
        "from mbcnav.web.settings import *  # noqa: F403\nLOCALE_PATHS = []\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "only_here",
        "MBCNAV_DATA_DIR": str(tmp_path / "data"),
    }
    (tmp_path / "data").mkdir()
    command = [sys.executable, "-m", "django", "makemessages", "-l", "en_US", "--no-location"]
    command += ["--ignore", "migrations/*"]
    subprocess.run(command, cwd=copy, env=env, check=True, capture_output=True)
    fresh = msgids((copy / "locale/en_US/LC_MESSAGES/django.po").read_text("utf-8"))
    ours = msgids((CATALOG / "django.po").read_text("utf-8"))
    assert fresh == ours, {"missing": sorted(fresh - ours)[:20], "stale": sorted(ours - fresh)[:20]}
    mo = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", mo, CATALOG / "django.po"], check=True)
    assert mo.read_bytes() == (CATALOG / "django.mo").read_bytes()


@needs_gettext
def test_another_language_follows_with_a_catalog_only(client, db, tmp_path, settings):
    """A Spanish catalog with one word, compiled, is used for a browser asking for Spanish;
    everyone else still reads the US English source."""
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Care and support"\nmsgstr "Apoyo y atención"\n',
        "utf-8",
    )
    subprocess.run(["msgfmt", "-o", folder / "django.mo", folder / "django.po"], check=True)
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    settings.LANGUAGES = [("en-us", "English"), ("es", "Español")]
    spanish = client.get("/about/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Apoyo y atención" in spanish and 'lang="es"' in spanish
    english = client.get("/about/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert "Care and support" in english and 'lang="en-us"' in english


@needs_gettext
def test_reminder_and_alert_emails_follow_the_language_catalog(tmp_path, settings, db):
    """Reminder and alert emails take their words from the catalog, like the pages: a Spanish
    catalog alone turns them Spanish (dates too, through Django's own month names); with no
    language asked for, they stay in the US English source."""
    import datetime as dt
    from types import SimpleNamespace
    from zoneinfo import ZoneInfo

    from django.contrib.auth.models import User
    from django.core import mail
    from django.utils import translation

    from mbcnav.web.checkins.models import Alert
    from mbcnav.web.checkins.notify import email_alerts
    from mbcnav.web.reminders import emails

    words = {
        "Your weekly check-in": "Su control semanal",
        "Reminder: appointment tomorrow": "Recordatorio: cita mañana",
        "You have an appointment tomorrow, %(day)s at %(time)s.": "Tiene una cita mañana, %(day)s a las %(time)s.",
        "Copy for %(person)s: %(subject)s": "Copia para %(person)s: %(subject)s",
        "Stop these emails with one click: %(link)s": "Deje de recibir estos correos: %(link)s",
        "%(level)s check-in from %(who)s": "Control %(level)s de %(who)s",
        "Emergency": "de emergencia",
    }
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    entries = "".join(f'msgid "{k}"\nmsgstr "{v}"\n\n' for k, v in words.items())
    (folder / "django.po").write_text(
        f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n{entries}', "utf-8"
    )
    subprocess.run(["msgfmt", "-o", folder / "django.mo", folder / "django.po"], check=True)
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    appt = SimpleNamespace(
        when=dt.datetime(2026, 12, 8, 16, 30, tzinfo=dt.UTC), with_whom="", place=""
    )
    chicago = ZoneInfo("America/Chicago")
    with translation.override("es"):
        subject, _ = emails.checkin(dt.date(2026, 12, 6))
        appt_subject, appt_body = emails.appointment(appt, chicago)
        copy_subject, _ = emails.as_copy(subject, "", "Ana")
        footer = emails.finish("", "https://example.org/u/")
    assert subject == "Su control semanal"
    assert appt_subject == "Recordatorio: cita mañana"
    assert appt_body.startswith("Tiene una cita mañana, martes, diciembre 8 a las 10:30.")
    assert copy_subject == "Copia para Ana: Su control semanal"
    assert "Deje de recibir estos correos: https://example.org/u/" in footer
    assert emails.checkin(dt.date(2026, 12, 6))[0] == "Your weekly check-in"  # the source
    assert emails.appointment(appt, chicago)[1].startswith(
        "You have an appointment tomorrow, Tuesday, December 8 at 10:30."
    )
    owner = User.objects.create_user("p@example.org", "p@example.org", first_name="Ana")
    nurse = User.objects.create_user("n@example.org", "n@example.org")
    alert = Alert.objects.create(
        owner=owner, navigator=nurse, checkin_date=dt.date(2026, 11, 20), level="emergency"
    )
    with translation.override("es"):
        email_alerts(owner, [alert])
    email_alerts(owner, [alert])
    assert [m.subject for m in mail.outbox] == [
        "Control de emergencia de Ana",
        "Emergency check-in from Ana",
    ]
    assert f"{settings.MBCNAV_SITE_URL}/checkins/inbox/" in mail.outbox[1].body
