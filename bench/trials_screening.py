"""MBC screening agreement: our fit against our own screening labels.

Profiles: bench/data/mbc_profiles/*.yaml (mbcnav-patient/1); labels: labels.yaml there.
A trial is predicted "ineligible" when its group is "ruled out" (some criterion not met) or "for
another situation" (another subtype or setting), otherwise "eligible". Usage: uv run python bench/trials_screening.py [PROFILE_DIR] [--store FILE]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

from mbcnav.patient import load
from mbcnav.trials.facts import from_patient
from mbcnav.trials.groups import group_of
from mbcnav.trials.match import match
from mbcnav.trials.snapshot import open_snapshot
from mbcnav.trials.store import JsonStore

HERE = Path(__file__).parent / "data" / "mbc_profiles"


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv and not argv[0].startswith("--") else HERE
    store = (
        JsonStore.open(argv[argv.index("--store") + 1]) if "--store" in argv else open_snapshot()
    )
    spec = yaml.safe_load((folder / "labels.yaml").read_text("utf-8"))
    day = date.fromisoformat(str(spec["screening_date"]))
    agree = total = 0
    conf = {(g, p): 0 for g in ("eligible", "ineligible") for p in ("eligible", "ineligible")}
    misses = []
    for fname, trials in spec["labels"].items():
        facts = from_patient(load(folder / fname), day)
        for nct, lab in trials.items():
            parsed = store.parse(nct)
            if parsed is None:
                print(f"  {nct} is not in the store; skipped")
                continue
            res = match(parsed, facts)
            group = group_of(res, "RECRUITING")  # labels judge the criteria, not the status
            pred = "ineligible" if group in {"ruled_out", "other"} else "eligible"
            gold = lab["label"]
            total += 1
            agree += pred == gold
            conf[(gold, pred)] += 1
            if pred != gold:
                why = [
                    f"{c['verdict']}: {c['text'][:90]} ({c['why'][:90]})"
                    for c in res["criteria"]
                    if c["verdict"] == "not met"
                ][:2]
                misses.append(
                    f"  {fname[:32]:32s} {nct} gold={gold} ours={pred} [{res['fit']}] "
                    f"gold reason: {lab['why']}" + "".join(f"\n      {w}" for w in why)
                )
    print(f"profiles: {len(spec['labels'])}   labelled pairs: {total}")
    print(f"agreement: {agree}/{total} = {agree / total:.3f}")
    tp = conf[("eligible", "eligible")]
    print(
        f"eligible recall {tp / max(1, tp + conf[('eligible', 'ineligible')]):.3f}   "
        f"ineligible recall {conf[('ineligible', 'ineligible')] / max(1, conf[('ineligible', 'ineligible')] + conf[('ineligible', 'eligible')]):.3f}"
    )
    print("confusion (gold -> ours):", {f"{g}->{p}": n for (g, p), n in conf.items()})
    if misses:
        print("disagreements:")
        print("\n".join(misses))


if __name__ == "__main__":
    main(sys.argv[1:])
