from django import forms
from django.utils.translation import gettext_lazy as _

MILES = [
    ("", _("Any distance")),
    ("25", _("25 miles")),
    ("50", _("50 miles")),
    ("100", _("100 miles")),
    ("250", _("250 miles")),
    ("500", _("500 miles")),
]
PHASES = [
    ("", _("Any phase")),
    ("1", _("Phase 1")),
    ("2", _("Phase 2")),
    ("3", _("Phase 3")),
    ("4", _("Phase 4")),
]
FITS = [
    ("", _("Any fit")),
    ("open", _("Likely or possible")),
    ("likely", _("Likely")),
    ("possible", _("Possible")),
    ("unlikely", _("Unlikely")),
]


class BrowseForm(forms.Form):
    q = forms.CharField(
        label=_("Search words"),
        required=False,
        max_length=200,
        help_text=_("For example: HER2-low, ESR1, brain metastases, a drug name."),
    )
    phase = forms.ChoiceField(label=_("Phase"), choices=PHASES, required=False)


class FilterForm(BrowseForm):
    within_miles = forms.TypedChoiceField(
        label=_("Distance from your ZIP code"),
        choices=MILES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    fit = forms.ChoiceField(label=_("Fit"), choices=FITS, required=False)
    saved = forms.BooleanField(label=_("Only trials I saved"), required=False)

    field_order = ["fit", "within_miles", "phase", "q", "saved"]

    def fits(self) -> tuple[str, ...] | None:
        value = self.cleaned_data.get("fit")
        if value == "open":
            return ("likely", "possible")
        return (value,) if value else None
