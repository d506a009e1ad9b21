"""Reminder pages: medicine schedules with taken/skipped marks, reminder settings, the feed.

The owner edits; caregivers and navigators with a share see the schedules read-only
(``/reminders/<owner_id>/``); strangers get 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mbcnav.patient import PatientFileError
from mbcnav.patient.usual import NOTICE
from mbcnav.web.core.models import audit
from mbcnav.web.core.sentences import for_people
from mbcnav.web.record import services as record
from mbcnav.web.record.models import Treatment

from . import services
from .forms import MarkForm, ScheduleForm, SettingsForm
from .models import CalendarFeed, MedicineSchedule, ReminderSettings


def _page(request, owner, *, form=None, settings_form=None, status=200):
    today = services.local_today(owner)
    is_self = owner.pk == request.user.pk
    medicines = services.current_medicines(owner, today)
    rows = list(MedicineSchedule.objects.filter(owner=owner).prefetch_related("marks"))
    schedules = [
        {
            "row": row,
            "describe": row.schedule.describe(),
            "doses": services.doses_around(row, today) if row.active else [],
            "adherence": services.adherence(row, today),
        }
        for row in rows
    ]
    suggestions = []
    for _t, name in medicines:
        s = services.suggestion(name)
        if s:
            suggestions.append({"drug": name, **s})
    feed = CalendarFeed.objects.filter(owner=owner).first() if is_self else None
    feed_url = (
        request.build_absolute_uri(reverse("reminders:feed", args=[feed.token]))
        if feed and feed.token
        else None
    )
    prefs = ReminderSettings.for_owner(owner)
    context = {
        "owner": owner,
        "is_self": is_self,
        "today": today,
        "schedules": schedules,
        "suggestions": suggestions,
        "notice": NOTICE,
        "form": form
        or ScheduleForm(medicines=medicines, initial=_initial(request, medicines, today)),
        "has_medicines": bool(medicines),
        "settings_form": settings_form or SettingsForm(instance=prefs),
        "prefs": prefs,
        "feed_url": feed_url,
    }
    return render(request, "reminders/home.html", context, status=status)


def _initial(request, medicines, today) -> dict:
    """The form's first values; ``?usual=<drug>`` fills in that drug's usual schedule."""
    initial = {"start": today.isoformat()}
    wanted = request.GET.get("usual")
    for t, name in medicines:
        s = services.suggestion(name) if name == wanted else None
        if s:
            fields = {
                k: ", ".join(str(x) for x in v) if isinstance(v, list) else v
                for k, v in s["fields"].items()
            }
            initial.update(fields, medicine=f"{t.pk}:{name}")
    return initial


@login_required
def home(request, owner_id=None):
    owner = record.get_owner_for(request.user, owner_id)
    if request.method == "GET" and owner.pk != request.user.pk:
        audit(request.user, owner, "view", "reminders")
    return _page(request, owner)


@login_required
@require_POST
def add_schedule(request):
    owner = request.user
    today = services.local_today(owner)
    medicines = services.current_medicines(owner, today)
    form = ScheduleForm(request.POST, medicines=medicines)
    if not form.is_valid():
        return _page(request, owner, form=form, status=400)
    treatment_id, _sep, drug = form.cleaned_data["medicine"].partition(":")
    treatment = get_object_or_404(Treatment, pk=treatment_id, owner=owner)
    try:
        services.add_schedule(owner, treatment, drug, form.cleaned_data)
    except PatientFileError as err:
        form.add_error(None, for_people(err))
        return _page(request, owner, form=form, status=400)
    audit(owner, owner, "create", f"medicine schedule ({drug})")
    messages.success(request, _("Schedule saved for %(drug)s.") % {"drug": drug})
    return redirect("reminders:home")


@login_required
@require_POST
def end_schedule(request, pk):
    row = get_object_or_404(MedicineSchedule, pk=pk, owner=request.user)
    row.end(services.local_today(request.user), "ended by you")
    messages.success(request, _("The schedule for %(drug)s has ended.") % {"drug": row.drug})
    return redirect("reminders:home")


@login_required
@require_POST
def mark_dose(request, pk):
    row = get_object_or_404(MedicineSchedule, pk=pk, owner=request.user)
    form = MarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That dose could not be marked; reload the page and try again."))
        return redirect("reminders:home")
    d = form.cleaned_data
    try:
        services.mark(
            row, d["day"], d["at"], d["status"], d["reason"], services.local_today(row.owner)
        )
    except PatientFileError as err:
        messages.error(request, for_people(err))
        return _page(request, request.user, status=400)
    return redirect(reverse("reminders:home") + f"#schedule-{row.pk}")


@login_required
@require_POST
def save_settings(request):
    prefs = ReminderSettings.for_owner(request.user)
    form = SettingsForm(request.POST, instance=prefs)
    if not form.is_valid():
        return _page(request, request.user, settings_form=form, status=400)
    form.save()
    messages.success(request, _("Your reminder settings were saved."))
    return redirect("reminders:home")
