"""Speed: parse throughput, one patient matched against 10,000 trials after parsing, and the
nearest open site of every trial (with the sites' geoPoints, and without them: ZIP / city
centroids).

The 10,000 trials are synthesised from the bundled real ones (each copied with a new NCT id
and its criteria in a shuffled order). Usage: uv run python bench/trials_speed.py [N]
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date
from pathlib import Path

from mbcnav.patient import load
from mbcnav.trials.facts import from_patient
from mbcnav.trials.geo import nearest_site, zip_point
from mbcnav.trials.match import match, summarise
from mbcnav.trials.parse import parse_trials
from mbcnav.trials.rank import Relevance, rank
from mbcnav.trials.record import Trial
from mbcnav.trials.snapshot import open_snapshot
from mbcnav.trials.split import split

PATIENT = Path(__file__).parent / "data" / "mbc_profiles" / "p01_hr_pos_esr1_after_first_line.yaml"


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 10_000
    store = open_snapshot()
    real = store.trials()
    crit_count = sum(len(split(t.eligibility)) for t in real)
    parse_trials(real[:2])  # load the medspacy pipeline once (not timed)
    t0 = time.perf_counter()
    parses = parse_trials(real)
    secs = time.perf_counter() - t0
    print(
        f"parse: {len(real)} real trials, {crit_count} criteria in {secs:.2f} s = "
        f"{len(real) / secs:.1f} trials/s, {crit_count / secs:.0f} criteria/s"
    )

    rng = random.Random(20261121)
    by_id = {p["nct_id"]: p for p in parses}
    trials, synth = [], {}
    for i in range(n):
        src = real[i % len(real)]
        t = Trial.from_dict({**src.to_dict(), "nct_id": f"NCT9{i:07d}"})
        crits = list(by_id[src.nct_id]["criteria"])
        rng.shuffle(crits)
        trials.append(t)
        synth[t.nct_id] = {**by_id[src.nct_id], "nct_id": t.nct_id, "criteria": crits}
    t0 = time.perf_counter()
    relevance = Relevance(trials)
    print(f"BM25 index over {n} trials (done once, at sync): {time.perf_counter() - t0:.2f} s")

    keys = {c["key"] for p in synth.values() for c in p["criteria"]}
    total = sum(len(p["criteria"]) for p in synth.values())
    print(f"{n} synthetic trials: {total} criteria, {len(keys)} distinct criterion check-sets")
    facts = from_patient(load(PATIENT), date(2026, 11, 21))
    for label, fn in (
        ("match + rank (shared verdict cache)", lambda: rank(trials, synth, facts, relevance)),
        (
            "no sharing across trials (fresh cache per trial)",
            lambda: [summarise(synth[t.nct_id], facts, {}) for t in trials],
        ),
        (
            "full explanations for every trial (match, no cache)",
            lambda: [match(synth[t.nct_id], facts) for t in trials],
        ),
    ):
        best = None
        for _ in range(3):
            t0 = time.perf_counter()
            out = fn()  # noqa: F841
            secs = time.perf_counter() - t0
            best = secs if best is None else min(best, secs)
        print(f"one patient vs {n} trials, {label}: {best:.3f} s (best of 3), {len(out)} results")
    distances(trials, n)


def distances(trials: list[Trial], n: int) -> None:
    """Nearest open site of every trial from ZIP 60611, as bundled and with geoPoints removed."""
    here = zip_point("60611")
    no_points = [
        Trial.from_dict(
            {**d, "locations": [{**s, "lat": None, "lon": None} for s in d["locations"]]}
        )
        for d in (t.to_dict() for t in trials)
    ]
    t0 = time.perf_counter()
    nearest_site(no_points[0], here)  # the ZIP table is indexed once per process
    for t in no_points:
        nearest_site(t, here)
    first = time.perf_counter() - t0
    sites = sum(len(t.locations) for t in trials)
    for label, group in (("sites' geoPoints", trials), ("no geoPoints: ZIP/city", no_points)):
        best = None
        for _ in range(3):
            t0 = time.perf_counter()
            found = [nearest_site(t, here) for t in group]
            secs = time.perf_counter() - t0
            best = secs if best is None else min(best, secs)
        placed = sum(1 for f in found if f)
        print(
            f"nearest site, {n} trials ({sites} sites), {label}: {best:.3f} s (best of 3), "
            f"{placed} trials with a distance"
        )
    print(f"  first pass without geoPoints, ZIP table index included: {first:.3f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
