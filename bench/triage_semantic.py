"""Calibrate the semantic red-flag net: under/over-triage per set for several thresholds.

Usage: PYTHONPATH=src python bench/triage_semantic.py SET.yaml [SET.yaml ...] [--split tune]
       [--thresholds 0.55,0.6,0.65] [--show]

Runs bench/triage.py's ``run`` on each set with the net off, then with each threshold (the
concepts' own thresholds are kept), and prints one line per set and setting. Give only
TUNING sets (docs/benchmarks.md): a held-out or blind set is run once, at the end, with
bench/triage.py. ``--show`` lists, for the chosen threshold(s), every semantic reason that
fired and the score, to read what the net raised.
"""

from __future__ import annotations

import contextlib
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import triage as bench  # noqa: E402
from mbcnav.triage import semantic  # noqa: E402


def quiet_run(path: Path, half: str | None) -> dict:
    with contextlib.redirect_stdout(io.StringIO()) as out:
        result = bench.run(path, half=half)
    result["text"] = out.getvalue()
    return result


def main(argv: list[str]) -> None:
    half = None
    if "--split" in argv:
        half = {"held": "held-out"}.get(
            argv[argv.index("--split") + 1], argv[argv.index("--split") + 1]
        )
    thresholds = [semantic.THRESHOLD]
    if "--thresholds" in argv:
        thresholds = [float(x) for x in argv[argv.index("--thresholds") + 1].split(",")]
    skip = {argv[argv.index(f) + 1] for f in ("--split", "--thresholds") if f in argv}
    sets = [Path(a) for a in argv if not a.startswith("--") and a not in skip]
    base = semantic.THRESHOLD
    for path in sets:
        semantic.ENABLED = False
        r = quiet_run(path, half)
        print(
            f"{path.name:32} off    under {r['under']:3} over {r['over']:3} ok {r['agree']}/{r['total']}"
        )
        semantic.ENABLED = True
        for t in thresholds:
            semantic.THRESHOLD = t
            start = time.perf_counter()
            r = quiet_run(path, half)
            ms = (time.perf_counter() - start) * 1000 / max(r["total"], 1)
            print(
                f"{path.name:32} {t:.2f}   under {r['under']:3} over {r['over']:3} ok {r['agree']}/{r['total']}"
                f"  ({ms:.0f} ms per check-in)"
            )
            if "--show" in argv:
                print("\n".join(line for line in r["text"].splitlines() if line.startswith("  ")))
        semantic.THRESHOLD = base


if __name__ == "__main__":
    main(sys.argv[1:])
