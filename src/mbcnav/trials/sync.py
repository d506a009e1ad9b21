"""Incremental sync: fetch studies, keep only those new or updated since the store's copy.

Two searches: the open breast-cancer trials (``DEFAULT_QUERY``), and the trials the store
already holds, whatever their status now (``filter.ids``), so a trial that closed since the
snapshot is shown as closed. Both ask only for records updated on or after the newest copy.
A ``JsonStore`` records the day of the sync (``synced``) and its newest record (``as_of``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from mbcnav.trials.client import CtgovClient
from mbcnav.trials.parse import parse_trials
from mbcnav.trials.record import Trial, from_v2
from mbcnav.trials.store import TrialStore

IDS_PER_REQUEST = 100

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
    refresh_known: bool = True,
    today: date | None = None,
) -> dict:
    """Fetch the search (and, with ``refresh_known``, the held trials' newer records), parse
    what changed, save. Returns counts."""
    q = dict(query or DEFAULT_QUERY)
    known = store.last_updates()
    since = max((d for d in known.values() if d), default=None)
    if since:  # only studies updated on or after the newest copy we hold
        q["advanced"] = f"AREA[LastUpdatePostDate]RANGE[{since},MAX]"
    found: dict[str, dict] = {}

    def take(s: dict) -> None:
        nct = (s.get("protocolSection", {}).get("identificationModule") or {}).get("nctId", "")
        found[nct or str(len(found))] = s
        if progress:
            progress(1)

    for s in client.search(max_pages=max_pages, **q):
        take(s)
    if refresh_known and known:
        ids = sorted(known)
        for i in range(0, len(ids), IDS_PER_REQUEST):
            chunk = ids[i : i + IDS_PER_REQUEST]
            extra = {"advanced": q["advanced"]} if since else {}
            for s in client.search(ids=chunk, page_size=IDS_PER_REQUEST, **extra):
                take(s)
    studies = list(found.values())
    fresh, same = changed(studies, known)
    added = sum(1 for t in fresh if t.nct_id not in known)
    for t, p in zip(fresh, parse_trials(fresh), strict=True):
        store.put(t, p)
    data = getattr(store, "data", None)
    if isinstance(data, dict):
        data["synced"] = (today or date.today()).isoformat()
        data["as_of"] = max(
            (d for d in store.last_updates().values() if d), default=data.get("as_of", "")
        )
    store.save()
    return {
        "fetched": len(studies),
        "added": added,
        "updated": len(fresh) - added,
        "unchanged": same,
    }
