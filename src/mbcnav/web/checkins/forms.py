"""The one-minute check-in: pick what you feel, say how bad (PRO-CTCAE words), add numbers."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from mbcnav.patient import vocabulary as v

#: Shown open at the top: the symptoms people on MBC treatment report most, and the red flags.
COMMON = (
    "pain",
    "fatigue",
    "fever",
    "nausea",
    "vomiting",
    "diarrhea",
    "shortness of breath",
    "cough",
    "headache",
    "mouth sores",
)
OTHER = tuple(s for s in v.SYMPTOMS if s not in COMMON and s not in ("fever",))
SEVERITY_WORDS = {
    "mild": _("mild"),
    "moderate": _("moderate"),
    "severe": _("severe"),
    "very severe": _("very severe"),
}


def slug(symptom: str) -> str:
    return symptom.replace(" ", "_").replace("-", "_")


def _choices(values):
    return [("", _("not asked"))] + [(x, x) for x in values]


class CheckInForm(forms.Form):
    date = forms.DateField(
        label=_("Day of this check-in"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Usually today."),
    )
    temperature = forms.DecimalField(
        label=_("Temperature, if you took it"),
        required=False,
        max_digits=4,
        decimal_places=1,
        help_text=_("Write it as shown on your thermometer."),
    )
    temperature_unit = forms.ChoiceField(
        label=_("Unit"), choices=[("F", "°F"), ("C", "°C")], initial="F"
    )
    stools = forms.IntegerField(
        label=_("Loose or watery stools in the last 24 hours"),
        required=False,
        min_value=0,
        max_value=100,
    )
    vomits = forms.IntegerField(
        label=_("Times you threw up in the last 24 hours"),
        required=False,
        min_value=0,
        max_value=100,
    )
    note = forms.CharField(
        label=_("Anything else you want your team to know"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = today or date.today()
        for symptom in (*COMMON, *OTHER):
            s = slug(symptom)
            self.fields[f"{s}_severity"] = forms.ChoiceField(
                label=_("How bad at its worst?"),
                required=False,
                choices=[("", _("I don't have this"))]
                + [(x, SEVERITY_WORDS[x]) for x in v.SEVERITIES if x != "none"],
            )
            self.fields[f"{s}_frequency"] = forms.ChoiceField(
                label=_("How often?"), required=False, choices=_choices(v.FREQUENCIES[1:])
            )
            self.fields[f"{s}_interference"] = forms.ChoiceField(
                label=_("How much did it get in the way of daily life?"),
                required=False,
                choices=_choices(v.INTERFERENCES),
            )
            self.fields[f"{s}_new"] = forms.BooleanField(
                label=_("New, or clearly worse than before"), required=False
            )
            if symptom in (
                "pain",
                "swelling",
                "arm or leg swelling",
                "rash",
                "numbness and tingling",
                "bleeding",
            ):
                self.fields[f"{s}_location"] = forms.CharField(
                    label=_("Where?"), required=False, max_length=60
                )

    def groups(self):
        """(symptom, [bound fields]) for the template, common symptoms first."""
        out = []
        for symptom in (*COMMON, *OTHER):
            s = slug(symptom)
            names = [
                f"{s}_{k}"
                for k in ("severity", "frequency", "interference", "location", "new")
                if f"{s}_{k}" in self.fields
            ]
            out.append((symptom, symptom in COMMON, [self[n] for n in names]))
        return out

    def symptoms(self) -> list[dict]:
        """The check-in as patient-file symptom dicts (validated later by the engine)."""
        d = self.cleaned_data
        day = d["date"].isoformat()
        out = []
        for symptom in (*COMMON, *OTHER):
            s = slug(symptom)
            severity = d.get(f"{s}_severity")
            if not severity:
                continue
            entry = {"date": day, "symptom": symptom, "severity": severity}
            for key in ("frequency", "interference", "location"):
                if d.get(f"{s}_{key}"):
                    entry[key] = d[f"{s}_{key}"]
            # the form asks the question, so an unticked box is a "no", not "unknown"
            entry["new"] = bool(d.get(f"{s}_new"))
            if symptom == "diarrhea" and d.get("stools") is not None:
                entry["count_per_day"] = d["stools"]
            if symptom == "vomiting" and d.get("vomits") is not None:
                entry["count_per_day"] = d["vomits"]
            out.append(entry)
        reported = {e["symptom"] for e in out}
        if d.get("stools") and "diarrhea" not in reported:
            out.append({"date": day, "symptom": "diarrhea", "count_per_day": d["stools"]})
        if d.get("vomits") and "vomiting" not in reported:
            out.append({"date": day, "symptom": "vomiting", "count_per_day": d["vomits"]})
        temp = d.get("temperature")
        if temp is not None:
            key = "temperature_f" if d.get("temperature_unit") == "F" else "temperature_c"
            fever = next((e for e in out if e["symptom"] == "fever"), None)
            if fever is None:
                fever = {"date": day, "symptom": "fever"}
                out.append(fever)
            fever[key] = float(temp)
        if d.get("note") and out:
            out[0]["note"] = d["note"]
        return out

    def clean(self):
        data = super().clean()
        if not self.errors and not self.symptoms():
            raise forms.ValidationError(
                _(
                    "Nothing to save yet: choose how bad at least one symptom is, or enter your temperature."
                )
            )
        return data
