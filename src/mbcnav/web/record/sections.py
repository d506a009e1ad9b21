"""The editable parts of a record and how each is checked by the engine.

A *section* ties a model, its form and (for patient-file parts) how one row becomes a
patient-file entry. ``check(owner, section, instance)`` puts the edited entry in the
would-be record and runs the engine's ``parse`` on it, so every rule lives in one place;
the error comes back as (form field, one sentence).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from mbcnav.patient import PatientFileError, parse
from mbcnav.web.core.sentences import for_people

from . import adapter, forms
from . import models as m


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    one: str  # what one row is called ("a treatment")
    model: type
    form: type
    file_key: str | None = None  # list key in the patient file; None = not part of the file
    columns: tuple[str, ...] = ()
    field_map: dict | None = None  # file field -> form field, when names differ


SECTIONS: dict[str, Section] = {
    s.slug: s
    for s in (
        Section(
            "treatments",
            _("Treatments"),
            _("a treatment"),
            m.Treatment,
            forms.TreatmentForm,
            "treatments",
            ("type", "drugs", "setting", "start", "end", "stop_reason"),
            {"drugs": "drug_1", "date": "date"},
        ),
        Section(
            "scans",
            _("Scans and response"),
            _("a scan or test result"),
            m.Assessment,
            forms.AssessmentForm,
            "assessments",
            ("date", "status", "method", "note"),
        ),
        Section(
            "sites",
            _("Where the cancer has spread"),
            _("a site"),
            m.Metastasis,
            forms.MetastasisForm,
            "metastases",
            ("site", "date", "measurable", "status", "response", "response_date"),
        ),
        Section(
            "biomarkers",
            _("Biomarkers"),
            _("a biomarker"),
            m.Biomarker,
            forms.BiomarkerForm,
            "biomarkers",
            ("marker", "result", "test_date", "sample_site"),
        ),
        Section(
            "labs",
            _("Lab results"),
            _("a lab result"),
            m.Lab,
            forms.LabForm,
            "labs",
            ("date", "test", "value", "unit"),
        ),
        Section(
            "health-problems",
            _("Other health problems"),
            _("a health problem"),
            m.Condition,
            forms.ConditionForm,
            "conditions",
            ("name", "detail", "status", "date"),
        ),
        Section(
            "care-team",
            _("Care team"),
            _("a care team member"),
            m.CareTeamMember,
            forms.CareTeamForm,
            None,
            ("name", "role", "phone", "after_hours"),
        ),
        Section(
            "appointments",
            _("Appointments"),
            _("an appointment"),
            m.Appointment,
            forms.AppointmentForm,
            None,
            ("when", "with_whom", "place", "purpose"),
        ),
        Section("notes", _("Notes"), _("a note"), m.Note, forms.NoteForm, None, ("date", "title")),
    )
}

#: Sections of the single Profile row
PROFILE_SECTIONS = {
    "diagnosis": (_("Diagnosis"), forms.DiagnosisForm),
    "receptors": (_("Receptors (ER, PR, HER2)"), forms.ReceptorsForm),
    "ecog": (_("Daily activity (ECOG, Karnofsky) and menopause"), forms.EcogForm),
}
PROFILE_FIELD_MAP = {"metastatic_diagnosis.date": "dx_date"}

ENTRY_BUILDERS: dict[type, Callable] = {
    m.Treatment: adapter.treatment_entry,
    m.Assessment: adapter.assessment_entry,
    m.Metastasis: adapter.metastasis_entry,
    m.Lab: adapter.lab_entry,
    m.Condition: adapter.condition_entry,
    m.CheckIn: adapter.checkin_entry,
}


def _sentence(err: PatientFileError) -> str:
    return for_people(err)


def _form_field(path: str, form_fields, field_map: dict) -> str | None:
    if path in field_map:
        return field_map[path]
    last = re.sub(r"\[\d+\]$", "", path.rsplit(".", 1)[-1])
    last = field_map.get(last, last)
    return last if last in form_fields else None


def check(owner, section: Section, instance, form_fields) -> tuple[str | None, str] | None:
    """Run the engine on the record with ``instance`` in it; None when valid, else (field, sentence)."""
    if section.file_key is None:
        return None
    without = (section.model, instance.pk) if instance.pk else None
    data = adapter.record_dict(owner, without=without)
    if section.model is m.Biomarker:
        markers = data.setdefault("biomarkers", {})
        if instance.marker in markers:
            return "marker", str(
                _("This marker is already in your record; edit that entry instead.")
            )
        markers[instance.marker] = instance.result
        index_prefix = "biomarkers."
    else:
        entries = data.setdefault(section.file_key, [])
        entries.append(ENTRY_BUILDERS[section.model](instance))
        index_prefix = f"{section.file_key}[{len(entries) - 1}]"
    try:
        parse(data)
    except PatientFileError as err:
        path = err.field or ""
        if path.startswith(index_prefix):
            field = (
                "result"
                if section.model is m.Biomarker
                else _form_field(path, form_fields, section.field_map or {})
            )
            return field, _sentence(err)
        return None, _elsewhere(err)
    return None


def _elsewhere(err: PatientFileError) -> str:
    """A problem in another part of the record than the form, in words (no field path)."""
    return str(
        _("Another part of your record needs a fix first: %(why)s") % {"why": _sentence(err)}
    )


def check_profile(owner, instance, form_fields) -> tuple[str | None, str] | None:
    data = adapter.record_dict(owner)
    for key in (
        *adapter.PROFILE_IDENTITY,
        *adapter.PROFILE_HEALTH,
        "metastatic_diagnosis",
        "receptors",
        "ecog",
    ):
        data.pop(key, None)
    data.update(adapter.profile_entries(instance))
    try:
        parse(data)
    except PatientFileError as err:
        path = err.field or ""
        field = _form_field(path, form_fields, PROFILE_FIELD_MAP)
        if "[" in path:  # a problem in a list entry, not in this form
            return None, _elsewhere(err)
        return field, _sentence(err)
    return None
