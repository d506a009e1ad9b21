"""The trial finder for the web: stored trials, matching for one person, and saved trials.

- ``load_snapshot() -> str``: load the engine's bundled snapshot into the database (idempotent).
- ``sync_database(client=None, progress=None, query=None, max_pages=None) -> dict``: the
  engine's incremental sync from ClinicalTrials.gov into the database.
- ``matches_for(owner, today, within_miles=None, phase=None, fit=None, q=None, saved_only=False)``
  -> ``MatchList`` of ``Match`` (best first).
- ``browse(q=None, phase=None)`` -> trials without personal matching (signed-out visitors).
- ``save_trial``, ``unsave_trial``, ``saved_ids``, ``normalise_nct``, ``data_dates``.

One trial's page (``trial_detail``, ``add_trial_question``) is in ``one_trial.py``.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from mbcnav.trials import groups
from mbcnav.trials.errors import TrialsError
from mbcnav.trials.facts import PatientFacts, from_patient
from mbcnav.trials.geo import (
    nearest_site,
    unplaced_reason,
    zip_point,
)
from mbcnav.trials.groups import is_open  # noqa: F401  (used by the views)
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
from .models import SavedTrial

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


def normalise_nct(nct_id: str) -> str | None:
    nct = (nct_id or "").strip().upper()
    return nct if _NCT.match(nct) else None


# ----------------------------------------------------------------- saved trials
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
