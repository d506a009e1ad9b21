"""Visit guide benchmark: topic recall and precision on the project's own vignettes.

Usage: uv run python bench/guide.py [VIGNETTES.yaml] [--verbose]

Each vignette (bench/data/guide_vignettes.yaml) is a patient file, a date, the
topics a careful navigator would raise (`expect`) and topics that would be wrong
or noise (`forbid`). For each vignette:
  recall    = expected topics the guide raised / expected topics
  precision = expected topics raised / judged topics raised (judged = expect + forbid)
Totals are micro-averages over all vignettes; "forbidden" counts forbidden topics
raised. A benchmark, not a test: it prints figures and never fails on them.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

from mbcnav.guide import TOPICS, visit_guide
from mbcnav.patient import parse

DEFAULT = Path(__file__).parent / "data" / "guide_vignettes.yaml"


def load_vignettes(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != "mbcnav-guide-vignettes/1":
        sys.exit(f"{path.name}: format must be mbcnav-guide-vignettes/1.")
    vignettes = data.get("vignettes") or []
    seen = set()
    for v in vignettes:
        vid = v.get("id")
        if not vid or vid in seen:
            sys.exit(f"{path.name}: every vignette needs a unique id (got {vid!r}).")
        seen.add(vid)
        for key in ("expect", "forbid"):
            bad = [t for t in v.get(key) or [] if t not in TOPICS]
            if bad:
                sys.exit(f"{path.name}: vignette {vid} has unknown {key} topic {bad[0]!r}.")
        if set(v.get("expect") or []) & set(v.get("forbid") or []):
            sys.exit(f"{path.name}: vignette {vid} both expects and forbids a topic.")
    return vignettes


def score(vignette: dict) -> dict:
    as_of = vignette.get("as_of") or date.today()
    if isinstance(as_of, str):
        as_of = date.fromisoformat(as_of)
    result = visit_guide(parse(vignette["patient"]), as_of)
    got = set(result.topics)
    expect, forbid = set(vignette.get("expect") or []), set(vignette.get("forbid") or [])
    hit = got & expect
    judged = got & (expect | forbid)
    return {
        "id": vignette["id"],
        "expected": len(expect),
        "hit": len(hit),
        "judged": len(judged),
        "forbidden": sorted(got & forbid),
        "missed": sorted(expect - got),
        "questions": len(result.questions),
        "recall": len(hit) / len(expect) if expect else 1.0,
        "precision": len(hit) / len(judged) if judged else 1.0,
    }


def main(argv: list[str]) -> None:
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    rows = [score(v) for v in load_vignettes(path)]
    print(f"{'vignette':48} {'recall':>6} {'prec':>6} {'qs':>3}  notes")
    for r in rows:
        notes = []
        if r["missed"]:
            notes.append("missed " + ", ".join(r["missed"]))
        if r["forbidden"]:
            notes.append("FORBIDDEN " + ", ".join(r["forbidden"]))
        print(f"{r['id'][:48]:48} {r['recall']:6.2f} {r['precision']:6.2f} {r['questions']:3d}  "
              + ("; ".join(notes) if notes or verbose else ""))  # fmt: skip
    expected = sum(r["expected"] for r in rows)
    hit = sum(r["hit"] for r in rows)
    judged = sum(r["judged"] for r in rows)
    forbidden = sum(len(r["forbidden"]) for r in rows)
    print()
    print(f"vignettes: {len(rows)}")
    print(f"topic recall (micro):    {hit}/{expected} = {hit / expected:.3f}" if expected else "")
    print(f"topic precision (micro): {hit}/{judged} = {hit / judged:.3f}" if judged else "")
    print(f"forbidden topics raised: {forbidden}")
    print(
        f"vignettes fully right:   {sum(1 for r in rows if not r['missed'] and not r['forbidden'])}"
    )
    print(f"mean questions per vignette: {sum(r['questions'] for r in rows) / len(rows):.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
