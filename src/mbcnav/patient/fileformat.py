"""Read, validate, normalise and write the ``mbcnav-patient/1`` file.

``parse(dict) -> Patient`` checks every field and raises ``PatientFileError`` with one
sentence naming the field, the value and what is allowed. ``dump(Patient) -> dict``
writes the canonical form back; ``parse(dump(p)) == p`` for every valid ``p``.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import process

from . import vocabulary as v
from .errors import PatientFileError
from .model import (
    FORMAT, Assessment, Lab, Metastasis, MetastaticDiagnosis, Patient, Receptors, Symptom,
    Treatment,
)

TOP_KEYS = (
    "format", "name", "birth_year", "birth_date", "sex", "postal_code", "country",
    "metastatic_diagnosis", "receptors", "biomarkers", "metastases", "ecog", "treatments",
    "assessments", "labs", "symptoms",
)
DIAGNOSIS_KEYS = ("date", "de_novo", "first_diagnosis_date", "first_diagnosis_stage", "histology")
RECEPTOR_KEYS = ("er", "pr", "her2", "biopsy_site", "biopsy_date")
METASTASIS_KEYS = ("site", "date", "measurable", "status")
TREATMENT_KEYS = ("type", "drugs", "setting", "start", "end", "stop_reason", "site", "procedure", "date")
ASSESSMENT_KEYS = ("date", "status", "method", "note")
LAB_KEYS = ("date", "test", "value", "unit")
SYMPTOM_KEYS = ("date", "symptom", "severity", "frequency", "interference", "location", "new",
                "temperature_c", "temperature_f", "count_per_day", "note")


def _fail(field: str, message: str) -> PatientFileError:
    return PatientFileError(f"{field}: {message}", field=field)


def _allowed(values) -> str:
    values = list(values)
    return ", ".join(values[:-1]) + f" or {values[-1]}" if len(values) > 1 else values[0]


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


class _Reader:
    """Walks the raw dict; every accessor knows its field path for error messages."""

    def __init__(self, today: date):
        self.today = today

    # -- primitives -------------------------------------------------------------
    def mapping(self, value: Any, field: str, keys: tuple[str, ...]) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise _fail(field, f"expected a section of named fields, got {_show(value)}.")
        for key in value:
            if key not in keys:
                hint = process.extractOne(str(key), keys, score_cutoff=70)
                also = f" (did you mean {hint[0]!r}?)" if hint else ""
                raise _fail(f"{field}.{key}" if field else str(key),
                            f"{_show(key)} is not a known field{also}; allowed: {_allowed(keys)}.")
        return value

    def items(self, value: Any, field: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise _fail(field, f"expected a list, got {_show(value)}.")
        return value

    def text(self, value: Any, field: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, (dict, list)):
            raise _fail(field, f"expected text, got {_show(value)}.")
        text = str(value).strip()
        return text or None

    def enum(self, value: Any, field: str, normalise, allowed) -> str | None:
        if value is None:
            return None
        canon = normalise(value)
        if canon is None:
            raise _fail(field, f"{_show(value)} is not allowed; use {_allowed(allowed)}.")
        return canon

    def date(self, value: Any, field: str, *, past: bool = True) -> date | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            value = value.date()
        if not isinstance(value, date):
            text = str(value).strip()
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise _fail(field, f"{_show(value)} is not a date; write dates as YYYY-MM-DD.")
            try:
                value = date.fromisoformat(text)
            except ValueError:
                raise _fail(field, f"{_show(text)} is not a real calendar date; write dates as YYYY-MM-DD.") from None
        if value.year < 1900:
            raise _fail(field, f"{value.isoformat()} is too long ago; dates must be from 1900 on.")
        if past and value > self.today:
            raise _fail(field, f"{value.isoformat()} is in the future; it must be on or before {self.today.isoformat()}.")
        return value

    def boolean(self, value: Any, field: str) -> bool | None:
        if value is None or (isinstance(value, str) and value.strip().lower() == "unknown"):
            return None
        if isinstance(value, bool):
            return value
        words = {"yes": True, "true": True, "no": False, "false": False}
        if isinstance(value, str) and value.strip().lower() in words:
            return words[value.strip().lower()]
        raise _fail(field, f"{_show(value)} is not allowed; use true, false or unknown.")

    def number(self, value: Any, field: str, low: float, high: float, *, integer=False):
        if value is None:
            return None
        if isinstance(value, bool):
            raise _fail(field, f"{_show(value)} is not a number.")
        try:
            num = float(str(value).strip())
        except ValueError:
            raise _fail(field, f"{_show(value)} is not a number.") from None
        if integer and num != int(num):
            raise _fail(field, f"{_show(value)} must be a whole number from {low:g} to {high:g}.")
        if not low <= num <= high:
            raise _fail(field, f"{_show(value)} is out of range; allowed {low:g} to {high:g}.")
        return int(num) if integer else num


def _later(first: date | None, second: date | None) -> bool:
    return first is not None and second is not None and second < first


def parse(data: Any, today: date | None = None) -> Patient:
    """Validate and normalise a patient-file dict into a ``Patient``."""
    r = _Reader(today or date.today())
    if not isinstance(data, dict):
        raise _fail("format", "the file must be a set of named fields starting with 'format: mbcnav-patient/1'.")
    fmt = data.get("format")
    if fmt != FORMAT:
        raise _fail("format", f"{_show(fmt)} is not supported; the first line must be 'format: {FORMAT}'.")
    r.mapping(data, "", TOP_KEYS)

    birth_year = r.number(data.get("birth_year"), "birth_year", 1900, r.today.year, integer=True)
    birth_date = r.date(data.get("birth_date"), "birth_date")
    if birth_year and birth_date and birth_date.year != birth_year:
        raise _fail("birth_year", f"{birth_year} does not match birth_date {birth_date.isoformat()}.")
    born = birth_date or (date(birth_year, 1, 1) if birth_year else None)
    country = r.text(data.get("country"), "country")
    country = country.upper() if country else None
    postal = data.get("postal_code")
    if isinstance(postal, int) and not isinstance(postal, bool):
        postal = f"{postal:05d}"
    postal = r.text(postal, "postal_code")
    if postal and country in (None, "US", "USA") and not re.fullmatch(r"\d{5}(-\d{4})?", postal):
        raise _fail("postal_code", f"{_show(postal)} is not a US ZIP code; write 5 digits in quotes, like \"60611\".")

    dx = _diagnosis(r, data.get("metastatic_diagnosis"), born)
    receptors = _receptors(r, data.get("receptors"))
    biomarkers = _biomarkers(r, data.get("biomarkers"))
    metastases = tuple(_metastasis(r, m, f"metastases[{i}]") for i, m in enumerate(r.items(data.get("metastases"), "metastases")))
    ecog = data.get("ecog")
    if isinstance(ecog, str) and re.fullmatch(r"\s*ecog\s*\d\s*", ecog, re.I):
        ecog = ecog.strip()[-1]
    ecog = r.number(ecog, "ecog", 0, 4, integer=True)
    treatments = tuple(_treatment(r, t, f"treatments[{i}]") for i, t in enumerate(r.items(data.get("treatments"), "treatments")))
    assessments = tuple(_assessment(r, a, f"assessments[{i}]") for i, a in enumerate(r.items(data.get("assessments"), "assessments")))
    labs = tuple(_lab(r, x, f"labs[{i}]") for i, x in enumerate(r.items(data.get("labs"), "labs")))
    symptoms = tuple(_symptom(r, s, f"symptoms[{i}]") for i, s in enumerate(r.items(data.get("symptoms"), "symptoms")))
    return Patient(
        format=FORMAT, name=r.text(data.get("name"), "name"), birth_year=birth_year,
        birth_date=birth_date, sex=r.enum(data.get("sex"), "sex", v.normalise_sex, v.SEXES),
        postal_code=postal, country=country, metastatic_diagnosis=dx, receptors=receptors,
        biomarkers=biomarkers, metastases=metastases, ecog=ecog, treatments=treatments,
        assessments=assessments, labs=labs, symptoms=symptoms,
    )


def _diagnosis(r: _Reader, raw: Any, born: date | None) -> MetastaticDiagnosis:
    f = "metastatic_diagnosis"
    d = r.mapping(raw, f, DIAGNOSIS_KEYS)
    dx = MetastaticDiagnosis(
        date=r.date(d.get("date"), f"{f}.date"),
        de_novo=r.boolean(d.get("de_novo"), f"{f}.de_novo"),
        first_diagnosis_date=r.date(d.get("first_diagnosis_date"), f"{f}.first_diagnosis_date"),
        first_diagnosis_stage=r.enum(d.get("first_diagnosis_stage"), f"{f}.first_diagnosis_stage", v.normalise_stage, v.STAGES),
        histology=r.enum(d.get("histology"), f"{f}.histology", v.normalise_histology, v.HISTOLOGIES),
    )
    if _later(dx.first_diagnosis_date, dx.date):
        raise _fail(f"{f}.date", f"{dx.date.isoformat()} is before first_diagnosis_date {dx.first_diagnosis_date.isoformat()}; metastatic disease cannot be found before the first diagnosis.")
    for key in ("date", "first_diagnosis_date"):
        if _later(born, getattr(dx, key)):
            raise _fail(f"{f}.{key}", f"{getattr(dx, key).isoformat()} is before the person was born.")
    if dx.de_novo is True and dx.first_diagnosis_stage not in (None, "IV"):
        raise _fail(f"{f}.de_novo", f"true means metastatic at first diagnosis, but first_diagnosis_stage is {dx.first_diagnosis_stage}; use de_novo: false or stage IV.")
    if dx.de_novo is False and dx.first_diagnosis_stage == "IV":
        raise _fail(f"{f}.de_novo", "false means a recurrence, but first_diagnosis_stage is IV; use de_novo: true.")
    return dx


def _receptors(r: _Reader, raw: Any) -> Receptors:
    f = "receptors"
    d = r.mapping(raw, f, RECEPTOR_KEYS)
    site = d.get("biopsy_site")
    site_text = r.text(site, f"{f}.biopsy_site")
    if site_text and site_text.lower() != "breast":
        site_text = v.normalise_site(site_text) or site_text.lower()
    return Receptors(
        er=r.enum(d.get("er"), f"{f}.er", v.normalise_er, (*v.ER_RESULTS, "a percentage such as 5%")),
        pr=r.enum(d.get("pr"), f"{f}.pr", v.normalise_pr, v.PR_RESULTS),
        her2=r.enum(d.get("her2"), f"{f}.her2", v.normalise_her2, v.HER2_RESULTS),
        biopsy_site=site_text.lower() if site_text else None,
        biopsy_date=r.date(d.get("biopsy_date"), f"{f}.biopsy_date"),
    )


def _biomarkers(r: _Reader, raw: Any) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _fail("biomarkers", f"expected marker: result pairs, got {_show(raw)}.")
    out: dict[str, str] = {}
    for name, value in raw.items():
        marker = v.normalise_marker_name(name)
        field = f"biomarkers.{marker}"
        if isinstance(value, (dict, list)):
            raise _fail(field, f"expected a result such as 'mutated', got {_show(value)}.")
        result = v.normalise_marker_value(marker, value)
        if result is None:
            allowed = {
                **{m: ("mutated", "not mutated", "unknown") for m in v.MUTATION_MARKERS},
                **{m: ("positive", "negative", "unknown") for m in v.GERMLINE_MARKERS},
                "PD-L1": ("CPS <number>", "TPS <number>%", "positive", "negative", "unknown"),
                "MSI": ("stable", "high", "unknown"), "TMB": ("<mutations per megabase>", "high", "low", "unknown"),
            }[marker]
            raise _fail(field, f"{_show(value)} is not allowed; use {_allowed(allowed)}.")
        if marker in out:
            raise _fail(field, "is given twice.")
        out[marker] = result
    return out


def _metastasis(r: _Reader, raw: Any, f: str) -> Metastasis:
    d = r.mapping(raw, f, METASTASIS_KEYS)
    if d.get("site") is None:
        raise _fail(f"{f}.site", f"is missing; use {_allowed(v.SITES)}.")
    site = r.enum(d["site"], f"{f}.site", v.normalise_site, v.SITES)
    status = r.enum(d.get("status"), f"{f}.status", v.normalise_brain_status, v.BRAIN_STATUSES)
    if status and site not in ("brain", "leptomeningeal"):
        raise _fail(f"{f}.status", f"{_show(d.get('status'))} is only for brain metastases, but this site is {site}.")
    return Metastasis(site=site, date=r.date(d.get("date"), f"{f}.date"),
                      measurable=r.boolean(d.get("measurable"), f"{f}.measurable"), status=status)


def _drug_list(r: _Reader, raw: Any, f: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [part for part in re.split(r"\s*(?:,|\+| and )\s*", raw) if part]
    if not isinstance(raw, list):
        raise _fail(f, f"expected a list of drug names, got {_show(raw)}.")
    return tuple(r.text(x, f"{f}[{i}]") for i, x in enumerate(raw) if r.text(x, f"{f}[{i}]"))


def _treatment(r: _Reader, raw: Any, f: str) -> Treatment:
    d = r.mapping(raw, f, TREATMENT_KEYS)
    drugs = _drug_list(r, d.get("drugs"), f"{f}.drugs")
    kind = r.enum(d.get("type"), f"{f}.type", v.normalise_treatment_type, v.TREATMENT_TYPES)
    if kind is None:
        if not drugs:
            raise _fail(f"{f}.type", "is missing; give drugs for a systemic treatment, or type: radiation or type: surgery.")
        kind = "systemic"
    if kind == "systemic" and not drugs:
        raise _fail(f"{f}.drugs", "is missing; a systemic treatment needs at least one drug name.")
    if kind != "systemic" and drugs:
        raise _fail(f"{f}.drugs", f"are only for systemic treatments, but this one is {kind}.")
    t = Treatment(
        type=kind, drugs=drugs,
        setting=r.enum(d.get("setting"), f"{f}.setting", v.normalise_setting, v.SETTINGS),
        start=r.date(d.get("start"), f"{f}.start"), end=r.date(d.get("end"), f"{f}.end"),
        stop_reason=r.enum(d.get("stop_reason"), f"{f}.stop_reason", v.normalise_stop_reason, v.STOP_REASONS),
        site=r.text(d.get("site"), f"{f}.site"), procedure=r.text(d.get("procedure"), f"{f}.procedure"),
        date=r.date(d.get("date"), f"{f}.date"),
    )
    if _later(t.start, t.end):
        raise _fail(f"{f}.end", f"{t.end.isoformat()} is before the start {t.start.isoformat()}; the end must be on or after the start.")
    if kind == "systemic" and t.start is None:
        raise _fail(f"{f}.start", "is missing; a systemic treatment needs a start date (YYYY-MM-DD).")
    if kind == "surgery" and t.begins is None:
        raise _fail(f"{f}.date", "is missing; a surgery needs a date (YYYY-MM-DD).")
    if t.stop_reason and t.end is None:
        raise _fail(f"{f}.stop_reason", f"{_show(t.stop_reason)} is given but the treatment has no end date; add end or remove stop_reason.")
    return t


def _assessment(r: _Reader, raw: Any, f: str) -> Assessment:
    d = r.mapping(raw, f, ASSESSMENT_KEYS)
    when = r.date(d.get("date"), f"{f}.date")
    if when is None:
        raise _fail(f"{f}.date", "is missing; every assessment needs a date (YYYY-MM-DD).")
    if d.get("status") is None:
        raise _fail(f"{f}.status", f"is missing; use {_allowed(v.ASSESSMENT_STATUSES)}.")
    return Assessment(
        date=when, status=r.enum(d["status"], f"{f}.status", v.normalise_assessment_status, v.ASSESSMENT_STATUSES),
        method=r.enum(d.get("method"), f"{f}.method", v.normalise_method, v.ASSESSMENT_METHODS),
        note=r.text(d.get("note"), f"{f}.note"),
    )


def _lab(r: _Reader, raw: Any, f: str) -> Lab:
    d = r.mapping(raw, f, LAB_KEYS)
    when = r.date(d.get("date"), f"{f}.date")
    if when is None:
        raise _fail(f"{f}.date", "is missing; every lab result needs a date (YYYY-MM-DD).")
    test = r.text(d.get("test"), f"{f}.test")
    if not test:
        raise _fail(f"{f}.test", "is missing; name the test, such as CA 15-3.")
    value = d.get("value")
    if isinstance(value, bool) or isinstance(value, (dict, list)):
        raise _fail(f"{f}.value", f"{_show(value)} is not a lab value; give a number or short text.")
    if isinstance(value, (int, float)):
        value = float(value)
    elif value is not None:
        text = str(value).strip()
        try:
            value = float(text)
        except ValueError:
            value = text or None
    return Lab(date=when, test=v.normalise_lab_test(test), value=value, unit=r.text(d.get("unit"), f"{f}.unit"))


def _symptom(r: _Reader, raw: Any, f: str) -> Symptom:
    d = r.mapping(raw, f, SYMPTOM_KEYS)
    when = r.date(d.get("date"), f"{f}.date")
    if when is None:
        raise _fail(f"{f}.date", "is missing; every check-in needs a date (YYYY-MM-DD).")
    if d.get("symptom") is None:
        raise _fail(f"{f}.symptom", "is missing; name the symptom, such as pain or fever.")
    found = v.normalise_symptom(d["symptom"])
    if found is None:
        hint = process.extractOne(str(d["symptom"]).lower(), v.SYMPTOMS, score_cutoff=75)
        also = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise _fail(f"{f}.symptom", f"{_show(d['symptom'])} is not a symptom we know{also}; see the symptom list in docs/patient-file.md.")
    name, location = found
    temp_c = r.number(d.get("temperature_c"), f"{f}.temperature_c", 30, 45)
    temp_f = r.number(d.get("temperature_f"), f"{f}.temperature_f", 86, 113)
    if temp_c is not None and temp_f is not None:
        raise _fail(f"{f}.temperature_f", "give temperature_c or temperature_f, not both.")
    if temp_f is not None:
        temp_c = round((temp_f - 32) * 5 / 9, 1)
    return Symptom(
        date=when, symptom=name,
        severity=r.enum(d.get("severity"), f"{f}.severity", v.normalise_severity, v.SEVERITIES),
        frequency=r.enum(d.get("frequency"), f"{f}.frequency", v.normalise_frequency, v.FREQUENCIES),
        interference=r.enum(d.get("interference"), f"{f}.interference", v.normalise_interference, v.INTERFERENCES),
        location=r.text(d.get("location"), f"{f}.location") or location,
        new=r.boolean(d.get("new"), f"{f}.new"), temperature_c=temp_c,
        count_per_day=r.number(d.get("count_per_day"), f"{f}.count_per_day", 0, 100, integer=True),
        note=r.text(d.get("note"), f"{f}.note"),
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
        "format": FORMAT, "name": p.name, "birth_year": p.birth_year, "birth_date": p.birth_date,
        "sex": p.sex, "postal_code": p.postal_code, "country": p.country,
        "metastatic_diagnosis": _clean({k: getattr(dx, k) for k in DIAGNOSIS_KEYS}),
        "receptors": _clean({k: getattr(rc, k) for k in RECEPTOR_KEYS}),
        "biomarkers": {k: _marker_out(k, val) for k, val in p.biomarkers.items()},
        "metastases": [_clean({k: getattr(m, k) for k in METASTASIS_KEYS}) for m in p.metastases],
        "ecog": p.ecog,
        "treatments": [_clean({k: getattr(t, k) for k in TREATMENT_KEYS} | {"type": None if t.type == "systemic" else t.type}) for t in p.treatments],
        "assessments": [_clean({k: getattr(a, k) for k in ASSESSMENT_KEYS}) for a in p.assessments],
        "labs": [_clean({k: getattr(x, k) for k in LAB_KEYS}) for x in p.labs],
        "symptoms": [_clean({k: getattr(s, k, None) for k in SYMPTOM_KEYS}) for s in p.symptoms],
    }
    return _clean(data)


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps numbers with leading zeros (ZIP codes like 02115) as text."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:int"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?(?:[1-9][0-9_]*|0))$"), list("-+0123456789"))


def loads(text: str, *, today: date | None = None) -> Patient:
    """Parse YAML or JSON text (JSON is YAML, but try it strictly first for clearer errors)."""
    stripped = text.lstrip()
    try:
        data = json.loads(text) if stripped.startswith("{") else yaml.load(text, Loader=_Loader)
    except json.JSONDecodeError as err:
        raise PatientFileError(f"file: not valid JSON at line {err.lineno}, column {err.colno} ({err.msg}).", "file") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise PatientFileError(f"file: not valid YAML{where} ({getattr(err, 'problem', None) or 'syntax error'}).", "file") from None
    return parse(data, today=today)


def load(path: str | Path, *, today: date | None = None) -> Patient:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PatientFileError(f"file: {str(path)!r} does not exist.", "file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise PatientFileError(f"file: {str(path)!r} cannot be read as UTF-8 text ({err.__class__.__name__}).", "file") from None
    return loads(text, today=today)


def dumps_yaml(p: Patient) -> str:
    return yaml.safe_dump(dump(p), sort_keys=False, allow_unicode=True)


def dumps_json(p: Patient) -> str:
    return json.dumps(dump(p), indent=2, ensure_ascii=False)
