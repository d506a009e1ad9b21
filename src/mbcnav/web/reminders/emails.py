"""What reminder emails say, and their one-click unsubscribe links.

Every word goes through Django's translation (``gettext``), like the pages, so the catalog
holds them and another language can follow. Messages say no more than needed: no diagnosis, no medicine in a subject line, and each
links to the page to act on. The unsubscribe link carries a signed token (person, kind, and
for a caregiver's copy the share): it works signed out, asks before it changes anything (mail
scanners open links), and cannot be forged for someone else.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

SALT = "mbcnav.reminders.unsubscribe"
KINDS = {
    "checkin": "email_checkin",
    "appointment": "email_appointment",
    "questions": "email_questions",
    "copy": "copy_caregivers",
}
KIND_WORDS = {
    "checkin": gettext_lazy("weekly check-in reminders"),
    "appointment": gettext_lazy("appointment reminders"),
    "questions": gettext_lazy("saved-question reminders"),
    "copy": gettext_lazy("copies of these reminders to you"),
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
        _("You get this copy because the person you care for chose to share their reminders.")
        if copy
        else _("You get this because you turned on this reminder in MBC Navigator.")
    )
    stop = _("Stop these emails with one click: %(link)s") % {"link": unsubscribe}
    return f"\n\n--\n{why}\n{stop}\n"


def checkin(local_day: dt.date) -> tuple[str, str]:
    link = f"{settings.MBCNAV_SITE_URL}/checkins/"
    return (
        _("Your weekly check-in"),
        _(
            "How are you feeling this week?\n\nTake a minute to check in: %(link)s\n\n"
            "If something feels urgent, call your care team's after-hours line, or 911 in an "
            "emergency."
        )
        % {"link": link},
    )


def appointment(appt, zone) -> tuple[str, str]:
    when = appt.when.astimezone(zone)
    # Translators: the appointment's day, in Django's date format letters ("Tuesday, December 8").
    day_format = _("l, F j")
    lines = [
        _("You have an appointment tomorrow, %(day)s at %(time)s.")
        % {"day": date_format(when, day_format), "time": date_format(when, "H:i")}
    ]
    if appt.with_whom:
        lines.append(_("With: %(who)s") % {"who": appt.with_whom})
    if appt.place:
        lines.append(_("Where: %(place)s") % {"place": appt.place})
    lines.append(
        "\n"
        + _("See it in MBC Navigator: %(link)s") % {"link": f"{settings.MBCNAV_SITE_URL}/record/"}
    )
    return _("Reminder: appointment tomorrow"), "\n".join(lines)


def questions(count: int) -> tuple[str, str]:
    link = f"{settings.MBCNAV_SITE_URL}/visits/"
    saved = ngettext(
        "You saved %(count)d question to ask at your visit tomorrow.",
        "You saved %(count)d questions to ask at your visit tomorrow.",
        count,
    ) % {"count": count}
    return (
        _("Your questions for tomorrow's visit"),
        saved + "\n\n" + _("Read or print them here: %(link)s") % {"link": link},
    )


def as_copy(subject: str, body: str, person: str) -> tuple[str, str]:
    return (
        _("Copy for %(person)s: %(subject)s") % {"person": person, "subject": subject},
        _("A copy of a reminder sent to %(person)s.") % {"person": person} + "\n\n" + body,
    )


def finish(body: str, unsubscribe: str, copy: bool = False) -> str:
    return body + _footer(unsubscribe, copy)
