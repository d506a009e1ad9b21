"""Turning the import draft into a valid patient-file dict.

``assemble`` picks one value for each single-valued fact, fills the diagnosis section
(guessing dates and de novo only for other systems' bundles), merges repeated entries;
``finish`` checks the result with ``mbcnav.patient.parse`` and leaves out, with a report
line, any value the record cannot hold, so the import never stops half-way.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from mbcnav.patient import FORMAT, PatientFileError, dump, parse

from .errors import FhirError
from .report import ImportReport
from .values import Draft

LISTS = ("metastases", "treatments", "assessments", "labs", "symptoms", "conditions")


def assemble(draft: Draft, report: ImportReport, own: bool) -> tuple[dict, dict]:
    """The patient-file dict, and for each field/list item the resource it came from.

    ``own`` marks a bundle written by MBC Navigator: it carries every fact explicitly,
    so the guesses made for other systems' bundles (diagnosis dates, de novo) are skipped.
    """
    labels: dict[str, Any] = {k: [] for k in LISTS}
    data: dict[str, Any] = {"format": FORMAT, **draft.person}
    origin = {k: v for k, v in draft.person_labels.items()}
    dx, dx_origin = (
        dict(draft.diagnosis),
        {f"metastatic_diagnosis.{k}": v for k, v in draft.diagnosis_labels.items()},
    )
    origin.update(dx_origin)
    if draft.stages:
        when, stage, label = min(
            draft.stages, key=lambda s: (s[0] or "9999", draft.stages.index(s))
        )
        if "first_diagnosis_stage" not in dx:
            dx["first_diagnosis_stage"], origin["metastatic_diagnosis.first_diagnosis_stage"] = (
                stage,
                label,
            )
            if when and "first_diagnosis_date" not in dx and not own:
                dx["first_diagnosis_date"], origin["metastatic_diagnosis.first_diagnosis_date"] = (
                    when,
                    label,
                )
        for _, other, other_label in draft.stages:
            if other != stage and other_label.startswith("Observation/"):
                report.demote(
                    other_label,
                    f"an earlier stage group ({stage}) was kept as the stage at first diagnosis ({label}).",
                )
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
    biopsies = [
        (draft.biopsy[x][1] or "", draft.biopsy[x][0], x) for x in kept if x in draft.biopsy
    ]
    if biopsies:
        when, site, label = max(biopsies, key=lambda b: (b[0], b[1] is not None))
        for key, value in (("biopsy_date", when), ("biopsy_site", site)):
            if value:
                receptors[key], origin[f"receptors.{key}"] = value, label
    data["receptors"] = receptors
    data["biomarkers"] = {
        k.split(":", 1)[1]: x.value for k, x in draft.single.items() if k.startswith("biomarker:")
    }
    origin.update(
        {
            f"biomarkers.{k.split(':', 1)[1]}": x.label
            for k, x in draft.single.items()
            if k.startswith("biomarker:")
        }
    )
    for key in ("ecog", "karnofsky"):
        if key in draft.single:
            data[key], origin[key] = draft.single[key].value, draft.single[key].label
    if "menopausal_status" in draft.single:
        (status, detail), label = (
            draft.single["menopausal_status"].value,
            draft.single["menopausal_status"].label,
        )
        data["menopausal_status"], origin["menopausal_status"] = status, label
        if detail:
            data["menopausal_detail"], origin["menopausal_detail"] = detail, label
    for label, why in draft.superseded:
        report.demote(label, why)
    for section in LISTS:
        items, seen = [], {}
        for item, label in draft.lists[section]:
            key = (
                (item["site"], item.get("detail"))
                if section == "metastases"
                else json.dumps(item, sort_keys=True)
            )
            if key in seen:
                first = items[seen[key]]
                if section == "metastases":
                    for field in ("date", "measurable", "status"):
                        if first[0].get(field) is None and item.get(field) is not None:
                            first[0][field] = item[field]
                    if (
                        item.get("date")
                        and first[0].get("date")
                        and item["date"] < first[0]["date"]
                    ):
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
    m = re.match(r"^(metastases|treatments|assessments|labs|symptoms|conditions)\[(\d+)\]", field)
    if m:
        section, index = m.group(1), int(m.group(2))
        report.demote(origin["lists"][section].pop(index), why)
        data[section].pop(index)
        return
    parts = field.split(".")
    section = (
        parts[0]
        if len(parts) == 2 and parts[0] in ("metastatic_diagnosis", "receptors", "biomarkers")
        else None
    )
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


def finish(data: dict, origin: dict, report: ImportReport, today: date | None) -> dict:
    data = {k: v for k, v in data.items() if v not in ({}, [], None)}
    for _ in range(500):
        try:
            return dump(parse(data, today=today))
        except PatientFileError as err:
            _drop(data, origin, err, report)
    raise FhirError("The bundle could not be turned into a valid record: too many invalid values.")
