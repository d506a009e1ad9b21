"""Export of the care story: treatments, disease status, ECOG, labs and symptom check-ins.

Called by ``export.export_bundle`` with its ``Context``. Systemic treatments become one
CancerRelatedMedicationRequest per drug; the drugs of one regimen share a
``groupIdentifier`` so they come back together on import. Radiotherapy and surgery
become Procedures. Symptom check-ins have no mCODE profile (mCODE leaves out
patient-reported outcomes) and no verified PRO-CTCAE LOINC code in the table, so they
are plain Observations coded with the navigator's own symptom code system.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mbcnav.patient import vocabulary

if TYPE_CHECKING:  # pragma: no cover
    from mbcnav.patient.model import Symptom, Treatment

    from .export import Context

OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
UCUM = "http://unitsofmeasure.org"


def _cat(code: str) -> dict:
    return {"coding": [{"system": OBSERVATION_CATEGORY, "code": code}]}


def _clean(resource: dict) -> dict:
    return {k: v for k, v in resource.items() if v not in (None, [], {}, "")}


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _period(t: Treatment) -> dict | None:
    period = _clean({"start": _iso(t.start), "end": _iso(t.end)})
    return period or None


def _common_ext(ctx: Context, t: Treatment, intent_word: str | None) -> list[dict]:
    ext = []
    intent = ctx.codes.mapped("setting_intent", t.setting)
    if intent_word == "supportive":
        intent = ctx.codes.get("snomed.intent_supportive")
    if intent:
        ext.append(
            {"url": ctx.codes.ext("procedure_intent"), "valueCodeableConcept": intent.concept()}
        )
    if t.setting:
        ext.append(ctx.local_ext("treatment-setting", valueCode=t.setting))
    return ext


def _stop(ctx: Context, t: Treatment) -> dict | None:
    return ctx.concept("stop_reason", t.stop_reason) if t.stop_reason else None


def _status(t: Treatment) -> str:
    if t.end is None:
        return "active"
    return "completed" if t.stop_reason in (None, "completed") else "stopped"


def _medication(ctx: Context, i: int, t: Treatment) -> None:
    for j, written in enumerate(t.drugs):
        drug = vocabulary.drug(written)
        rx = ctx.codes.codes.get(f"rxnorm.{drug.name}") if drug else None
        med = rx.concept(written) if rx else {"text": written}
        ext = _common_ext(ctx, t, "supportive" if drug and drug.supportive else None)
        if t.stop_reason:
            ext.append(
                {
                    "url": ctx.codes.ext("treatment_termination_reason"),
                    "valueCodeableConcept": _stop(ctx, t),
                }
            )
        if t.date:
            ext.append(ctx.local_ext("treatment-date", valueDate=t.date.isoformat()))
        if t.site:
            ext.append(ctx.local_ext("treatment-site", valueString=t.site))
        period = _period(t)
        ctx.add(
            f"treatment-{i}-{j}",
            _clean(
                {
                    "resourceType": "MedicationRequest",
                    "meta": ctx.meta("cancer_related_medication_request"),
                    "extension": ext,
                    "status": _status(t),
                    "statusReason": _stop(ctx, t),
                    "intent": "order",
                    "medicationCodeableConcept": med,
                    "subject": ctx.patient_ref,
                    "authoredOn": _iso(t.start),
                    "reasonReference": [ctx.primary_ref],
                    "groupIdentifier": {
                        "system": ctx.codes.local("regimen"),
                        "value": f"{ctx.seed}-{i}",
                    },
                    "dosageInstruction": [{"timing": {"repeat": {"boundsPeriod": period}}}]
                    if period
                    else None,
                }
            ),
        )


def _procedure(ctx: Context, i: int, t: Treatment) -> None:
    ext = _common_ext(ctx, t, None)
    if t.stop_reason:
        ext.append(
            {
                "url": ctx.codes.ext("treatment_termination_reason"),
                "valueCodeableConcept": _stop(ctx, t),
            }
        )
    if t.type == "radiation":
        profile, code = (
            "radiotherapy_course_summary",
            ctx.codes.get("snomed.radiotherapy_course").concept(),
        )
        if t.procedure:
            ext.append(ctx.local_ext("procedure-name", valueString=t.procedure))
        body = [{"text": t.site}] if t.site else None
    else:
        profile, code = (
            "cancer_related_surgical_procedure",
            ctx.concept("surgery", t.procedure or "surgery"),
        )
        body = None
        if t.site:
            ext.append(ctx.local_ext("treatment-site", valueString=t.site))
    ctx.add(
        f"treatment-{i}",
        _clean(
            {
                "resourceType": "Procedure",
                "meta": ctx.meta(profile),
                "extension": ext,
                "status": "completed" if (t.end or t.date) else "in-progress",
                "code": code,
                "subject": ctx.patient_ref,
                "performedDateTime": _iso(t.date) if not t.start else None,
                "performedPeriod": _period(t) if t.start else None,
                "bodySite": body,
                "reasonReference": [ctx.primary_ref],
            }
        ),
    )
    if t.start and t.date:  # both given: keep the surgery date too
        ctx.resources[-1].setdefault("extension", []).append(
            ctx.local_ext("treatment-date", valueDate=t.date.isoformat())
        )


def _treatments(ctx: Context) -> None:
    for i, t in enumerate(ctx.patient.treatments):
        if t.type == "systemic":
            _medication(ctx, i, t)
        else:
            _procedure(ctx, i, t)


def _assessments(ctx: Context) -> None:
    for i, a in enumerate(ctx.patient.assessments):
        ext = []
        if a.method:
            ext.append(
                {
                    "url": ctx.codes.ext("disease_status_evidence_type"),
                    "valueCodeableConcept": ctx.concept("assessment_method", a.method),
                }
            )
        ctx.add(
            f"assessment-{i}",
            _clean(
                {
                    "resourceType": "Observation",
                    "meta": ctx.meta("cancer_disease_status"),
                    "extension": ext,
                    "status": "final",
                    "code": ctx.codes.get("loinc.disease_status").concept(),
                    "subject": ctx.patient_ref,
                    "focus": [ctx.primary_ref],
                    "effectiveDateTime": a.date.isoformat(),
                    "valueCodeableConcept": ctx.concept("assessment_status", a.status),
                    "note": [{"text": a.note}] if a.note else None,
                }
            ),
        )


def _ecog(ctx: Context) -> None:
    ecog = ctx.patient.ecog
    if ecog is None:
        return
    ctx.add("ecog", _score(ctx, "ecog", ecog, ctx.meta("ecog_performance_status")))


def _karnofsky(ctx: Context) -> None:
    score = ctx.patient.karnofsky
    if score is None:
        return
    ctx.add("karnofsky", _score(ctx, "karnofsky", score))


def _score(ctx: Context, scale: str, score: int, meta: dict | None = None) -> dict:
    """A performance score (ECOG or Karnofsky) as an Observation: the LOINC of the scale, the
    number, and the LOINC answer for it as the interpretation when the code table has one."""
    answer = ctx.codes.mapped(scale, str(score))
    return _clean(
        {
            "resourceType": "Observation",
            "meta": meta,
            "status": "final",
            "category": [_cat("survey")],
            "code": ctx.codes.get(f"loinc.{scale}").concept(),
            "subject": ctx.patient_ref,
            "valueInteger": score,
            "interpretation": [answer.concept()] if answer else None,
        }
    )


def _menopause(ctx: Context) -> None:
    """No verified LOINC code names menopausal status (docs/fhir.md), so the Observation is
    coded with our own observation kind; its value is the SNOMED CT finding of DICOM CID 6086
    (before, during or after menopause), or the text "unknown"."""
    p = ctx.patient
    if p.menopausal_status is None:
        return
    value = ctx.concept("menopause", p.menopausal_status)
    ext = (
        [ctx.local_ext("menopausal-detail", valueString=p.menopausal_detail)]
        if p.menopausal_detail
        else None
    )
    ctx.add(
        "menopause",
        _clean(
            {
                "resourceType": "Observation",
                "extension": ext,
                "status": "final",
                "category": [_cat("social-history")],
                "code": ctx.local_code(
                    "observation-kind", "menopausal-status", "Menopausal status"
                ),
                "subject": ctx.patient_ref,
                "valueCodeableConcept": value,
            }
        ),
    )


#: a health problem's status -> FHIR condition-clinical (our own word travels in an extension)
CLINICAL = {"active": "active", "controlled": "active", "past": "resolved"}


def _conditions(ctx: Context) -> None:
    from mbcnav.patient.conditions import vocabulary

    from .export import CONDITION_CATEGORY, CONDITION_CLINICAL, category

    for i, c in enumerate(ctx.patient.conditions):
        term = vocabulary().by_term.get(c.name)
        shown = term.label if term else c.name
        ext = [ctx.local_ext("condition-status", valueCode=c.status)] if c.status else []
        if c.detail:
            ext.append(ctx.local_ext("condition-detail", valueString=c.detail))
        when = c.date.isoformat() if c.date else None
        ctx.add(
            f"condition-{i}",
            _clean(
                {
                    "resourceType": "Condition",
                    "extension": ext,
                    "clinicalStatus": category(CONDITION_CLINICAL, CLINICAL[c.status])
                    if c.status in CLINICAL
                    else None,
                    "category": [category(CONDITION_CATEGORY, "problem-list-item")],
                    "code": ctx.local_code(
                        "condition", c.name, f"{shown}: {c.detail}" if c.detail else shown
                    ),
                    "subject": ctx.patient_ref,
                    "onsetDateTime": when if c.status != "past" else None,
                    "abatementDateTime": when if c.status == "past" else None,
                    "note": [{"text": c.note}] if c.note else None,
                }
            ),
        )


def _labs(ctx: Context) -> None:
    for i, lab in enumerate(ctx.patient.labs):
        value: dict = {}
        if isinstance(lab.value, float):
            value["valueQuantity"] = _clean({"value": lab.value, "unit": lab.unit})
        elif lab.value is not None:
            value["valueString"] = lab.value
        elif lab.unit:
            value["valueQuantity"] = {"unit": lab.unit}
        ctx.add(
            f"lab-{i}",
            _clean(
                {
                    "resourceType": "Observation",
                    "status": "final",
                    "category": [_cat("laboratory")],
                    "code": ctx.concept("lab", lab.test),
                    "subject": ctx.patient_ref,
                    "effectiveDateTime": lab.date.isoformat(),
                    **value,
                }
            ),
        )


def _attribute(ctx: Context, name: str, **value) -> dict:
    return {"code": ctx.local_code("symptom-attribute", name), **value}


def _symptom_parts(ctx: Context, s: Symptom) -> list[dict]:
    parts = []
    for name in ("frequency", "interference", "location"):
        if getattr(s, name):
            parts.append(_attribute(ctx, name, valueString=getattr(s, name)))
    if s.new is not None:
        parts.append(_attribute(ctx, "new", valueBoolean=s.new))
    if s.temperature_c is not None:
        parts.append(
            _attribute(
                ctx,
                "temperature",
                valueQuantity={
                    "value": s.temperature_c,
                    "unit": "Cel",
                    "system": UCUM,
                    "code": "Cel",
                },
            )
        )
    if s.count_per_day is not None:
        parts.append(_attribute(ctx, "count-per-day", valueInteger=s.count_per_day))
    return parts


def _symptoms(ctx: Context) -> None:
    for i, s in enumerate(ctx.patient.symptoms):
        ctx.add(
            f"symptom-{i}",
            _clean(
                {
                    "resourceType": "Observation",
                    "status": "final",
                    "category": [
                        _cat("survey"),
                        ctx.local_code("observation-kind", "symptom-check-in"),
                    ],
                    "code": ctx.local_code("symptom", s.symptom),
                    "subject": ctx.patient_ref,
                    "effectiveDateTime": s.date.isoformat(),
                    "valueCodeableConcept": {"text": s.severity} if s.severity else None,
                    "component": _symptom_parts(ctx, s),
                    "note": [{"text": s.note}] if s.note else None,
                }
            ),
        )


def add_all(ctx: Context) -> None:
    _treatments(ctx)
    _assessments(ctx)
    _ecog(ctx)
    _karnofsky(ctx)
    _menopause(ctx)
    _conditions(ctx)
    _labs(ctx)
    _symptoms(ctx)
