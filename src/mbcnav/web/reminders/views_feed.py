"""The private calendar feed (secret address; renew, revoke), .ics downloads per event, and the
unsubscribe page (works signed out; GET asks, POST or RFC 8058 one-click does it)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from mbcnav.web.core.models import audit
from mbcnav.web.record.models import Appointment, Share

from . import emails
from . import feed as ical
from .models import CalendarFeed, MedicineSchedule, ReminderSettings


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_POST
def renew(request):
    CalendarFeed.for_owner(request.user).renew()
    audit(request.user, request.user, "update", "calendar feed address renewed")
    messages.success(
        request, _("Your calendar has a new address; the old one no longer works. Subscribe again.")
    )
    return redirect("reminders:home")


@login_required
@require_POST
def revoke(request):
    CalendarFeed.for_owner(request.user).revoke()
    audit(request.user, request.user, "update", "calendar feed address revoked")
    messages.success(request, _("Your calendar address was turned off."))
    return redirect("reminders:home")


def feed(request, token):
    """The whole calendar, for calendar apps (no sign-in: the address is the secret)."""
    row = CalendarFeed.objects.filter(token=token).select_related("owner").first()
    if not token or row is None or not row.owner.is_active:
        raise Http404
    return _ics(ical.feed_for(row.owner, timezone.now()), "mbcnav.ics")


@login_required
def event_ics(request, kind, pk):
    """One event (a medicine schedule, an appointment or the weekly check-in) as an .ics file."""
    owner, now = request.user, timezone.now()
    prefs = ReminderSettings.for_owner(owner)
    stamp = now
    if kind == "dose":
        row = get_object_or_404(MedicineSchedule, pk=pk, owner=owner)
        today = now.astimezone(prefs.zone).date()
        events = ical.dose_events(row, prefs.zone, today, stamp)
    elif kind == "appointment":
        events = [ical.appointment_event(get_object_or_404(Appointment, pk=pk, owner=owner), stamp)]
    elif kind == "checkin" and pk == owner.pk and prefs.weekly_checkin:
        events = [ical.checkin_event(prefs, stamp)]
    else:
        raise Http404
    if not events:
        raise Http404
    return _ics(ical.single(events, "MBC Navigator"), f"mbcnav-{kind}-{pk}.ics")


@csrf_exempt  # RFC 8058 one-click POST comes from the mail client, without a CSRF token
def unsubscribe(request, token):
    """GET asks (mail scanners open every link, so opening it must change nothing); POST, from
    the page's button or a mail client's RFC 8058 one-click, turns the reminders off."""
    found = emails.read_token(token)
    if found is None:
        raise Http404
    owner_id, kind, share_id = found
    owner = get_user_model().objects.filter(pk=owner_id).first()
    if owner is None:
        raise Http404
    share = None
    if share_id is not None:
        share = Share.objects.filter(pk=share_id, owner=owner).first()
        if share is None:
            raise Http404
    what = emails.KIND_WORDS[kind]
    if request.method != "POST":
        return render(request, "reminders/unsubscribe_confirm.html", {"what": what})
    prefs = ReminderSettings.for_owner(owner)
    if share is not None:  # one caregiver stops their own copies; the others still get theirs
        prefs.copy_stopped.add(share)
    else:  # the person's own kind (or a copy link from before links named the caregiver)
        setattr(prefs, emails.KINDS[kind], False)
        prefs.save(update_fields=[emails.KINDS[kind], "updated"])
    if request.POST.get("List-Unsubscribe") == "One-Click":  # RFC 8058, from the mail client
        return HttpResponse("Unsubscribed.", content_type="text/plain")
    return render(request, "reminders/unsubscribed.html", {"what": what})
