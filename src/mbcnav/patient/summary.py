"""The ``mbcnav check`` view of a patient: what the project understands from the file."""

from __future__ import annotations

from datetime import date

from . import derive, markers
from .conditions import ovaries_removed
from .model import Patient

_STATED = {
    "premenopausal": "before menopause (premenopausal)",
    "perimenopausal": "around menopause (perimenopausal)",
}


def menopause_warnings(p: Patient, as_of: date) -> list[str]:
    """A stated pre- or perimenopausal status beside a surgery that removed both ovaries
    (``mbcnav check`` and the web record's overview and summary show it)."""
    surgery = ovaries_removed(p.treatments, as_of)
    if p.sex == "male" or p.menopausal_status not in _STATED or surgery is None:
        return []
    when = surgery.date or surgery.start
    said = f"'{surgery.procedure}'" + (f" on {when.isoformat()}" if when else "")
    return [
        f"The record says you are {_STATED[p.menopausal_status]}, but it also lists surgery "
        f"removing both ovaries ({said}), which brings menopause; the trial finder counts you "
        "as past menopause. Ask your care team which is right and correct the record."
    ]


def summarize(p: Patient, as_of: date) -> dict:
    """The JSON of ``mbcnav check --json`` (docs/cli.md), plus warnings."""
    warnings = (
        [
            f"'{name}' is not in our drug list, so its drug class is unknown; check the spelling."
            for name in dict.fromkeys(derive.unknown_drugs(p))
        ]
        + [
            f"'{c.name}' is not in our list of health problems; it is kept as written, so the "
            "trial finder cannot read it."
            for c in p.conditions
            if not c.known
        ]
        + menopause_warnings(p, as_of)
    )
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
