"""Guided set-up after sign-up: six short steps, each skippable, each checked by the engine.

Diagnosis and dates, receptors, where it has spread, current treatment, care team with the
24-hour number, ZIP code. The first page also offers to start from a patient file or a FHIR
import instead (the existing import pages).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from mbcnav.patient import vocabulary as v
from mbcnav.web.core.models import audit

from .. import forms as record_forms
from .. import sections
from ..models import CareTeamMember, Metastasis, Profile, Treatment
from .common import context, record_view


class DiagnosisStep(record_forms.DiagnosisForm):
    class Meta(record_forms.DiagnosisForm.Meta):
        fields = [
            "dx_date",
            "de_novo",
            "first_diagnosis_date",
            "first_diagnosis_stage",
            "histology",
            "inflammatory",
        ]


class ZipStep(record_forms.DiagnosisForm):
    class Meta(record_forms.DiagnosisForm.Meta):
        fields = ["postal_code"]
        help_texts = {
            "postal_code": _lazy(
                "Five digits. Used only to find trial sites and care centers near you."
            )
        }


class SitesStep(forms.Form):
    sites = forms.MultipleChoiceField(
        label=_lazy("Where has the cancer spread? Tick all that apply."),
        choices=[(s, s) for s in v.SITES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    date = forms.DateField(
        label=_lazy("When was this found?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_lazy("The date of the scan or biopsy, if you know it."),
    )


class TreatmentStep(record_forms.TreatmentForm):
    class Meta(record_forms.TreatmentForm.Meta):
        fields = ["drug_1", "drug_2", "drug_3", "start"]
        labels = {"start": _lazy("When did you start it?")}
        help_texts = {}

    def save(self, commit=True):
        self.instance.setting = "metastatic"
        return super().save(commit)


class CareTeamStep(record_forms.CareTeamForm):
    class Meta(record_forms.CareTeamForm.Meta):
        fields = ["name", "role", "phone", "after_hours"]
        labels = {"after_hours": _lazy("24-hour number (nights and weekends)")}
        help_texts = {
            "after_hours": _lazy(
                "The number your cancer team gives for fever or urgent problems at any hour."
            )
        }


STEPS = [
    ("diagnosis", _lazy("Diagnosis and dates"), DiagnosisStep),
    ("receptors", _lazy("Receptors (ER, PR, HER2)"), record_forms.ReceptorsForm),
    ("sites", _lazy("Where it has spread"), SitesStep),
    ("treatment", _lazy("Current treatment"), TreatmentStep),
    ("care-team", _lazy("Care team and 24-hour number"), CareTeamStep),
    ("zip", _lazy("ZIP code"), ZipStep),
]
SLUGS = [slug for slug, _title, _form in STEPS]


def is_empty(owner) -> bool:
    """Nothing entered yet: no diagnosis, receptors, sites or treatments."""
    profile = Profile.objects.filter(owner=owner).first()
    has_profile = profile is not None and any(
        (profile.dx_date, profile.er, profile.pr, profile.her2, profile.first_diagnosis_date)
    )
    return not (
        has_profile
        or Metastasis.objects.filter(owner=owner).exists()
        or Treatment.objects.filter(owner=owner).exists()
    )


@record_view(scope="edit", owner_only=True)
def start(request, owner):
    return render(
        request,
        "record/start.html",
        context(request, owner, steps=STEPS, first=SLUGS[0], empty=is_empty(owner)),
    )


def _next(slug: str):
    i = SLUGS.index(slug)
    return redirect("record:start_step", step=SLUGS[i + 1]) if i + 1 < len(SLUGS) else None


def _finish(request):
    messages.success(request, _("Your record is set up. You can change any part of it later."))
    return redirect("record:start_done")


@record_view(scope="edit", owner_only=True)
def step(request, owner, step):
    if step not in SLUGS:
        raise Http404
    index = SLUGS.index(step)
    _slug, title, form_class = STEPS[index]
    form, problem = _bind(request, owner, step, form_class)
    if request.method == "POST" and problem is None and form.is_valid():
        _save(request, owner, step, form)
        return _next(step) or _finish(request)
    following = SLUGS[index + 1] if index + 1 < len(SLUGS) else None
    skip = (
        reverse("record:start_step", args=[following])
        if following
        else reverse("record:start_done")
    )
    return render(
        request,
        "record/start_step.html",
        context(
            request,
            owner,
            form=form,
            title=title,
            number=index + 1,
            total=len(STEPS),
            skip=skip,
            drug_names=sorted(set(v.drug_names()), key=str.lower) if step == "treatment" else [],
        ),
    )


def _bind(request, owner, step, form_class):
    data = request.POST if request.method == "POST" else None
    if form_class is SitesStep:
        form = SitesStep(data)
        if data is not None and form.is_valid():
            for site in form.cleaned_data["sites"]:
                candidate = Metastasis(owner=owner, site=site, date=form.cleaned_data["date"])
                problem = sections.check(owner, sections.SECTIONS["sites"], candidate, form.fields)
                if problem:
                    form.add_error("date" if problem[0] == "date" else None, problem[1])
                    return form, problem
        return form, None
    if issubclass(form_class, forms.ModelForm) and form_class._meta.model is Profile:
        profile = Profile.objects.filter(owner=owner).first() or Profile(owner=owner)
        form = form_class(data, instance=profile)
        if data is not None and form.is_valid():
            problem = sections.check_profile(owner, form.save(commit=False), form.fields)
            if problem:
                form.add_error(*problem)
                return form, problem
        return form, None
    model = form_class._meta.model
    form = form_class(data, instance=model(owner=owner))
    if data is not None and form.is_valid():
        candidate = form.save(commit=False)
        candidate.owner = owner
        if model is Treatment and not candidate.drugs:
            form.add_error("drug_1", _("Type the name of a medicine, or skip this step."))
            return form, True
        section = sections.SECTIONS["treatments" if model is Treatment else "care-team"]
        problem = sections.check(owner, section, candidate, form.fields)
        if problem:
            form.add_error(*problem)
            return form, problem
    return form, None


def _save(request, owner, step, form) -> None:
    if isinstance(form, SitesStep):
        have = set(Metastasis.objects.filter(owner=owner).values_list("site", flat=True))
        for site in form.cleaned_data["sites"]:
            if site not in have:
                Metastasis.objects.create(owner=owner, site=site, date=form.cleaned_data["date"])
    else:
        row = form.save(commit=False)
        row.owner = owner
        row.save()
    audit(request.user, owner, "update", f"guided set-up: {step}")


@record_view(scope="edit", owner_only=True)
def done(request, owner):
    return render(
        request,
        "record/start_done.html",
        context(request, owner, has_team=CareTeamMember.objects.filter(owner=owner).exists()),
    )
