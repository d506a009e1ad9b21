"""Usual schedules per drug (data/usual_schedules.yaml): a suggestion, never imposed.

``usual_for(drug_name)`` returns the ``Usual`` of a drug (any name the drug table knows:
generic, brand or synonym) or None. The file is validated at load: every entry names a drug
of the drug table, parses as a schedule and carries a source; a bad entry is a bug in the
project and raises ``VocabularyError``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

from . import schedule as sched
from .drugs import Source, VocabularyError, drug
from .errors import PatientFileError

NOTICE = "Usual schedule; follow your care team's plan."


@dataclass(frozen=True)
class Usual:
    drug: str
    fields: dict  # schedule fields without start/end
    summary: str
    source: Source
    as_of: str

    def schedule(self, start: date) -> sched.Schedule:
        return sched.parse({**self.fields, "start": start})


def _load(raw: dict) -> dict[str, Usual]:
    if raw.get("format") != "mbcnav-usual-schedules/1":
        raise VocabularyError("usual_schedules.yaml: format must be mbcnav-usual-schedules/1")
    out: dict[str, Usual] = {}
    for entry in raw.get("drugs") or []:
        name = entry.get("drug")
        known = drug(name or "")
        if known is None or known.name != name:
            raise VocabularyError(f"usual_schedules.yaml: {name!r} is not a generic drug name")
        src = entry.get("source") or {}
        if not all(src.get(k) for k in ("publisher", "title", "url", "read")):
            raise VocabularyError(f"usual_schedules.yaml: {name} needs a full source")
        try:
            sched.parse({**entry["schedule"], "start": "2026-01-01"})
        except (PatientFileError, KeyError) as err:
            raise VocabularyError(f"usual_schedules.yaml: {name}: {err}") from None
        if not entry.get("summary"):
            raise VocabularyError(f"usual_schedules.yaml: {name} needs a summary")
        out[name] = Usual(
            drug=name,
            fields=dict(entry["schedule"]),
            summary=entry["summary"],
            source=Source(src["publisher"], src["title"], src["url"], str(src["read"])),
            as_of=str(raw.get("as_of")),
        )
    return out


@cache
def table() -> dict[str, Usual]:
    text = resources.files("mbcnav.patient").joinpath("data/usual_schedules.yaml").read_text()
    return _load(yaml.safe_load(text))


def usual_for(name: str) -> Usual | None:
    known = drug(name or "")
    return table().get(known.name) if known else None
