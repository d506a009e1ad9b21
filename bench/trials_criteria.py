"""Criterion-level accuracy on the TrialGPT expert annotations (development half).

Usage: uv run python bench/trials_criteria.py [ANNOTATIONS.json] [--errors N]
Prints 6-class and 3-class accuracy, per-label recall/precision and the confusion table,
next to GPT-4 (TrialGPT-Matching) on the same rows.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from mbcnav.trials.judge import judge

DEFAULT = Path(
    "/work/shared/bench/trials/criterion_annotations/trialgpt_criterion_annotations.dev.json"
)
LABELS = [
    "included",
    "not included",
    "excluded",
    "not excluded",
    "not enough information",
    "not applicable",
]
THREE = {
    "included": "met",
    "not excluded": "met",
    "not included": "not met",
    "excluded": "not met",
    "not enough information": "unknown",
    "not applicable": "unknown",
}


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT
    show = int(argv[argv.index("--errors") + 1]) if "--errors" in argv else 0
    rows = json.loads(path.read_text("utf-8"))
    t0 = time.perf_counter()
    preds = [judge(r["note"], r["criterion_type"], r["criterion_text"]) for r in rows]
    secs = time.perf_counter() - t0
    gold = [r["expert_eligibility"] for r in rows]
    gpt = [r["gpt4_eligibility"] for r in rows]
    n = len(rows)
    acc = sum(p == g for p, g in zip(preds, gold, strict=True)) / n
    acc3 = sum(THREE[p] == THREE[g] for p, g in zip(preds, gold, strict=True)) / n
    gacc = sum(p == g for p, g in zip(gpt, gold, strict=True)) / n
    gacc3 = sum(THREE[p] == THREE[g] for p, g in zip(gpt, gold, strict=True)) / n
    print(f"rows: {n}   time: {secs:.1f} s")
    print(f"6-class accuracy: ours {acc:.3f}   GPT-4 {gacc:.3f}")
    print(f"3-class accuracy: ours {acc3:.3f}   GPT-4 {gacc3:.3f}")
    for kind in ("inclusion", "exclusion"):
        idx = [i for i, r in enumerate(rows) if r["criterion_type"] == kind]
        a = sum(preds[i] == gold[i] for i in idx) / len(idx)
        g = sum(gpt[i] == gold[i] for i in idx) / len(idx)
        print(f"  {kind:9s} ({len(idx)} rows): ours {a:.3f}   GPT-4 {g:.3f}")
    print("\nper label (expert count, our recall / precision, GPT-4 recall / precision):")
    for lab in LABELS:
        tp = sum(p == g == lab for p, g in zip(preds, gold, strict=True))
        gtp = sum(p == g == lab for p, g in zip(gpt, gold, strict=True))
        ng, npred, ngpt = gold.count(lab), preds.count(lab), gpt.count(lab)

        def f(x, y):
            return f"{x / y:.3f}" if y else "  -  "

        print(
            f"  {lab:24s} {ng:4d}   ours {f(tp, ng)} / {f(tp, npred)}   GPT-4 {f(gtp, ng)} / {f(gtp, ngpt)}"
        )
    print("\nconfusion (rows expert, columns ours):")
    short = ["inc", "not inc", "exc", "not exc", "NEI", "N/A"]
    print(" " * 26 + " ".join(f"{s:>8s}" for s in short))
    conf = Counter(zip(gold, preds, strict=True))
    for lab in LABELS:
        print(f"  {lab:24s}" + " ".join(f"{conf[(lab, p)]:8d}" for p in LABELS))
    if show:
        print("\nerrors:")
        for r, p in list(
            ((r, p) for r, p in zip(rows, preds, strict=True) if p != r["expert_eligibility"])
        )[:show]:
            print(
                f"  [{r['criterion_type'][:3]}] expert={r['expert_eligibility']} ours={p} :: {r['criterion_text'][:150]}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
