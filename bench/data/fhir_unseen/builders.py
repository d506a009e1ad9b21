"""Small builders for the hand-written unseen FHIR bundles (see make_bundles.py)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
SCT = "http://snomed.info/sct"
LOINC = "http://loinc.org"
ICD10 = "http://hl7.org/fhir/sid/icd-10-cm"
RX = "http://www.nlm.nih.gov/research/umls/rxnorm"
MC = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-"
CAT_LAB = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "laboratory",
        }
    ]
}
ACTIVE = {
    "coding": [
        {"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}
    ]
}
RESOLVED = {
    "coding": [
        {"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "resolved"}
    ]
}
CONFIRMED = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
            "code": "confirmed",
        }
    ]
}


def cc(system, code, display=None, text=None):
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = display
    out = {"coding": [coding]}
    if text:
        out["text"] = text
    return out


def patient(pid, family, given, birth, gender="female", zip_="02139"):
    return {
        "resourceType": "Patient",
        "id": pid,
        "name": [{"use": "official", "family": family, "given": [given]}],
        "gender": gender,
        "birthDate": birth,
        "address": [{"city": "Springfield", "state": "MA", "postalCode": zip_, "country": "US"}],
    }


def condition(cid, pid, code, onset, *, profile=None, body=None, status=ACTIVE, extra=None):
    res = {
        "resourceType": "Condition",
        "id": cid,
        "clinicalStatus": status,
        "verificationStatus": CONFIRMED,
        "category": [
            cc("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis")
        ],
        "code": code,
        "subject": {"reference": f"Patient/{pid}"},
        "onsetDateTime": onset,
    }
    if profile:
        res["meta"] = {"profile": [MC + profile]}
    if body:
        res["bodySite"] = [body]
    res.update(extra or {})
    return res


def obs(
    oid,
    pid,
    code,
    when,
    *,
    value=None,
    profile=None,
    focus=None,
    cat=None,
    extra=None,
    status="final",
):
    res = {"resourceType": "Observation", "id": oid}
    if status:
        res["status"] = status
    if profile:
        res["meta"] = {"profile": [MC + profile]}
    if cat:
        res["category"] = [cat]
    res["code"] = code
    res["subject"] = {"reference": f"Patient/{pid}"}
    if focus:
        res["focus"] = [{"reference": f"Condition/{f}"} for f in focus]
    res["effectiveDateTime"] = when
    if value is not None:
        key, val = value
        res[key] = val
    res.update(extra or {})
    return res


def med(
    mid,
    pid,
    text,
    start,
    end=None,
    *,
    status="completed",
    reason=None,
    rxcode=None,
    kind="MedicationStatement",
):
    concept = {"text": text}
    if rxcode:
        concept["coding"] = [{"system": RX, "code": rxcode, "display": text}]
    res = {
        "resourceType": kind,
        "id": mid,
        "status": status,
        "medicationCodeableConcept": concept,
        "subject": {"reference": f"Patient/{pid}"},
    }
    if kind == "MedicationStatement":
        res["effectivePeriod"] = {"start": start, **({"end": end} if end else {})}
    else:
        res["intent"] = "order"
        res["authoredOn"] = start
    if reason:
        res["reasonReference"] = [{"reference": f"Condition/{reason}"}]
    return res


def proc(prid, pid, code, when, reason=None):
    res = {
        "resourceType": "Procedure",
        "id": prid,
        "status": "completed",
        "code": code,
        "subject": {"reference": f"Patient/{pid}"},
        "performedDateTime": when,
    }
    if reason:
        res["reasonReference"] = [{"reference": f"Condition/{reason}"}]
    return res


def bundle(bid, resources, kind="collection"):
    entries = []
    for r in resources:
        e = {"fullUrl": f"urn:uuid:{r['id']}", "resource": r}
        if kind == "transaction":
            e["request"] = {"method": "POST", "url": r["resourceType"]}
        entries.append(e)
    return {"resourceType": "Bundle", "id": bid, "type": kind, "entry": entries}


POS = cc(LOINC, "LA6576-8", "Positive")
NEG = cc(LOINC, "LA6577-6", "Negative")
SPOS = cc(SCT, "10828004", "Positive (qualifier value)")
SNEG = cc(SCT, "260385009", "Negative (qualifier value)")
ER = cc(
    LOINC, "85337-4", "Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain"
)
ER_T = cc(LOINC, "40556-3", "Estrogen receptor Ag [Presence] in Tissue by Immune stain")
ER_I = cc(LOINC, "16112-5", "Estrogen receptor [Interpretation] in Tissue")
PR = cc(
    LOINC,
    "85339-0",
    "Progesterone receptor Ag [Presence] in Breast cancer specimen by Immune stain",
)
PR_T = cc(LOINC, "40557-1", "Progesterone receptor Ag [Presence] in Tissue by Immune stain")
HER2 = cc(LOINC, "48676-1", "HER2 [Interpretation] in Tissue")
HER2_T = cc(LOINC, "18474-7", "HER2 Ag [Presence] in Tissue by Immune stain")
HER2_IHC = cc(LOINC, "85319-2", "HER2 [Presence] in Breast cancer specimen by Immune stain")
STAGE_CLIN = cc(LOINC, "21908-9", "Stage group.clinical Cancer")
STAGE_PATH = cc(LOINC, "21902-2", "Stage group.pathology Cancer")
ECOG = cc(LOINC, "89247-1", "ECOG Performance Status score")
ECOG_V = {
    n: cc(LOINC, c, d)
    for n, c, d in (
        (0, "LA9622-7", "Fully active"),
        (1, "LA9623-5", "Restricted in physically strenuous activity"),
        (2, "LA9624-3", "Ambulatory and capable of all selfcare"),
    )
}
BREAST = cc(SCT, "254837009", "Malignant neoplasm of breast (disorder)")
VARIANT = cc(LOINC, "69548-6", "Genetic variant assessment")


def variant(oid, pid, gene, hgnc, when, focus=None, present=True):
    return obs(
        oid,
        pid,
        VARIANT,
        when,
        value=(
            "valueCodeableConcept",
            cc(LOINC, "LA9633-4", "Present") if present else cc(LOINC, "LA9634-2", "Absent"),
        ),
        profile="genomic-variant",
        focus=focus,
        cat=CAT_LAB,
        extra={
            "component": [
                {
                    "code": cc(LOINC, "48018-6", "Gene studied [ID]"),
                    "valueCodeableConcept": cc("http://www.genenames.org/geneId", hgnc, gene),
                }
            ]
        },
    )


def synthea_noise(pid, start=1):
    """Unrelated conditions and observations a Synthea patient carries."""
    items = [
        condition(
            "noise-c1",
            pid,
            cc(SCT, "59621000", "Essential hypertension (disorder)"),
            "2001-03-02T09:00:00-05:00",
        ),
        condition("noise-c2", pid, cc(SCT, "15777000", "Prediabetes"), "2004-06-11T09:00:00-04:00"),
        condition(
            "noise-c3",
            pid,
            cc(SCT, "444814009", "Viral sinusitis (disorder)"),
            "2012-01-20T09:00:00-05:00",
            status=RESOLVED,
        ),
        condition(
            "noise-c4",
            pid,
            cc(SCT, "162864005", "Body mass index 30+ - obesity (finding)"),
            "1999-05-02T09:00:00-04:00",
        ),
        condition(
            "noise-c5",
            pid,
            cc(SCT, "10509002", "Acute bronchitis (disorder)"),
            "2015-11-02T09:00:00-05:00",
            status=RESOLVED,
        ),
        obs(
            "noise-o1",
            pid,
            cc(LOINC, "8302-2", "Body Height"),
            "2018-02-01T09:00:00-05:00",
            value=(
                "valueQuantity",
                {"value": 163.2, "unit": "cm", "system": "http://unitsofmeasure.org", "code": "cm"},
            ),
            cat={
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "vital-signs",
                    }
                ]
            },
        ),
        obs(
            "noise-o2",
            pid,
            cc(LOINC, "72166-2", "Tobacco smoking status"),
            "2018-02-01T09:00:00-05:00",
            value=("valueCodeableConcept", cc(SCT, "8517006", "Ex-smoker (finding)")),
        ),
        obs(
            "noise-o3",
            pid,
            cc(LOINC, "2339-0", "Glucose [Mass/volume] in Blood"),
            "2018-02-01T09:00:00-05:00",
            value=("valueQuantity", {"value": 97, "unit": "mg/dL"}),
            cat=CAT_LAB,
        ),
        med(
            "noise-m1",
            pid,
            "lisinopril 10 MG Oral Tablet",
            "2001-03-02",
            status="active",
            kind="MedicationRequest",
        ),
        med(
            "noise-m2",
            pid,
            "Acetaminophen 325 MG Oral Tablet",
            "2015-11-02",
            status="stopped",
            kind="MedicationRequest",
        ),
        proc(
            "noise-p1",
            pid,
            cc(SCT, "430193006", "Medication Reconciliation (procedure)"),
            "2018-02-01T09:00:00-05:00",
        ),
        {
            "resourceType": "Encounter",
            "id": "noise-e1",
            "status": "finished",
            "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
            "subject": {"reference": f"Patient/{pid}"},
        },
        {
            "resourceType": "Immunization",
            "id": "noise-i1",
            "status": "completed",
            "vaccineCode": cc(
                "http://hl7.org/fhir/sid/cvx",
                "140",
                "Influenza, seasonal, injectable, preservative free",
            ),
            "patient": {"reference": f"Patient/{pid}"},
            "occurrenceDateTime": "2018-10-01T09:00:00-04:00",
        },
    ]
    return items
