"""Saving a check-in with its triage in one transaction, and repairing check-ins left untriaged.

Before issue 16 a check-in's rows, its triage level and its alerts were three transactions, so
a server killed between them left emergency check-ins with no level and no alert. Now
``save_and_triage`` writes all three at once. ``repair_untriaged`` re-triages whatever is left
without a level (from a crash under the old code, or symptoms imported from a file); it runs at
start-up (``mbcnav serve``, ``mbcnav ops repair``) and when a navigator opens the roster.
Alerts are raised only for check-ins of the last ``ALERT_DAYS`` days: an emergency from months
ago in an imported file is history, not something a navigator can still act on.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from mbcnav.triage import triage
from mbcnav.web.record import services
from mbcnav.web.record.models import CheckIn

from .notify import create_alerts, email_alerts

ALERT_DAYS = 14


def save_and_triage(owner, symptoms: list[dict], actor, day: date):
    """Store the check-in, its triage level and its navigator alerts together; email after."""
    with transaction.atomic():
        services.add_checkin(owner, symptoms, actor)
        result = triage(services.patient_for(owner), day)
        services.set_triage_level(owner, day, result.level)
        alerts = create_alerts(owner, result)
    email_alerts(owner, alerts)
    return result


def repair_untriaged(owners=None) -> int:
    """Triage every (person, day) whose check-in rows have no level; returns how many days.

    ``owners`` limits the repair to those people (the roster passes the navigator's people).
    """
    rows = CheckIn.objects.filter(triage_level__isnull=True)
    if owners is not None:
        rows = rows.filter(owner__in=list(owners))
    days: dict[int, set[date]] = defaultdict(set)
    for owner_id, day in rows.values_list("owner_id", "date").distinct():
        days[owner_id].add(day)
    if not days:
        return 0
    recent = timezone.localdate() - timedelta(days=ALERT_DAYS)
    from django.contrib.auth import get_user_model

    done = 0
    for owner in get_user_model().objects.filter(pk__in=days):
        patient = services.patient_for(owner)
        for day in sorted(days[owner.pk]):
            with transaction.atomic():
                result = triage(patient, day)
                services.set_triage_level(owner, day, result.level)
                alerts = create_alerts(owner, result) if day >= recent else []
            email_alerts(owner, alerts)
            done += 1
    return done
