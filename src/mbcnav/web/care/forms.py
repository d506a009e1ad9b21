from django import forms
from django.utils.translation import gettext_lazy as _

from mbcnav.care import CATEGORIES

DISTANCES = [
    ("25", _("25 miles")),
    ("50", _("50 miles")),
    ("100", _("100 miles")),
    ("250", _("250 miles")),
    ("", _("Any distance")),
]
CATEGORY_LABELS = {
    "emotional": _("Emotional support"),
    "financial": _("Help with costs"),
    "practical": _("Practical help"),
    "caregiver": _("For caregivers"),
    "research participation": _("Taking part in research"),
    "second opinions": _("Second opinions"),
    "helpline": _("Helplines"),
    "education": _("Learning about MBC"),
}


class FindCareForm(forms.Form):
    zip = forms.CharField(
        label=_("Your ZIP code"),
        max_length=10,
        required=False,
        help_text=_("5 digits, for example 60611. We do not store it."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    within = forms.ChoiceField(
        label=_("Distance"), choices=DISTANCES, required=False, initial="100"
    )
    category = forms.ChoiceField(
        label=_("Kind of support"),
        required=False,
        choices=[("", _("All kinds"))] + [(c, CATEGORY_LABELS[c]) for c in CATEGORIES],
    )
