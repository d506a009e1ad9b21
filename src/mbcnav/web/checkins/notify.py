"""Tell the navigators a person shared with about an urgent or emergency check-in (inbox + email)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from mbcnav.web.record.models import Share

from .models import Alert


def notify_navigators(owner, result) -> list[Alert]:
    if result.level not in ("emergency", "urgent"):
        return []
    shares = Share.objects.filter(
        owner=owner, role="navigator", grantee__isnull=False, revoked_at__isnull=True
    ).select_related("grantee")
    who = owner.first_name or owner.email
    summary = "; ".join(f"{r.symptom}: {r.why}" for r in result.reasons[:5])
    alerts = []
    for share in shares:
        alert = Alert.objects.create(
            owner=owner,
            navigator=share.grantee,
            checkin_date=result.checkin_date or result.as_of,
            level=result.level,
            summary=summary,
        )
        alerts.append(alert)
        send_mail(
            subject=_("%(level)s check-in from %(who)s")
            % {"level": result.level.capitalize(), "who": who},
            message=_(
                "%(who)s reported symptoms on %(day)s that triage rates %(level)s.\n\n%(summary)s\n\nOpen your inbox: %(url)s"
            )
            % {
                "who": who,
                "day": alert.checkin_date.isoformat(),
                "level": result.level,
                "summary": summary,
                "url": reverse("checkins:inbox"),
            },
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[share.grantee.email],
            fail_silently=True,
        )
    return alerts
