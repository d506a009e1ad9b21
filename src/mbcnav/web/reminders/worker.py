"""The reminder worker: plan what is due, queue it once, send it once.

``plan(now)`` turns settings, appointments and saved questions into outbox rows, one per
(person, kind, occurrence, recipient) thanks to the row's unique key, so planning twice (or
in two workers) queues nothing twice. ``send_due(now, worker)`` claims each due row with a
conditional UPDATE that sets a lease; only the worker whose UPDATE matched sends it. A worker
killed mid-send leaves the row 'sending' until its lease runs out; then another claims it.
A failed send goes back to the queue after 1, 2, 4... minutes, and is 'failed' after
``MAX_ATTEMPTS``. Every function takes ``now``: tests drive the clock, nothing sleeps but
``loop``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import time

from django.core.mail import EmailMessage
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Q

from mbcnav.web import config
from mbcnav.web.record.models import Appointment, Share

from . import emails
from .models import Outbox, ReminderSettings
from .outbox_models import MAX_ATTEMPTS

log = logging.getLogger(__name__)
LEASE = dt.timedelta(minutes=5)
SENT_TRIES = 5  # tries to record a send while the database is busy
RETRY_PAUSE = 0.2  # seconds, times the try number
CHECKIN_WINDOW = dt.timedelta(hours=24)  # a check-in reminder missed by this much is dropped


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


# ---------------------------------------------------------------- planning
def _queue(owner, kind: str, occurrence: str, subject: str, body: str, now, person: str) -> int:
    """Queue the message for the person (and caregiver copies); returns rows added."""
    prefs = ReminderSettings.for_owner(owner)
    recipients = [(owner.email, "self", subject, body, emails.unsubscribe_url(owner.pk, kind))]
    if prefs.copy_caregivers:
        stopped = set(prefs.copy_stopped.values_list("pk", flat=True))
        for share in Share.objects.filter(
            owner=owner, role="caregiver", revoked_at__isnull=True, grantee__isnull=False
        ).select_related("grantee"):
            if share.pk in stopped:  # this caregiver stopped their own copies
                continue
            s, b = emails.as_copy(subject, body, person)
            link = emails.unsubscribe_url(owner.pk, "copy", share.pk)
            recipients.append((share.grantee.email, f"copy{share.grantee_id}", s, b, link))
    added = 0
    for address, who, subj, text, unsubscribe in recipients:
        if not address:
            continue
        try:
            with transaction.atomic():
                Outbox.objects.create(
                    owner=owner,
                    key=f"{owner.pk}:{kind}:{occurrence}:{who}",
                    kind=kind,
                    occurrence=occurrence,
                    recipient=address,
                    subject=subj,
                    body=emails.finish(text, unsubscribe, copy=who != "self"),
                    unsubscribe=unsubscribe,
                    next_try=now,
                    created=now,
                )
            added += 1
        except IntegrityError:  # already queued (or sent) by this or another worker
            pass
    return added


def _person(owner) -> str:
    return owner.first_name or owner.email.split("@")[0]


_warned: set[str] = set()


def not_ready() -> str | None:
    """Why no email may be queued now (None when it may): outside DEBUG, a site address that
    only works on this machine (the default) would put dead links in every email."""
    from django.conf import settings

    url = settings.MBCNAV_SITE_URL
    if settings.DEBUG or not config.site_url_is_local(url):
        return None
    return (
        f"MBCNAV_SITE_URL is {url or 'empty'}, an address that only works on this machine; "
        "set it to the site's public address (or DEBUG=1 for a trial on this machine)."
    )


def plan(now: dt.datetime) -> int:
    """Queue every reminder due at ``now``; returns how many rows were added."""
    reason = not_ready()
    if reason:
        if reason not in _warned:  # one log line per process, not one per pass
            _warned.add(reason)
            log.warning("Reminder emails are not queued: %s", reason)
        return 0
    added = 0
    wanted = Q(email_checkin=True) | Q(email_appointment=True) | Q(email_questions=True)
    for prefs in ReminderSettings.objects.filter(wanted).select_related("owner"):
        try:  # one bad row (say, a time zone no longer known) must not stop everyone else's
            with transaction.atomic():
                added += _plan_person(prefs, now)
        except Exception:
            log.exception("Reminders for person %s could not be planned; skipped.", prefs.owner_id)
    return added


def _plan_person(prefs, now: dt.datetime) -> int:
    owner, zone, added = prefs.owner, prefs.zone, 0
    local = now.astimezone(zone)
    if not owner.is_active or prefs.quiet_at(local.time()):
        return 0
    if prefs.email_checkin and prefs.weekly_checkin:
        back = (local.weekday() - prefs.checkin_weekday) % 7
        due = dt.datetime.combine(
            local.date() - dt.timedelta(days=back), prefs.checkin_time, tzinfo=zone
        )
        if due > local:
            due -= dt.timedelta(days=7)
        if local - due < CHECKIN_WINDOW:
            subject, body = emails.checkin(due.date())
            added += _queue(
                owner, "checkin", due.date().isoformat(), subject, body, now, _person(owner)
            )
    if prefs.email_appointment or prefs.email_questions:
        added += _plan_visits(prefs, local, now)
    return added


def _plan_visits(prefs, local: dt.datetime, now: dt.datetime) -> int:
    from mbcnav.web.visits.services import current

    owner, zone, added = prefs.owner, prefs.zone, 0
    tomorrow = local.date() + dt.timedelta(days=1)
    start = dt.datetime.combine(tomorrow, dt.time(0), tzinfo=zone)
    for appt in Appointment.objects.filter(
        owner=owner, when__gte=start, when__lt=start + dt.timedelta(days=1)
    ):
        occurrence = f"{appt.pk}@{appt.when.astimezone(dt.UTC):%Y%m%dT%H%M}"
        if prefs.email_appointment:
            subject, body = emails.appointment(appt, zone)
            added += _queue(owner, "appointment", occurrence, subject, body, now, _person(owner))
        if prefs.email_questions:
            count = current(owner).filter(ticked=False).count()
            if count:
                subject, body = emails.questions(count)
                added += _queue(owner, "questions", occurrence, subject, body, now, _person(owner))
    return added


# ---------------------------------------------------------------- sending
def claim(now: dt.datetime, worker: str, limit: int = 20) -> list[Outbox]:
    """Rows this worker now holds a lease on (queued and due, or abandoned by a dead worker)."""
    abandoned = Q(status="sending", lease_until__lt=now)
    # A row whose lease ran out after its last allowed try (its worker died each time) is failed,
    # not tried forever.
    Outbox.objects.filter(abandoned, attempts__gte=MAX_ATTEMPTS).update(
        status="failed",
        lease_until=None,
        last_error=f"no worker finished sending it in {MAX_ATTEMPTS} tries",
    )
    ready = Q(status="queued", next_try__lte=now) | (abandoned & Q(attempts__lt=MAX_ATTEMPTS))
    mine = []
    for row in Outbox.objects.filter(ready).order_by("next_try", "id")[:limit]:
        got = (
            Outbox.objects.filter(pk=row.pk)
            .filter(ready)
            .update(
                status="sending",
                lease_until=now + LEASE,
                claimed_by=worker,
                attempts=row.attempts + 1,
            )
        )
        if got == 1:
            row.refresh_from_db()
            mine.append(row)
    return mine


def deliver(row: Outbox, now: dt.datetime, worker: str) -> bool:
    message = EmailMessage(
        row.subject,
        row.body,
        to=[row.recipient],
        headers={
            "List-Unsubscribe": f"<{row.unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    try:
        message.send()
    except Exception as err:  # any backend failure: back to the queue with a delay
        delay = dt.timedelta(minutes=2 ** (row.attempts - 1))
        status = "failed" if row.attempts >= MAX_ATTEMPTS else "queued"
        Outbox.objects.filter(pk=row.pk, claimed_by=worker).update(
            status=status, next_try=now + delay, lease_until=None, last_error=str(err)[:300]
        )
        log.warning("Reminder %s not sent (attempt %s): %s", row.key, row.attempts, err)
        return False
    _mark_sent(row, now, worker)
    return True


def _update_sent(row: Outbox, now: dt.datetime, worker: str) -> None:
    Outbox.objects.filter(pk=row.pk, claimed_by=worker).update(
        status="sent", sent_at=now, lease_until=None, last_error=""
    )


def _mark_sent(row: Outbox, now: dt.datetime, worker: str) -> None:
    """Record the send, trying again while the database is busy (SQLite 'database is locked'):
    a row left 'sending' would be sent a second time once its lease ran out."""
    for attempt in range(1, SENT_TRIES + 1):
        try:
            _update_sent(row, now, worker)
            return
        except OperationalError:
            if attempt == SENT_TRIES:
                log.exception("Reminder %s was sent but could not be marked sent.", row.key)
                return
            time.sleep(RETRY_PAUSE * attempt)


def send_due(now: dt.datetime, worker: str) -> int:
    return sum(deliver(row, now, worker) for row in claim(now, worker))


def run_once(now: dt.datetime, worker: str | None = None) -> tuple[int, int]:
    """Plan, then send what is due; returns (queued, sent)."""
    worker = worker or worker_name()
    return plan(now), send_due(now, worker)


def loop(interval: float = 30.0, parent: int | None = None, clock=None) -> None:
    """Run until stopped (or until the process that started us is gone)."""
    from django.db import close_old_connections
    from django.utils import timezone

    clock = clock or timezone.now
    worker = worker_name()
    while parent is None or os.getppid() == parent:
        close_old_connections()
        try:
            run_once(clock(), worker)
        except Exception:  # a bad row or a locked database must not stop reminders
            log.exception("Reminder worker pass failed; trying again shortly.")
        time.sleep(interval)


def counts() -> dict[str, int]:
    out = dict.fromkeys(("queued", "sending", "sent", "failed"), 0)
    for status in out:
        out[status] = Outbox.objects.filter(status=status).count()
    return out
