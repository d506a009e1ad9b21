"""One trial's page for the web: the stored trial with, for a signed-in person, every criterion's
verdict, what would settle the unknown ones, the nearest site and its contacts, and questions
for the visit list.

- ``trial_detail(owner, nct_id, today=None)`` -> ``Detail`` or None (owner None: no matching).
- ``add_trial_question(owner, nct_id, number, today=None)``: put one question on the visit list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from mbcnav.trials import groups
from mbcnav.trials.card import card as trial_card
from mbcnav.trials.geo import closest, describe, site_miles, unplaced_reason
from mbcnav.trials.match import match
from mbcnav.trials.record import Trial

from .catalogue import catalogue
from .contacts import contact_list
from .models import SavedTrial
from .questions import TrialQuestion, trial_questions
from .services import CTGOV_STUDY_URL, facts_for, normalise_nct, point_for, tally


@dataclass
class Detail:
    trial: Trial
    url: str
    synced_at: object
    origin: str
    criteria: list[dict]  # kind, text, verdict (None without matching), why, settle, routine
    result: dict | None = None
    fit: str | None = None
    counts: dict = field(default_factory=dict)
    settle: list[dict] = field(default_factory=list)  # {"what", "count", "routine"}
    team_only: int = 0  # unknown criteria nothing in a record could settle (the study team decides)
    sites: list[dict] = field(default_factory=list)
    nearest: dict | None = None
    unplaced: str | None = None  # why there is no distance (geo.unplaced_reason)
    contacts: list[dict] = field(default_factory=list)  # central first, then the nearest site's
    #: Why no site contact is listed though sites have some: "add-zip", "sign-in", "unplaced",
    #: "nearest-none".
    contact_hint: str | None = None
    located: bool = False
    saved: bool = False
    questions: list[TrialQuestion] = field(default_factory=list)
    card: dict = field(default_factory=dict)  # trials.card: the plain-language card
    group: str | None = None  # groups.group_of, with matching


def _sites(trial: Trial, point) -> list[dict]:
    out = []
    for s in trial.locations:
        placed = site_miles(s, point) if point else None
        out.append(
            {
                "facility": s.facility,
                "city": s.city,
                "state": s.state,
                "country": s.country,
                "status": s.status.replace("_", " ").lower(),
                "miles": placed[0] if placed else None,
                "located_by": placed[1] if placed else None,
            }
        )
    out.sort(
        key=lambda s: (s["miles"] is None, s["miles"] or 0, s["country"], s["state"], s["city"])
    )
    return out


#: What the engine writes when nothing in a record could settle a criterion.
STUDY_TEAM = "The study team at screening"


def settle_list(criteria: list[dict]) -> list[dict]:
    """What would settle the unknown criteria: each test or fact once, with how many criteria it settles."""
    found: dict[str, dict] = {}
    for c in criteria:
        if c.get("verdict") != "unknown":
            continue
        for what in filter(None, (x.strip() for x in (c.get("settle") or "").split(";"))):
            if what == STUDY_TEAM:
                continue
            item = found.setdefault(what, {"what": what, "count": 0, "routine": True})
            item["count"] += 1
            item["routine"] = item["routine"] and c.get("routine", False)
    return sorted(found.values(), key=lambda s: (s["routine"], -s["count"], s["what"]))


def trial_detail(owner, nct_id: str, today: date | None = None) -> Detail | None:
    """One stored trial; with an ``owner``, every criterion's verdict for them. None if not stored."""
    nct = normalise_nct(nct_id)
    cat = catalogue()
    trial = cat.by_id.get(nct) if nct else None
    if trial is None:
        return None
    synced_at, origin = cat.synced.get(nct, (None, ""))
    parse = cat.parses[nct]
    detail = Detail(
        trial,
        CTGOV_STUDY_URL.format(nct=nct),
        synced_at,
        origin,
        [{"kind": c["kind"], "text": c["text"], "verdict": None} for c in parse["criteria"]],
    )
    point = None
    if owner is not None:
        today = today or timezone.localdate()
        facts = facts_for(owner, today)
        point = point_for(facts)
        detail.result = match(parse, facts)
        detail.fit = detail.result["fit"]
        detail.criteria = detail.result["criteria"]
        detail.settle = settle_list(detail.criteria)
        detail.counts = tally(detail.result)
        detail.team_only = sum(
            1
            for c in detail.criteria
            if c["verdict"] == "unknown" and c.get("settle") == STUDY_TEAM
        )
        detail.saved = SavedTrial.objects.filter(owner=owner, nct_id=nct).exists()
    near = closest(trial, point) if point else None
    detail.nearest = describe(near)
    if point and near is None:
        detail.unplaced = unplaced_reason(trial)
    detail.located = point is not None
    detail.contacts = contact_list(trial, near[0] if near else None)
    if not any(c["kind"] == "site" for c in detail.contacts) and any(
        c.reachable for s in trial.locations for c in s.contacts
    ):
        if owner is None:
            detail.contact_hint = "sign-in"
        elif point is None:
            detail.contact_hint = "add-zip"
        else:
            detail.contact_hint = "nearest-none" if near else "unplaced"
    detail.sites = _sites(trial, point)
    detail.card = trial_card(trial, point)
    if detail.result is not None:
        detail.group = groups.group_of(detail.result, trial.status)
    detail.questions = trial_questions(trial, detail.result, detail.settle, detail.nearest)
    return detail


def add_trial_question(owner, nct_id: str, number: int, today: date | None = None):
    """Put question ``number`` about the trial on the person's visit list; None if there is no such question."""
    from mbcnav.web.visits import services as visits

    detail = trial_detail(owner, nct_id, today)
    if detail is None:
        return None
    q = next((q for q in detail.questions if q.number == number), None)
    if q is None:
        return None
    return visits.add_question(
        owner,
        q.text,
        topic="clinical-trials",
        why=q.why,
        rule=f"trial:{detail.trial.nct_id}:{q.number}",
    )
