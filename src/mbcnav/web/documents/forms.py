from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import KINDS


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of report"), choices=KINDS)
    report_date = forms.DateField(
        label=_("Date of the report"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty for today."),
    )
    file = forms.FileField(
        label=_("Report PDF"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )
    text = forms.CharField(
        label=_("Or paste the report's text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "null_characters_not_allowed": _(
                "The report text holds NUL characters, which no report has; paste the text again."
            )
        },
    )

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Choose a report PDF or paste the report's text."))
        if data.get("file") and (data.get("text") or "").strip():
            raise forms.ValidationError(_("Choose a PDF or paste text, not both."))
        if data.get("report_date") and data["report_date"] > date.today():
            self.add_error(
                "report_date",
                _("The date of the report is in the future; use the date on the report."),
            )
        return data
