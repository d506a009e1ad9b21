"""Benchmark: triage vignettes -> agreement, confusion table, under-triage count.

Usage: uv run python bench/triage.py [VIGNETTES.yaml] [--show]

Each vignette (bench/data/triage_vignettes.yaml) is a patient file fragment, a
check-in and the level its source calls for. Under-triage = the engine says a
lower level than expected (the worst failure); over-triage = a higher level.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

from mbcnav.patient import parse
from mbcnav.triage import LEVELS, triage

DEFAULT = Path(__file__).parent / "data" / "triage_vignettes.yaml"
RANK = {level: len(LEVELS) - i for i, level in enumerate(LEVELS)}


def build(vignette: dict, day: date):
    data = {"format": "mbcnav-patient/1", **(vignette.get("patient") or {})}
    data["symptoms"] = [{"date": day.isoformat(), **entry} for entry in vignette["checkin"]]
    return parse(data)


def run(path: Path, show: bool = False) -> dict:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    day = doc["day"] if isinstance(doc["day"], date) else date.fromisoformat(doc["day"])
    confusion = {e: dict.fromkeys(LEVELS, 0) for e in LEVELS}
    under, over, misses = 0, 0, []
    for v in doc["vignettes"]:
        result = triage(build(v, day), day)
        expected, got = v["expected"], result.level
        confusion[expected][got] += 1
        if RANK[got] < RANK[expected]:
            under += 1
        elif RANK[got] > RANK[expected]:
            over += 1
        if got != expected:
            misses.append((v["id"], expected, got, [r.rule for r in result.reasons]))
        elif show:
            print(f"ok   {v['id']}: {got}")
    total = len(doc["vignettes"])
    agree = total - len(misses)
    print(f"vignettes: {total}")
    print(f"agreement: {agree}/{total} = {agree / total:.1%}")
    print(f"under-triage: {under}   over-triage: {over}")
    print("\nconfusion (rows: expected, columns: engine)")
    print(f"{'':>10} " + " ".join(f"{lv:>9}" for lv in LEVELS))
    for e in LEVELS:
        print(f"{e:>10} " + " ".join(f"{confusion[e][g]:>9}" for g in LEVELS))
    if misses:
        print("\ndisagreements:")
        for vid, exp, got, rules in misses:
            print(f"  {vid}: expected {exp}, engine {got} ({', '.join(rules) or 'no rule'})")
    return {"total": total, "agree": agree, "under": under, "over": over}


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    run(Path(args[0]) if args else DEFAULT, show="--show" in sys.argv)
