"""Read, validate, normalise and write the ``mbcnav-patient/1`` file.

``parse(dict) -> Patient`` checks every field and raises ``PatientFileError`` with one
sentence naming the field, the value and what is allowed. ``dump(Patient) -> dict``
writes the canonical form back; ``parse(dump(p)) == p`` for every valid ``p``.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from mbcnav import hostile

from . import vocabulary as v
from .biomarkers import dump_biomarkers, read_biomarkers
from .errors import PatientFileError
from .model import FORMAT, Patient
from .reader import (
    ASSESSMENT_KEYS,
    CONDITION_DETAIL_KEYS,
    CONDITION_KEYS,
    DIAGNOSIS_KEYS,
    LAB_KEYS,
    METASTASIS_DETAIL_KEYS,
    METASTASIS_KEYS,
    RECEPTOR_DETAIL_KEYS,
    RECEPTOR_KEYS,
    SYMPTOM_KEYS,
    TOP_KEYS,
    TREATMENT_DETAIL_KEYS,
    TREATMENT_KEYS,
    Reader,
    fail,
    show,
)
from .receptors import read_receptors
from .sections import (
    read_assessment,
    read_condition,
    read_diagnosis,
    read_karnofsky,
    read_lab,
    read_menopause,
    read_metastasis,
    read_symptom,
    read_treatment,
)


def parse(data: Any, today: date | None = None) -> Patient:
    """Validate and normalise a patient-file dict into a ``Patient``."""
    r = Reader(today or date.today())
    try:
        hostile.check(data)  # nesting, NaN/infinity, NUL characters: one sentence each
    except hostile.Hostile as err:
        raise PatientFileError(err.message, err.field or "file") from None
    if not isinstance(data, dict):
        raise fail(
            "format",
            "the file must be a set of named fields starting with 'format: mbcnav-patient/1'.",
        )
    fmt = data.get("format")
    if fmt != FORMAT:
        raise fail(
            "format", f"{show(fmt)} is not supported; the first line must be 'format: {FORMAT}'."
        )
    r.mapping(data, "", TOP_KEYS)

    birth_year = r.number(data.get("birth_year"), "birth_year", 1900, r.today.year, integer=True)
    birth_date = r.date(data.get("birth_date"), "birth_date")
    if birth_year and birth_date and birth_date.year != birth_year:
        raise fail(
            "birth_year", f"{birth_year} does not match birth_date {birth_date.isoformat()}."
        )
    born = birth_date or (date(birth_year, 1, 1) if birth_year else None)
    country = r.text(data.get("country"), "country")
    country = country.upper() if country else None
    postal = data.get("postal_code")
    if isinstance(postal, int) and not isinstance(postal, bool):
        postal = f"{postal:05d}"
    postal = r.text(postal, "postal_code")
    if postal and country in (None, "US", "USA") and not re.fullmatch(r"\d{5}(-\d{4})?", postal):
        raise fail(
            "postal_code",
            f'{show(postal)} is not a US ZIP code; write 5 digits in quotes, like "60611".',
        )

    dx = read_diagnosis(r, data.get("metastatic_diagnosis"), born)
    receptors = read_receptors(r, data.get("receptors"))
    biomarkers, biomarker_details = read_biomarkers(r, data.get("biomarkers"))
    metastases = tuple(
        read_metastasis(r, m, f"metastases[{i}]")
        for i, m in enumerate(r.items(data.get("metastases"), "metastases"))
    )
    ecog = data.get("ecog")
    if isinstance(ecog, str) and re.fullmatch(r"\s*ecog\s*\d\s*", ecog, re.I):
        ecog = ecog.strip()[-1]
    ecog = r.number(ecog, "ecog", 0, 4, integer=True)
    karnofsky = read_karnofsky(r, data.get("karnofsky"))
    sex = r.enum(data.get("sex"), "sex", v.normalise_sex, v.SEXES)
    menopausal_status, menopausal_detail = read_menopause(r, data, sex)
    conditions = tuple(
        read_condition(r, c, f"conditions[{i}]")
        for i, c in enumerate(r.items(data.get("conditions"), "conditions"))
    )
    treatments = tuple(
        read_treatment(r, t, f"treatments[{i}]")
        for i, t in enumerate(r.items(data.get("treatments"), "treatments"))
    )
    assessments = tuple(
        read_assessment(r, a, f"assessments[{i}]")
        for i, a in enumerate(r.items(data.get("assessments"), "assessments"))
    )
    labs = tuple(
        read_lab(r, x, f"labs[{i}]") for i, x in enumerate(r.items(data.get("labs"), "labs"))
    )
    symptoms = tuple(
        read_symptom(r, s, f"symptoms[{i}]")
        for i, s in enumerate(r.items(data.get("symptoms"), "symptoms"))
    )
    return Patient(
        format=FORMAT,
        name=r.text(data.get("name"), "name"),
        birth_year=birth_year,
        birth_date=birth_date,
        sex=sex,
        postal_code=postal,
        country=country,
        metastatic_diagnosis=dx,
        receptors=receptors,
        biomarkers=biomarkers,
        biomarker_details=biomarker_details,
        metastases=metastases,
        ecog=ecog,
        karnofsky=karnofsky,
        menopausal_status=menopausal_status,
        menopausal_detail=menopausal_detail,
        conditions=conditions,
        treatments=treatments,
        assessments=assessments,
        labs=labs,
        symptoms=symptoms,
    )


# ------------------------------------------------------------------------- writing
def _clean(d: dict) -> dict:
    out = {}
    for key, value in d.items():
        if value is None or value == () or value == {} or value == []:
            continue
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[key] = value
    return out


def _marker_out(marker: str, value: str):
    if marker == "TMB" and re.fullmatch(r"\d+(\.\d+)?", value):
        num = float(value)
        return int(num) if num == int(num) else num
    return value


def dump(p: Patient) -> dict:
    """The canonical patient-file dict (dates as YYYY-MM-DD strings, absent values left out)."""
    dx, rc = p.metastatic_diagnosis, p.receptors
    data = {
        "format": FORMAT,
        "name": p.name,
        "birth_year": p.birth_year,
        "birth_date": p.birth_date,
        "sex": p.sex,
        "postal_code": p.postal_code,
        "country": p.country,
        "metastatic_diagnosis": _clean({k: getattr(dx, k) for k in DIAGNOSIS_KEYS}),
        "receptors": _clean({k: getattr(rc, k) for k in RECEPTOR_KEYS + RECEPTOR_DETAIL_KEYS}),
        "biomarkers": dump_biomarkers(p.biomarkers, p.biomarker_details, _marker_out),
        "metastases": [
            _clean({k: getattr(m, k) for k in METASTASIS_KEYS + METASTASIS_DETAIL_KEYS})
            for m in p.metastases
        ],
        "ecog": p.ecog,
        "karnofsky": p.karnofsky,
        "menopausal_status": p.menopausal_status,
        "menopausal_detail": p.menopausal_detail,
        "conditions": [
            _clean({k: getattr(c, k) for k in CONDITION_KEYS + CONDITION_DETAIL_KEYS})
            for c in p.conditions
        ],
        "treatments": [
            _clean(
                {k: getattr(t, k) for k in TREATMENT_KEYS + TREATMENT_DETAIL_KEYS}
                | {"type": None if t.type == "systemic" else t.type}
            )
            for t in p.treatments
        ],
        "assessments": [_clean({k: getattr(a, k) for k in ASSESSMENT_KEYS}) for a in p.assessments],
        "labs": [_clean({k: getattr(x, k) for k in LAB_KEYS}) for x in p.labs],
        "symptoms": [_clean({k: getattr(s, k, None) for k in SYMPTOM_KEYS}) for s in p.symptoms],
    }
    return _clean(data)


class _Loader(hostile.DepthLimit, yaml.SafeLoader):
    """SafeLoader that keeps numbers with leading zeros (ZIP codes like 02115) as text, refuses
    runaway nesting and keeps an impossible date (0000-00-00) as text for the reader to name."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:int"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?(?:[1-9][0-9_]*|0))$"), list("-+0123456789")
)


def loads(text: str, *, today: date | None = None) -> Patient:
    """Parse YAML or JSON text (JSON is YAML, but try it strictly first for clearer errors)."""
    stripped = text.lstrip()
    try:
        data = (
            hostile.load_json(text)
            if stripped.startswith("{")
            else hostile.load_yaml(text, _Loader)
        )
    except hostile.Hostile as err:
        raise PatientFileError(f"file: {err.message}", "file") from None
    except json.JSONDecodeError as err:
        raise PatientFileError(
            f"file: not valid JSON at line {err.lineno}, column {err.colno} ({err.msg}).", "file"
        ) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise PatientFileError(
            f"file: not valid YAML{where} ({getattr(err, 'problem', None) or 'syntax error'}).",
            "file",
        ) from None
    return parse(data, today=today)


def load(path: str | Path, *, today: date | None = None) -> Patient:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PatientFileError(f"file: {str(path)!r} does not exist.", "file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise PatientFileError(
            f"file: {str(path)!r} cannot be read as UTF-8 text ({err.__class__.__name__}).", "file"
        ) from None
    return loads(text, today=today)


def dumps_yaml(p: Patient) -> str:
    return yaml.safe_dump(dump(p), sort_keys=False, allow_unicode=True)


def dumps_json(p: Patient) -> str:
    return json.dumps(dump(p), indent=2, ensure_ascii=False)
