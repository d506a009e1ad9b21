"""``DatabaseStore``: the engine's ``TrialStore`` protocol over ``StoredTrial`` rows.

``mbcnav.trials.sync.sync(DatabaseStore(), client)`` updates the database incrementally:
``put`` keeps trials in memory and ``save`` writes them in one transaction.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from mbcnav.trials.parse import VERSION
from mbcnav.trials.record import Trial

from .models import StoredTrial


class DatabaseStore:
    def __init__(self, origin: str = "sync"):
        self.origin = origin
        self._pending: dict[str, tuple[Trial, dict]] = {}

    def trials(self) -> list[Trial]:
        found = {
            nct: Trial.from_dict(data)
            for nct, data in StoredTrial.objects.values_list("nct_id", "data")
        }
        found.update({nct: t for nct, (t, _) in self._pending.items()})
        return list(found.values())

    def get(self, nct_id: str) -> Trial | None:
        nct = (nct_id or "").strip().upper()
        if nct in self._pending:
            return self._pending[nct][0]
        data = StoredTrial.objects.filter(nct_id=nct).values_list("data", flat=True).first()
        return Trial.from_dict(data) if data else None

    def parse(self, nct_id: str) -> dict | None:
        nct = (nct_id or "").strip().upper()
        if nct in self._pending:
            p = self._pending[nct][1]
        else:
            p = StoredTrial.objects.filter(nct_id=nct).values_list("parse", flat=True).first()
        return p if p and p.get("version") == VERSION else None

    def parses(self) -> dict[str, dict]:
        """Every current parse by NCT id (stale versions left out)."""
        out = {
            nct: p
            for nct, p in StoredTrial.objects.values_list("nct_id", "parse")
            if p and p.get("version") == VERSION
        }
        out.update({nct: p for nct, (_, p) in self._pending.items()})
        return out

    def put(self, trial: Trial, parse: dict) -> None:
        self._pending[trial.nct_id.upper()] = (trial, parse)

    def last_updates(self) -> dict[str, str]:
        out = dict(StoredTrial.objects.values_list("nct_id", "last_update"))
        out.update({nct: t.last_update for nct, (t, _) in self._pending.items()})
        return out

    def save(self) -> None:
        now = timezone.now()
        with transaction.atomic():
            for nct, (t, p) in self._pending.items():
                StoredTrial.objects.update_or_create(
                    nct_id=nct,
                    defaults={
                        "title": t.title,
                        "status": t.status[:40],
                        "phase": t.phase[:40],
                        "conditions": t.conditions,
                        "last_update": (t.last_update or "")[:10],
                        "data": t.to_dict(),
                        "parse": p,
                        "origin": self.origin,
                        "synced_at": now,
                    },
                )
        self._pending.clear()
