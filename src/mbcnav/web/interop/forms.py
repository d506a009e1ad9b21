from django import forms
from django.utils.translation import gettext_lazy as _

MODES = [
    ("merge", _("Add what is new to my record (keeps what I already entered)")),
    ("replace", _("Replace my record with what the bundle holds")),
]


class BundleForm(forms.Form):
    bundle = forms.FileField(
        label=_("FHIR bundle (JSON)"),
        help_text=_(
            "The file your hospital's patient portal gives you, often called a 'FHIR' or 'health record' download."
        ),
    )
    mode = forms.ChoiceField(
        label=_("What to do with it"), widget=forms.RadioSelect, initial="merge", choices=MODES
    )

    def __init__(self, *args, can_replace: bool = True, **kwargs):
        """``can_replace`` is for the record's owner only: replacing wipes check-in history that
        nobody else can delete, so a caregiver (even with edit scope) may only merge."""
        super().__init__(*args, **kwargs)
        if not can_replace:
            self.fields["mode"].choices = MODES[:1]
