"""Facts derived from a Patient: receptor categories, subtype, lines of therapy, current drugs.

The single source of these derivations for the CLI, the web app and every engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from . import vocabulary
from .drugs import other_medicine
from .model import Patient, Treatment
from .vocabulary import Drug

DAYS_PER_MONTH = 365.25 / 12
#: Drugs started within this many days of a line's first drug belong to the same line.
SAME_LINE_WINDOW = timedelta(days=28)


# ------------------------------------------------------------------ receptors
def her2_category(p: Patient) -> str:
    """positive | low | ultralow | zero | negative | unknown (ASCO/CAP wording)."""
    return {
        "IHC 3+": "positive",
        "IHC 2+ ISH+": "positive",
        "positive": "positive",
        "IHC 2+ ISH-": "low",
        "IHC 1+": "low",
        "IHC 0+": "ultralow",
        "IHC 0": "zero",
        "negative": "negative",
    }.get(p.receptors.her2 or "unknown", "unknown")


def er_low(p: Patient) -> bool:
    """ER-low (1-10% of cells stain): reported as ER-positive, but often behaves like ER-negative."""
    return p.receptors.er == "low"


def hr_status(p: Patient) -> str:
    """positive when ER (incl. ER-low) or PR is positive; negative only when both are negative."""
    er, pr = p.receptors.er, p.receptors.pr
    if er in ("positive", "low") or pr == "positive":
        return "positive"
    if er == "negative" and pr == "negative":
        return "negative"
    return "unknown"


def subtype(p: Patient) -> str:
    hr, her2 = hr_status(p), her2_category(p)
    if her2 == "unknown" or hr == "unknown":
        return "unknown"
    if her2 == "positive":
        return "HR+/HER2+" if hr == "positive" else "HR-/HER2+"
    return "HR+/HER2-" if hr == "positive" else "triple-negative"


# ----------------------------------------------------------------- history
def is_de_novo(p: Patient) -> bool | None:
    dx = p.metastatic_diagnosis
    if dx.de_novo is not None:
        return dx.de_novo
    if dx.first_diagnosis_stage == "IV":
        return True
    if dx.first_diagnosis_stage in ("0", "I", "II", "III"):
        return False
    if any(t.setting in vocabulary.EARLY_SETTINGS for t in p.treatments):
        return False
    return None


def months_between(start: date, end: date) -> float:
    return round((end - start).days / DAYS_PER_MONTH, 1)


def months_to_recurrence(p: Patient) -> float | None:
    """Months from the first breast cancer diagnosis to the metastatic diagnosis (recurrences only)."""
    dx = p.metastatic_diagnosis
    if is_de_novo(p) is True or not (dx.date and dx.first_diagnosis_date):
        return None
    return months_between(dx.first_diagnosis_date, dx.date)


def sites(p: Patient) -> list[str]:
    """Metastatic sites, in the order they appeared (undated last), each once."""
    ordered = sorted(p.metastases, key=lambda m: (m.date is None, m.date or date.min))
    out: list[str] = []
    for m in ordered:
        if m.site not in out:
            out.append(m.site)
    return out


# ---------------------------------------------------------------- drugs
def drugs_of(t: Treatment) -> list[Drug]:
    return [d for d in (vocabulary.drug(n) for n in t.drugs) if d is not None]


def unknown_drug(name: str) -> bool:
    """A name neither the drug table nor the table of medicines for other problems knows (a
    trial code, a misspelling): a cancer drug whose class is unknown."""
    return vocabulary.drug(name) is None and other_medicine(name) is None


def unknown_drugs(p: Patient) -> list[str]:
    """Drug names in the file that the drug table does not know (their class is unknown)."""
    return [n for t in p.treatments for n in t.drugs if unknown_drug(n)]


def _ongoing(t: Treatment, day: date) -> bool:
    return t.start is not None and t.start <= day and (t.end is None or t.end >= day)


def ongoing_drugs(p: Patient, as_of: date) -> list[Drug]:
    """Every known systemic drug being taken on ``as_of`` (supportive drugs too)."""
    out: list[Drug] = []
    for t in p.treatments:
        if t.type == "systemic" and _ongoing(t, as_of):
            out.extend(d for d in drugs_of(t) if d not in out)
    return out


def all_drugs(p: Patient, as_of: date | None = None) -> list[Drug]:
    """Every known drug ever given (any setting), started on or before ``as_of`` when given."""
    out: list[Drug] = []
    for t in p.treatments:
        if t.type == "systemic" and (as_of is None or (t.start and t.start <= as_of)):
            out.extend(d for d in drugs_of(t) if d not in out)
    return out


# ----------------------------------------------------------- lines of therapy
@dataclass(frozen=True)
class Line:
    number: int
    drugs: tuple[str, ...]  # generic names (unknown drugs as written)
    classes: tuple[str, ...]
    start: date
    end: date | None
    stop_reason: str | None
    treatments: tuple[Treatment, ...]

    @property
    def months(self) -> float | None:
        return months_between(self.start, self.end) if self.end else None

    def ongoing(self, as_of: date) -> bool:
        return self.end is None or self.end >= as_of

    def to_json(self) -> dict:
        return {
            "number": self.number,
            "drugs": list(self.drugs),
            "classes": list(self.classes),
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "months": self.months,
            "stop_reason": self.stop_reason,
        }


def _is_metastatic(p: Patient, t: Treatment) -> bool:
    if t.setting is not None:
        return t.setting == "metastatic"
    dx_date = p.metastatic_diagnosis.date
    return dx_date is None or (t.start is not None and t.start >= dx_date)


def _anticancer_names(t: Treatment) -> list[str]:
    """Drug names that count for a line: known non-supportive drugs and unknown drugs."""
    names = []
    for name in t.drugs:
        d = vocabulary.drug(name)
        if d is None:
            if unknown_drug(name):  # metformin, omeprazole: never a line
                names.append(name)
        elif not d.supportive:
            names.append(d.name)
    return names


class _Group:
    def __init__(self, t: Treatment):
        self.members = [t]
        self.start = t.start

    @property
    def ended(self) -> bool:
        return all(m.end is not None for m in self.members)

    def progressed_by(self, day: date) -> bool:
        return any(m.stop_reason == "progression" and m.end and m.end <= day for m in self.members)

    def names(self) -> set[str]:
        return {n for m in self.members for n in _anticancer_names(m)}


def _joins(group: _Group, t: Treatment) -> bool:
    """Whether treatment ``t`` continues ``group``'s line rather than starting a new one.

    - started within 28 days of the line's start: same regimen, same line;
    - the line stopped for progression before ``t`` started: new line;
    - added while the line is still ongoing (no progression): same line (e.g. maintenance);
    - written as the same line number, or as maintenance, after a line that did not progress:
      same line (a break between chemotherapy and its maintenance does not start a new line);
    - after the whole line ended for another reason: same line only when ``t`` restarts the
      same drugs (a treatment break); new drugs start a new line.
    """
    if t.start <= group.start + SAME_LINE_WINDOW:
        return True
    if group.progressed_by(t.start):
        return False
    if t.line is not None and any(m.line == t.line for m in group.members):
        return True  # the record numbers it the same line (chemotherapy, then its maintenance)
    if t.setting_detail == "maintenance":
        return True  # maintenance keeps a line going that has not progressed (NCI dictionary)
    still_on = [m for m in group.members if m.end is None or m.end >= t.start]
    if still_on:
        return True
    if _swapped_for_side_effects(group, t):
        return True
    return set(_anticancer_names(t)) <= group.names()


SWAP_WINDOW = timedelta(days=90)
#: kinds whose drugs stand in for one another when one is not tolerated (coarser kinds such as
#: "chemotherapy" or "antibody-drug conjugate" hold drugs that make a new line)
SWAP_CLASSES = frozenset({"CDK4/6 inhibitor", "aromatase inhibitor", "PARP inhibitor"})


def _swapped_for_side_effects(group: _Group, t: Treatment) -> bool:
    """A drug stopped for side effects and replaced by one of the same kind, the rest kept
    (palbociclib to abemaciclib beside the same letrozole): the same line, not a new one (Saini
    and Twelves, Br J Cancer 2021: a change within a regimen for toxicity, without progression,
    is not a new line; a set writer's chart, session 24)."""
    ended = [m for m in group.members if m.end is not None]
    if not ended or len(ended) < len(group.members):
        return False
    last = max(ended, key=lambda m: (m.end, m.start))
    if last.stop_reason != "side effects" or t.start > last.end + SWAP_WINDOW:
        return False
    if t.line is not None and all(m.line is not None and m.line != t.line for m in group.members):
        return False  # the record numbers it a new line (review)
    old, now = set(_anticancer_names(last)), set(_anticancer_names(t))
    gone, new = old - now, now - old
    if len(gone) != 1 or len(new) != 1:
        return False  # one drug swapped, the rest kept (review)
    (before,), (after,) = gone, new
    was, swap = vocabulary.drug(before), vocabulary.drug(after)
    return bool(
        was and swap and swap.classes and set(was.classes) == set(swap.classes) <= SWAP_CLASSES
    )


def lines_of_therapy(p: Patient, as_of: date | None = None) -> list[Line]:
    """Lines of therapy in the metastatic setting, first line first.

    Supportive drugs (bone-modifying agents, ovarian suppression) never start or form a line.
    """
    candidates = sorted(
        (
            t
            for t in p.treatments
            if t.type == "systemic"
            and t.start is not None
            and _is_metastatic(p, t)
            and (as_of is None or t.start <= as_of)
            and _anticancer_names(t)
        ),
        key=lambda t: t.start,
    )
    groups: list[_Group] = []
    for t in candidates:
        if groups and _joins(groups[-1], t):
            groups[-1].members.append(t)
        else:
            groups.append(_Group(t))
    lines = []
    for number, g in enumerate(groups, start=1):
        names: list[str] = []
        classes: list[str] = []
        for m in g.members:
            for n in _anticancer_names(m):
                if n not in names:
                    names.append(n)
                d = vocabulary.drug(n)
                for c in d.classes if d else ():
                    if c not in classes:
                        classes.append(c)
        ends = [m.end for m in g.members]
        end = None if any(e is None for e in ends) else max(ends)
        if end and as_of and end > as_of:
            end = None
        reasons = [
            m.stop_reason
            for m in sorted(g.members, key=lambda m: m.end or date.max)
            if m.stop_reason
        ]
        stop = None
        if end is not None:
            stop = "progression" if "progression" in reasons else (reasons[-1] if reasons else None)
        lines.append(
            Line(number, tuple(names), tuple(classes), g.start, end, stop, tuple(g.members))
        )
    return lines


def current_treatment(p: Patient, as_of: date) -> dict | None:
    """The line being taken on ``as_of`` plus supportive drugs, or None when nothing is ongoing."""
    ongoing = ongoing_drugs(p, as_of)
    if not ongoing:
        return None
    line = next((ln for ln in lines_of_therapy(p, as_of) if ln.ongoing(as_of)), None)
    active = [d for d in ongoing if not d.supportive]
    unknown = [
        n
        for t in p.treatments
        if t.type == "systemic" and _ongoing(t, as_of)
        for n in t.drugs
        if unknown_drug(n)
    ]
    classes: list[str] = []
    for d in active:
        classes.extend(c for c in d.classes if c not in classes)
    return {
        "line": line.number if line else None,
        "drugs": [d.name for d in active] + unknown,
        "classes": classes,
        "start": line.start.isoformat() if line else None,
        "supportive": [d.name for d in ongoing if d.supportive],
    }


# ------------------------------------------------------------------ other health problems
#: Which status wins when one problem is listed twice: the most current one
_CURRENT = {"active": 3, "controlled": 2, "unknown": 1, "past": 0}


def _listed(p: Patient, as_of: date | None):
    return [c for c in p.conditions if as_of is None or c.date is None or c.date <= as_of]


def conditions(p: Patient, as_of: date | None = None) -> dict[str, str]:
    """Other health problems by canonical term (``patient/data/conditions.yaml``) -> status
    (active | controlled | past | unknown; not given is unknown). A problem listed twice keeps
    its most current status; a name the vocabulary does not know is keyed by its words in
    lower case. Entries dated after ``as_of`` are left out."""
    out: dict[str, str] = {}
    for c in _listed(p, as_of):
        key = c.name if c.known else " ".join(c.name.lower().split())
        status = c.status or "unknown"
        if key not in out or _CURRENT[status] > _CURRENT[out[key]]:
            out[key] = status
    return out


def condition_entries(p: Patient, as_of: date | None = None) -> list[dict]:
    """Every other health problem as {term, status, date (ISO or None), detail, note, known}, in file
    order: the detail ("type 2", "melanoma") and the date (diagnosed or resolved) that criteria
    such as "another cancer within 3 years" need beside the status."""
    return [
        {
            "term": c.name if c.known else " ".join(c.name.lower().split()),
            "status": c.status or "unknown",
            "date": c.date.isoformat() if c.date else None,
            "detail": c.detail,
            "note": c.note,
            "known": c.known,
        }
        for c in _listed(p, as_of)
    ]
