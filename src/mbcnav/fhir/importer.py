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

from mbcnav.patient import FORMAT, PatientFileError, dump, parse

from . import read_care, read_clinical
from .codes import CodeTable, table
from .errors import FhirError
from .report import ImportReport
from .values import Draft, Skip, codings, find_code, has_profile, ref_id, texts

LISTS = ("metastases", "treatments", "assessments", "labs", "symptoms")
MEDICATIONS = ("MedicationRequest", "MedicationStatement", "MedicationAdministration")
RECEPTORS = {"loinc.er": "er", "loinc.er_tissue": "er", "loinc.er_interpretation": "er",
             "loinc.pr": "pr", "loinc.pr_tissue": "pr", "loinc.her2": "her2",
             "loinc.her2_tissue": "her2", "loinc.her2_ihc": "her2", "loinc.her2_fish": "her2"}
STAGE_KEYS = ("loinc.stage_group_clinical", "loinc.stage_group_pathologic", "snomed.stage_group_clinical",
              "snomed.stage_group_pathologic", "snomed.stage_group_generic")


# --------------------------------------------------------------------- reading
def _as_json(data: Any) -> Any:
    if isinstance(data, (bytes, bytearray)):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise FhirError("The file is not UTF-8 text, so it cannot be a FHIR JSON bundle.") from None
    if isinstance(data, str):
        try:
            return json.loads(data)
        except json.JSONDecodeError as err:
            raise FhirError(f"The file is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg}).") from None
    return data


def _is_own(data: Any) -> bool:
    tags = ((data.get("meta") or {}).get("tag") or []) if isinstance(data, dict) else []
    return any(isinstance(t, dict) and t.get("code") == "mbcnav-export" and
               str(t.get("system", "")).startswith(table().local_base) for t in tags)


def _entries(data: Any, report: ImportReport) -> list[dict | None]:
    data = _as_json(data)
    if not isinstance(data, dict):
        raise FhirError(f"The file holds a JSON {type(data).__name__}, not a FHIR Bundle; a bundle is an object with \"resourceType\": \"Bundle\".")
    kind = data.get("resourceType")
    if not kind:
        raise FhirError("The file has no resourceType, so it is not a FHIR resource or Bundle.")
    if kind != "Bundle":
        report.notes.append(f"The file is a single {kind}, not a Bundle; it was read as a bundle of one.")
        return [data]
    bundle_id = data.get("id")
    if bundle_id is not None and not re.fullmatch(r"[A-Za-z0-9\-.]{1,64}", str(bundle_id)):
        report.notes.append(f"Bundle.id {bundle_id!r} is not a valid FHIR id; it was ignored.")
    entries = data.get("entry")
    if entries is None or entries == []:
        raise FhirError("The bundle has no entries, so there is nothing to import.")
    if not isinstance(entries, list):
        raise FhirError(f"Bundle.entry must be a list of entries, but it is a {type(entries).__name__}.")
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
        return f"it failed FHIR R4 validation at {where}: {message.rstrip('.')}."
    return None


def _person_key(res: dict) -> tuple:
    names = res.get("name") or [{}]
    return (json.dumps(names[0], sort_keys=True), res.get("birthDate"), res.get("gender"))


# ------------------------------------------------------------------ dispatching
def _observation(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    code = res.get("code")
    local = codes.local("CodeSystem/")
    cats = [c for cat in res.get("category") or [] for c in codings(cat)]
    if any(str(c.get("system", "")).startswith(local) and c.get("code") == "symptom-check-in" for c in cats):
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
        raise Skip("a Karnofsky score has no place in the record, which keeps ECOG.")
    if key == "loinc.variant_assessment":
        return read_clinical.read_variant(res, draft, codes, label)
    if key in ("loinc.msi", "loinc.tmb"):
        return read_clinical.read_marker(res, draft, codes, label, "MSI" if key == "loinc.msi" else "TMB")
    if key in STAGE_KEYS or has_profile(res, "stage-group"):
        return read_clinical.read_stage(res, draft, codes, label)
    if found in codes.maps["lab"].values():
        return read_care.read_lab(res, draft, codes, label)
    if has_profile(res, "tnm-") or has_profile(res, "tnm-clinical-distant"):
        raise Skip("it is a TNM T, N or M category; the record keeps only the stage group.")
    values = [k for k in res if k.startswith("value")]
    is_lab = any(c.get("code") == "laboratory" for c in cats) and values in ([], ["valueQuantity"], ["valueString"])
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


# ------------------------------------------------------------------- assembling
def _assemble(draft: Draft, report: ImportReport, own: bool) -> tuple[dict, dict]:
    """The patient-file dict, and for each field/list item the resource it came from.

    ``own`` marks a bundle written by MBC Navigator: it carries every fact explicitly,
    so the guesses made for other systems' bundles (diagnosis dates, de novo) are skipped.
    """
    labels: dict[str, Any] = {k: [] for k in LISTS}
    data: dict[str, Any] = {"format": FORMAT, **draft.person}
    origin = {k: v for k, v in draft.person_labels.items()}
    dx, dx_origin = dict(draft.diagnosis), {f"metastatic_diagnosis.{k}": v for k, v in draft.diagnosis_labels.items()}
    origin.update(dx_origin)
    if draft.stages:
        when, stage, label = min(draft.stages, key=lambda s: (s[0] or "9999", draft.stages.index(s)))
        if "first_diagnosis_stage" not in dx:
            dx["first_diagnosis_stage"], origin["metastatic_diagnosis.first_diagnosis_stage"] = stage, label
            if when and "first_diagnosis_date" not in dx and not own:
                dx["first_diagnosis_date"], origin["metastatic_diagnosis.first_diagnosis_date"] = when, label
        for _, other, other_label in draft.stages:
            if other != stage and other_label.startswith("Observation/"):
                report.demote(other_label, f"an earlier stage group ({stage}) was kept as the stage at first diagnosis ({label}).")
    mets = draft.lists["metastases"]
    if "de_novo" not in dx and dx.get("first_diagnosis_stage") and not own:
        if dx["first_diagnosis_stage"] == "IV":
            dx["de_novo"] = True
        elif mets:
            dx["de_novo"] = False
    dated = sorted(m["date"] for m, _ in mets if m.get("date"))
    if own:
        pass
    elif "date" not in dx and dx.get("de_novo") and dx.get("first_diagnosis_date"):
        dx["date"] = dx["first_diagnosis_date"]
    elif "date" not in dx and dated:
        dx["date"] = dated[0]
    data["metastatic_diagnosis"] = dx
    receptors = {}
    for kind in ("er", "pr", "her2"):
        if kind in draft.single:
            receptors[kind] = draft.single[kind].value
            origin[f"receptors.{kind}"] = draft.single[kind].label
    kept = [draft.single[k].label for k in ("er", "pr", "her2") if k in draft.single]
    biopsies = [(draft.biopsy[x][1] or "", draft.biopsy[x][0], x) for x in kept if x in draft.biopsy]
    if biopsies:
        when, site, label = max(biopsies, key=lambda b: (b[0], b[1] is not None))
        for key, value in (("biopsy_date", when), ("biopsy_site", site)):
            if value:
                receptors[key], origin[f"receptors.{key}"] = value, label
    data["receptors"] = receptors
    data["biomarkers"] = {k.split(":", 1)[1]: x.value for k, x in draft.single.items() if k.startswith("biomarker:")}
    origin.update({f"biomarkers.{k.split(':', 1)[1]}": x.label for k, x in draft.single.items() if k.startswith("biomarker:")})
    if "ecog" in draft.single:
        data["ecog"], origin["ecog"] = draft.single["ecog"].value, draft.single["ecog"].label
    for label, why in draft.superseded:
        report.demote(label, why)
    for section in LISTS:
        items, seen = [], {}
        for item, label in draft.lists[section]:
            key = item["site"] if section == "metastases" else json.dumps(item, sort_keys=True)
            if key in seen:
                first = items[seen[key]]
                if section == "metastases":
                    for field in ("date", "measurable", "status"):
                        if first[0].get(field) is None and item.get(field) is not None:
                            first[0][field] = item[field]
                    if item.get("date") and first[0].get("date") and item["date"] < first[0]["date"]:
                        first[0]["date"] = item["date"]
                report.demote(label, f"it repeats an earlier entry ({first[1]}).")
                continue
            seen[key] = len(items)
            items.append((item, label))
        data[section] = [item for item, _ in items]
        labels[section] = [label for _, label in items]
    origin["lists"] = labels
    return data, origin


def _drop(data: dict, origin: dict, err: PatientFileError, report: ImportReport) -> None:
    field = err.field or ""
    why = f"the record cannot hold what it gives ({err})."
    m = re.match(r"^(metastases|treatments|assessments|labs|symptoms)\[(\d+)\]", field)
    if m:
        section, index = m.group(1), int(m.group(2))
        report.demote(origin["lists"][section].pop(index), why)
        data[section].pop(index)
        return
    parts = field.split(".")
    section = parts[0] if len(parts) == 2 and parts[0] in ("metastatic_diagnosis", "receptors", "biomarkers") else None
    if section or (field in data and field != "format"):
        if section:
            data[section].pop(parts[1], None)
        else:
            data.pop(field)
        if origin.get(field):
            report.demote(origin[field], why)
        else:  # a value worked out from several resources, not given by one
            report.notes.append(f"A value worked out from the bundle was left out: {err}")
        return
    raise FhirError(f"The bundle could not be turned into a valid record: {err}")


def _finish(data: dict, origin: dict, report: ImportReport, today: date | None) -> dict:
    data = {k: v for k, v in data.items() if v not in ({}, [], None)}
    for _ in range(500):
        try:
            return dump(parse(data, today=today))
        except PatientFileError as err:
            _drop(data, origin, err, report)
    raise FhirError("The bundle could not be turned into a valid record: too many invalid values.")


def _other_cancers(valid: list[tuple[dict, str]], codes: CodeTable) -> dict[str, str]:
    """Ids of non-breast primary cancers, and of the stage groups they point to -> their label."""
    out: dict[str, str] = {}
    for res, label in valid:
        if res["resourceType"] != "Condition" or not res.get("id"):
            continue
        if read_clinical.is_primary(res, codes) and not read_clinical.is_breast(res, codes):
            out[res["id"]] = label
            for stage in res.get("stage") or []:
                for ref in stage.get("assessment") or []:
                    if ref_id(ref):
                        out[ref_id(ref)] = label
    return out


def _refers_to(res: dict) -> set[str]:
    """Ids this resource points to as its cancer (related primary, focus, reason) or is."""
    refs = [e.get("valueReference") for e in res.get("extension") or []
            if isinstance(e, dict) and "related-primary-cancer-condition" in str(e.get("url"))]
    refs += [*(res.get("focus") or []), *(res.get("reasonReference") or [])]
    return {x for x in (ref_id(r) for r in refs) if x} | ({res["id"]} if res.get("id") and res["resourceType"] == "Observation" else set())


def import_bundle(data: Any, *, today: date | None = None) -> tuple[dict, ImportReport]:
    """A FHIR bundle (dict, JSON text or bytes) -> (patient-file dict, report)."""
    codes = table()
    report = ImportReport()
    data = _as_json(data)
    resources = _entries(copy.deepcopy(data) if isinstance(data, dict) else data, report)
    valid: list[tuple[dict, str]] = []
    seen: dict[tuple, dict] = {}
    for i, res in enumerate(resources, start=1):
        if res is None:
            report.skipped(f"entry {i}", "the entry holds no resource.")
            continue
        kind, rid = res.get("resourceType"), res.get("id")
        label = f"{kind}/{rid}" if rid else f"entry {i} ({kind})"
        if rid and (kind, rid) in seen:
            same = seen[(kind, rid)] == res
            report.skipped(f"{label} (entry {i})", "it is a duplicate of an earlier entry with the same id." if same
                           else "an earlier entry already used this id; ids must be unique.")
            continue
        if rid:
            seen[(kind, rid)] = res
        problem = _validation_problem(res)
        if problem:
            report.skipped(label, problem)
            continue
        valid.append((res, label))
    patients = [res for res, _ in valid if res["resourceType"] == "Patient"]
    if len({_person_key(p) for p in patients}) > 1:
        raise FhirError(f"The bundle holds {len(patients)} different people; import one person's bundle at a time.")
    person_ids = {p["id"] for p in patients if p.get("id")}
    medications = {res["id"]: res for res, _ in valid if res["resourceType"] == "Medication" and res.get("id")}
    foreign = _other_cancers(valid, codes)
    draft = Draft()
    for res, label in valid:
        other = _refers_to(res) & set(foreign)
        if other:
            first = sorted(other)[0]
            report.skipped(label, f"it belongs to a cancer that is not breast cancer ({foreign[first]}).")
            continue
        subject = ref_id(res.get("subject") or res.get("patient"))
        if person_ids and subject and subject not in person_ids and res["resourceType"] != "Patient":
            report.skipped(label, f"it belongs to another person (subject {subject}).")
            continue
        try:
            report.imported(label, _read(res, draft, codes, label, medications))
        except Skip as why:
            report.skipped(label, str(why))
    data_out, origin = _assemble(draft, report, _is_own(data))
    return _finish(data_out, origin, report, today), report


def import_file(path: str | Path, *, today: date | None = None) -> tuple[dict, ImportReport]:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError:
        raise FhirError(f"The file {str(path)!r} cannot be read.") from None
    return import_bundle(raw, today=today)


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
            out.setdefault(key, []).extend(x for x in value if json.dumps(x, sort_keys=True) not in have)
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
