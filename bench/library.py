"""Library benchmark: first-passage and top-3 hit rates, unanswered questions and latency of `ask`.

    uv run python bench/library.py [--questions FILE] [--split tune|heldout|even|odd|all] [--misses]

A question is a hit at rank k when one of the first k answers comes from an expected
article and its text matches the question's fact (a case-insensitive regex). Questions
labelled `article: none` are gaps in the library: they count in "unanswered" (an MBC
question must never get nothing) but not in the hit rates. Off-topic questions must get
no answer. With `--split`, only the half of the questions chosen by sha1 of the text is
run (held-out: first hex digit 8-f); `--split even` / `--split odd` instead take the entries at
even / odd positions (0, 2, 4, ... / 1, 3, 5, ...) of the file's question list, counted before
off-topic entries are set apart (set 3 is tuned on its even half). Latency (wall clock and CPU time) is measured per
`ask()` call after the index is built and the re-ranking model loaded (that time is
printed apart); on a shared machine the CPU time is the steadier figure. `--no-rerank`
measures BM25 alone.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml
from timing import percentile

from mbcnav.library.answer import ask
from mbcnav.library.articles import ARTICLES_DIR
from mbcnav.library.index import get_index

HERE = Path(__file__).parent
QUESTIONS = HERE / "data" / "library_questions.yaml"


def half(text: str) -> str:
    """The split a question belongs to: 'heldout' when sha1's first hex digit is 8-f."""
    return "heldout" if hashlib.sha1(text.encode("utf-8")).hexdigest()[0] in "89abcdef" else "tune"


def is_hit(answer, expected: list[str], fact: str) -> bool:
    return answer.article in expected and re.search(fact, answer.text, re.I) is not None


def rate(hits: int, n: int) -> str:
    return f"{hits / n:.3f} ({hits}/{n})" if n else "n/a"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--articles", type=Path, default=ARTICLES_DIR)
    parser.add_argument("--split", choices=["tune", "heldout", "even", "odd", "all"], default="all")
    parser.add_argument("--misses", action="store_true", help="list the questions missed at top-1")
    parser.add_argument("--no-rerank", action="store_true", help="BM25 only (no dense re-ranking)")
    args = parser.parse_args(argv)
    data = yaml.safe_load(args.questions.read_text(encoding="utf-8"))
    questions, offtopic = data["questions"], list(data.get("offtopic", []))
    if args.split in ("even", "odd"):  # by position in the file, off-topic entries included
        keep = 0 if args.split == "even" else 1
        questions = [q for i, q in enumerate(questions) if i % 2 == keep]
        offtopic = [q for i, q in enumerate(offtopic) if i % 2 == keep]
    # set 3 writes off-topic questions in the list as `kind: offtopic` (same meaning)
    offtopic += [q["q"] for q in questions if q.get("kind") == "offtopic"]
    questions = [q for q in questions if q.get("kind") != "offtopic"]
    if args.split in ("tune", "heldout"):
        questions = [q for q in questions if half(q["q"]) == args.split]
        offtopic = [q for q in offtopic if half(q) == args.split]

    start = time.perf_counter()
    index = get_index(args.articles)
    rerank = not args.no_rerank and index.vectors() is not None  # loads the model and vectors
    if rerank:
        ask("warm up the encoder", directory=args.articles)
    build_ms = (time.perf_counter() - start) * 1000
    available = set(index.library.articles)

    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # n, top1, top3
    top1 = top3 = answerable = empty = unsure = gaps = 0
    latencies, cpu, misses, missing_articles = [], [], [], set()
    for item in questions:
        raw = item["article"] if isinstance(item["article"], list) else [item["article"]]
        expected = [a for a in raw if a != "none"]
        t0, c0 = time.perf_counter(), time.process_time()
        result = ask(item["q"], top=3, directory=args.articles, rerank=rerank)
        latencies.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        answers = result.answers
        empty += not answers
        unsure += bool(answers) and not getattr(result, "confident", True)
        if not answers:
            misses.append(f"  EMPTY {item['q']!r}")
        if not expected:
            gaps += 1
            continue
        missing_articles.update(set(expected) - available)
        answerable += 1
        hit1 = bool(answers) and is_hit(answers[0], expected, item["fact"])
        hit3 = any(is_hit(a, expected, item["fact"]) for a in answers[:3])
        top1 += hit1
        top3 += hit3
        stats = by_kind[item.get("kind", "all")]
        stats[0] += 1
        stats[1] += hit1
        stats[2] += hit3
        if not hit1 and answers:
            got = f"{answers[0].article}#{answers[0].url.split('#')[-1]}"
            misses.append(
                f"  {item['q']!r}: expected {expected}, got {got}{'' if hit3 else ' (not in top 3)'}"
            )
    correct_empty = 0
    for q in offtopic:
        t0, c0 = time.perf_counter(), time.process_time()
        result = ask(q, top=3, directory=args.articles, rerank=rerank)
        latencies.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        if result.answers:
            misses.append(f"  off-topic {q!r}: answered with {result.answers[0].article}")
        correct_empty += not result.answers

    n = len(questions)
    print(
        f"articles: {len(available)}  passages: {len(index.sections)}  "
        f"index build: {build_ms:.0f} ms  dense re-ranking: {'on' if rerank else 'off'}"
    )
    print(
        f"split: {args.split}  questions: {n} ({gaps} labelled as library gaps)  off-topic: {len(offtopic)}"
    )
    print(f"first-passage hit rate: {rate(top1, answerable)}")
    print(f"top-3 hit rate: {rate(top3, answerable)}")
    if len(by_kind) > 1:
        for kind, (k, h1, h3) in sorted(by_kind.items()):
            print(f"  {kind:8s} n={k:3d}  top-1 {h1 / k:.3f}  top-3 {h3 / k:.3f}")
    print(f"MBC questions left with no answer at all: {empty}/{n}")
    print(f"MBC questions answered as 'not sure, nearest articles': {unsure}/{n}")
    if offtopic:
        print(f"off-topic correctly not answered: {rate(correct_empty, len(offtopic))}")
    print(
        f"latency per ask (ms): p50 {statistics.median(latencies):.2f}  "
        f"p95 {percentile(latencies, 0.95):.2f}  max {max(latencies):.2f}"
    )
    print(  # CPU time: what the ask costs when the machine is not shared
        f"CPU time per ask (ms): p50 {statistics.median(cpu):.2f}  "
        f"p95 {percentile(cpu, 0.95):.2f}  max {max(cpu):.2f}"
    )
    if missing_articles:
        print(f"expected articles not in the library: {', '.join(sorted(missing_articles))}")
    if args.misses and misses:
        print("misses:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
