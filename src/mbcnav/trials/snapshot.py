"""The bundled, dated offline snapshot of real breast-cancer trials.

``data/snapshot/trials.json.gz`` (a gzipped ``JsonStore`` file, parses included) is built by
``build()`` (``scripts/build-snapshot``) from recorded ClinicalTrials.gov records:

1. the real API v2 study records in the fixture folder (``NCT*.json``) and its ``v2-breast/``
   folder, with their sites (addresses, map points), contacts, statuses and dates;
2. the breast-cancer trials of the flattened 2026-01-05 export (``derived-not-v2/``) only for
   NCT ids that no v2 record covers (those carry countries only, no sites or contacts).

Trials held out for the development benchmark (``data/snapshot/held_out.txt`` and any folder
passed as ``exclude``) are never bundled. ``data/snapshot/index.tsv`` lists what was bundled,
for review. Statuses and sites are frozen at each record's last update; ``as_of`` is the
newest of those dates and ``built`` the day the file was made.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

from mbcnav.trials.groups import status_key
from mbcnav.trials.record import Trial, from_trialgpt, from_v2
from mbcnav.trials.store import FORMAT, JsonStore

SOURCE = (
    "ClinicalTrials.gov study records (public domain) recorded from public repositories: "
    "API v2 records (per-trial repository and commit in each trial's source) and, where no v2 "
    "record exists, the breast-cancer trials of the jwlieb/clinical-trial-agent export of "
    "2026-01-05 (MIT; countries only, no sites). Statuses, sites and contacts are frozen at "
    "each record's last update."
)
FILE = "data/snapshot/trials.json.gz"


def data_dir() -> Path:
    return Path(str(resources.files("mbcnav.trials").joinpath("data/snapshot")))


def snapshot_path() -> Path:
    return data_dir() / "trials.json.gz"


def open_snapshot() -> JsonStore:
    return JsonStore.open(snapshot_path())


def held_out() -> set[str]:
    """NCT ids that must stay outside the snapshot (the development benchmark's trials)."""
    text = (data_dir() / "held_out.txt").read_text("utf-8")
    return {w for line in text.splitlines() for w in line.split("#")[0].split()}


def age_words(as_of: str, today: date) -> str:
    """How old a snapshot dated ``as_of`` (YYYY-MM-DD) is on ``today``, in words."""
    try:
        then = date.fromisoformat(as_of[:10])
    except ValueError:
        return "of unknown age"
    days = (today - then).days
    if days < 0:
        return "dated in the future (check the computer's clock)"
    if days < 14:
        return "less than two weeks old"
    if days < 60:
        return f"about {days // 7} weeks old"
    months = round(days / 30.44)
    if months < 24:
        return f"about {months} months old"
    return f"about {months // 12} years old"


def _is_breast(t: Trial) -> bool:
    return "breast" in " ".join(t.conditions + [t.title, t.official_title]).lower()


def _sources(folder: Path) -> dict[str, dict]:
    path = folder / "SOURCES.jsonl"
    if not path.exists():
        return {}
    rows = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    return {r["nct_id"]: r for r in rows}


def _v2_source(name: str, row: dict | None) -> str:
    if not row:
        return f"ClinicalTrials.gov API v2 record ({name})"
    return (
        f"ClinicalTrials.gov API v2 record recorded in {row['repo']} "
        f"({row['path']} @ {row['file_commit'][:10]})"
    )


def collect(fixtures: Path, exclude: set[str] | None = None) -> list[Trial]:
    """Trials from the fixture folder: v2 records first, then the export where no v2 exists."""
    skip = held_out() | set(exclude or ())
    trials: dict[str, Trial] = {}
    folders = [fixtures, fixtures / "v2-breast"]
    for folder in folders:
        rows = _sources(folder)
        for f in sorted(folder.glob("NCT*.json")):
            t = from_v2(json.loads(f.read_text("utf-8")))
            if t.nct_id in skip:
                continue
            t.source = _v2_source(f.name, rows.get(t.nct_id))
            t.status = status_key(t.status)
            trials.setdefault(t.nct_id, t)
    for f in sorted((fixtures / "derived-not-v2").glob("*.json")):
        data = json.loads(f.read_text("utf-8"))
        day = data["metadata"]["export_date"][:10]
        for rec in data.get("trials", []):
            t = from_trialgpt(rec)
            if t.nct_id in skip or t.nct_id in trials or not _is_breast(t):
                continue
            t.source = (
                f"ClinicalTrials.gov via the jwlieb/clinical-trial-agent export of {day} "
                "(flattened: countries only, no sites or contacts)"
            )
            t.status = status_key(t.status)
            t.last_update = t.last_update or day
            trials[t.nct_id] = t
    return sorted(trials.values(), key=lambda t: t.nct_id)


def index_tsv(trials: list[Trial]) -> str:
    """One line per bundled trial: NCT id, status, last update, sites, placed sites, source."""
    lines = ["nct_id\tstatus\tlast_update\tsites\tsites_with_map_point\tsource"]
    for t in trials:
        placed = sum(1 for s in t.locations if s.lat is not None)
        lines.append(
            f"{t.nct_id}\t{t.status}\t{t.last_update}\t{len(t.locations)}\t{placed}\t{t.source}"
        )
    return "\n".join(lines) + "\n"


def build(
    fixtures: Path,
    out: Path | None = None,
    exclude: set[str] | None = None,
    built: date | None = None,
) -> JsonStore:
    """Collect, parse and save the snapshot (and its ``index.tsv`` beside it)."""
    from mbcnav.trials.parse import parse_trials

    trials = collect(fixtures, exclude)
    out = out or snapshot_path()
    as_of = max((t.last_update for t in trials if t.last_update), default="")
    store = JsonStore(
        out,
        {
            "format": FORMAT,
            "as_of": as_of,
            "built": (built or date.today()).isoformat(),
            "source": SOURCE,
            "trials": {},
            "parses": {},
        },
    )
    for t, p in zip(trials, parse_trials(trials), strict=True):
        store.put(t, p)
    store.save()
    (out.parent / "index.tsv").write_text(index_tsv(trials), "utf-8")
    return store


def main(argv: list[str]) -> int:
    """``python -m mbcnav.trials.snapshot FIXTURES [--exclude DIR]... [--out FILE]``."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m mbcnav.trials.snapshot")
    ap.add_argument("fixtures", type=Path, help="the ctgov fixture folder (v2 records)")
    ap.add_argument(
        "--exclude",
        type=Path,
        action="append",
        default=[],
        help="a folder of NCT*.json records that must not be bundled (repeatable)",
    )
    ap.add_argument("--out", type=Path, default=None, help=f"default: the package's {FILE}")
    args = ap.parse_args(argv)
    skip = {f.stem.split(".")[0] for d in args.exclude for f in d.glob("NCT*.json")}
    s = build(args.fixtures, args.out, skip)
    trials = s.trials()
    closed = sum(1 for t in trials if not t.recruiting)
    print(
        f"{len(trials)} trials ({closed} not recruiting), newest record {s.data['as_of']} -> {s.path}"
    )
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
