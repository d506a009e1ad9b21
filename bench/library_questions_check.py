#!/usr/bin/env python3
"""Validate one blind library question set (bench/data/library_questions_N.yaml) as its writer did.

Run: uv run python bench/library_questions_check.py N   (written for sets 6 and 7; reads the
articles and every other set of this checkout).
Prints only this set's own questions when a closeness warning fires, never an earlier question.
"""

import difflib
import glob
import os
import re
import sys

import yaml

MAIN = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(MAIN, "bench", "data")
ART_DIR = os.path.join(MAIN, "src/mbcnav/library/articles")
OWN = f"library_questions_{sys.argv[1] if len(sys.argv) > 1 else '7'}.yaml"
TARGET = {"long": 65, "short": 75, "offtopic": 20}
TOTAL = 160


def body_text(path):
    text = open(path, encoding="utf-8").read()
    if text.startswith("---"):
        parts = text.split("---", 2)
        text = parts[2] if len(parts) == 3 else ""
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    return "\n".join(lines)


def collect_questions(obj, out):
    """Collect question strings from an earlier set, whatever its layout."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("q", "question") and isinstance(v, str):
                out.append(v)
            else:
                collect_questions(v, out)
    elif isinstance(obj, list):
        for v in obj:
            collect_questions(v, out)


def main():
    errors = []
    data = yaml.safe_load(open(os.path.join(HERE, OWN), encoding="utf-8"))
    qs = data["questions"]
    articles = {os.path.basename(p)[:-3]: p for p in glob.glob(os.path.join(ART_DIR, "*.md"))}
    bodies = {s: body_text(p) for s, p in articles.items()}
    full = {s: open(p, encoding="utf-8").read() for s, p in articles.items()}

    counts = {}
    seen = set()
    used = set()
    gaps = 0
    multi = 0
    for i, e in enumerate(qs):
        tag = f"#{i + 1}"
        if set(e) != {"kind", "q", "article", "fact"}:
            errors.append(f"{tag}: keys {sorted(e)}")
            continue
        kind, q, art, fact = e["kind"], e["q"], e["article"], e["fact"]
        if kind not in TARGET:
            errors.append(f"{tag}: kind {kind!r}")
        counts[kind] = counts.get(kind, 0) + 1
        if not isinstance(q, str) or not q.strip():
            errors.append(f"{tag}: empty q")
        key = q.strip().lower()
        if key in seen:
            errors.append(f"{tag}: duplicate question")
        seen.add(key)
        if not isinstance(fact, str) or not fact.strip():
            errors.append(f"{tag}: empty fact")
            continue
        try:
            rx = re.compile(fact, re.I)
        except re.error as exc:
            errors.append(f"{tag}: bad regex {fact!r}: {exc}")
            continue
        if art == "none":
            if kind in ("long", "short"):
                gaps += 1
                hits = [s for s, t in full.items() if rx.search(t)]
                if hits:
                    errors.append(f"{tag}: gap fact {fact!r} found in {hits}")
            continue
        if kind == "offtopic":
            errors.append(f"{tag}: offtopic must be article none")
        slugs = [art] if isinstance(art, str) else list(art)
        if len(slugs) > 1:
            multi += 1
        for s in slugs:
            if s not in bodies:
                errors.append(f"{tag}: unknown article {s!r}")
                continue
            used.add(s)
            if not rx.search(bodies[s]):
                errors.append(f"{tag}: fact {fact!r} not in body of {s}")

    for k, n in TARGET.items():
        if counts.get(k, 0) != n:
            errors.append(f"count {k}: {counts.get(k, 0)} != {n}")
    if len(qs) != TOTAL:
        errors.append(f"total {len(qs)} != {TOTAL}")
    unused = sorted(set(articles) - used)
    if unused:
        errors.append(f"unused articles: {unused}")

    # Closeness against every earlier set; print only our own question.
    earlier = []
    files = sorted(glob.glob(os.path.join(MAIN, "bench/data/library_questions*.yaml")))
    for p in files:
        if os.path.basename(p) == OWN:
            continue
        collect_questions(yaml.safe_load(open(p, encoding="utf-8")), earlier)
    earlier_l = [x.lower() for x in earlier]
    close = 0
    for e in qs:
        a = e["q"].lower()
        for b in earlier_l:
            m = difflib.SequenceMatcher(None, a, b)
            if m.real_quick_ratio() > 0.8 and m.quick_ratio() > 0.8 and m.ratio() > 0.8:
                close += 1
                print(f"CLOSE (>0.8 to an earlier question): {e['q']}")
                break

    print(
        f"questions: {len(qs)}  kinds: {counts}  gaps(none, long/short): {gaps}  multi-article: {multi}"
    )
    print(
        f"articles used: {len(used)}/{len(articles)}  earlier questions compared: {len(earlier)}  close: {close}"
    )
    for err in errors:
        print("ERROR", err)
    if errors or close:
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
