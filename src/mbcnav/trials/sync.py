"""Incremental sync: fetch studies, keep only those new or updated since the store's copy."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mbcnav.trials.client import CtgovClient
from mbcnav.trials.parse import parse_trials
from mbcnav.trials.record import Trial, from_v2
from mbcnav.trials.store import TrialStore

DEFAULT_QUERY = {
    "cond": "breast cancer",
    "term": "metastatic OR advanced",
    "status": ["RECRUITING", "NOT_YET_RECRUITING"],
}


def changed(studies: Iterable[dict], known: dict[str, str]) -> tuple[list[Trial], int]:
    """(trials new or with a later last-update date than ``known``, number unchanged)."""
    fresh, same = [], 0
    for s in studies:
        t = from_v2(s)
        if known.get(t.nct_id) and t.last_update and known[t.nct_id] >= t.last_update:
            same += 1
        else:
            fresh.append(t)
    return fresh, same


def sync(
    store: TrialStore,
    client: CtgovClient,
    query: dict | None = None,
    max_pages: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Fetch the search, parse what changed, save. Returns counts."""
    q = dict(query or DEFAULT_QUERY)
    known = store.last_updates()
    since = max((d for d in known.values() if d), default=None)
    if since:  # only studies updated on or after the newest copy we hold
        q["advanced"] = f"AREA[LastUpdatePostDate]RANGE[{since},MAX]"
    studies = []
    for s in client.search(max_pages=max_pages, **q):
        studies.append(s)
        if progress:
            progress(1)
    fresh, same = changed(studies, known)
    added = sum(1 for t in fresh if t.nct_id not in known)
    for t, p in zip(fresh, parse_trials(fresh), strict=True):
        store.put(t, p)
    store.save()
    return {
        "fetched": len(studies),
        "added": added,
        "updated": len(fresh) - added,
        "unchanged": same,
    }
