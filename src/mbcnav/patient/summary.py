"""The ``mbcnav check`` view of a patient: what the project understands from the file."""

from __future__ import annotations

from datetime import date

from . import derive, markers
from .model import Patient


def summarize(p: Patient, as_of: date) -> dict:
    """The JSON of ``mbcnav check --json`` (docs/cli.md), plus warnings."""
    warnings = [
        f"'{name}' is not in our drug list, so its drug class is unknown; check the spelling."
        for name in dict.fromkeys(derive.unknown_drugs(p))
    ] + [
        f"'{c.name}' is not in our list of health problems; it is kept as written, so the "
        "trial finder cannot read it."
        for c in p.conditions
        if not c.known
    ]
    return {
        "valid": True,
        "subtype": derive.subtype(p),
        "her2_category": derive.her2_category(p),
        "de_novo": derive.is_de_novo(p),
        "sites": derive.sites(p),
        "lines": [line.to_json() for line in derive.lines_of_therapy(p, as_of)],
        "current_treatment": derive.current_treatment(p, as_of),
        "er_low": derive.er_low(p),
        "months_to_recurrence": derive.months_to_recurrence(p),
        "biomarkers": {
            marker: markers.as_text(result, p.biomarker_details[marker])
            if marker in p.biomarker_details
            else result
            for marker, result in p.biomarkers.items()
        },
        "conditions": derive.conditions(p, as_of),
        "warnings": warnings,
    }
