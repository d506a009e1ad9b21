"""The one-minute check-in: find what you feel in your own words, say how bad (PRO-CTCAE words).

Every term of the symptom vocabulary (patient/data/symptoms.yaml and red_flags.yaml) is offered,
grouped by body system, with only the questions that can change the triage level: the
attributes the term takes (its PRO-CTCAE items), "where" with body-site choices, and "new or
worse" only for the terms a triage rule reads it for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from mbcnav.patient import checkin
from mbcnav.patient import symptoms as vocab
from mbcnav.patient import vocabulary as v
from mbcnav.patient.checkin import OTHER, read_typed
from mbcnav.triage.rule import symptoms_reading

#: Shown open at the top: the symptoms people on MBC treatment report most.
COMMON = (
    "fever",
    "pain",
    "fatigue",
    "nausea",
    "vomiting",
    "diarrhea",
    "shortness of breath",
    "cough",
    "headache",
    "mouth sores",
    OTHER,  # "something else, in your own words": a typed symptom is never dropped
)
TERMS = vocab.vocabulary().terms
REST = tuple(t.term for t in TERMS if t.term not in COMMON)
ASKS_NEW = symptoms_reading("new")
SEVERITY_WORDS = {
    "mild": _("mild"),
    "moderate": _("moderate"),
    "severe": _("severe"),
    "very severe": _("very severe"),
}
PRESENT = "present"  # "I have it, not sure how bad": the entry carries no severity
# A body temperature can only be one of these; a number in the other range names the other unit.
CELSIUS = (Decimal("30"), Decimal("45"))
FAHRENHEIT = (Decimal("86"), Decimal("113"))


@dataclass
class Row:
    term: vocab.Term
    slug: str
    common: bool
    fields: list

    @property
    def words(self) -> list[str]:
        """What a person may type for it: the label, the term and its synonyms."""
        return list(
            dict.fromkeys([self.term.label, self.term.term, *self.term.synonyms, *self.term.at])
        )

    @property
    def open(self) -> bool:
        return any(f.value() for f in self.fields)


def slug(symptom: str) -> str:
    return symptom.replace(" ", "_").replace("-", "_")


def _choices(values):
    return [("", _("not asked"))] + [(x, x) for x in values]


def primary(term) -> str:
    """The question that says whether the person has the symptom at all."""
    for key in ("severity", "frequency"):
        if key in term.ask:
            return key
    return "present"


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
        self.unit_note = ""
        for name in (*COMMON, *REST):
            self._add_fields(vocab.term(name))

    def _add_fields(self, term) -> None:
        s = slug(term.term)
        first = primary(term)
        if term.term == OTHER:
            self.fields[f"{s}_words"] = forms.CharField(
                label=_("What is it, in your own words?"),
                required=False,
                max_length=checkin.LIMIT,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_(
                    "We read it for you; if we cannot, your team's 24-hour line is the next step."
                ),
            )
        if first == "severity":
            extra = [(PRESENT, _("I have it, not sure how bad"))] if "presence" in term.ask else []
            self.fields[f"{s}_severity"] = forms.ChoiceField(
                label=_("How bad at its worst?"),
                required=False,
                choices=[("", _("I don't have this"))]
                + [(x, SEVERITY_WORDS[x]) for x in v.SEVERITIES if x != "none"]
                + extra,
            )
        elif first == "frequency":
            self.fields[f"{s}_frequency"] = forms.ChoiceField(
                label=_("How often?"),
                required=False,
                choices=[("", _("I don't have this"))] + [(x, x) for x in v.FREQUENCIES[1:]],
            )
        else:
            self.fields[f"{s}_present"] = forms.BooleanField(label=_("I have this"), required=False)
        if first != "frequency" and "frequency" in term.ask:
            self.fields[f"{s}_frequency"] = forms.ChoiceField(
                label=_("How often?"), required=False, choices=_choices(v.FREQUENCIES[1:])
            )
        if "interference" in term.ask:
            self.fields[f"{s}_interference"] = forms.ChoiceField(
                label=_("How much did it get in the way of daily life?"),
                required=False,
                choices=_choices(v.INTERFERENCES),
            )
        if "location" in term.ask:
            self.fields[f"{s}_location"] = forms.CharField(
                label=_("Where?"),
                required=False,
                max_length=60,
                widget=forms.TextInput(attrs={"list": f"sites-{s}", "autocomplete": "off"}),
            )
        if term.term in ASKS_NEW:
            self.fields[f"{s}_new"] = forms.BooleanField(
                label=_("New, or clearly worse than before"), required=False
            )

    def groups(self) -> list[Row]:
        """One row per term for the template, common symptoms first."""
        out = []
        for name in (*COMMON, *REST):
            s = slug(name)
            names = [
                f"{s}_{k}"
                for k in (
                    "words",
                    "present",
                    "severity",
                    "frequency",
                    "interference",
                    "location",
                    "new",
                )
                if f"{s}_{k}" in self.fields
            ]
            out.append(Row(vocab.term(name), s, name in COMMON, [self[n] for n in names]))
        return out

    def sections(self) -> list[tuple[str, list[Row]]]:
        """The other terms by body system, in vocabulary order."""
        by: dict[str, list] = {}
        for row in self.groups():
            if not row.common:
                by.setdefault(row.term.group, []).append(row)
        return list(by.items())

    def _typed(self, day: str) -> list[dict]:
        """The "something else" box: words we can read become that symptom, others stay as
        "other symptom" with the words. Words with no severity chosen are still kept."""
        d = self.cleaned_data
        s = slug(OTHER)
        words = (d.get(f"{s}_words") or "").strip()
        severity = d.get(f"{s}_severity")
        if not words and not severity:
            return []
        entry = {"date": day, "symptom": words or OTHER}
        if severity and severity != PRESENT:
            entry["severity"] = severity
        return read_typed(entry)

    def _entry(self, term, day: str) -> dict | None:
        d = self.cleaned_data
        s = slug(term.term)
        entry = {"date": day, "symptom": term.term}
        first = primary(term)
        if term.term == OTHER:
            return None  # read by _typed
        if first == "severity":
            if not d.get(f"{s}_severity"):
                return None
            if d[f"{s}_severity"] != PRESENT:
                entry["severity"] = d[f"{s}_severity"]
        elif first == "frequency":
            if not d.get(f"{s}_frequency"):
                return None
        elif not d.get(f"{s}_present"):
            return None
        for key in ("frequency", "interference", "location"):
            if d.get(f"{s}_{key}"):
                entry[key] = d[f"{s}_{key}"]
        if f"{s}_new" in self.fields:
            # the form asks the question, so an unticked box is a "no", not "unknown"
            entry["new"] = bool(d.get(f"{s}_new"))
        if term.term == "diarrhea" and d.get("stools") is not None:
            entry["count_per_day"] = d["stools"]
        if term.term == "vomiting" and d.get("vomits") is not None:
            entry["count_per_day"] = d["vomits"]
        return entry

    def symptoms(self) -> list[dict]:
        """The check-in as patient-file symptom dicts (validated later by the engine)."""
        d = self.cleaned_data
        day = d["date"].isoformat()
        out = [e for name in (*COMMON, *REST) if (e := self._entry(vocab.term(name), day))]
        out += self._typed(day)
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

    def clean_temperature(self):
        """A number that can only be the other unit is read in that unit (and the page says so)."""
        temp = self.cleaned_data.get("temperature")
        unit = self.data.get("temperature_unit", "F")
        if temp is None:
            return temp
        low, high = FAHRENHEIT if unit == "F" else CELSIUS
        if low <= temp <= high:
            return temp
        other = "C" if unit == "F" else "F"
        low, high = CELSIUS if other == "C" else FAHRENHEIT
        if low <= temp <= high:
            self.data = self.data.copy()
            self.data["temperature_unit"] = other
            self.unit_note = _(
                "You wrote %(t)s with °%(u)s; a body temperature can only be that in °%(o)s, so we read it as %(t)s °%(o)s."
            ) % {"t": temp, "u": unit, "o": other}
            return temp
        raise forms.ValidationError(
            _(
                "%(t)s is not a body temperature in °F or °C: write it as shown on your thermometer, such as 100.4 °F or 38.0 °C."
            )
            % {"t": temp}
        )

    def clean(self):
        data = super().clean()
        if self.unit_note:
            data["temperature_unit"] = self.data["temperature_unit"]
        if not self.errors and not self.symptoms():
            raise forms.ValidationError(
                _(
                    "Nothing to save yet: choose how bad at least one symptom is, write it under “Something else”, or enter your temperature."
                )
            )
        return data
