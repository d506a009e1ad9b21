"""Patient -> FHIR R4 Bundle (type collection) following mCODE STU4 profiles.

``export_bundle(patient)`` builds the bundle as a plain dict; ``validate_bundle``
checks every resource with the ``fhir.resources.R4B`` models. Resource ids are
derived from the record's content, so exporting the same record twice gives the
same bundle byte for byte. What each fact becomes is listed in docs/fhir.md.
This module holds the bundle, the person, the cancer conditions, staging and the
receptor / biomarker tests; ``export_care`` holds treatments, assessments, ECOG,
labs and symptom check-ins.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from typing import Any

from mbcnav.patient import Patient, dump, markers, vocabulary

from . import export_care
from .codes import CodeTable, table
from .errors import FhirError

NAMESPACE = uuid.UUID("6f1f8a52-3c1e-4d55-9a43-0d6a2b7e9c11")
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
OWN_TAG = {"code": "mbcnav-export", "display": "Written by MBC Navigator"}
POSITIVE_HER2 = ("IHC 3+", "IHC 2+ ISH+", "positive")
NEGATIVE_HER2 = ("IHC 0", "IHC 0+", "IHC 1+", "IHC 2+ ISH-", "negative")


class Context:
    """What every resource builder needs: the code table, ids and the key references."""

    def __init__(self, patient: Patient, codes: CodeTable):
        self.patient = patient
        self.codes = codes
        fingerprint = json.dumps(dump(patient), sort_keys=True, default=str)
        self.seed = hashlib.sha256(fingerprint.encode()).hexdigest()[:16]
        self.resources: list[dict] = []
        self.patient_ref = {"reference": f"urn:uuid:{self.new_id('patient')}"}
        self.primary_ref = {"reference": f"urn:uuid:{self.new_id('primary')}"}

    def new_id(self, label: str) -> str:
        return str(uuid.uuid5(NAMESPACE, f"{self.seed}:{label}"))

    def add(self, label: str, resource: dict) -> dict:
        resource = {
            "resourceType": resource.pop("resourceType"),
            "id": self.new_id(label),
            **resource,
        }
        self.resources.append(resource)
        return resource

    def meta(self, profile: str) -> dict:
        return {"profile": [self.codes.profile(profile)]}

    def local_ext(self, name: str, **value: Any) -> dict:
        return {"url": self.codes.local(f"StructureDefinition/{name}"), **value}

    def local_code(self, system: str, code: str, text: str | None = None) -> dict:
        return {
            "coding": [{"system": self.codes.local(f"CodeSystem/{system}"), "code": code}],
            "text": text or code,
        }

    def concept(self, map_name: str, word: str | None, text: str | None = None) -> dict:
        code = self.codes.mapped(map_name, word)
        return code.concept(text or word) if code else {"text": text or word}


def category(system: str, code: str) -> dict:
    return {"coding": [{"system": system, "code": code}]}


def _clean(resource: dict) -> dict:
    return {k: v for k, v in resource.items() if v not in (None, [], {}, "")}


# ------------------------------------------------------------------------ person
def _patient(ctx: Context) -> None:
    p = ctx.patient
    birth = (
        p.birth_date.isoformat() if p.birth_date else (str(p.birth_year) if p.birth_year else None)
    )
    address = _clean({"postalCode": p.postal_code, "country": p.country})
    ctx.add(
        "patient",
        _clean(
            {
                "resourceType": "Patient",
                "meta": ctx.meta("cancer_patient"),
                "name": [{"text": p.name}] if p.name else None,
                "gender": p.sex,
                "birthDate": birth,
                "address": [address] if address else None,
            }
        ),
    )


# -------------------------------------------------------------------- conditions
def _primary(ctx: Context) -> None:
    p, dx = ctx.patient, ctx.patient.metastatic_diagnosis
    ext = []
    if dx.histology:
        ext.append(
            {
                "url": ctx.codes.ext("histology_morphology_behavior"),
                "valueCodeableConcept": ctx.concept("histology_morphology", dx.histology),
            }
        )
    if dx.de_novo is not None:
        ext.append(ctx.local_ext("de-novo-metastatic", valueBoolean=dx.de_novo))
    if dx.inflammatory is not None:  # said either way; SNOMED codes only the "yes"
        ext.append(ctx.local_ext("inflammatory-breast-cancer", valueBoolean=dx.inflammatory))
    if dx.date:
        ext.append(ctx.local_ext("metastatic-diagnosis-date", valueDate=dx.date.isoformat()))
    latest = max(p.assessments, key=lambda a: a.date, default=None)
    status = "remission" if latest is not None and latest.status == "ned" else "active"
    code = ctx.codes.mapped("histology_code", dx.histology) or ctx.codes.get("snomed.breast_cancer")
    if dx.inflammatory:
        code = ctx.codes.get("snomed.inflammatory_breast_cancer")
    ctx.add(
        "primary",
        _clean(
            {
                "resourceType": "Condition",
                "meta": ctx.meta("primary_cancer_condition"),
                "extension": ext,
                "clinicalStatus": category(CONDITION_CLINICAL, status),
                "verificationStatus": category(CONDITION_VERIFICATION, "confirmed"),
                "category": [category(CONDITION_CATEGORY, "problem-list-item")],
                "code": code.concept(),
                "bodySite": [ctx.codes.get("snomed.breast_structure").concept()],
                "subject": ctx.patient_ref,
                "onsetDateTime": dx.first_diagnosis_date.isoformat()
                if dx.first_diagnosis_date
                else None,
            }
        ),
    )


def _secondaries(ctx: Context) -> None:
    for i, m in enumerate(ctx.patient.metastases):
        ext = [
            {
                "url": ctx.codes.ext("related_primary_cancer_condition"),
                "valueReference": ctx.primary_ref,
            }
        ]
        if m.measurable is not None:
            ext.append(ctx.local_ext("measurable-disease", valueBoolean=m.measurable))
        if m.status:
            ext.append(ctx.local_ext("brain-metastasis-status", valueCode=m.status))
        if m.detail:
            ext.append(ctx.local_ext("metastasis-site-detail", valueString=m.detail))
        ctx.add(
            f"metastasis-{i}",
            _clean(
                {
                    "resourceType": "Condition",
                    "meta": ctx.meta("secondary_cancer_condition"),
                    "extension": ext,
                    "clinicalStatus": category(CONDITION_CLINICAL, "active"),
                    "verificationStatus": category(CONDITION_VERIFICATION, "confirmed"),
                    "category": [category(CONDITION_CATEGORY, "problem-list-item")],
                    "code": ctx.concept("site_disorder", m.site),
                    "bodySite": [ctx.concept("site_body", m.site)],
                    "subject": ctx.patient_ref,
                    "onsetDateTime": m.date.isoformat() if m.date else None,
                }
            ),
        )


def _stage(ctx: Context) -> None:
    dx = ctx.patient.metastatic_diagnosis
    stage = dx.first_diagnosis_stage or ("IV" if dx.de_novo else None)
    if stage is None:
        return
    when = dx.first_diagnosis_date if dx.first_diagnosis_stage else dx.date
    derived = (
        [ctx.local_ext("stage-from-de-novo", valueBoolean=True)]
        if not dx.first_diagnosis_stage
        else None
    )
    ctx.add(
        "stage",
        _clean(
            {
                "resourceType": "Observation",
                "meta": ctx.meta("tnm_stage_group"),
                "extension": derived,
                "status": "final",
                "category": [category(OBSERVATION_CATEGORY, "survey")],
                "code": ctx.codes.get("snomed.stage_group_clinical").concept(),
                "subject": ctx.patient_ref,
                "focus": [ctx.primary_ref],
                "effectiveDateTime": when.isoformat() if when else None,
                "valueCodeableConcept": ctx.concept("stage", stage, f"Stage {stage}"),
            }
        ),
    )


# ----------------------------------------------------------- receptors, markers
def _answer(ctx: Context, positive: bool | None, text: str) -> dict:
    if positive is None:
        return {"text": text}
    return ctx.codes.get("loinc.answer_positive" if positive else "loinc.answer_negative").concept(
        text
    )


def _receptor(ctx: Context, label: str, loinc: str, value: dict, extra: dict | None = None) -> None:
    rc = ctx.patient.receptors
    ctx.add(
        label,
        _clean(
            {
                "resourceType": "Observation",
                "meta": ctx.meta("tumor_marker_test"),
                "status": "final",
                "category": [category(OBSERVATION_CATEGORY, "laboratory")],
                "code": ctx.codes.get(loinc).concept(),
                "subject": ctx.patient_ref,
                "effectiveDateTime": rc.biopsy_date.isoformat() if rc.biopsy_date else None,
                "bodySite": {"text": rc.biopsy_site} if rc.biopsy_site else None,
                "valueCodeableConcept": value,
                **(extra or {}),
            }
        ),
    )


def _receptors(ctx: Context) -> None:
    rc = ctx.patient.receptors
    polarity = {"positive": True, "low": True, "negative": False}
    if rc.er:
        _receptor(ctx, "er", "loinc.er", _answer(ctx, polarity.get(rc.er), rc.er))
    if rc.pr:
        _receptor(ctx, "pr", "loinc.pr", _answer(ctx, polarity.get(rc.pr), rc.pr))
    if rc.her2:
        positive = True if rc.her2 in POSITIVE_HER2 else False if rc.her2 in NEGATIVE_HER2 else None
        extra = None
        if rc.her2.startswith("IHC "):
            score = rc.her2.split()[1]
            extra = {
                "component": [
                    {"code": ctx.codes.get("loinc.her2_ihc").concept(), "valueString": score}
                ]
            }
        _receptor(ctx, "her2", "loinc.her2", _answer(ctx, positive, rc.her2), extra)


def _is_gene(ctx: Context, marker: str) -> bool:
    return (
        marker in vocabulary.MUTATION_MARKERS
        or marker in vocabulary.GERMLINE_MARKERS
        or f"hgnc.{marker}" in ctx.codes.codes
    )


def _variant_components(ctx: Context, detail) -> list[dict]:
    """HGVS changes and the allele fraction of a GenomicVariant (mCODE components)."""
    out = []
    hgvs = ctx.codes.systems.get("hgvs")
    for change in detail.changes if detail else ():
        if change.startswith("c."):
            key, code = "loinc.dna_change", change
        elif re.fullmatch(r"[A-Z*]\d.*", change):
            key, code = "loinc.amino_acid_change", f"p.{change}"
        else:
            continue  # exon-level or fusion-pair wording: kept in the value's text
        out.append(
            {
                "code": ctx.codes.get(key).concept(),
                "valueCodeableConcept": {"coding": [{"system": hgvs, "code": code}], "text": code},
            }
        )
    if detail and detail.vaf is not None:
        out.append(
            {
                "code": ctx.codes.get("loinc.allele_frequency").concept(),
                "valueQuantity": {
                    "value": detail.vaf,
                    "unit": "%",
                    "system": ctx.codes.systems["ucum"],
                    "code": "%",
                },
            }
        )
    return out


def _biomarkers(ctx: Context) -> None:
    details = ctx.patient.biomarker_details
    for i, (marker, value) in enumerate(sorted(ctx.patient.biomarkers.items())):
        detail = details.get(marker)
        if _is_gene(ctx, marker):
            gene = "ERBB2" if marker == "HER2 mutation" else marker
            hgnc = ctx.codes.codes.get(f"hgnc.{gene}")
            germline = marker in vocabulary.GERMLINE_MARKERS
            if detail and detail.origin:
                germline = detail.origin == "germline"
            present = value in ("mutated", "positive")
            source = ctx.codes.get("loinc.germline" if germline else "loinc.somatic")
            shown = markers.as_text(value, detail) if detail else value
            ctx.add(
                f"biomarker-{i}",
                {
                    "resourceType": "Observation",
                    "meta": ctx.meta("genomic_variant"),
                    "status": "final",
                    "category": [category(OBSERVATION_CATEGORY, "laboratory")],
                    "code": ctx.codes.get("loinc.variant_assessment").concept(),
                    "subject": ctx.patient_ref,
                    "valueCodeableConcept": (
                        ctx.codes.get("loinc.answer_present").concept(shown)
                        if present
                        else {"text": shown}
                    ),
                    "component": [
                        {
                            "code": ctx.codes.get("loinc.gene_studied").concept(),
                            "valueCodeableConcept": hgnc.concept(gene) if hgnc else {"text": gene},
                        },
                        {
                            "code": ctx.codes.get("loinc.genomic_source_class").concept(),
                            "valueCodeableConcept": source.concept(),
                        },
                        *(_variant_components(ctx, detail) if present else ()),
                    ],
                },
            )
        else:
            ctx.add(
                f"biomarker-{i}",
                {
                    "resourceType": "Observation",
                    "meta": ctx.meta("tumor_marker_test"),
                    "status": "final",
                    "category": [category(OBSERVATION_CATEGORY, "laboratory")],
                    "code": ctx.local_code("biomarker", marker),
                    "subject": ctx.patient_ref,
                    "valueString": markers.as_text(value, detail) if detail else value,
                },
            )


# ------------------------------------------------------------------------ bundle
def export_bundle(patient: Patient) -> dict:
    """The whole record as a FHIR R4 collection Bundle (a plain JSON-ready dict)."""
    ctx = Context(patient, table())
    _patient(ctx)
    _primary(ctx)
    _secondaries(ctx)
    _stage(ctx)
    _receptors(ctx)
    _biomarkers(ctx)
    export_care.add_all(ctx)
    return {
        "resourceType": "Bundle",
        "id": ctx.new_id("bundle"),
        "meta": {
            **ctx.meta("patient_bundle"),
            "tag": [OWN_TAG | {"system": ctx.codes.local("CodeSystem/source")}],
        },
        "type": "collection",
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in ctx.resources],
    }


def validate_bundle(bundle: dict) -> None:
    """Check the bundle and each resource with the R4B models; FhirError names the first failure."""
    from fhir.resources.R4B import get_fhir_model_class
    from pydantic import ValidationError

    try:
        get_fhir_model_class("Bundle").model_validate(
            {k: v for k, v in bundle.items() if k != "entry"}
        )
        for entry in bundle.get("entry", []):
            resource = entry["resource"]
            get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ()))
        raise FhirError(
            f"The exported bundle failed FHIR R4 validation at {where or 'the top level'}: {first.get('msg')}."
        ) from None
