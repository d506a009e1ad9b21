"""Reminder forms: a medicine schedule (checked by the schedule engine) and reminder settings."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from mbcnav.patient import PatientFileError
from mbcnav.patient import schedule as sched
from mbcnav.patient.days import human
from mbcnav.web.core.sentences import for_people

from .models import ReminderSettings


def _started(name: str, start: dt.date | None) -> str:
    """A medicine choice as people read it: "Enhertu (started 2 Apr 2025)"."""
    if start is None:
        return _("%(name)s (start date unknown)") % {"name": name}
    return _("%(name)s (started %(day)s)") % {"name": name, "day": human(start)}


PATTERN_CHOICES = list(sched.PATTERNS.items())


class ScheduleForm(forms.Form):
    """The schedule's fields are free text; the engine turns them into one clear sentence."""

    medicine = forms.ChoiceField(label=_("Medicine"))
    pattern = forms.ChoiceField(label=_("How often"), choices=PATTERN_CHOICES)
    start = forms.CharField(label=_("First day (YYYY-MM-DD)"))
    end = forms.CharField(label=_("Last day, if known"), required=False)
    times = forms.CharField(
        label=_("Times of day"),
        initial="09:00",
        required=False,
        help_text=_("For example 08:00, 20:00 for twice a day."),
    )
    days_on = forms.CharField(label=_("Days on"), required=False)
    days_off = forms.CharField(label=_("Days off"), required=False)
    cycle_length = forms.CharField(label=_("Days in a cycle"), required=False)
    cycle_days = forms.CharField(
        label=_("Days of the cycle"), required=False, help_text=_("For example 1, 8.")
    )
    every_weeks = forms.CharField(label=_("Every how many weeks"), required=False)
    extra_days = forms.CharField(
        label=_("Extra early days"),
        required=False,
        help_text=_("For example 15 for a dose on day 15 of the first period."),
    )
    dates = forms.CharField(
        label=_("Dates"), required=False, help_text=_("Dates separated by commas.")
    )

    def __init__(self, *args, medicines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medicine"].choices = [
            (f"{t.pk}:{name}", _started(name, t.start)) for t, name in medicines
        ]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            data["schedule"] = sched.parse(data, today=dt.date.today())
        except PatientFileError as err:
            raise forms.ValidationError(for_people(err)) from None
        return data


class SettingsForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = [
            "time_zone",
            "checkin_weekday",
            "checkin_time",
            "email_checkin",
            "email_appointment",
            "email_questions",
            "copy_caregivers",
            "quiet_start",
            "quiet_end",
        ]
        widgets = {
            "checkin_time": forms.TimeInput(format="%H:%M"),
            "quiet_start": forms.TimeInput(format="%H:%M"),
            "quiet_end": forms.TimeInput(format="%H:%M"),
        }
        error_messages = {
            "checkin_time": {"invalid": _("Check-in reminder time must look like 18:00.")},
            "quiet_start": {"invalid": _("Quiet hours start must look like 21:00.")},
            "quiet_end": {"invalid": _("Quiet hours end must look like 08:00.")},
        }


class MarkForm(forms.Form):
    day = forms.DateField()
    at = forms.TimeField()
    status = forms.ChoiceField(choices=[("taken", "taken"), ("skipped", "skipped")])
    reason = forms.CharField(required=False, max_length=200)
