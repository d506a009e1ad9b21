"""Library benchmark: top-1 / top-3 hit rates and latency of `mbcnav ask`, in-process.

    uv run python bench/library.py [--questions FILE] [--articles DIR] [--misses]

A question is a hit at rank k when one of the first k answers comes from an expected
article and its text matches the question's fact (a case-insensitive regex).
Off-topic questions must get an empty answer list. Latency is measured per `ask()`
call after the index is built and the re-ranking model loaded (that time is printed
apart). `--no-rerank` measures BM25 alone.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

import yaml

from mbcnav.library.answer import ask
from mbcnav.library.articles import ARTICLES_DIR
from mbcnav.library.index import get_index

HERE = Path(__file__).parent
QUESTIONS = HERE / "data" / "library_questions.yaml"


def is_hit(answer, expected: list[str], fact: str) -> bool:
    return answer.article in expected and re.search(fact, answer.text, re.I) is not None


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--articles", type=Path, default=ARTICLES_DIR)
    parser.add_argument("--misses", action="store_true", help="list the questions missed at top-1")
    parser.add_argument("--no-rerank", action="store_true", help="BM25 only (no dense re-ranking)")
    args = parser.parse_args(argv)
    data = yaml.safe_load(args.questions.read_text(encoding="utf-8"))
    questions, offtopic = data["questions"], data.get("offtopic", [])

    start = time.perf_counter()
    index = get_index(args.articles)
    rerank = not args.no_rerank and index.vectors() is not None  # loads the model and vectors
    if rerank:
        ask("warm up the encoder", directory=args.articles)
    build_ms = (time.perf_counter() - start) * 1000
    available = set(index.library.articles)

    top1 = top3 = empty_on_topic = 0
    avail_n = avail_top1 = 0
    latencies, misses, missing_articles = [], [], set()
    for item in questions:
        expected = item["article"] if isinstance(item["article"], list) else [item["article"]]
        present = bool(set(expected) & available)
        if not present:
            missing_articles.update(expected)
        t0 = time.perf_counter()
        result = ask(item["q"], top=3, directory=args.articles, rerank=rerank)
        latencies.append((time.perf_counter() - t0) * 1000)
        answers = result.answers
        empty_on_topic += not answers
        hit1 = bool(answers) and is_hit(answers[0], expected, item["fact"])
        top1 += hit1
        avail_n += present
        avail_top1 += hit1 and present
        top3 += any(is_hit(a, expected, item["fact"]) for a in answers[:3])
        if not hit1:
            got = f"{answers[0].article}#{answers[0].url.split('#')[-1]}" if answers else "(empty)"
            if present:
                misses.append(f"  {item['q']!r}: expected {expected}, got {got}")
    correct_empty = 0
    for q in offtopic:
        t0 = time.perf_counter()
        result = ask(q, top=3, directory=args.articles, rerank=rerank)
        latencies.append((time.perf_counter() - t0) * 1000)
        if result.answers:
            misses.append(f"  off-topic {q!r}: answered with {result.answers[0].article}")
        correct_empty += not result.answers

    n = len(questions)
    print(
        f"articles: {len(available)}  passages: {len(index.sections)}  "
        f"index build: {build_ms:.0f} ms  dense re-ranking: {'on' if rerank else 'off'}"
    )
    print(f"questions: {n}  off-topic: {len(offtopic)}")
    print(f"top-1 hit rate: {top1 / n:.3f} ({top1}/{n})")
    print(f"top-3 hit rate: {top3 / n:.3f} ({top3}/{n})")
    if avail_n < n:
        print(
            f"top-1 on the {avail_n} questions whose article exists: {avail_top1 / max(avail_n, 1):.3f}"
        )
    print(f"on-topic questions left unanswered: {empty_on_topic}/{n}")
    if offtopic:
        print(
            f"off-topic correctly empty: {correct_empty / len(offtopic):.3f} ({correct_empty}/{len(offtopic)})"
        )
    print(
        f"latency per ask (ms): p50 {statistics.median(latencies):.2f}  "
        f"p95 {percentile(latencies, 0.95):.2f}  max {max(latencies):.2f}"
    )
    if missing_articles:
        print(f"expected articles not in the library: {', '.join(sorted(missing_articles))}")
    if args.misses and misses:
        print("misses:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
