"""MBC pre-screening: charts x real trials against labelled pre-screening decisions.

Set: a folder in the shape of shared/bench/mbc-screening (patients/*.yaml, trials/NCT*.json,
labels.tsv with patient, nct_id, label = eligible | ineligible | not relevant). The trials are
parsed here, as `trials sync` would parse them: none of them is in the bundled snapshot.

A pair is predicted "eligible" when the trial's group is "join" or "check" (you may be able to
join / might fit), and not eligible when it is "ruled_out" (a criterion not met) or "other" (a
trial for another situation). Registry status is left out: the labels judge the criteria.

Split (fixed before any rule was written, 2026-12-02): charts with an odd number are the tuning
half, charts with an even number the held-out half. bench/data/mbc_screening_blind (u01-u08,
written blind by a separate author, report spellings) is never tuned on: run it with --split all.
Usage:

    uv run python bench/trials_mbc_screening.py [SET_DIR] [--split tune|held|all] [--why]
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from mbcnav.patient import load
from mbcnav.trials.facts import from_patient
from mbcnav.trials.groups import group_of
from mbcnav.trials.match import match
from mbcnav.trials.parse import parse_trials
from mbcnav.trials.record import from_trialgpt, from_v2

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT = SHARED / "bench" / "mbc-screening"
# where a set without its own trials/ folder finds the records (bench/data/mbc_screening_blind)
FIXTURES = SHARED / "fixtures" / "ctgov" / "v2-breast"
DAY = date(2026, 1, 15)


def in_split(patient: str, split: str) -> bool:
    """Odd-numbered charts tune, even-numbered charts are held out."""
    if split == "all":
        return True
    odd = int("".join(ch for ch in patient if ch.isdigit()) or 0) % 2 == 1
    return odd if split == "tune" else not odd


def prf(conf: Counter) -> tuple[float, float, float]:
    tp, fp, fn = conf["tp"], conf["fp"], conf["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(folder: Path, split: str, why: bool = False) -> dict:
    labels = list(csv.DictReader((folder / "labels.tsv").open(encoding="utf-8"), delimiter="\t"))
    ncts = sorted({r["nct_id"] for r in labels})
    trials = {}
    for nct in ncts:
        path = folder / "trials" / f"{nct}.json"
        raw = json.loads((path if path.exists() else FIXTURES / f"{nct}.json").read_text("utf-8"))
        # API v2 records, or a record of the older export (shared/fixtures/ctgov/derived-not-v2)
        trials[nct] = from_v2(raw) if "protocolSection" in raw else from_trialgpt(raw)
    parses = dict(zip(ncts, parse_trials([trials[n] for n in ncts]), strict=True))
    facts = {}
    conf: Counter = Counter()
    by_label: Counter = Counter()
    crit_not_met = crit_total = 0
    misses = []
    for row in labels:
        pid, nct, gold = row["patient"], row["nct_id"], row["label"]
        if not in_split(pid, split):
            continue
        if pid not in facts:
            facts[pid] = from_patient(load(folder / "patients" / f"{pid}.yaml"), DAY)
        res = match(parses[nct], facts[pid])
        group = group_of(res, "RECRUITING")
        pred = group in {"join", "check"}
        want = gold == "eligible"
        conf["tp" if pred and want else "fp" if pred else "fn" if want else "tn"] += 1
        by_label[(gold, group)] += 1
        crit_total += len(res["criteria"])
        if want:  # every "not met" on an eligible pair is a false "not met"
            crit_not_met += sum(1 for c in res["criteria"] if c["verdict"] == "not met")
        if pred != want:
            line = f"  {pid} {nct} gold={gold} ours={group}  [{row['decisive_criterion'][:100]}]"
            if why:
                line += "".join(
                    f"\n      not met: {c['text'][:110]} -- {c['why'][:110]}"
                    for c in res["criteria"]
                    if c["verdict"] == "not met"
                )
                if res.get("other"):
                    line += f"\n      other: {res['other']}"
            misses.append(line)
    return {
        "conf": conf,
        "by_label": by_label,
        "false_not_met": crit_not_met,
        "criteria": crit_total,
        "misses": misses,
    }


def report(name: str, out: dict, why: bool) -> None:
    conf = out["conf"]
    n = sum(conf.values())
    p, r, f1 = prf(conf)
    print(f"== {name}: {n} pairs")
    print(
        f"eligible precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}  (tp {conf['tp']}, fp {conf['fp']}, fn {conf['fn']}, tn {conf['tn']})"
    )
    other_fit = sum(
        v
        for (g, grp), v in out["by_label"].items()
        if g == "not relevant" and grp in {"join", "check"}
    )
    print(f"trials for another population shown as a fit: {other_fit}")
    print("gold label -> our group:")
    for gold in ("eligible", "ineligible", "not relevant"):
        row = {grp: out["by_label"][(gold, grp)] for grp in ("join", "check", "ruled_out", "other")}
        print(f"  {gold:13s} {row}")
    print(
        f"'not met' verdicts on eligible pairs (false 'not met'): {out['false_not_met']} of {out['criteria']} criteria judged"
    )
    if why and out["misses"]:
        print("disagreements:")
        print("\n".join(out["misses"]))


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT
    split = argv[argv.index("--split") + 1] if "--split" in argv else "tune"
    why = "--why" in argv
    report(f"{folder.name} / {split}", run(folder, split, why), why)


if __name__ == "__main__":
    main(sys.argv[1:])
