"""The ONE adapter between database rows and the patient file.

``record_dict(owner)`` turns a person's rows into a ``mbcnav-patient/1`` dict;
``mbcnav.patient.parse`` turns that into the engine's ``Patient``. ``rows_from_patient``
goes the other way (used by imports). Nothing else in the web app translates rows into
engine facts.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from functools import lru_cache
from types import SimpleNamespace

from mbcnav.patient import FORMAT, Patient, PatientFileError, markers, parse
from mbcnav.patient.model import Condition as ConditionFact
from mbcnav.patient.reader import (
    ASSESSMENT_KEYS,
    CONDITION_DETAIL_KEYS,
    CONDITION_KEYS,
    LAB_KEYS,
    METASTASIS_KEYS,
    SYMPTOM_KEYS,
    TREATMENT_KEYS,
)

from .models import (
    Assessment,
    Biomarker,
    CheckIn,
    Condition,
    Lab,
    Metastasis,
    Profile,
    Treatment,
)

#: file list key -> (model, row -> entry function)
PROFILE_IDENTITY = ("name", "birth_year", "birth_date", "sex", "postal_code", "country")
PROFILE_DIAGNOSIS = {
    "date": "dx_date",
    "de_novo": "de_novo",
    "first_diagnosis_date": "first_diagnosis_date",
    "first_diagnosis_stage": "first_diagnosis_stage",
    "histology": "histology",
    "inflammatory": "inflammatory",
}
PROFILE_RECEPTORS = ("er", "pr", "her2", "biopsy_site", "biopsy_date")
#: the profile's single values beside ECOG (the "Daily activity" part)
PROFILE_HEALTH = ("karnofsky", "menopausal_status", "menopausal_detail")


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


def _clean(d: dict) -> dict:
    """Drop empty values (blank text, None, empty lists); dates as ISO text."""
    return {k: _iso(x) for k, x in d.items() if x not in (None, "", [], ())}


def profile_entries(profile: Profile | None) -> dict:
    """The top-level, diagnosis, receptor, ECOG, Karnofsky and menopause parts of the file
    from a Profile row."""
    if profile is None:
        return {}
    out = _clean({k: getattr(profile, k) for k in PROFILE_IDENTITY})
    dx = _clean({k: getattr(profile, attr) for k, attr in PROFILE_DIAGNOSIS.items()})
    rc = _clean({k: getattr(profile, k) for k in PROFILE_RECEPTORS})
    if dx:
        out["metastatic_diagnosis"] = dx
    if rc:
        out["receptors"] = rc
    if profile.ecog is not None:
        out["ecog"] = profile.ecog
    out.update(_clean({k: getattr(profile, k) for k in PROFILE_HEALTH}))
    return out


def metastasis_entry(m: Metastasis) -> dict:
    return _clean({"site": m.site, "date": m.date, "measurable": m.measurable, "status": m.status})


def treatment_entry(t: Treatment) -> dict:
    return _clean(
        {
            "type": t.type,
            "drugs": list(t.drugs or []),
            "setting": t.setting,
            "start": t.start,
            "end": t.end,
            "stop_reason": t.stop_reason,
            "site": t.site,
            "procedure": t.procedure,
            "date": t.date,
        }
    )


def assessment_entry(a: Assessment) -> dict:
    return _clean({"date": a.date, "status": a.status, "method": a.method, "note": a.note})


def lab_entry(x: Lab) -> dict:
    return _clean({"date": x.date, "test": x.test, "value": x.value, "unit": x.unit})


def condition_entry(c: Condition) -> dict:
    return _clean(
        {"name": c.name, "status": c.status, "date": c.date, "note": c.note, "detail": c.detail}
    )


def checkin_entry(s: CheckIn) -> dict:
    return _clean(
        {
            "date": s.date,
            "symptom": s.symptom,
            "severity": s.severity,
            "frequency": s.frequency,
            "interference": s.interference,
            "location": s.location,
            "new": s.new,
            "temperature_c": s.temperature_c,
            "count_per_day": s.count_per_day,
            "note": s.note,
        }
    )


#: file list key -> (model, entry builder); the order of the file
LISTS = {
    "metastases": (Metastasis, metastasis_entry),
    "treatments": (Treatment, treatment_entry),
    "assessments": (Assessment, assessment_entry),
    "labs": (Lab, lab_entry),
    "conditions": (Condition, condition_entry),
    "symptoms": (CheckIn, checkin_entry),
}


#: The file's fields per list, from the engine (temperature_f is read into temperature_c).
FIELDS = {
    "metastases": METASTASIS_KEYS,
    "treatments": TREATMENT_KEYS,
    "assessments": ASSESSMENT_KEYS,
    "labs": LAB_KEYS,
    "conditions": CONDITION_KEYS + CONDITION_DETAIL_KEYS,
    "symptoms": tuple(k for k in SYMPTOM_KEYS if k != "temperature_f"),
}


def record_dict(
    owner, *, without: tuple[type, int] | None = None, lists: tuple[str, ...] | None = None
) -> dict:
    """The person's rows as a patient-file dict. ``without=(Model, pk)`` leaves one row out
    (forms use it to check an edited entry in place of the stored one); ``lists`` reads only
    those lists (pages that need only the profile, sites and treatments skip labs and check-ins)."""
    data: dict = {"format": FORMAT}
    data.update(profile_entries(Profile.objects.filter(owner=owner).first()))
    markers = {
        b.marker: b.result
        for b in Biomarker.objects.filter(owner=owner).order_by("id")
        if not (without and without[0] is Biomarker and without[1] == b.pk)
    }
    if markers:
        data["biomarkers"] = markers
    for key, (model, build) in LISTS.items():
        if lists is not None and key not in lists:
            continue
        # entry order = the order they were written (the same on SQLite and PostgreSQL, which
        # sort empty dates differently)
        rows = model.objects.filter(owner=owner).order_by("id")
        if without and without[0] is model:
            rows = rows.exclude(pk=without[1])
        fields = FIELDS[key]  # values(): no model instances, only the columns the file needs
        entries = [
            build(SimpleNamespace(**dict(zip(fields, row, strict=True))))
            for row in rows.values_list(*fields)
        ]
        if key == "conditions":
            # a row saved under earlier rules that the file now refuses never blocks the
            # record: it is left out here and kept as written by patient_from_rows
            entries = [e for e in entries if _condition_readable(json.dumps(e, sort_keys=True))]
        if entries:
            data[key] = entries
    return data


@lru_cache(maxsize=1024)
def _condition_readable(entry: str) -> bool:
    """Whether one stored health problem reads as a patient-file entry under today's rules."""
    try:
        parse({"format": FORMAT, "conditions": [json.loads(entry)]})
    except PatientFileError:
        return False
    return True


def _kept_as_written(entry: dict) -> ConditionFact:
    """A stored health problem the file's rules now refuse ("bone metastases" saved before
    the rule), kept with its words as written: the trial finder cannot read it, and the
    summary says so, but the record, its summary and its exports still open."""
    status = entry.get("status")
    when = entry.get("date")
    return ConditionFact(
        name=str(entry["name"]),
        status=status if status in ("active", "controlled", "past", "unknown") else None,
        date=date.fromisoformat(when) if isinstance(when, str) else None,
        note=entry.get("note"),
        detail=entry.get("detail"),
    )


def patient_from_rows(
    owner, today: date | None = None, lists: tuple[str, ...] | None = None
) -> Patient:
    data = record_dict(owner, lists=lists)
    p = _parse_cached(json.dumps(data, sort_keys=True), today or date.today())
    if lists is not None and "conditions" not in lists:
        return p
    stored = [
        condition_entry(SimpleNamespace(**dict(zip(FIELDS["conditions"], row, strict=True))))
        for row in Condition.objects.filter(owner=owner)
        .order_by("id")
        .values_list(*FIELDS["conditions"])
    ]
    if all(_condition_readable(json.dumps(e, sort_keys=True)) for e in stored):
        return p
    read = iter(p.conditions)
    conditions = tuple(
        next(read) if _condition_readable(json.dumps(e, sort_keys=True)) else _kept_as_written(e)
        for e in stored
    )
    return replace(p, conditions=conditions)


@lru_cache(maxsize=64)
def _parse_cached(text: str, today: date) -> Patient:
    """``Patient`` objects are immutable, so the same rows on the same day parse once."""
    return parse(json.loads(text), today=today)


# ------------------------------------------------------------------ import direction
def profile_fields(p: Patient) -> dict:
    dx, rc = p.metastatic_diagnosis, p.receptors
    fields = {k: getattr(p, k) for k in PROFILE_IDENTITY}
    fields.update({attr: getattr(dx, k) for k, attr in PROFILE_DIAGNOSIS.items()})
    fields.update({k: getattr(rc, k) for k in PROFILE_RECEPTORS})
    fields["ecog"] = p.ecog
    fields.update({k: getattr(p, k) for k in PROFILE_HEALTH})
    text_fields = {f.name for f in Profile._meta.fields if f.get_internal_type() == "CharField"}
    return {k: ("" if x is None and k in text_fields else x) for k, x in fields.items()}


def _marker_text(p: Patient, marker: str, result: str) -> str:
    """The result with the report's detail (variants, VAF, assay) when it fits the row."""
    detail = p.biomarker_details.get(marker)
    text = markers.as_text(result, detail) if detail else result
    return text if len(text) <= 40 else result


def rows_from_patient(owner, p: Patient) -> dict[type, list]:
    """Unsaved rows for every list of ``p`` (Profile apart: see ``profile_fields``)."""
    s = lambda x: x or ""  # noqa: E731 - blank text for absent values
    return {
        Biomarker: [
            Biomarker(owner=owner, marker=k, result=_marker_text(p, k, val))
            for k, val in p.biomarkers.items()
        ],
        Metastasis: [
            Metastasis(
                owner=owner, site=m.site, date=m.date, measurable=m.measurable, status=s(m.status)
            )
            for m in p.metastases
        ],
        Treatment: [
            Treatment(
                owner=owner,
                type=t.type,
                drugs=list(t.drugs),
                setting=s(t.setting),
                start=t.start,
                end=t.end,
                stop_reason=s(t.stop_reason),
                site=s(t.site),
                procedure=s(t.procedure),
                date=t.date,
            )
            for t in p.treatments
        ],
        Assessment: [
            Assessment(
                owner=owner, date=a.date, status=a.status, method=s(a.method), note=s(a.note)
            )
            for a in p.assessments
        ],
        Lab: [
            Lab(
                owner=owner,
                date=x.date,
                test=x.test,
                value="" if x.value is None else _num_text(x.value),
                unit=s(x.unit),
            )
            for x in p.labs
        ],
        Condition: [
            Condition(
                owner=owner,
                name=c.name,
                status=s(c.status),
                date=c.date,
                detail=s(c.detail),
                note=s(c.note),
            )
            for c in p.conditions
        ],
        CheckIn: [
            CheckIn(
                owner=owner,
                date=c.date,
                symptom=c.symptom,
                severity=s(c.severity),
                frequency=s(c.frequency),
                interference=s(c.interference),
                location=s(c.location),
                new=c.new,
                temperature_c=c.temperature_c,
                count_per_day=c.count_per_day,
                note=s(c.note),
            )
            for c in p.symptoms
        ],
    }


def _num_text(value) -> str:
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value)
