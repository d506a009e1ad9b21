"""Patient-portal pages (owner only): connect, the portal's answer, refresh, disconnect.

Every portal failure is one sentence on the FHIR page with HTTP 400, never a 500. Reading the
portal stages what it holds for the review page; nothing enters the record until accepted.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mbcnav.fhir import FhirError
from mbcnav.patient import PatientFileError

from . import portal
from .views import home_context


def _problem(request, sentence: str):
    return render(
        request,
        "interop/home.html",
        {**home_context(request, request.user), "portal_error": sentence},
        status=400,
    )


@login_required
@require_POST
def connect(request):
    try:
        url = portal.start(
            request.session,
            request.POST.get("portal", ""),
            request.build_absolute_uri(reverse("interop:portal_callback")),
        )
    except FhirError as err:
        return _problem(request, str(err))
    # A link, not a redirect: the site's Content-Security-Policy (form-action 'self') stops a
    # form post from being redirected to another site, and the person sees where they go.
    return render(
        request,
        "interop/portal_go.html",
        {"authorize_url": url, "portal": request.POST.get("portal", "")},
    )


@login_required
def callback(request):
    try:
        connection = portal.complete(
            request.session, request.user, request.user, request.build_absolute_uri()
        )
        portal.read(request.user, request.user, connection.portal)
    except (FhirError, PatientFileError) as err:
        return _problem(request, str(err))
    return redirect("interop:review")


@login_required
@require_POST
def refresh(request):
    try:
        portal.read(request.user, request.user, request.POST.get("portal", ""))
    except (FhirError, PatientFileError) as err:
        return _problem(request, str(err))
    return redirect("interop:review")


@login_required
@require_POST
def disconnect(request):
    portal.disconnect(request.user, request.user, request.POST.get("portal", ""))
    return redirect("interop:home")
