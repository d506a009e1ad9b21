"""FHIR R4 Bundle (mCODE or plain US Core) -> patient-file dict (``mbcnav-patient/1``).

``import_bundle(data)`` reads leniently: the bundle is taken apart as plain JSON, each
resource is validated on its own with the ``fhir.resources.R4B`` models, what is
recognised is mapped, and the report says for every resource what was taken or why it
was skipped. The result is built fully in memory and checked with
``mbcnav.patient.parse``: either a valid record comes back, or ``FhirError`` is raised
and nothing is changed (atomic). The same bundle always gives the same record, and
duplicates inside a bundle are merged (idempotent). ``merge_records`` adds an imported
record to an existing one without duplicating what is already there.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from mbcnav import hostile
from mbcnav.patient import PatientFileError, dump, parse

from . import lenient, read_care, read_clinical, read_health, staging
from .assemble import LISTS, assemble, finish
from .codes import CodeTable, table
from .errors import FhirError
from .links import Links, cancer_fact
from .report import ImportReport
from .values import Draft, Skip, codings, find_code, has_profile, ref_id, texts

MEDICATIONS = ("MedicationRequest", "MedicationStatement", "MedicationAdministration")
RECEPTORS = {
    "loinc.er": "er",
    "loinc.er_tissue": "er",
    "loinc.er_interpretation": "er",
    "loinc.pr": "pr",
    "loinc.pr_tissue": "pr",
    "loinc.her2": "her2",
    "loinc.her2_tissue": "her2",
    "loinc.her2_ihc": "her2",
    "loinc.her2_fish": "her2",
}
STAGE_KEYS = (
    "loinc.stage_group_clinical",
    "loinc.stage_group_pathologic",
    "snomed.stage_group_clinical",
    "snomed.stage_group_pathologic",
    "snomed.stage_group_generic",
)


# --------------------------------------------------------------------- reading
def _as_json(data: Any) -> Any:
    if isinstance(data, (bytes, bytearray)):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise FhirError(
                "The file is not UTF-8 text, so it cannot be a FHIR JSON bundle."
            ) from None
    if isinstance(data, str):
        try:
            data = hostile.load_json(data)
        except hostile.Hostile as err:
            raise FhirError(f"The {err.message}") from None
        except json.JSONDecodeError as err:
            raise FhirError(
                f"The file is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})."
            ) from None
    try:
        hostile.check(data)  # nesting, NaN/infinity, NUL characters
    except hostile.Hostile as err:
        raise FhirError(_fhir_sentence(err)) from None
    return data


def _fhir_sentence(err) -> str:
    """The hostile-input sentence with the place in the bundle said in words, not a path."""
    message = err.message
    if err.field and message.startswith(f"{err.field}: "):
        message = message[len(err.field) + 2 :]
        return f"A value in the bundle is refused: {message}"
    return f"The {message}"


def _is_own(data: Any) -> bool:
    tags = ((data.get("meta") or {}).get("tag") or []) if isinstance(data, dict) else []
    return any(
        isinstance(t, dict)
        and t.get("code") == "mbcnav-export"
        and str(t.get("system", "")).startswith(table().local_base)
        for t in tags
    )


#: Most entries a bundle may hold unless the caller says otherwise (a person's full hospital
#: export is a few thousand; 400,000 is an attack on the server, not a record).
MAX_ENTRIES = 10_000


def _entries(
    data: Any, report: ImportReport, strict: bool = False, max_entries: int = MAX_ENTRIES
) -> list[dict | None]:
    data = _as_json(data)
    if not isinstance(data, dict):
        raise FhirError(
            f'The file holds a JSON {type(data).__name__}, not a FHIR Bundle; a bundle is an object with "resourceType": "Bundle".'
        )
    kind = data.get("resourceType")
    if not kind:
        raise FhirError("The file has no resourceType, so it is not a FHIR resource or Bundle.")
    if kind != "Bundle":
        report.notes.append(
            f"The file is a single {kind}, not a Bundle; it was read as a bundle of one."
        )
        return [data]
    bundle_id = data.get("id")
    if bundle_id is not None and not re.fullmatch(r"[A-Za-z0-9\-.]{1,64}", str(bundle_id)):
        if strict:
            raise FhirError(
                f"Bundle.id {bundle_id!r} is not a valid FHIR id (letters, digits, '-' and '.' only)."
            )
        report.notes.append(f"Bundle.id {bundle_id!r} is not a valid FHIR id; it was ignored.")
    entries = data.get("entry")
    if entries is None or entries == []:
        raise FhirError("The bundle has no entries, so there is nothing to import.")
    if not isinstance(entries, list):
        raise FhirError(
            f"Bundle.entry must be a list of entries, but it is a {type(entries).__name__}."
        )
    if len(entries) > max_entries:
        raise FhirError(
            f"The bundle holds {len(entries):,} entries; at most {max_entries:,} can be imported at "
            "once. Ask for a shorter export (for example one year of results)."
        )
    out = []
    for entry in entries:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        out.append(resource if isinstance(resource, dict) else None)
    return out


def _validation_problem(resource: dict) -> str | None:
    from fhir.resources.R4B import get_fhir_model_class
    from pydantic import ValidationError

    try:
        model = get_fhir_model_class(str(resource.get("resourceType")))
    except (KeyError, ValueError, TypeError):
        return f"'{resource.get('resourceType')}' is not a FHIR R4 resource type."
    try:
        model.model_validate(resource)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ()) if x != "__root__") or "the resource"
        message = re.sub(r"^Value error, ", "", str(first.get("msg", "invalid"))).split("\n")[0]
        if "but got multiple" in message:
            listed = re.findall(r"'(\w+)'", message)
            given = [k for k in listed if k in resource]
            stem = re.sub(r"[A-Z].*$", "", listed[0]) if listed else "value"
            return (
                f"it fails FHIR R4 validation: more than one {stem}[x] is given "
                f"({', '.join(given)}), but only one is allowed."
            )
        return f"it fails FHIR R4 validation at {where}: {message.rstrip('.')}."
    return None


def _person_key(res: dict) -> tuple:
    names = res.get("name") or [{}]
    return (json.dumps(names[0], sort_keys=True), res.get("birthDate"), res.get("gender"))


# ------------------------------------------------------------------ dispatching
def _observation(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    code = res.get("code")
    local = codes.local("CodeSystem/")
    cats = [c for cat in res.get("category") or [] for c in codings(cat)]
    if any(
        str(c.get("system", "")).startswith(local) and c.get("code") == "symptom-check-in"
        for c in cats
    ):
        return read_care.read_symptom(res, draft, codes, label)
    if any(c.get("system") == codes.local("CodeSystem/biomarker") for c in codings(code)):
        return read_clinical.read_marker(res, draft, codes, label)
    found = find_code(code, codes)
    key = found.key if found else ""
    if key in RECEPTORS:
        return read_clinical.read_receptor(RECEPTORS[key], res, draft, codes, label)
    if key in ("loinc.disease_status", "loinc.disease_status_stu1"):
        return read_care.read_disease_status(res, draft, codes, label)
    if key == "loinc.ecog":
        return read_care.read_ecog(res, draft, codes, label)
    if key == "loinc.karnofsky":
        return read_health.read_karnofsky(res, draft, codes, label)
    # a lab's words ("Pre-treatment CEA") never make it a menopausal status
    lab_test = found is not None and found in codes.maps["lab"].values()
    if not lab_test and read_health.menopause_said(res, codes) is not None:
        return read_health.read_menopause(res, draft, codes, label)
    if key == "loinc.variant_assessment":
        return read_clinical.read_variant(res, draft, codes, label)
    if key in ("loinc.msi", "loinc.tmb"):
        return read_clinical.read_marker(
            res, draft, codes, label, "MSI" if key == "loinc.msi" else "TMB"
        )
    if key in STAGE_KEYS or has_profile(res, "stage-group"):
        return staging.read_stage(res, draft, codes, label)
    if found in codes.maps["lab"].values():
        return read_care.read_lab(res, draft, codes, label)
    if has_profile(res, "comorbidities"):
        return read_health.read_comorbidities(res, draft, codes, label)
    if has_profile(res, "tnm-") or has_profile(res, "tnm-clinical-distant"):
        raise Skip("it is a TNM T, N or M category; the record keeps only the stage group.")
    values = [k for k in res if k.startswith("value")]
    is_lab = any(c.get("code") == "laboratory" for c in cats) and values in (
        [],
        ["valueQuantity"],
        ["valueString"],
    )
    if is_lab:
        return read_care.read_lab(res, draft, codes, label)
    shown = (texts(code) or [f"code {c.get('code')}" for c in codings(code)] or ["no code"])[0]
    raise Skip(f"'{shown}' is not a test or observation the record keeps.")


def _read(res: dict, draft: Draft, codes: CodeTable, label: str, medications: dict) -> str:
    kind = res["resourceType"]
    if kind == "Patient":
        return read_clinical.read_patient(res, draft, codes, label)
    if kind == "Condition":
        return read_clinical.read_condition(res, draft, codes, label)
    if kind == "Observation":
        return _observation(res, draft, codes, label)
    if kind in MEDICATIONS:
        return read_care.read_medication(res, draft, codes, label, medications)
    if kind == "Procedure":
        return read_care.read_procedure(res, draft, codes, label)
    if kind == "Medication":
        raise Skip("a drug definition; it is read through the medication orders that name it.")
    raise Skip(f"{kind} resources are not part of the record.")


def _with(detail: str, problems: list[str]) -> str:
    if not problems:
        return detail
    return f"{detail.rstrip('.')} (read leniently: {'; '.join(problems)})."


def import_bundle(
    data: Any,
    *,
    today: date | None = None,
    strict: bool = False,
    max_entries: int = MAX_ENTRIES,
) -> tuple[dict, ImportReport]:
    """A FHIR bundle (dict, JSON text or bytes) -> (patient-file dict, report).

    Lenient by default: a resource that fails R4 validation on a minor point is read for the
    fields needed, with the problem in the report (``lenient``); one that fails on more is
    skipped and reported.
    ``strict=True`` refuses the whole bundle instead, naming the first invalid part.
    """
    codes = table()
    report = ImportReport()
    data = _as_json(data)
    resources = _entries(
        copy.deepcopy(data) if isinstance(data, dict) else data, report, strict, max_entries
    )
    valid: list[tuple[dict, str]] = []
    lenient_problems: dict[str, list[str]] = {}
    seen: dict[tuple, dict] = {}
    for i, res in enumerate(resources, start=1):
        if res is None:
            report.skipped(f"entry {i}", "the entry holds no resource.")
            continue
        kind, rid = str(res.get("resourceType")), res.get("id")
        rid = rid if isinstance(rid, str) and rid else None
        label = f"{kind}/{rid}" if rid else f"entry {i} ({kind})"
        if rid and (kind, rid) in seen:
            same = seen[(kind, rid)] == res
            report.skipped(
                f"{label} (entry {i})",
                "it is a duplicate of an earlier entry with the same id."
                if same
                else "an earlier entry already used this id; ids must be unique.",
            )
            continue
        if rid:
            seen[(kind, rid)] = res
        problem = _validation_problem(res)
        if problem:
            if strict:
                raise FhirError(f"{label} cannot be imported: {problem}")
            repaired = lenient.repair(res)
            if repaired is None:
                report.skipped(label, problem)
                continue
            res, lenient_problems[label] = repaired
        valid.append((res, label))
    patients = [res for res, _ in valid if res["resourceType"] == "Patient"]
    if len({_person_key(p) for p in patients}) > 1:
        raise FhirError(
            f"The bundle holds {len(patients)} different people; import one person's bundle at a time."
        )
    person_ids = {p["id"] for p in patients if p.get("id")}
    medications = {
        res["id"]: res for res, _ in valid if res["resourceType"] == "Medication" and res.get("id")
    }
    links = Links(valid, codes)
    draft = Draft()
    for res, label in valid:
        problems = lenient_problems.get(label, [])
        verdict, why = links.decide(res) if cancer_fact(res, codes) else ("take", "")
        if verdict == "other":
            report.skipped(label, _with(why, problems))
            continue
        if verdict == "unlinked":
            try:  # say first why it would be skipped anyway, if it would
                _read(res, Draft(), codes, label, medications)
            except Skip as reason:
                why = str(reason)
            except (AttributeError, TypeError, KeyError, ValueError, IndexError):
                if not problems:
                    raise
            report.skipped(label, _with(why, problems))
            continue
        subject = ref_id(res.get("subject") or res.get("patient"))
        if (
            person_ids
            and subject
            and subject not in person_ids
            and res["resourceType"] != "Patient"
        ):
            report.skipped(label, f"it belongs to another person (subject {subject}).")
            continue
        try:
            report.imported(label, _with(_read(res, draft, codes, label, medications), problems))
        except Skip as reason:
            report.skipped(label, _with(str(reason), problems))
        except (AttributeError, TypeError, KeyError, ValueError, IndexError):
            if not problems:
                raise  # a valid resource must never get here: that is a bug to see
            report.skipped(label, _with("it could not be read even leniently.", problems))
    data_out, origin = assemble(draft, report, _is_own(data))
    return finish(data_out, origin, report, today), report


def import_file(
    path: str | Path, *, today: date | None = None, strict: bool = False
) -> tuple[dict, ImportReport]:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError:
        raise FhirError(f"The file {str(path)!r} cannot be read.") from None
    return import_bundle(raw, today=today, strict=strict)


def merge_records(existing: dict, incoming: dict, *, today: date | None = None) -> dict:
    """Add an imported record to an existing one: existing values win, lists gain only new items.

    Merging the same import twice gives the same record as merging it once.
    """
    try:
        base, extra = dump(parse(existing, today=today)), dump(parse(incoming, today=today))
    except PatientFileError as err:
        raise FhirError(f"A record to merge is not valid: {err}") from None
    out = copy.deepcopy(base)
    for key, value in extra.items():
        if key in LISTS:
            have = {json.dumps(x, sort_keys=True) for x in out.get(key, [])}
            out.setdefault(key, []).extend(
                x for x in value if json.dumps(x, sort_keys=True) not in have
            )
        elif isinstance(value, dict):
            section = out.setdefault(key, {})
            for k, val in value.items():
                section.setdefault(k, val)
        else:
            out.setdefault(key, value)
    try:
        return dump(parse(out, today=today))
    except PatientFileError as err:
        raise FhirError(f"The imported record conflicts with the existing one: {err}") from None
