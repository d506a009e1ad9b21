"""Import and export the patient file; own your data (export everything, delete the account)."""

from __future__ import annotations

import json

import yaml
from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from mbcnav.patient import PatientFileError
from mbcnav.web.core.models import audit

from .. import account_forms, services
from .common import context, record_view

MAX_UPLOAD = 2 * 1024 * 1024


@record_view(owner_only=True)
def import_file(request, owner):
    """Upload a patient file; a bad file changes nothing and says why, in one sentence."""
    form = account_forms.ImportForm(request.POST or None, request.FILES or None)
    error = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            error = _(
                "The file is larger than 2 MB; a patient file is much smaller. Check you chose the right file."
            )
        else:
            try:
                text = upload.read().decode("utf-8")
                services.import_text(owner, text, request.user)
            except UnicodeDecodeError:
                error = _("The file is not UTF-8 text; upload a YAML or JSON patient file.")
            except PatientFileError as err:
                error = str(err)
            else:
                messages.success(request, _("Your record was replaced by the file you uploaded."))
                return redirect("record:person", owner_id=owner.pk)
    return render(
        request,
        "record/import.html",
        context(request, owner, form=form, error=error),
        status=400 if error else 200,
    )


@record_view()
def export_file(request, owner, fmt):
    if fmt not in ("yaml", "json"):
        raise Http404
    data = services.export_patient(owner)
    if fmt == "json":
        body, kind = json.dumps(data, indent=2, ensure_ascii=False), "application/json"
    else:
        body = yaml.dump(
            data,
            Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
            sort_keys=False,
            allow_unicode=True,
        )
        kind = "application/yaml"
    audit(request.user, owner, "export", f"patient file ({fmt})")
    response = HttpResponse(body, content_type=f"{kind}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mbcnav-patient.{fmt}"'
    return response


@record_view(owner_only=True, log="own your data")
def my_data(request, owner):
    return render(
        request,
        "record/my_data.html",
        context(request, owner, delete_form=account_forms.DeleteAccountForm(user=owner)),
    )


@record_view(owner_only=True)
def export_everything(request, owner):
    audit(request.user, owner, "export", "everything")
    body = json.dumps(services.export_everything(owner), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mbcnav-everything.json"'
    return response


@record_view(owner_only=True)
def delete_account(request, owner):
    form = account_forms.DeleteAccountForm(request.POST or None, user=owner)
    if request.method == "POST" and form.is_valid():
        logout(request)
        services.delete_account(owner)
        messages.success(request, _("Your account and all its data were deleted."))
        return redirect("home")
    return render(
        request,
        "record/my_data.html",
        context(request, owner, delete_form=form),
        status=400 if request.method == "POST" else 200,
    )
