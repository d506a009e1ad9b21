"""Add, edit and delete entries of a record. Every save is checked by the engine first."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mbcnav.patient import vocabulary
from mbcnav.web.core.models import audit
from mbcnav.web.core.phones import phone_link

from .. import forms, sections
from ..describe import describe
from ..models import Profile
from .common import context, paged, record_view


def _section(slug: str) -> sections.Section:
    try:
        return sections.SECTIONS[slug]
    except KeyError:
        raise Http404 from None


def _datalists() -> dict:
    return {
        "drug_names": sorted(set(vocabulary.drug_names()), key=str.lower),
        "marker_names": forms.MARKER_NAMES,
        "marker_results": forms.MARKER_RESULTS,
        "lab_tests": forms.LAB_TESTS,
        "condition_names": forms.condition_names(),
    }


def _cell(row, column):
    value = getattr(row, column)
    if column == "drugs":  # a surgery or radiation names its procedure or site instead
        return ", ".join(value or []) or getattr(row, "procedure", "") or getattr(row, "site", "")
    if column == "start" and value is None and getattr(row, "date", None):
        value = row.date  # a surgery has one date
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if column in ("phone", "after_hours"):  # a number people can tap
        return phone_link(value)
    if hasattr(value, "isoformat"):
        if hasattr(value, "hour"):
            return date_format(timezone.localtime(value), "j M Y, H:i")
        return date_format(value, "j M Y")
    return str(value)


@record_view(log="section list")
def section_list(request, owner, section):
    sec = _section(section)
    rows = sec.model.objects.filter(owner=owner)
    headers = [sec.model._meta.get_field(c).verbose_name for c in sec.columns]
    base = reverse(
        "record:section_list", args=[owner.pk, sec.slug]
    )  # rows live at <base><pk>/edit|delete/
    page = paged(request, rows)
    table = [
        (
            f"{base}{row.pk}/",
            [(h, _cell(row, c)) for h, c in zip(headers, sec.columns, strict=True)],
        )
        for row in page
    ]
    return render(
        request,
        "record/section_list.html",
        context(request, owner, section=sec, headers=headers, table=table, page=page),
    )


def _save(request, owner, sec, instance, action):
    form = sec.form(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        candidate = form.save(commit=False)
        candidate.owner = owner
        problem = sections.check(owner, sec, candidate, form.fields)
        if problem:
            form.add_error(*problem)
        else:
            candidate.save()
            if hasattr(form, "after_save"):
                form.after_save(owner)
            audit(request.user, owner, action, f"{sec.slug} {candidate.pk}")
            messages.success(request, _("Saved."))
            return redirect("record:section_list", owner_id=owner.pk, section=sec.slug)
    return render(
        request,
        "record/section_form.html",
        context(
            request, owner, section=sec, form=form, editing=instance.pk is not None, **_datalists()
        ),
    )


@record_view(scope="edit")
def section_add(request, owner, section):
    sec = _section(section)
    return _save(request, owner, sec, sec.model(owner=owner), "create")


@record_view(scope="edit")
def section_edit(request, owner, section, pk):
    sec = _section(section)
    return _save(request, owner, sec, get_object_or_404(sec.model, pk=pk, owner=owner), "update")


@record_view(scope="edit")
def section_delete(request, owner, section, pk):
    sec = _section(section)
    row = get_object_or_404(sec.model, pk=pk, owner=owner)
    if request.method == "POST":
        what = describe(row)
        row.delete()
        audit(request.user, owner, "delete", f"{sec.slug} {pk}")
        messages.success(request, _("Deleted %(what)s.") % {"what": what})
        return redirect("record:section_list", owner_id=owner.pk, section=sec.slug)
    return render(
        request,
        "record/confirm_delete.html",
        context(request, owner, section=sec, row=row, what=describe(row)),
    )


@record_view(scope="edit")
def profile_edit(request, owner, part):
    if part not in sections.PROFILE_SECTIONS:
        raise Http404
    title, form_class = sections.PROFILE_SECTIONS[part]
    profile = Profile.objects.filter(owner=owner).first() or Profile(owner=owner)
    form = form_class(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        candidate = form.save(commit=False)
        problem = sections.check_profile(owner, candidate, form.fields)
        if problem:
            form.add_error(*problem)
        else:
            candidate.save()
            audit(request.user, owner, "update", part)
            messages.success(request, _("Saved."))
            return redirect("record:person", owner_id=owner.pk)
    return render(
        request,
        "record/profile_form.html",
        context(request, owner, title=title, form=form, part=part),
    )
