"""Item-by-item review of an import: what is new compared with the record, and accepting some of it.

``proposals(existing, incoming)`` compares two patient-file dicts (``mbcnav-patient/1``) and
lists, one item each, every fact the incoming record would add: a missing single value
(``receptors.er``), a missing biomarker, a new list entry (a lab result, a treatment). Values
that differ from what the record already holds are listed too, as ``differs``: they are shown
to the person but never taken (their record wins; they can edit it themselves). A new item
that the record could not hold next to what it already says (a birth date that disagrees
with the birth year) is ``conflicts``, with the reason, and cannot be taken either.

``accept(existing, incoming, ids)`` returns the record with only the chosen new items added,
checked with ``mbcnav.patient.parse``; nothing else changes. Item ids are stable (a list item's
id is a hash of its content), so the same choice means the same thing when the page is sent
again, and an item already in the record simply no longer appears.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from mbcnav.patient import PatientFileError, dump, parse

from .assemble import LISTS
from .errors import FhirError

SECTIONS = {
    "name": "Name",
    "birth_date": "Birth date",
    "sex": "Sex",
    "ecog": "Activity level (ECOG)",
    "karnofsky": "Activity level (Karnofsky)",
    "menopausal_status": "Menopause",
    "menopausal_detail": "Menopause, more detail",
    "metastatic_diagnosis": "Diagnosis",
    "receptors": "Receptors",
    "biomarkers": "Biomarkers and gene results",
    "metastases": "Where the cancer has spread",
    "treatments": "Treatments",
    "assessments": "Scan results",
    "labs": "Lab results",
    "symptoms": "Symptoms",
    "conditions": "Other health problems",
}
WORDS = {
    "er": "ER",
    "pr": "PR",
    "her2": "HER2",
    "ecog": "ECOG",
    "de_novo": "metastatic at first diagnosis",
    "inflammatory": "inflammatory breast cancer",
    "first_diagnosis_stage": "stage at first diagnosis",
    "first_diagnosis_date": "date of first diagnosis",
    "date": "date",
}


@dataclass(frozen=True)
class Proposal:
    id: str
    section: str  # the part of the record, in words
    text: str  # the value, in words
    kind: str  # "new" (can be accepted); "differs" or "conflicts" (shown only, never taken)
    current: str = ""  # for "differs": what the record holds now; for "conflicts": why


def _words(key: str) -> str:
    return WORDS.get(key, key.replace("_", " "))


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{_words(k)}: {_show(v)}" for k, v in value.items() if v is not None)
    return str(value)


def _item_id(key: str, item: Any) -> str:
    digest = hashlib.sha256(json.dumps(item, sort_keys=True).encode()).hexdigest()[:16]
    return f"{key}:{digest}"


def _canonical(data: dict, what: str, today: date | None) -> dict:
    try:
        return dump(parse(data, today=today))
    except PatientFileError as err:
        raise FhirError(f"The {what} is not a valid record: {err}") from None


def _walk(existing: dict, incoming: dict):
    """(proposal, apply) pairs; ``apply(record)`` adds the item to a record dict."""
    for key, value in incoming.items():
        if key == "format" or value is None:
            continue
        section = SECTIONS.get(key, _words(key).capitalize())
        if key in LISTS:
            have = {json.dumps(x, sort_keys=True) for x in existing.get(key) or []}
            for item in value:
                if json.dumps(item, sort_keys=True) in have:
                    continue

                def add(rec, key=key, item=item):
                    rec.setdefault(key, []).append(copy.deepcopy(item))

                yield Proposal(_item_id(key, item), section, _show(item), "new"), add
        elif isinstance(value, dict):
            current = existing.get(key) or {}
            for sub, val in value.items():
                text = f"{_words(sub)}: {_show(val)}"
                if sub not in current or current[sub] is None:

                    def put(rec, key=key, sub=sub, val=val):
                        rec.setdefault(key, {})[sub] = copy.deepcopy(val)

                    yield Proposal(f"{key}.{sub}", section, text, "new"), put
                elif current[sub] != val:
                    now = f"{_words(sub)}: {_show(current[sub])}"
                    yield Proposal(f"{key}.{sub}", section, text, "differs", now), None
        elif key not in existing or existing[key] is None:

            def set_(rec, key=key, value=value):
                rec[key] = copy.deepcopy(value)

            yield Proposal(key, section, _show(value), "new"), set_
        elif existing[key] != value:
            yield Proposal(key, section, _show(value), "differs", _show(existing[key])), None


def proposals(existing: dict, incoming: dict, *, today: date | None = None) -> list[Proposal]:
    """Everything ``incoming`` would add to ``existing``, one item each, in record order."""
    base = _canonical(existing, "current record", today)
    extra = _canonical(incoming, "imported record", today)
    out = []
    for proposal, add in _walk(base, extra):
        if add is not None:
            trial = copy.deepcopy(base)
            add(trial)
            try:
                parse(trial, today=today)
            except PatientFileError as err:
                proposal = Proposal(
                    proposal.id, proposal.section, proposal.text, "conflicts", str(err)
                )
        out.append(proposal)
    return out


def accept(
    existing: dict, incoming: dict, ids: set[str] | list[str], *, today: date | None = None
) -> dict:
    """``existing`` with the chosen new items of ``incoming`` added (a valid record dict)."""
    base = _canonical(existing, "current record", today)
    extra = _canonical(incoming, "imported record", today)
    offered = {p.id for p in proposals(base, extra, today=today) if p.kind == "new"}
    chosen = set(ids) & offered
    out = copy.deepcopy(base)
    for proposal, add in _walk(base, extra):
        if add is not None and proposal.id in chosen:
            add(out)
    try:
        return dump(parse(out, today=today))
    except PatientFileError as err:
        raise FhirError(f"The items you chose do not fit your record together: {err}") from None
