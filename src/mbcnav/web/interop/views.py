"""FHIR pages: download the record as a FHIR R4 / mCODE bundle; upload a bundle with a clear report."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from mbcnav.fhir import FhirError
from mbcnav.patient import PatientFileError
from mbcnav.web.core.models import audit
from mbcnav.web.record import services as record

from . import services
from .forms import BundleForm


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
        elif upload is not None:
            try:
                report = services.import_into(
                    owner,
                    upload.read(),
                    request.user,
                    replace=form.cleaned_data["mode"] == "replace",
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
        {
            "owner": owner,
            "form": form,
            "report": report,
            "error": error,
            "kw": record.url_kwargs(request.user, owner),
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
