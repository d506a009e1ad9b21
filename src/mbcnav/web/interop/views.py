"""FHIR pages: download the record as a FHIR R4 / mCODE bundle; upload a bundle with a clear
report. "Add what is new" stages the bundle for the item-by-item review (``review`` below), the
same review the patient portal uses; "Replace" (owner only) writes the bundle at once."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from mbcnav.fhir import FhirError, import_bundle
from mbcnav.patient import PatientFileError
from mbcnav.web.core.models import audit
from mbcnav.web.record import services as record

from . import portal, services
from . import review as reviews
from .forms import BundleForm
from .models import PortalConnection


def _url(name: str, kw: dict) -> str:
    from django.urls import reverse

    return reverse(f"interop:{name}", kwargs=kw)


def home_context(request, owner) -> dict:
    """What the FHIR page shows besides the upload form: portals (owner only) and a waiting review."""
    is_owner = owner.pk == request.user.pk
    connections = {c.portal: c for c in PortalConnection.objects.filter(owner=owner)}
    return {
        "owner": owner,
        "is_owner": is_owner,
        "kw": record.url_kwargs(request.user, owner),
        "portals": [(item, connections.get(item["name"])) for item in portal.portals()]
        if is_owner
        else [],
        "pending": reviews.pending_for(owner) if record.can_edit(request.user, owner) else None,
    }


@login_required
def home(request, owner_id=None):
    owner = record.get_owner_for(request.user, owner_id)
    can_edit = record.can_edit(request.user, owner)
    is_owner = owner.pk == request.user.pk
    form = (
        BundleForm(request.POST or None, request.FILES or None, can_replace=is_owner)
        if can_edit
        else None
    )
    report, error = None, None
    if request.method == "POST":
        owner = record.get_owner_for(request.user, owner_id, "edit")
        upload = form.cleaned_data.get("bundle") if form.is_valid() else None
        if upload is not None and upload.size > settings.MBCNAV_FHIR_MAX_BYTES:
            error = _(
                "The file is larger than %(size)s, the most this site reads at once; ask your "
                "portal for a shorter export (for example one year of results)."
            ) % {"size": filesizeformat(settings.MBCNAV_FHIR_MAX_BYTES)}
        elif upload is not None and form.cleaned_data["mode"] == "merge":
            try:
                incoming, found = import_bundle(
                    upload.read(), max_entries=settings.MBCNAV_FHIR_MAX_ENTRIES
                )
                reviews.stage(owner, incoming, found, "FHIR bundle", request.user)
                return redirect(_url("review", record.url_kwargs(request.user, owner)))
            except (FhirError, PatientFileError) as err:
                error = str(err)
        elif upload is not None:
            try:
                report = services.import_into(
                    owner,
                    upload.read(),
                    request.user,
                    replace=True,
                    max_entries=settings.MBCNAV_FHIR_MAX_ENTRIES,
                )
            except (FhirError, PatientFileError) as err:
                error = str(err)
        elif "mode" in form.errors and request.POST.get("mode") == "replace":
            error = _(
                "Only the person whose record it is can replace it; choose 'Add what is new'."
            )
    return render(
        request,
        "interop/home.html",
        {**home_context(request, owner), "form": form, "report": report, "error": error},
        status=400 if error else 200,
    )


@login_required
def review(request, owner_id=None):
    """The item-by-item review of a staged import (file or portal): tick what to add."""
    owner = record.get_owner_for(request.user, owner_id, "edit")
    kw = record.url_kwargs(request.user, owner)
    pending, error, items = reviews.pending_for(owner), None, []
    if request.method == "POST":
        try:
            if request.POST.get("action") == "discard":
                reviews.discard(owner, request.user)
                return redirect(_url("home", kw))
            added = reviews.accept(owner, request.user, request.POST.getlist("item"))
            if added:
                request.session["mbcnav_review_added"] = added
                return redirect(_url("review", kw))
            error = _("Nothing was chosen; tick the items you want to add, or set them all aside.")
        except (FhirError, PatientFileError) as err:
            error = str(err)
        pending = reviews.pending_for(owner)
    if pending is not None:
        try:
            items = reviews.items_for(owner, pending)
        except FhirError as err:
            error = str(err)
    return render(
        request,
        "interop/review.html",
        {
            "owner": owner,
            "kw": kw,
            "pending": pending,
            "new_items": [p for p in items if p.kind == "new"],
            "differs": [p for p in items if p.kind == "differs"],
            "conflicts": [p for p in items if p.kind == "conflicts"],
            "added": request.session.pop("mbcnav_review_added", None),
            "error": error,
        },
        status=400 if error else 200,
    )


@login_required
def bundle(request, owner_id=None):
    owner = record.get_owner_for(request.user, owner_id)
    data = services.bundle_for(owner)
    audit(request.user, owner, "export", "FHIR bundle")
    response = HttpResponse(json.dumps(data, indent=2), content_type="application/fhir+json")
    response["Content-Disposition"] = 'attachment; filename="mbc-record-fhir.json"'
    return response
