"""Benchmark: field-level precision and recall of the report reader on blind-written report texts.

The set (bench/data/reports: 44 texts, gold.yaml) was written by someone who had not seen the
code; each entry is dev (tuned on) or held (run once, at the end). A fact counts as one item:
a one-valued field (er, ki67_percent, pd_l1...) is one item, a list field gives one item per
entry (a variant, an amplified gene, a site with its status). Precision = correct proposed /
proposed; recall = correct proposed / gold. Printed per field group and per report kind.

    uv run python bench/reports.py --split dev [--show]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

import yaml

from mbcnav.reports import read_report
from mbcnav.reports.patterns import GROUP_OF, LISTS

DATA = Path(__file__).parent / "data" / "reports"


def items(facts: dict) -> set[tuple[str, str]]:
    out = set()
    for name, value in facts.items():
        if name not in GROUP_OF:
            continue
        values = value if (name in LISTS or isinstance(value, list)) else [value]
        for v in values:
            if name == "pd_l1" and isinstance(v, dict):
                v = {"value": v.get("value"), "scoring": v.get("scoring"), "assay": v.get("assay")}
            if isinstance(v, float) and v == int(v):
                v = int(v)
            out.add((name, json.dumps(v, sort_keys=True, default=str)))
    return out


def run(split: str, show: bool) -> None:
    gold = [e for e in yaml.safe_load((DATA / "gold.yaml").read_text()) if e["split"] == split]
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, proposed, gold
    read_report("warm up: ER 90%", "pathology")  # patterns load once per process
    took: list[float] = []
    for entry in gold:
        text = (DATA / "texts" / entry["file"]).read_text(encoding="utf-8")
        t0 = time.perf_counter()
        report = read_report(text, entry["kind"])
        took.append(time.perf_counter() - t0)
        want, got = items(entry.get("facts") or {}), items(report.values())
        for item in got:
            for key in _keys(item[0], entry["kind"]):
                counts[key][1] += 1
                counts[key][0] += item in want
        for item in want:
            for key in _keys(item[0], entry["kind"]):
                counts[key][2] += 1
        if show and want != got:
            print(f"--- {entry['file']}")
            for item in sorted(got - want):
                print("   extra  ", *item)
            for item in sorted(want - got):
                print("   missed ", *item)
    print(
        f"\nsplit: {split} ({len(gold)} reports, {1000 * sum(took) / len(took):.1f} ms per report, slowest {1000 * max(took):.1f} ms)"
    )
    print(f"{'group':<11}{'kind':<11}{'precision':>16}{'recall':>16}")
    for (group, kind), (tp, proposed, total) in sorted(
        counts.items(), key=lambda x: (x[0][0] == "all", x[0])
    ):
        p = f"{tp}/{proposed} {tp / proposed:.2f}" if proposed else "-"
        r = f"{tp}/{total} {tp / total:.2f}" if total else "-"
        print(f"{group:<11}{kind:<11}{p:>16}{r:>16}")


def _keys(name: str, kind: str):
    group = GROUP_OF[name]
    return ((group, kind), (group, "all"), ("all", kind), ("all", "all"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "held"), default="dev")
    ap.add_argument("--show", action="store_true", help="list extra and missed facts per report")
    args = ap.parse_args()
    run(args.split, args.show)


if __name__ == "__main__":
    main()
