"""The stored trials: loading the bundled snapshot, syncing from ClinicalTrials.gov, and the
in-memory catalogue (trials, parses, BM25 index) rebuilt only when the table changes."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils import timezone

from mbcnav.trials.parse import VERSION, parse_trials
from mbcnav.trials.rank import Relevance
from mbcnav.trials.record import Trial

from .models import StoredTrial, TrialSync
from .store import DatabaseStore


# ----------------------------------------------------------------- loading the table
def load_snapshot() -> str:
    """Put the bundled snapshot's trials into the database when missing or older; one-line note."""
    from mbcnav.trials.snapshot import SOURCE, open_snapshot

    snap = open_snapshot()
    as_of = snap.data.get("as_of", "")
    known = dict(StoredTrial.objects.values_list("nct_id", "last_update"))
    versions = dict(StoredTrial.objects.values_list("nct_id", "parse__version"))
    # rows still as the snapshot left them: a newer engine may read more of the same record
    # (contacts, for instance), so a snapshot row that differs is refreshed.
    from_snapshot = dict(
        StoredTrial.objects.filter(origin="snapshot").values_list("nct_id", "data")
    )
    store = DatabaseStore(origin="snapshot")
    added = updated = 0
    trials = snap.trials()
    unparsed = []  # a snapshot parsed by another engine version: parse again here
    for t in trials:
        parse = snap.parse(t.nct_id)
        old = known.get(t.nct_id)
        if old is None:
            added += 1
        elif (
            (t.last_update and t.last_update > old)
            or versions.get(t.nct_id) != VERSION
            or (t.nct_id in from_snapshot and from_snapshot[t.nct_id] != t.to_dict())
        ):
            updated += 1
        else:
            continue
        if parse is None:
            unparsed.append(t)
        else:
            store.put(t, parse)
    if unparsed:
        for t, p in zip(unparsed, parse_trials(unparsed), strict=True):
            store.put(t, p)
    # rows an older bundle brought in that this one no longer carries (synced rows stay)
    gone = StoredTrial.objects.filter(origin="snapshot").exclude(
        nct_id__in=[t.nct_id for t in trials]
    )
    removed = gone.delete()[0]
    if added or updated or removed:
        store.save()
        TrialSync.objects.create(
            kind="snapshot",
            as_of=as_of,
            source=SOURCE,
            counts={
                "added": added,
                "updated": updated,
                "removed": removed,
                "bundled": len(trials),
            },
        )
    total = StoredTrial.objects.count()
    catalogue()  # build the in-memory index now, not on the first page view
    change = (
        f"{added} added, {updated} updated" + (f", {removed} no longer bundled" if removed else "")
        if added or updated or removed
        else "already loaded"
    )
    return f"Trials: {len(trials)} bundled trials (snapshot as of {as_of}; {change}); {total} in the database."


def sync_database(
    client=None, progress=None, query: dict | None = None, max_pages: int | None = None
) -> dict:
    """Fetch new or updated trials from ClinicalTrials.gov into the database (engine ``sync``)."""
    from mbcnav.trials.client import CtgovClient
    from mbcnav.trials.sync import sync

    store = DatabaseStore(origin="sync")
    if client is None:
        with CtgovClient() as own:
            counts = sync(store, own, query, max_pages=max_pages, progress=progress)
    else:
        counts = sync(store, client, query, max_pages=max_pages, progress=progress)
    TrialSync.objects.create(
        kind="sync",
        as_of=timezone.localdate().isoformat(),
        counts=counts,
        source="ClinicalTrials.gov API v2",
    )
    return counts


def data_dates() -> dict:
    """{"snapshot": as-of date of the last snapshot load, "sync": date of the last sync} (or None)."""
    snap = TrialSync.objects.filter(kind="snapshot").first()
    sync = TrialSync.objects.filter(kind="sync").first()
    return {"snapshot": snap.as_of if snap else None, "sync": sync.created if sync else None}


# ----------------------------------------------------------------- the stored catalogue
@dataclass
class Catalogue:
    key: tuple
    trials: list[Trial]
    parses: dict[str, dict]
    by_id: dict[str, Trial]
    synced: dict[str, tuple]  # nct -> (synced_at, origin)
    relevance: Relevance | None


_cache: dict[str, Catalogue] = {}
_lock = threading.Lock()


def catalogue() -> Catalogue:
    """Every stored trial with its parse, rebuilt only when the table changed (kept per process)."""
    agg = StoredTrial.objects.aggregate(n=Count("id"), last=Max("synced_at"))
    key = (agg["n"], agg["last"])
    cat = _cache.get("cat")
    if cat is not None and cat.key == key:
        return cat
    with _lock:
        store = DatabaseStore()
        trials = sorted(store.trials(), key=lambda t: t.nct_id)
        parses = store.parses()
        missing = [t for t in trials if t.nct_id not in parses]
        if missing:  # parses from an older engine version: parse again once and keep
            for t, p in zip(missing, parse_trials(missing), strict=True):
                store.put(t, p)
                parses[t.nct_id] = p
            store.save()
            agg = StoredTrial.objects.aggregate(n=Count("id"), last=Max("synced_at"))
            key = (agg["n"], agg["last"])
        synced = {
            n: (s, o)
            for n, s, o in StoredTrial.objects.values_list("nct_id", "synced_at", "origin")
        }
        cat = Catalogue(
            key,
            trials,
            parses,
            {t.nct_id: t for t in trials},
            synced,
            Relevance(trials) if trials else None,
        )
        _cache["cat"] = cat
    return cat


def has_phase(trial: Trial, phase: str | None) -> bool:
    return not phase or phase in re.findall(r"\d", trial.phase or "")


def keyword_hits(cat: Catalogue, q: str) -> set[str]:
    if not q or cat.relevance is None:
        return set()
    return {t.nct_id for t, s in zip(cat.trials, cat.relevance.scores(q), strict=True) if s > 0}


def browse(q: str | None = None, phase: str | None = None) -> list[Trial]:
    """Trials for a signed-out visitor: keyword hits best first, else recruiting and newest first."""
    cat = catalogue()
    trials = [t for t in cat.trials if has_phase(t, phase)]
    nct = (q or "").strip().upper()
    if re.fullmatch(r"NCT\d{8}", nct):  # an NCT id finds that trial, closed or not
        return [t for t in trials if t.nct_id == nct]
    if q and cat.relevance is not None:
        score = dict(zip((t.nct_id for t in cat.trials), cat.relevance.scores(q), strict=True))
        return sorted(
            (t for t in trials if score[t.nct_id] > 0), key=lambda t: (-score[t.nct_id], t.nct_id)
        )
    trials.sort(
        key=lambda t: t.last_update, reverse=True
    )  # newest first, then open ones first (stable)
    return sorted(trials, key=lambda t: not t.recruiting)
