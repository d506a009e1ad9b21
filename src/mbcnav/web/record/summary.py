"""What the one-page summary adds to the record's facts: treatment before the metastatic
diagnosis, local treatment since, the latest scan, recent labs and one row per recent symptom.

Plain helpers over the engine's ``Patient`` (no queries), so the web page and the PDF show the
same thing.
"""

from __future__ import annotations

from datetime import date, timedelta

from mbcnav.patient.conditions import vocabulary as condition_words
from mbcnav.patient.model import Patient, Treatment

LAB_WINDOW = timedelta(days=120)  # labs this close to the latest one count as "recent"


def _label(t: Treatment) -> str:
    if t.type == "surgery":
        return t.procedure or "surgery"
    if t.type == "radiation":
        return "radiation" + (f" to the {t.site}" if t.site else "")
    return " + ".join(t.drugs) or t.type


def _is_early(p: Patient, t: Treatment) -> bool:
    """Given before the cancer was found to have spread (neoadjuvant, adjuvant, or dated before)."""
    if t.setting in ("neoadjuvant", "adjuvant"):
        return True
    if t.setting == "metastatic":
        return False
    dx, begins = p.metastatic_diagnosis.date, t.begins
    return dx is not None and begins is not None and begins < dx


def early_treatment(p: Patient) -> list[dict]:
    """Surgery, chemotherapy, radiation and endocrine therapy for the early-stage cancer."""
    rows = [t for t in p.treatments if _is_early(p, t)]
    rows.sort(key=lambda t: (t.begins is None, t.begins))
    return [_row(t) for t in rows]


def local_treatment(p: Patient) -> list[dict]:
    """Radiation and surgery since the metastatic diagnosis (not part of the drug lines)."""
    rows = [t for t in p.treatments if t.type in ("radiation", "surgery") and not _is_early(p, t)]
    rows.sort(key=lambda t: (t.begins is None, t.begins))
    return [_row(t) for t in rows]


def _row(t: Treatment) -> dict:
    return {
        "what": _label(t),
        "type": t.type,
        "setting": t.setting,
        "start": t.begins,
        "end": t.end if t.type != "surgery" else None,
        "stop_reason": t.stop_reason,
    }


def recent_labs(p: Patient) -> list:
    """The latest result of each test, for tests measured near the latest lab date."""
    if not p.labs:
        return []
    newest = max(lab.date for lab in p.labs)
    latest: dict[str, object] = {}
    for lab in sorted(p.labs, key=lambda lab: lab.date):
        if newest - lab.date <= LAB_WINDOW:
            latest[lab.test.lower()] = lab
    return sorted(latest.values(), key=lambda lab: (-lab.date.toordinal(), lab.test.lower()))


def one_per_symptom(checkins: list, since: date | None) -> list:
    """The newest report of each symptom (check-ins come newest first), none older than ``since``."""
    seen, out = set(), []
    for c in checkins:
        if since is not None and c.date < since:
            continue
        key = (c.symptom, c.location or "")
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def health_problems(p: Patient) -> list[dict]:
    """Other health problems with their plain label (the name as written when the vocabulary
    does not know it), the kind or detail, how it is now and the date; active ones first."""
    order = {"active": 0, "controlled": 1, None: 2, "unknown": 2, "past": 3}
    rows = []
    for c in p.conditions:
        term = condition_words().by_term.get(c.name)
        rows.append(
            {
                "label": term.label if term else c.name,
                "detail": c.detail,
                "status": c.status,
                "date": c.date,
                "note": c.note,
            }
        )
    return sorted(rows, key=lambda r: order[r["status"]])
