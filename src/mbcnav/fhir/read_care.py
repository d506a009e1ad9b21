"""Import readers for treatments, disease status, ECOG, labs and symptom check-ins.

Medication resources of any kind (Request, Statement, Administration) become systemic
treatments when the drug is one the navigator's drug table knows; resources of one
regimen (same ``groupIdentifier``) are joined. Procedures become radiotherapy or surgery.
"""

from __future__ import annotations

import re

from mbcnav.patient import vocabulary as v

from .codes import CodeTable
from .values import (
    Draft,
    Skip,
    clean_display,
    codings,
    day,
    effective,
    ext_value,
    extensions,
    find_code,
    has_code,
    has_profile,
    texts,
)

RADIATION_KEYS = (
    "snomed.radiotherapy_course",
    "snomed.radiation_therapy",
    "snomed.boost_radiation",
    "snomed.photon_teleradiotherapy",
)
SURGERY_KEYS = (
    "snomed.lumpectomy",
    "snomed.partial_breast_excision",
    "snomed.sentinel_node_biopsy",
    "snomed.sentinel_node_excision",
    "snomed.axillary_node_excision",
)
STATUS_EXTRA = {
    "snomed.status_partial_remission": "regression",
    "snomed.status_not_detected": "ned",
}
ENDED = ("completed", "stopped", "cancelled", "entered-in-error", "not-taken")


# ---------------------------------------------------------------------- medicines
def drug_name(concept, codes: CodeTable) -> tuple[str | None, str]:
    """(name as the record should hold it, what the bundle said)."""
    said = (
        texts(concept) or [f"code {c.get('code')}" for c in codings(concept)] or ["no drug named"]
    )[0]
    text = (concept or {}).get("text")
    if text and v.drug(text):
        return text, said
    rx = find_code(concept, codes, "rxnorm")
    if rx:
        return rx.display, said
    for candidate in texts(concept):
        words = re.split(r"\s+", candidate.strip())
        for n in range(len(words), 0, -1):  # "Paclitaxel 100 MG Injection" -> "paclitaxel"
            found = v.drug(" ".join(words[:n]))
            if found:
                return found.name, said
    return None, said


def _medication_concept(res: dict, medications: dict) -> dict | None:
    if res.get("medicationCodeableConcept"):
        return res["medicationCodeableConcept"]
    ref = (res.get("medicationReference") or {}).get("reference", "")
    med = medications.get(ref.rsplit("/", 1)[-1].rsplit(":", 1)[-1])
    if med is None:
        for contained in res.get("contained") or []:
            if contained.get("resourceType") == "Medication" and f"#{contained.get('id')}" == ref:
                med = contained
    return (med or {}).get("code")


def _dates(res: dict) -> tuple[str | None, str | None]:
    if res["resourceType"] == "MedicationRequest":
        for dose in res.get("dosageInstruction") or []:
            bounds = ((dose.get("timing") or {}).get("repeat") or {}).get("boundsPeriod") or {}
            if bounds.get("start"):
                return day(bounds["start"]), day(bounds.get("end"))
        return day(res.get("authoredOn")), None
    period = res.get("effectivePeriod") or {}
    if period.get("start"):
        return day(period["start"]), day(period.get("end"))
    return day(res.get("effectiveDateTime")), None


def _stop_reason(concepts: list, codes: CodeTable) -> str | None:
    for concept in concepts:
        for c in codings(concept):
            word = codes.reverse("stop_reason", c.get("system"), c.get("code"))
            if word:
                return word
        for text in texts(concept):
            if v.normalise_stop_reason(text):
                return v.normalise_stop_reason(text)
    return None


def _termination(res: dict, codes: CodeTable) -> list:
    urls = (codes.ext("treatment_termination_reason"), codes.ext("termination_reason_stu1"))
    return [e.get("valueCodeableConcept") for url in urls for e in extensions(res, url)]


def _setting(res: dict, codes: CodeTable) -> str | None:
    setting = ext_value(res, codes.local("StructureDefinition/treatment-setting"), "valueCode")
    if setting:
        return setting
    intent = ext_value(res, codes.ext("procedure_intent"), "valueCodeableConcept") or ext_value(
        res, codes.ext("treatment_intent_stu1"), "valueCodeableConcept"
    )
    if has_code(intent, [codes.get("snomed.intent_palliative")]):
        return "metastatic"
    return None


def _end_note(item: dict, status: str | None) -> str:
    if item.get("end") is None and status in ENDED and item.get("start"):
        item["end"] = item["start"]
        return " It is marked as ended but gives no end date, so the start date is used as the end."
    return ""


def read_medication(
    res: dict, draft: Draft, codes: CodeTable, label: str, medications: dict
) -> str:
    name, said = drug_name(_medication_concept(res, medications), codes)
    if name is None:
        raise Skip(f"'{said}' is not a breast cancer drug the navigator knows.")
    if res.get("status") in ("entered-in-error", "cancelled", "not-taken", "draft"):
        raise Skip(f"its status is '{res.get('status')}', so {name} was not given.")
    start, end = _dates(res)
    if start is None:
        raise Skip(f"{name} has no start date; the record needs one for every treatment.")
    item = {"drugs": [name], "start": start}
    if end:
        item["end"] = end
    note = _end_note(item, res.get("status"))
    given = res.get("statusReason")
    reason = _stop_reason(
        [*_termination(res, codes), *(given if isinstance(given, list) else [given])], codes
    )
    if reason and item.get("end"):
        item["stop_reason"] = reason
    setting = _setting(res, codes)
    if setting:
        item["setting"] = setting
    if when := ext_value(res, codes.local("StructureDefinition/treatment-date"), "valueDate"):
        item["date"] = when
    if site := ext_value(res, codes.local("StructureDefinition/treatment-site"), "valueString"):
        item["site"] = site
    group = res.get("groupIdentifier") or {}
    key = (group.get("system"), group.get("value")) if group.get("value") else None
    if key and key in draft.regimens:
        index = draft.regimens[key]
        draft.lists["treatments"][index][0]["drugs"].append(name)
        return f"{name}, joined to its regimen.{note}"
    draft.add("treatments", item, label)
    if key:
        draft.regimens[key] = len(draft.lists["treatments"]) - 1
    return f"treatment {name} from {start}.{note}"


# --------------------------------------------------------------------- procedures
def _body_site(body: list, codes: CodeTable) -> str | None:
    if not body:
        return None
    if body[0].get("text"):
        return body[0]["text"]
    for c in codings(body[0]):
        site = codes.reverse("site_body", c.get("system"), c.get("code"))
        if site:
            return site
    shown = texts(body[0])
    if not shown:
        return None
    return re.sub(
        r"\s+", " ", re.sub(r"\b(structure of|structure)\b", " ", shown[0].lower())
    ).strip()


def read_procedure(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    code = res.get("code") or {}
    shown = (texts(code) or [c.get("code") for c in codings(code)] or ["no code"])[0]
    words = " ".join(texts(code)).lower()
    radiation = (
        has_profile(res, "radiotherapy", "radiation")
        or has_code(code, [codes.get(k) for k in RADIATION_KEYS])
        or re.search(r"radiation|radiotherapy", words) is not None
    )
    surgery = not radiation and (
        has_profile(res, "surgical-procedure")
        or has_code(code, [codes.get(k) for k in SURGERY_KEYS])
    )
    if not (radiation or surgery):
        raise Skip(f"'{shown}' is not a cancer surgery or radiotherapy the record keeps.")
    if res.get("status") in ("not-done", "entered-in-error", "preparation"):
        raise Skip(f"its status is '{res.get('status')}'.")
    item: dict = {"type": "radiation" if radiation else "surgery"}
    period = res.get("performedPeriod") or {}
    start, end = day(period.get("start")), day(period.get("end"))
    single = day(res.get("performedDateTime"))
    local = codes.local("StructureDefinition/")
    if surgery:
        first = next(((c.get("system"), c.get("code")) for c in codings(code)), (None, None))
        item["procedure"] = (
            (clean_display(code["text"]) if code.get("text") else None)
            or codes.reverse("surgery", *first)
            or clean_display(shown).lower()
        )
        item["date"] = ext_value(res, local + "treatment-date", "valueDate") or single
        if start and not item["date"] and (end in (None, start)):
            item["date"], start, end = start, None, None
        if site := ext_value(res, local + "treatment-site", "valueString"):
            item["site"] = site
    else:
        start = start or single
        item["site"] = _body_site(res.get("bodySite") or [], codes)
        if name := ext_value(res, local + "procedure-name", "valueString"):
            item["procedure"] = name
        if when := ext_value(res, local + "treatment-date", "valueDate"):
            item["date"] = when
    if start:
        item["start"] = start
    if end:
        item["end"] = end
    note = _end_note(item, "completed" if radiation and res.get("status") == "completed" else None)
    reason = _stop_reason(_termination(res, codes), codes)
    if reason and item.get("end"):
        item["stop_reason"] = reason
    if setting := _setting(res, codes):
        item["setting"] = setting
    item = {k: val for k, val in item.items() if val is not None}
    draft.add("treatments", item, label)
    what = item.get("procedure") or item.get("site") or ""
    return f"{item['type']}{' (' + what + ')' if what else ''}.{note}"


# ---------------------------------------------------------------- observations
def read_disease_status(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    when = effective(res)
    if when is None:
        raise Skip("the disease status has no date.")
    concept = res.get("valueCodeableConcept")
    status = None
    for c in codings(concept):
        found = codes.find(c.get("system"), c.get("code"))
        status = status or (
            codes.reverse("assessment_status", c.get("system"), c.get("code"))
            or (STATUS_EXTRA.get(found.key) if found else None)
        )
    status = status or next(
        (
            v.normalise_assessment_status(t)
            for t in texts(concept)
            if v.normalise_assessment_status(t)
        ),
        None,
    )
    if status is None:
        raise Skip(
            "the disease status value is not improved, stable, worsened, remission or undetermined."
        )
    item = {"date": when, "status": status}
    for url in (
        codes.ext("disease_status_evidence_type"),
        codes.ext("disease_status_evidence_type_stu1"),
    ):
        for e in extensions(res, url):
            evidence = e.get("valueCodeableConcept")
            method = next(
                (v.normalise_method(t) for t in texts(evidence) if v.normalise_method(t)), None
            )
            if method is None and has_code(evidence, [codes.get("snomed.evidence_exam")]):
                method = "exam"
            if method is None and has_code(evidence, [codes.get("snomed.evidence_tumor_marker")]):
                method = "tumor marker"
            if method:
                item["method"] = method
    notes = [n.get("text") for n in res.get("note") or [] if n.get("text")]
    if notes:
        item["note"] = " ".join(notes)
    draft.add("assessments", item, label)
    return f"disease status {status} on {when}."


def read_ecog(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    score = res.get("valueInteger")
    if score is None:
        for concept in [res.get("valueCodeableConcept"), *(res.get("interpretation") or [])]:
            for c in codings(concept):
                word = codes.reverse("ecog", c.get("system"), c.get("code"))
                if word is not None:
                    score = int(word)
    if score is None or not 0 <= int(score) <= 4:
        raise Skip(f"ECOG score {score!r} is not 0 to 4.")
    draft.offer("ecog", int(score), effective(res), label, "ECOG")
    return f"ECOG {score}."


def read_lab(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    when = effective(res)
    if when is None:
        raise Skip("the lab result has no date.")
    test = None
    for c in codings(res.get("code")):
        test = test or codes.reverse("lab", c.get("system"), c.get("code"))
    test = (res.get("code") or {}).get("text") or test or (texts(res.get("code")) or [None])[0]
    if not test:
        raise Skip("the lab test has no name.")
    item: dict = {"date": when, "test": v.normalise_lab_test(test)}
    quantity = res.get("valueQuantity")
    if quantity is not None:
        if quantity.get("value") is not None:
            item["value"] = float(quantity["value"])
        if quantity.get("unit") or quantity.get("code"):
            item["unit"] = quantity.get("unit") or quantity.get("code")
    elif res.get("valueString"):
        item["value"] = res["valueString"]
    draft.add("labs", item, label)
    return f"lab {item['test']} on {when}."


def read_symptom(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    when = effective(res)
    name = (texts(res.get("code")) or [""])[0]
    found = v.normalise_symptom(name)
    if when is None or found is None:
        raise Skip(f"the check-in ({name or 'unnamed'}) has no date or names no known symptom.")
    item: dict = {"date": when, "symptom": found[0]}
    if found[1]:
        item["location"] = found[1]
    severity = (res.get("valueCodeableConcept") or {}).get("text")
    if severity:
        item["severity"] = severity
    names = {
        "frequency": "valueString",
        "interference": "valueString",
        "location": "valueString",
        "new": "valueBoolean",
        "count-per-day": "valueInteger",
        "temperature": "valueQuantity",
    }
    for comp in res.get("component") or []:
        attribute = (texts(comp.get("code")) or [""])[0]
        kind = names.get(attribute)
        if kind is None or comp.get(kind) is None:
            continue
        value = comp[kind]
        if attribute == "temperature":
            item["temperature_c"] = value.get("value")
        else:
            item[attribute.replace("-", "_")] = value
    notes = [n.get("text") for n in res.get("note") or [] if n.get("text")]
    if notes:
        item["note"] = " ".join(notes)
    draft.add("symptoms", item, label)
    return f"symptom check-in: {found[0]} on {when}."
