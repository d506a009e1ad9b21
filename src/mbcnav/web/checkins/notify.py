"""Tell the navigators a person shared with about an urgent or emergency check-in (inbox + email).

``create_alerts`` writes the inbox rows (call it inside the check-in's transaction);
``email_alerts`` sends the emails once that transaction has committed.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mbcnav.web.record.models import Share

from .models import Alert

#: The triage level as the email writes it: in the subject line, and inside a sentence.
LEVEL_TITLES = {"emergency": gettext_lazy("Emergency"), "urgent": gettext_lazy("Urgent")}
LEVEL_WORDS = {"emergency": gettext_lazy("emergency"), "urgent": gettext_lazy("urgent")}


def _summary(result) -> str:
    return "; ".join(f"{r.symptom}: {r.why}" for r in result.reasons[:5])


def create_alerts(owner, result) -> list[Alert]:
    """One inbox alert per navigator who still shares with ``owner``, for an urgent or emergency
    result."""
    if result.level not in ("emergency", "urgent"):
        return []
    shares = Share.objects.filter(
        owner=owner, role="navigator", grantee__isnull=False, revoked_at__isnull=True
    ).select_related("grantee")
    day = result.checkin_date or result.as_of
    alerts = []
    for share in shares:
        alerts.append(
            Alert.objects.create(
                owner=owner,
                navigator=share.grantee,
                checkin_date=day,
                level=result.level,
                summary=_summary(result),
            )
        )
    return alerts


def email_alerts(owner, alerts: list[Alert]) -> None:
    """One email per alert, its words through Django's translation like the pages; the inbox
    link is the site's full address (a bare path means nothing in an email)."""
    who = owner.first_name or owner.email
    inbox = f"{settings.MBCNAV_SITE_URL}{reverse('checkins:inbox')}"
    for alert in alerts:
        send_mail(
            subject=_("%(level)s check-in from %(who)s")
            % {"level": LEVEL_TITLES.get(alert.level, alert.level), "who": who},
            message=_(
                "%(who)s reported symptoms on %(day)s that triage rates %(level)s.\n\n%(summary)s\n\nOpen your inbox: %(url)s"
            )
            % {
                "who": who,
                "day": date_format(alert.checkin_date, "j M Y"),
                "level": LEVEL_WORDS.get(alert.level, alert.level),
                "summary": alert.summary,
                "url": inbox,
            },
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[alert.navigator.email],
            fail_silently=True,
        )


def notify_navigators(owner, result) -> list[Alert]:
    """Create the alerts and email them (for callers outside a check-in transaction)."""
    alerts = create_alerts(owner, result)
    email_alerts(owner, alerts)
    return alerts
