from django import forms
from django.utils.translation import gettext_lazy as _


class BundleForm(forms.Form):
    bundle = forms.FileField(
        label=_("FHIR bundle (JSON)"),
        help_text=_(
            "The file your hospital's patient portal gives you, often called a 'FHIR' or 'health record' download."
        ),
    )
    mode = forms.ChoiceField(
        label=_("What to do with it"),
        widget=forms.RadioSelect,
        initial="merge",
        choices=[
            ("merge", _("Add what is new to my record (keeps what I already entered)")),
            ("replace", _("Replace my record with what the bundle holds")),
        ],
    )
