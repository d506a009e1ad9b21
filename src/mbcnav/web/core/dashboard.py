"""What matters today for the signed-in person, for the home page: the next appointment, a
check-in prompt, open alerts, trials that may fit and were updated lately, and the questions
saved for the next visit. Records shared with them are listed too (caregivers, navigators)."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

RECENT_ALERT = timedelta(days=3)  # an urgent or emergency check-in stays "open" this long
NEW_TRIAL = timedelta(days=60)  # a likely-fit trial updated this recently counts as new


def today_for(user, today: date | None = None) -> dict:
    from mbcnav.web.checkins.models import Alert
    from mbcnav.web.record import services
    from mbcnav.web.visits.services import current as current_questions
    from mbcnav.web.visits.services import refresh as refresh_questions

    today = today or timezone.localdate()
    refresh_questions(user, today)  # the guide's questions from the record as it is today
    checkins = services.latest_checkins(user, 1)
    last = checkins[0].date if checkins else None
    triaged = [
        c
        for c in services.latest_checkins(user, 20)
        if c.triage_level in ("emergency", "urgent") and today - c.date <= RECENT_ALERT
    ]
    out = {
        "appointment": next(iter(services.upcoming_appointments(user, 1)), None),
        "last_checkin": last,
        "days_since_checkin": (today - last).days if last else None,
        "my_alert": triaged[0] if triaged else None,
        "navigator_alerts": Alert.objects.filter(navigator=user, acknowledged_at__isnull=True)
        .select_related("owner")
        .count(),
        "questions": list(current_questions(user).filter(ticked=False).order_by("position")[:3]),
        "question_count": current_questions(user).filter(ticked=False).count(),
        "shared": [o for o in services.visible_owners(user) if o.pk != user.pk],
        "new_trials": _new_trials(user, today),
    }
    from mbcnav.web.record.views.start import is_empty

    out["empty"] = is_empty(user)
    return out


def _new_trials(user, today: date) -> dict:
    """Trials the record may fit ("you may be able to join"): how many, and the three most
    recently updated, with those updated in the last 60 days marked new."""
    from mbcnav.web.trials import services as trials

    found = list(trials.matches_for(user, today, fit="likely"))
    since = (today - NEW_TRIAL).isoformat()
    newest = sorted(found, key=lambda m: m.trial.last_update or "", reverse=True)[:3]
    return {
        "count": len(found),
        "newest": [(m, (m.trial.last_update or "") >= since) for m in newest],
    }
