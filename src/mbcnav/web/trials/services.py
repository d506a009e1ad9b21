"""The trial finder for the web: stored trials, matching for one person, and saved trials.

- ``load_snapshot() -> str``: load the engine's bundled snapshot into the database (idempotent).
- ``sync_database(client=None, progress=None, query=None, max_pages=None) -> dict``: the
  engine's incremental sync from ClinicalTrials.gov into the database.
- ``matches_for(owner, today, within_miles=None, phase=None, fit=None, q=None, saved_only=False)``
  -> ``MatchList`` of ``Match`` (best first).
- ``browse(q=None, phase=None)`` -> trials without personal matching (signed-out visitors).
- ``trial_detail(owner, nct_id, today=None)`` -> ``Detail`` or None (owner None: no matching).
- ``add_trial_question``, ``save_trial``, ``unsave_trial``, ``saved_ids``, ``data_dates``.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.utils import timezone

from mbcnav.trials import groups
from mbcnav.trials.card import card as trial_card
from mbcnav.trials.errors import TrialsError
from mbcnav.trials.facts import PatientFacts, from_patient
from mbcnav.trials.geo import (
    closest,
    describe,
    nearest_site,
    site_miles,
    unplaced_reason,
    zip_point,
)
from mbcnav.trials.groups import is_open  # noqa: F401  (used by the views)
from mbcnav.trials.match import match
from mbcnav.trials.rank import rank
from mbcnav.trials.record import Trial
from mbcnav.web.record import services as record

from .catalogue import (  # noqa: F401  (re-exported: the lead's serve calls services.load_snapshot)
    Catalogue,
    browse,
    catalogue,
    data_dates,
    has_phase,
    keyword_hits,
    load_snapshot,
    sync_database,
)
from .contacts import contact_list
from .models import SavedTrial
from .questions import TrialQuestion, trial_questions

FITS = ("likely", "possible", "unlikely")
CTGOV_STUDY_URL = "https://clinicaltrials.gov/study/{nct}"
_NCT = re.compile(r"^NCT\d{8}$")


# ----------------------------------------------------------------- matching one person
def facts_for(owner, today: date) -> PatientFacts:
    return from_patient(record.patient_for(owner, today=today), today)


def point_for(facts: PatientFacts) -> tuple[float, float] | None:
    """The person's ZIP centroid, or None when the record has no (known) US ZIP code."""
    if not facts.zip:
        return None
    try:
        return zip_point(facts.zip)
    except TrialsError:
        return None


def tally(result: dict) -> dict:
    """{"met", "not_met", "unknown", "screening"}: unknowns split into open points and the
    routine ones the study team checks at screening (consent, labs, pregnancy test...)."""
    crits = result["criteria"]
    unknown = [c for c in crits if c["verdict"] == "unknown"]
    routine = sum(1 for c in unknown if c.get("routine"))
    return {
        "met": result["met"],
        "not_met": result["not_met"],
        "unknown": len(unknown) - routine,
        "screening": routine,
    }


@dataclass
class Match:
    """One ranked trial. ``summary`` (fit and counts) comes from the engine's fast path; the
    full ``result`` (every criterion's verdict) is computed only when a page asks for it."""

    ranked: object  # mbcnav.trials.rank.Ranked
    point: tuple[float, float] | None = None  # the person's ZIP centroid
    saved: bool = False

    @property
    def trial(self) -> Trial:
        return self.ranked.trial

    @property
    def score(self) -> float:
        return self.ranked.score

    @property
    def summary(self) -> dict:
        return self.ranked.summary

    @property
    def fit(self) -> str:
        return self.ranked.summary["fit"]

    @property
    def result(self) -> dict:
        return self.ranked.result

    @cached_property
    def nearest(self) -> dict | None:
        """The nearest open site with its distance in miles (None without a ZIP or a site location)."""
        return nearest_site(self.trial, self.point) if self.point else None

    @property
    def group(self) -> str:
        """One of ``groups.ORDER`` (closed trials are never offered as trials to join)."""
        return groups.group_of(self.summary, self.trial.status)

    @property
    def status_words(self) -> str:
        return groups.status_words(self.trial.status)

    @property
    def unplaced(self) -> str | None:
        """Why there is no distance (see ``geo.unplaced_reason``); None when there is one."""
        if self.point is None or self.nearest is not None:
            return None
        return unplaced_reason(self.trial)


class MatchList(list):
    """``Match`` items a person may join or check, grouped in ``groups.ORDER`` and in the
    ranking's order within a group; ``closed`` holds the matching trials closed to new
    patients (shown apart, never as trials to join); ``total`` (before filters), ``zip``,
    ``located`` and ``nct`` (the NCT id searched for, if the search was one)."""

    total: int = 0
    zip: str | None = None
    located: bool = False
    nct: str | None = None

    def __init__(self, *args):
        super().__init__(*args)
        self.closed: list[Match] = []

    def groups(self) -> list[tuple[str, str, list]]:
        """(key, heading, matches) for each non-empty group, in ``groups.ORDER``."""
        out = []
        for key in groups.ORDER:
            items = self.closed if key == "closed" else [m for m in self if m.group == key]
            if items:
                out.append((key, groups.LABELS[key], items))
        return out


_RANKED_MAX = 64  # people (or queries) whose ranking each process keeps
_ranked: OrderedDict[tuple, list] = OrderedDict()
_ranked_lock = threading.Lock()


def ranked_for(cat: Catalogue, facts: PatientFacts, q: str | None = None) -> list:
    """The engine's ranking of every stored trial for these facts, kept per process.

    The key is the catalogue's version and a digest of the facts themselves, so an edit to the
    record that changes what matching reads, a new day (age, "within 12 months"), a sync or a
    snapshot load all give a new key; nothing has to be invalidated by hand.
    """
    digest = hashlib.sha256(repr(facts).encode("utf-8")).hexdigest()
    key = (cat.key, q or "", digest)
    with _ranked_lock:
        hit = _ranked.get(key)
        if hit is not None:
            _ranked.move_to_end(key)
            return hit
    ranked = rank(cat.trials, cat.parses, facts, relevance=cat.relevance, query=q)
    with _ranked_lock:
        _ranked[key] = ranked
        while len(_ranked) > _RANKED_MAX:
            _ranked.popitem(last=False)
    return ranked


def matches_for(
    owner,
    today: date,
    within_miles: float | None = None,
    phase: str | None = None,
    fit: str | list | tuple | None = None,
    q: str | None = None,
    saved_only: bool = False,
) -> MatchList:
    """Every stored trial ranked for ``owner`` on ``today``, then filtered.

    ``within_miles`` keeps trials with an open site that close to the person's ZIP (ignored when
    the record has no ZIP: ``located`` is False); ``phase`` "1".."4"; ``fit`` one or several of
    likely / possible / unlikely; ``q`` keywords (ranked by them too); ``saved_only`` the saved ones.
    """
    cat = catalogue()
    facts = facts_for(owner, today)
    point = point_for(facts)
    out = MatchList()
    out.zip, out.located, out.total = facts.zip, point is not None, len(cat.trials)
    if not cat.trials:
        return out
    fits = {fit} if isinstance(fit, str) else set(fit or ())
    saved = saved_ids(owner)
    out.nct = normalise_nct(q or "")
    if out.nct:  # an NCT id finds that trial, closed or not
        hits, q = {out.nct}, None
    else:
        hits = keyword_hits(cat, q) if q else None
    found = []
    for r in ranked_for(cat, facts, q or None):
        t = r.trial
        if (fits and r.summary["fit"] not in fits) or not has_phase(t, phase):
            continue
        if (hits is not None and t.nct_id not in hits) or (saved_only and t.nct_id not in saved):
            continue
        m = Match(r, point, t.nct_id in saved)
        far = (
            m.nearest is None or m.nearest["miles"] > within_miles
            if within_miles is not None
            else False
        )
        if far and point is not None:
            continue
        found.append(m)
    order = {k: i for i, k in enumerate(groups.ORDER)}
    found.sort(key=lambda m: order[m.group])  # stable: the ranking's order within a group
    out.extend(m for m in found if m.group != "closed")
    out.closed = [m for m in found if m.group == "closed"]
    return out


# ----------------------------------------------------------------- one trial
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


def normalise_nct(nct_id: str) -> str | None:
    nct = (nct_id or "").strip().upper()
    return nct if _NCT.match(nct) else None


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


# ----------------------------------------------------------------- actions
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


def saved_ids(owner) -> set[str]:
    return set(SavedTrial.objects.filter(owner=owner).values_list("nct_id", flat=True))


def save_trial(owner, nct_id: str, note: str = "") -> SavedTrial | None:
    nct = normalise_nct(nct_id)
    if nct is None or nct not in catalogue().by_id:
        return None
    saved, _ = SavedTrial.objects.get_or_create(owner=owner, nct_id=nct, defaults={"note": note})
    return saved


def unsave_trial(owner, nct_id: str) -> int:
    return SavedTrial.objects.filter(owner=owner, nct_id=(nct_id or "").strip().upper()).delete()[0]
