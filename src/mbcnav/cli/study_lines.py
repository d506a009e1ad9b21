"""Registry phone numbers for ``mbcnav care find``: the study lines ClinicalTrials.gov records
give for sites at a cancer center, each with its source (the record, its address, its last
update and where this copy read it), as the web center page shows them.

The records come from the trial store the ``trials`` commands use: ``--store``, else the
person's synced copy, else the bundled snapshot.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path

from mbcnav.care.registry_phones import RegistryPhone, phones_for
from mbcnav.patient.days import human

INTRO = (
    "Study lines from ClinicalTrials.gov: each reaches the team running one study at this "
    "center; they can usually point you to the center's new-patient or clinical-trials office."
)


def _day(text: str) -> str:
    """An ISO date as people read it ("25 Jun 2025"); anything else as written."""
    try:
        return human(date.fromisoformat(text[:10]))
    except (TypeError, ValueError):
        return text


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


class StudyLines:
    """The records of one trial store, and where they were read (for every number's source)."""

    def __init__(self, store):
        from mbcnav.trials.snapshot import snapshot_path

        self.trials = store.trials()
        data = getattr(store, "data", {}) or {}
        self.synced = str(data.get("synced") or "")
        self.as_of = str(data.get("as_of") or "")
        path = getattr(store, "path", None)
        self.snapshot = path is not None and Path(path) == snapshot_path()
        self.path = str(path or "")

    def read(self) -> dict:
        """Where this copy of the records was read: {"origin", "date", "store"}."""
        if self.synced:
            return {"origin": "sync", "date": self.synced, "store": self.path}
        origin = "snapshot" if self.snapshot else "store"
        return {"origin": origin, "date": self.as_of, "store": self.path}

    def read_words(self) -> str:
        read = self.read()
        if read["origin"] == "sync":
            return f"read from ClinicalTrials.gov on {_day(read['date'])}"
        where = (
            "the bundled snapshot"
            if read["origin"] == "snapshot"
            else f"the trial store {read['store']}"
        )
        newest = f" (newest record {_day(read['date'])})" if read["date"] else ""
        return f"read from {where}{newest}"

    def for_center(self, center) -> tuple[list[RegistryPhone], RegistryPhone | None]:
        """(the study lines other than the center's main line, the record that gives the main
        line too, or None)."""
        found = phones_for(center, self.trials)
        main = _digits(center.phone)
        confirmed = next((p for p in found if main and _digits(p.phone) == main), None)
        return [p for p in found if p is not confirmed], confirmed

    def as_json(self, center) -> dict:
        others, confirmed = self.for_center(center)
        return {
            "main_line_also_in": _source_json(confirmed, self.read()) if confirmed else None,
            "study_lines": [
                {
                    "phone": p.phone,
                    "ext": p.ext,
                    "tel": p.tel,
                    "facility": p.facility,
                    "contact": p.contact,
                    "source": _source_json(p, self.read()),
                }
                for p in others
            ],
        }

    def lines(self, center, indent: str = "          ") -> list[str]:
        """The text lines for one center: a note when a record confirms the main line, then
        each study line with its source."""
        others, confirmed = self.for_center(center)
        out = []
        if confirmed:
            when = f", updated {_day(confirmed.last_update)}" if confirmed.last_update else ""
            out += _wrap(
                f"The main line is also given by ClinicalTrials.gov record {confirmed.nct_id}{when}.",
                indent,
            )
        if not others:
            return out
        out += _wrap(INTRO, indent)
        for p in others:
            ext = f" ext. {p.ext}" if p.ext else ""
            who = f", {p.contact}" if p.contact else ""
            out += _wrap(f"- {p.phone}{ext} ({p.tel}): {p.facility}{who}.", indent, "  ")
            updated = f", last updated {_day(p.last_update)}" if p.last_update else ""
            out += _wrap(
                f"Source: ClinicalTrials.gov record {p.nct_id}, {p.study_address}{updated}; "
                f"{self.read_words()}.",
                indent + "  ",
                "  ",
            )
        return out


def _source_json(p: RegistryPhone, read: dict) -> dict:
    return {
        "publisher": "ClinicalTrials.gov",
        "nct_id": p.nct_id,
        "url": p.study_address,
        "last_update": p.last_update,
        "read": read,
    }


def _wrap(text: str, indent: str, hang: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        width=96,
        initial_indent=indent,
        subsequent_indent=indent + hang,
        break_long_words=False,
        break_on_hyphens=False,
    )
