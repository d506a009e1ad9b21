"""Small readers over the patient record for the situation builder.

They wrap the patient engine (``mbcnav.patient.derive`` and ``vocabulary``) and
add what the guide needs beyond it: the person's own drug names, dated drug
classes, the latest progression event.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from mbcnav.patient import derive, vocabulary

GRACE = timedelta(days=30)
KNOWN_NOT = {None, "", "unknown", "not tested", "pending"}
ALTERED = {"mutated", "positive", "altered", "loss", "deleted", "pathogenic"}
METHOD_WORDS = {
    "ct": "CT scan", "pet": "PET scan", "mri": "MRI", "bone scan": "bone scan",
    "x-ray": "x-ray", "exam": "exam", "tumor marker": "tumor marker test",
}  # fmt: skip


def known(value) -> bool:
    """A biomarker has a result (anything but missing / unknown)."""
    return (str(value).strip().lower() if value is not None else None) not in KNOWN_NOT


def altered(value) -> bool:
    """A biomarker result that shows a change (mutation, pathogenic variant, loss)."""
    return value is not None and str(value).strip().lower() in ALTERED


def join(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def unique(items: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def subtype(patient) -> str:
    return derive.subtype(patient)


def her2_category(patient) -> str:
    return derive.her2_category(patient)


def is_de_novo(patient) -> bool | None:
    return derive.is_de_novo(patient)


def generic(name: str) -> str:
    drug = vocabulary.drug(name)
    return drug.name if drug else name.strip().lower()


def classes(name: str) -> tuple[str, ...]:
    drug = vocabulary.drug(name)
    return tuple(drug.classes) if drug else ()


def display_names(patient) -> dict[str, str]:
    """Generic name -> the person's own words, e.g. 'letrozole' -> 'Femara (letrozole)'."""
    names: dict[str, str] = {}
    for treatment in patient.treatments:
        for written in treatment.drugs:
            gen = generic(written)
            if gen in names:
                continue
            own = written.strip()
            drug = vocabulary.drug(written)
            if own.lower() == gen:
                names[gen] = gen
            elif drug is not None:
                spelled = [b for b in (*drug.brands, *drug.synonyms) if b.lower() == own.lower()]
                names[gen] = f"{spelled[0] if spelled else own} ({gen})"
            else:
                names[gen] = own
    return names


def lines(patient, as_of: date) -> list:
    """Metastatic lines of therapy started on or before ``as_of``, first first."""
    return [
        line
        for line in derive.lines_of_therapy(patient, as_of)
        if line.start is not None and line.start <= as_of
    ]


def sites(patient, as_of: date) -> list[str]:
    """Metastatic sites known on ``as_of``, in record order."""
    return unique(m.site for m in patient.metastases if m.date is None or m.date <= as_of)


def class_starts(patient, label: str, as_of: date) -> list[tuple[date, str]]:
    """(start, generic drug) of every treatment with a drug of class ``label``, any setting."""
    found = []
    for treatment in patient.treatments:
        start = treatment.begins
        if start is None or start > as_of:
            continue
        for written in treatment.drugs:
            if label in classes(written):
                found.append((start, generic(written)))
    return sorted(found)


def ongoing_of_class(patient, label: str, as_of: date) -> list[tuple[date, str]]:
    """(start, generic drug) of drugs of class ``label`` ongoing on ``as_of``, latest first."""
    found = []
    for treatment in patient.treatments:
        start = treatment.begins
        if start is None or start > as_of or (treatment.end and treatment.end <= as_of):
            continue
        for written in treatment.drugs:
            if label in classes(written):
                found.append((start, generic(written)))
    return sorted(found, reverse=True)


def latest_progression(patient, therapy_lines: list, as_of: date):
    """The latest progression on or before ``as_of``: (date, line given then, method words).

    A progression is an assessment with status progression, or a metastatic line
    stopped for progression. Returns None when there is none.
    """
    events: list[tuple[date, str | None]] = [
        (a.date, METHOD_WORDS.get((a.method or "").lower(), "check"))
        for a in patient.assessments
        if a.status == "progression" and a.date <= as_of
    ]
    events += [
        (line.end, None)
        for line in therapy_lines
        if line.stop_reason == "progression" and line.end and line.end <= as_of
    ]
    if not events:
        return None
    day = max(event[0] for event in events)
    # A scan that showed the growth shortly before the line was stopped says more: use it.
    scans = [(d, m) for d, m in events if m and day - GRACE <= d <= day]
    if scans:
        day, method = max(scans)
    else:
        method = None
    return day, line_at(therapy_lines, day), method


def line_at(therapy_lines: list, day: date):
    """The line being given on ``day``: started before it and not ended more than
    ``GRACE`` before it (a scan soon after a stop still shows growth on that line)."""
    given = [
        line
        for line in therapy_lines
        if line.start < day and (line.end is None or line.end >= day - GRACE)
    ]
    return given[-1] if given else None
