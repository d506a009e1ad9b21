"""Forms a person uses to keep their record. Plain labels, help text, date pickers.

Field-level checks are Django's (a date is a date); every rule of the record (end before
start, dates in the future, impossible values) is checked once, by the engine's ``parse``,
in ``record.validation``.
"""

from __future__ import annotations

import copy

from django import forms
from django.utils.translation import gettext_lazy as _

from mbcnav.patient import vocabulary as v

from . import models as m
from .field_checks import lab_value, phone_number

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


NOT_KNOWN = _("Not known")


def _blank(choices, label=NOT_KNOWN):
    return [("", label), *choices]


class RecordForm(forms.ModelForm):
    """Date widgets everywhere and a blank 'not known' choice for optional selects."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django ties each field's help text to it (aria-describedby "<id>_helptext")
        for field in self.fields.values():
            if isinstance(field, forms.DateTimeField):
                field.widget = copy.deepcopy(DATETIME)
                field.input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
            elif isinstance(field, forms.DateField):
                field.widget = copy.deepcopy(DATE)
            elif isinstance(field, forms.TypedChoiceField) and not field.required:
                field.choices = _blank([c for c in field.choices if c[0] != ""])


class DiagnosisForm(RecordForm):
    class Meta:
        model = m.Profile
        fields = [
            "name",
            "birth_year",
            "sex",
            "postal_code",
            "dx_date",
            "de_novo",
            "first_diagnosis_date",
            "first_diagnosis_stage",
            "histology",
            "inflammatory",
        ]
        labels = {"name": _("Name to show on your summary"), "postal_code": _("ZIP code")}
        help_texts = {
            "dx_date": _("The day metastatic (stage IV) breast cancer was diagnosed."),
            "de_novo": _(
                "Yes if the cancer had already spread when breast cancer was first found."
            ),
            "first_diagnosis_date": _(
                "When breast cancer was first diagnosed, if the cancer came back later."
            ),
            "inflammatory": _(
                "Yes if your team called it inflammatory breast cancer (the breast turned red, "
                "swollen and warm within weeks). Some trials are only for it."
            ),
            "histology": _(
                "Ductal or lobular: written near the top of the pathology report, under 'diagnosis'."
            ),
            "postal_code": _("Used only to measure the distance to trial sites."),
        }


class ReceptorsForm(RecordForm):
    class Meta:
        model = m.Profile
        fields = ["er", "pr", "her2", "biopsy_site", "biopsy_date"]
        labels = {
            "er": _("Estrogen receptor (ER)"),
            "pr": _("Progesterone receptor (PR)"),
            "her2": _("HER2 result"),
            "biopsy_site": _("Where the biopsy was taken"),
            "biopsy_date": _("Date of the biopsy"),
        }
        help_texts = {
            "er": _(
                "The share of cancer cells with estrogen receptors. 'Low' means 1 to 10% of cells stain."
            ),
            "her2": _(
                "HER2 is a protein on the surface of some cancer cells. The pathology report scores it with a test "
                "called IHC from 0 to 3+. 'IHC 1+' means a faint, partial stain on more than 1 in 10 cancer cells: "
                "this is called HER2-low, not HER2-positive. A 2+ result is checked with a second test (ISH or "
                "FISH); 2+ with a negative ISH is also HER2-low. Look for 'HER2' in the 'biomarkers' or "
                "'immunohistochemistry' part of the report, near ER and PR."
            ),
            "biopsy_site": _(
                "Use the results of the most recent biopsy, for example of the liver or a bone."
            ),
        }


class EcogForm(RecordForm):
    ecog = forms.TypedChoiceField(
        label=_("ECOG performance status"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", _("Not known")),
            (0, _("0: fully active")),
            (1, _("1: light work is fine; strenuous activity is hard")),
            (2, _("2: up and about more than half the day; cannot work")),
            (3, _("3: in bed or a chair more than half the day")),
            (4, _("4: in bed or a chair all day")),
        ],
        help_text=_("A score your doctor uses to describe how daily activity is going."),
    )
    karnofsky = forms.TypedChoiceField(
        label=_("Karnofsky score"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", _("Not known")),
            (100, _("100: normal, no signs of illness")),
            (90, _("90: normal activity, minor signs of illness")),
            (80, _("80: normal activity with effort")),
            (70, _("70: cares for self; cannot work or do normal activity")),
            (60, _("60: needs help now and then; cares for most personal needs")),
            (50, _("50: needs a lot of help and frequent medical care")),
            (40, _("40: disabled; needs special care and help")),
            (30, _("30: severely disabled; in the hospital")),
            (20, _("20: very sick; in the hospital for supportive care")),
            (10, _("10: very sick, getting worse fast")),
        ],
        help_text=_(
            "Another score of daily activity, from 0 to 100. Some clinic letters and trials use "
            "it instead of ECOG ('KPS 80')."
        ),
    )

    class Meta:
        model = m.Profile
        fields = ["ecog", "ecog_date", "karnofsky", "menopausal_status", "menopausal_detail"]
        labels = {
            "ecog_date": _("Date of the score"),
            "menopausal_status": _("Menopause"),
            "menopausal_detail": _("Anything to add about menopause"),
        }
        help_texts = {
            "menopausal_status": _(
                "Whether your periods have stopped for good. Many trials ask for it. Your care "
                "team can tell you if you are not sure."
            ),
            "menopausal_detail": _(
                "For example: after surgery to remove both ovaries, or on a monthly shot to "
                "pause the ovaries (ovarian suppression)."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["menopausal_status"].choices = [
            ("", _("Not entered")),
            ("premenopausal", _("Before menopause: still having periods (premenopausal)")),
            ("perimenopausal", _("Around menopause: periods changing (perimenopausal)")),
            ("postmenopausal", _("After menopause: periods stopped for good (postmenopausal)")),
            ("unknown", _("Not sure")),
        ]


class BiomarkerForm(RecordForm):
    class Meta:
        model = m.Biomarker
        fields = ["marker", "result", "test_date", "sample_site"]
        help_texts = {
            "marker": _("For example PIK3CA, ESR1, BRCA1, BRCA2, PD-L1, MSI or TMB."),
            "result": _(
                "For example mutated, not mutated, positive, negative, or 'CPS 12' for PD-L1."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["marker"].widget.attrs["list"] = "marker-names"
        self.fields["result"].widget.attrs["list"] = "marker-results"


class MetastasisForm(RecordForm):
    class Meta:
        model = m.Metastasis
        fields = ["site", "date", "measurable", "status"]
        help_texts = {
            "measurable": _(
                "Your scan report may say 'measurable disease' or give a size in millimetres."
            ),
            "status": _("Only for the brain: active, treated and stable, or treated and growing."),
        }


class TreatmentForm(RecordForm):
    drug_1 = forms.CharField(
        label=_("Drug"),
        required=False,
        max_length=80,
        help_text=_("Type the generic or brand name; suggestions appear as you type."),
    )
    drug_2 = forms.CharField(
        label=_("Second drug (if given together)"), required=False, max_length=80
    )
    drug_3 = forms.CharField(label=_("Third drug"), required=False, max_length=80)

    class Meta:
        model = m.Treatment
        fields = [
            "type",
            "drug_1",
            "drug_2",
            "drug_3",
            "setting",
            "start",
            "end",
            "stop_reason",
            "site",
            "procedure",
            "date",
        ]
        help_texts = {
            "setting": _(
                "Metastatic for treatment of stage IV disease; adjuvant or neoadjuvant for early treatment."
            ),
            "end": _("Leave empty if you are still on it."),
            "site": _("Radiation only: the part of the body treated."),
            "procedure": _("Surgery only: for example mastectomy."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        drugs = list(self.instance.drugs or []) if self.instance.pk else []
        for i in range(3):
            field = self.fields[f"drug_{i + 1}"]
            field.widget.attrs.update({"list": "drug-names", "autocomplete": "off"})
            if i < len(drugs):
                field.initial = drugs[i]
        if len(drugs) > 3:
            self.fields["drug_3"].initial = ", ".join(drugs[2:])

    def save(self, commit=True):
        names = []
        for i in range(3):
            text = self.cleaned_data.get(f"drug_{i + 1}") or ""
            names.extend(part.strip() for part in text.split(",") if part.strip())
        self.instance.drugs = names
        if (
            self.instance.type == "systemic"
            and not names
            and (self.instance.site or self.instance.procedure)
        ):
            self.instance.type = "radiation" if self.instance.site else "surgery"
        return super().save(commit)


class AssessmentForm(RecordForm):
    class Meta:
        model = m.Assessment
        fields = ["date", "status", "method", "note"]
        labels = {"status": _("What the scan or test showed")}
        help_texts = {
            "status": _(
                "Progression: growing. Stable: no big change. Regression: shrinking. "
                "NED: no evidence of disease."
            )
        }
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        owner_id = self.instance.owner_id
        self.sites = (
            list(m.Metastasis.objects.filter(owner_id=owner_id).values_list("site", flat=True))
            if owner_id
            else []
        )
        said = self.instance.site_responses or {}
        choices = [("", _("not in the report"))] + [c for c in m.SITE_RESPONSES if c[0] != "new"]
        for site in dict.fromkeys(self.sites):
            self.fields[f"site_{site}"] = forms.ChoiceField(
                label=_("%(site)s on this scan") % {"site": site.capitalize()},
                choices=choices,
                required=False,
                initial=said.get(site, ""),
            )
        new = [s for s in v.SITES if s not in self.sites]
        self.fields["new_sites"] = forms.MultipleChoiceField(
            label=_("New places the cancer has spread to on this scan"),
            choices=[(s, s) for s in new],
            widget=forms.CheckboxSelectMultiple,
            required=False,
            initial=[s for s, r in said.items() if r == "new"],
        )

    def clean(self):
        data = super().clean()
        said = {s: data.get(f"site_{s}") for s in self.sites if data.get(f"site_{s}")}
        said |= {s: "new" for s in data.get("new_sites") or []}
        worse = sorted(s for s, r in said.items() if r in ("new", "growing"))
        if worse and data.get("status") in ("stable", "regression", "ned"):
            self.add_error(
                "status",
                _(
                    "You marked %(sites)s as new or growing, so the scan shows progression: "
                    "choose progression, or change what you marked for %(sites)s."
                )
                % {"sites": ", ".join(worse)},
            )
        self.said = said
        return data

    def save(self, commit=True):
        self.instance.site_responses = getattr(self, "said", {})
        return super().save(commit)

    def after_save(self, owner) -> None:
        """The sites of disease follow the scan: new ones are added, each one's latest
        response is the newest scan's."""
        scan = self.instance
        for site, response in scan.site_responses.items():
            row = m.Metastasis.objects.filter(owner=owner, site=site).first()
            if row is None:
                m.Metastasis.objects.create(
                    owner=owner, site=site, date=scan.date, response="new", response_date=scan.date
                )
            elif row.response_date is None or row.response_date <= scan.date:
                row.response, row.response_date = response, scan.date
                row.save(update_fields=["response", "response_date"])


class LabForm(RecordForm):
    class Meta:
        model = m.Lab
        fields = ["date", "test", "value", "unit"]
        help_texts = {"test": _("For example CA 15-3, CA 27.29, CEA, ANC, platelets, ALT.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["test"].widget.attrs["list"] = "lab-tests"

    def clean_value(self):
        return lab_value(self.cleaned_data.get("value") or "")


class ConditionForm(RecordForm):
    class Meta:
        model = m.Condition
        fields = ["name", "detail", "status", "date", "note"]
        labels = {"status": _("How it is now"), "date": _("When it was found (or ended)")}
        help_texts = {
            "name": _(
                "A health problem other than the breast cancer, in your own words: for example "
                "diabetes, HIV, hepatitis B, heart failure, a blood clot or another cancer."
            ),
            "detail": _("For example type 2, or the kind of cancer (melanoma)."),
            "status": _(
                "Active: you have it now. Controlled: you have it, kept in check by treatment. "
                "Past: it is gone."
            ),
        }
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update({"list": "condition-names", "autocomplete": "off"})
        self.fields["status"].choices = [
            ("", _("Not known")),
            ("active", _("Active")),
            ("controlled", _("Controlled")),
            ("past", _("Past")),
            ("unknown", _("Not sure")),
        ]


class CareTeamForm(RecordForm):
    def clean_phone(self):
        return phone_number(self.cleaned_data.get("phone") or "", _("Phone"))

    def clean_after_hours(self):
        return phone_number(self.cleaned_data.get("after_hours") or "", _("After-hours phone"))

    class Meta:
        model = m.CareTeamMember
        fields = ["name", "role", "phone", "after_hours", "notes"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "phone": forms.TextInput(attrs={"type": "tel"}),
            "after_hours": forms.TextInput(attrs={"type": "tel"}),
        }


class AppointmentForm(RecordForm):
    class Meta:
        model = m.Appointment
        fields = ["when", "with_whom", "place", "purpose", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class NoteForm(RecordForm):
    class Meta:
        model = m.Note
        fields = ["date", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}


MARKER_NAMES = v.KNOWN_MARKERS
MARKER_RESULTS = ("mutated", "not mutated", "positive", "negative", "stable", "high", "unknown")
LAB_TESTS = v.LAB_TESTS


def condition_names() -> list[str]:
    """Names offered as the person types a health problem: every plain label and term (the
    file reads a label back as its term: "Stroke or mini-stroke (TIA)" is stroke)."""
    from mbcnav.patient.conditions import vocabulary

    return list(dict.fromkeys(name for t in vocabulary().terms for name in (t.label, t.term)))
