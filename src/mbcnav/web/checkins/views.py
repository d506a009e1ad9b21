"""Check-in pages: the one-minute form, the triage result, history, the weekly sheet, the navigator inbox."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mbcnav.patient import PatientFileError
from mbcnav.patient.derive import ongoing_drugs
from mbcnav.triage import TriageError, triage
from mbcnav.triage.follow_up import answers, questions_for, unread_words
from mbcnav.web.core.models import audit
from mbcnav.web.core.sentences import for_people
from mbcnav.web.record import services
from mbcnav.web.record.models import CheckIn, Share

from .charts import severity_chart
from .forms import CheckInForm
from .models import Alert
from .repair import save_and_triage


@login_required
def new(request, owner_id=None):
    owner = services.get_owner_for(request.user, owner_id, "edit")
    form = CheckInForm(request.POST or None, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        day = form.cleaned_data["date"]
        try:
            save_and_triage(owner, form.symptoms(), request.user, day)
        except PatientFileError as err:
            form.add_error(None, for_people(err))
        else:
            if form.unit_note:
                messages.info(request, form.unit_note)
            return redirect(
                reverse(
                    "checkins:result",
                    kwargs={"day": day.isoformat(), **services.url_kwargs(request.user, owner)},
                )
            )
    return render(
        request,
        "checkins/new.html",
        {"form": form, "owner": owner, "groups": form.groups(), "sections": form.sections()},
    )


SYMPTOM_FIELDS_KEY = "checkin_symptom_fields"  # the {% cache %} fragment name in new.html


def warm_symptom_fields() -> None:
    """Render the empty symptom fields for every language into the cache that ``new.html``'s
    ``{% cache %}`` fragment reads (called once in the gunicorn master, see ``wsgi.py``)."""
    from django.conf import settings
    from django.core.cache import cache
    from django.core.cache.utils import make_template_fragment_key
    from django.template.loader import render_to_string
    from django.utils import translation

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            form = CheckInForm(today=timezone.localdate())
            html = render_to_string(
                "checkins/_symptoms.html",
                {"form": form, "groups": form.groups(), "sections": form.sections()},
            )
            cache.set(make_template_fragment_key(SYMPTOM_FIELDS_KEY, [code]), html, 86400)


#: Days a page may be asked about: from 1900 (as the patient file) to a year ahead, so that
#: date arithmetic on them (a week back, a week on) never leaves Python's calendar.
FIRST_DAY = date(1900, 1, 1)


def _parse_day(day: str) -> date:
    try:
        when = date.fromisoformat(day)
    except ValueError:
        raise Http404 from None
    if not FIRST_DAY <= when <= timezone.localdate() + timedelta(days=366):
        raise Http404
    return when


@login_required
def result(request, day, owner_id=None):
    owner = services.get_owner_for(request.user, owner_id)
    when = _parse_day(day)
    if not CheckIn.objects.filter(owner=owner, date=when).exists():
        raise Http404
    audit(request.user, owner, "view", f"triage result {day}")
    return _result_page(request, owner, when)


def _result_page(request, owner, when: date, error: str | None = None, status: int = 200):
    patient = services.patient_for(owner)
    outcome = triage(patient, when)
    team = services.care_team_for(owner)
    questions = questions_for(patient, when, outcome)
    urls = services.url_kwargs(request.user, owner)
    sources = {s.url: s for q in questions for s in q.sources}
    return render(
        request,
        "checkins/result.html",
        {
            "owner": owner,
            "result": outcome,
            "questions": questions,
            "unread": unread_words(patient, when) if questions else [],
            "may_answer": services.can_edit(request.user, owner),
            "follow_up_url": reverse(
                "checkins:follow_up", kwargs={"day": when.isoformat(), **urls}
            ),
            "follow_up_sources": list(sources.values()),
            "error": error,
            "crisis": any("988" in r.do for r in outcome.reasons),
            "team": team,
            "day": when,
            "drugs": [d.name for d in ongoing_drugs(patient, when)],
            "after_hours": [m for m in team if m.after_hours],
            "urls": urls,
        },
        status=status,
    )


@login_required
@require_POST
def follow_up(request, day, owner_id=None):
    """Answers to the red-flag questions asked after words the app could not read: each "yes"
    joins the same day's check-in and the day is triaged again (one transaction)."""
    owner = services.get_owner_for(request.user, owner_id, "edit")
    when = _parse_day(day)
    if not CheckIn.objects.filter(owner=owner, date=when).exists():
        raise Http404
    back = reverse(
        "checkins:result",
        kwargs={"day": when.isoformat(), **services.url_kwargs(request.user, owner)},
    )
    ticked = request.POST.getlist("yes")
    if not ticked:
        audit(request.user, owner, "view", f"follow-up questions {day}: none apply")
        messages.info(
            request,
            _(
                "Thank you. You said none of these apply. If anything changes, check in again or call your team."
            ),
        )
        return redirect(back)
    try:
        entries = answers(ticked, when)
        save_and_triage(owner, entries, request.user, when)
    except TriageError as err:
        return _result_page(request, owner, when, error=str(err), status=400)
    except PatientFileError as err:
        return _result_page(request, owner, when, error=for_people(err), status=400)
    return redirect(back)


@login_required
def history(request, owner_id=None):
    owner = services.get_owner_for(request.user, owner_id)
    rows = CheckIn.objects.filter(owner=owner).order_by("date", "id")
    by_symptom: dict[str, list] = defaultdict(list)
    temps = []
    for row in rows:
        by_symptom[row.symptom].append((row.date, row.severity or None))
        if row.temperature_c is not None:
            temps.append((row.date, row.temperature_c))
    charts = [
        (name, mark_safe(severity_chart(name, pts))) for name, pts in sorted(by_symptom.items())
    ]  # noqa: S308 (our own SVG, escaped)
    levels = list(
        rows.exclude(triage_level__isnull=True)
        .values("date", "triage_level")
        .distinct()
        .order_by("-date")[:30]
    )
    audit(request.user, owner, "view", "check-in history")
    return render(
        request,
        "checkins/history.html",
        {
            "owner": owner,
            "charts": charts,
            "temps": temps,
            "levels": levels,
            "urls": services.url_kwargs(request.user, owner),
        },
    )


@login_required
def week(request, owner_id=None):
    owner = services.get_owner_for(request.user, owner_id)
    end = timezone.localdate()
    if request.GET.get("end"):
        end = _parse_day(request.GET["end"])
    days = [end - timedelta(days=i) for i in range(6, -1, -1)]
    rows = CheckIn.objects.filter(owner=owner, date__gte=days[0], date__lte=end)
    grid: dict[str, dict] = defaultdict(dict)
    for row in rows:
        grid[row.symptom][row.date] = row.severity or "reported"
    table = [(symptom, [grid[symptom].get(d, "") for d in days]) for symptom in sorted(grid)]
    return render(
        request,
        "checkins/week.html",
        {
            "owner": owner,
            "days": days,
            "table": table,
            "previous": (days[0] - timedelta(days=1)).isoformat(),
            "urls": services.url_kwargs(request.user, owner),
        },
    )


def _alerts_of_active_shares(navigator):
    """The navigator's alerts from people who still share with them (a revoked share hides
    its alerts: the navigator may no longer see or act on them)."""
    active = Share.objects.filter(
        owner=OuterRef("owner"), grantee=navigator, role="navigator", revoked_at__isnull=True
    )
    return Alert.objects.filter(Exists(active), navigator=navigator)


@login_required
def inbox(request):
    if not services.is_navigator(request.user):
        raise Http404
    alerts = _alerts_of_active_shares(request.user).select_related("owner")
    return render(request, "checkins/inbox.html", {"alerts": alerts})


@login_required
@require_POST
def acknowledge(request, alert_id):
    alert = get_object_or_404(_alerts_of_active_shares(request.user), pk=alert_id)
    alert.acknowledged_at = timezone.now()
    alert.save(update_fields=["acknowledged_at"])
    audit(
        request.user,
        alert.owner,
        "update",
        f"acknowledged {alert.level} alert {alert.checkin_date}",
    )
    return redirect("checkins:inbox")
