"""Forms about the whole record rather than one entry: importing a patient file, inviting
someone to share the record, deleting the account."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from . import models as m


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Patient file (YAML or JSON)"),
        help_text=_(
            "A file in the mbcnav-patient/1 format, such as one exported from here. "
            "It replaces your diagnosis, receptors, treatments, scans, labs and check-ins."
        ),
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Their email"))
    scope = forms.ChoiceField(label=_("What they may do"), choices=m.Share.SCOPES, initial="read")
    role = forms.ChoiceField(
        label=_("Who they are"),
        choices=m.Share.ROLES,
        initial="caregiver",
        help_text=_("Choose navigator for a nurse navigator who follows your care."),
    )


class DeleteAccountForm(forms.Form):
    email = forms.CharField(label=_("Type your email to confirm"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self):
        typed = self.cleaned_data["email"].strip().lower()
        if typed != (self.user.email or "").lower():
            raise forms.ValidationError(
                _("That is not the email of this account; nothing was deleted.")
            )
        return typed
