"""What reminder emails say, and their one-click unsubscribe links.

Messages say no more than needed: no diagnosis, no medicine in a subject line, and each
links to the page to act on. The unsubscribe link carries a signed token (person, kind, and
for a caregiver's copy the share): it works signed out, asks before it changes anything (mail
scanners open links), and cannot be forged for someone else.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing

SALT = "mbcnav.reminders.unsubscribe"
KINDS = {
    "checkin": "email_checkin",
    "appointment": "email_appointment",
    "questions": "email_questions",
    "copy": "copy_caregivers",
}
KIND_WORDS = {
    "checkin": "weekly check-in reminders",
    "appointment": "appointment reminders",
    "questions": "saved-question reminders",
    "copy": "copies of these reminders to you",
}


def unsubscribe_token(owner_id: int, kind: str, share_id: int | None = None) -> str:
    """Signed (person, kind), plus the share for a caregiver's copy: each caregiver stops only
    their own copies."""
    data = {"u": owner_id, "k": kind}
    if share_id is not None:
        data["s"] = share_id
    return signing.dumps(data, salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, str, int | None] | None:
    """(person, kind, share or None), or None for a forged or damaged token."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in KINDS:
        return None
    share = data.get("s")
    return int(data["u"]), data["k"], int(share) if share is not None else None


def unsubscribe_url(owner_id: int, kind: str, share_id: int | None = None) -> str:
    token = unsubscribe_token(owner_id, kind, share_id)
    return f"{settings.MBCNAV_SITE_URL}/reminders/unsubscribe/{token}/"


def _footer(unsubscribe: str, copy: bool) -> str:
    why = (
        "You get this copy because the person you care for chose to share their reminders."
        if copy
        else "You get this because you turned on this reminder in MBC Navigator."
    )
    return f"\n\n--\n{why}\nStop these emails with one click: {unsubscribe}\n"


def checkin(local_day: dt.date) -> tuple[str, str]:
    link = f"{settings.MBCNAV_SITE_URL}/checkins/"
    return (
        "Your weekly check-in",
        f"How are you feeling this week?\n\nTake a minute to check in: {link}\n\n"
        "If something feels urgent, call your care team's after-hours line, or 911 in an emergency.",
    )


def appointment(appt, zone) -> tuple[str, str]:
    when = appt.when.astimezone(zone)
    lines = [f"You have an appointment tomorrow, {when:%A %B %d} at {when:%H:%M}."]
    if appt.with_whom:
        lines.append(f"With: {appt.with_whom}")
    if appt.place:
        lines.append(f"Where: {appt.place}")
    lines.append(f"\nSee it in MBC Navigator: {settings.MBCNAV_SITE_URL}/record/")
    return "Reminder: appointment tomorrow", "\n".join(lines)


def questions(count: int) -> tuple[str, str]:
    link = f"{settings.MBCNAV_SITE_URL}/visits/"
    return (
        "Your questions for tomorrow's visit",
        f"You saved {count} question{'s' if count != 1 else ''} to ask at your visit tomorrow.\n\n"
        f"Read or print them here: {link}",
    )


def as_copy(subject: str, body: str, person: str) -> tuple[str, str]:
    return f"Copy for {person}: {subject}", f"A copy of a reminder sent to {person}.\n\n{body}"


def finish(body: str, unsubscribe: str, copy: bool = False) -> str:
    return body + _footer(unsubscribe, copy)
