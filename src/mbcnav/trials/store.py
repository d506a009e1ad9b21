"""Trial stores: where trials and their parses live.

``TrialStore`` is the interface the CLI and matching use; ``JsonStore`` keeps everything
in one JSON file, gzipped when its name ends in ``.gz`` (the bundled snapshot uses the same
format). The web app can provide its
own store (database) with the same methods.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Protocol

from mbcnav.trials.errors import TrialsError
from mbcnav.trials.parse import VERSION
from mbcnav.trials.record import Trial

FORMAT = "mbcnav-trials/1"


class TrialStore(Protocol):
    def trials(self) -> list[Trial]: ...
    def get(self, nct_id: str) -> Trial | None: ...
    def parse(self, nct_id: str) -> dict | None: ...
    def put(self, trial: Trial, parse: dict) -> None: ...
    def last_updates(self) -> dict[str, str]: ...
    def save(self) -> None: ...


def default_store_path() -> Path:
    """The user data folder: $MBCNAV_DATA, else $XDG_DATA_HOME/mbcnav, else ~/.local/share/mbcnav."""
    base = os.environ.get("MBCNAV_DATA") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "mbcnav"
    )
    return Path(base) / "trials.json"


class JsonStore:
    """Trials and parses in one JSON file: {format, as_of, source, trials: {nct: ...}, parses: {...}}."""

    def __init__(self, path: str | Path, data: dict | None = None):
        self.path = Path(path)
        self.data = data or {
            "format": FORMAT,
            "as_of": "",
            "source": "",
            "trials": {},
            "parses": {},
        }
        self._trials: dict[str, Trial] | None = None

    @classmethod
    def open(cls, path: str | Path, create: bool = False) -> JsonStore:
        path = Path(path)
        if not path.exists():
            if create:
                return cls(path)
            raise TrialsError(
                f"The trial store '{path}' does not exist; run 'mbcnav trials sync' first."
            )
        try:
            raw = path.read_bytes()
            if path.suffix == ".gz":
                raw = gzip.decompress(raw)
            data = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError, EOFError) as err:
            raise TrialsError(f"The trial store '{path}' is not readable JSON ({err}).") from err
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise TrialsError(
                f"The trial store '{path}' has format {data.get('format') if isinstance(data, dict) else None!r}; expected '{FORMAT}'."
            )
        return cls(path, data)

    def trials(self) -> list[Trial]:
        if self._trials is None:
            self._trials = {k: Trial.from_dict(v) for k, v in self.data["trials"].items()}
        return list(self._trials.values())

    def get(self, nct_id: str) -> Trial | None:
        raw = self.data["trials"].get(nct_id.upper())
        return Trial.from_dict(raw) if raw else None

    def _refresh(self) -> None:
        """Parses written by an older engine are read again, all in one pass, in memory (a
        store synced before an upgrade keeps working; `trials sync` saves fresh ones)."""
        if getattr(self, "_fresh", False):
            return
        self._fresh = True
        stale = [
            t
            for t in self.trials()
            if (self.data["parses"].get(t.nct_id) or {}).get("version") != VERSION
        ]
        if stale:
            from mbcnav.trials.parse import parse_trials

            for t, p in zip(stale, parse_trials(stale), strict=True):
                self.data["parses"][t.nct_id] = p

    def parse(self, nct_id: str) -> dict | None:
        self._refresh()
        p = self.data["parses"].get(nct_id.upper())
        return p if p and p.get("version") == VERSION else None

    def parses(self) -> dict[str, dict]:
        self._refresh()
        return self.data["parses"]

    def put(self, trial: Trial, parse: dict) -> None:
        self._fresh = False
        self.data["trials"][trial.nct_id] = trial.to_dict()
        self.data["parses"][trial.nct_id] = parse
        self._trials = None

    def last_updates(self) -> dict[str, str]:
        return {k: v.get("last_update", "") for k, v in self.data["trials"].items()}

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + ".tmp")
            raw = json.dumps(self.data, ensure_ascii=False, separators=(",", ":")).encode()
            if self.path.suffix == ".gz":  # mtime 0: the same data gives the same bytes
                raw = gzip.compress(raw, compresslevel=9, mtime=0)
            tmp.write_bytes(raw)
            tmp.replace(self.path)
        except OSError as err:
            raise TrialsError(
                f"Cannot write the trial store '{self.path}' ({err.strerror})."
            ) from err
