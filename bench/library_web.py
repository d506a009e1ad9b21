"""Bench: the web library's ask page (POST), warm, over a question set; also the medicines pages.

Seeds a throw-away SQLite database in a temporary folder, signs one person in (a record with
a current treatment, so "my treatment" questions take the personal path), warms the app with
one pass over the questions, then times a second pass with Django's test client (the whole
request: middleware, engine, template). Prints p50/p95 wall clock and CPU time per request,
signed out and signed in. Goal (issue 15): p95 under 50 ms.

    uv run python bench/library_web.py [--questions FILE] [--rounds 1]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import yaml
from timing import percentile
from timing import timed as timed_call
from web_setup import bench_person

HERE = Path(__file__).parent
QUESTIONS = HERE / "data" / "library_questions_2.yaml"


def questions_of(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    qs = [item["q"] for item in data.get("questions", [])]
    return qs + list(data.get("offtopic", []))


def timed(client, method: str, url: str, data=None) -> tuple[float, float]:
    wall, cpu, response = timed_call(
        lambda: client.post(url, data) if method == "POST" else client.get(url)
    )
    assert response.status_code == 200, (url, data, response.status_code)
    return wall, cpu


def report(name: str, samples: list[tuple[float, float]]) -> float:
    walls, cpus = [w for w, _ in samples], [c for _, c in samples]
    p95 = percentile(walls, 0.95)
    print(
        f"{name:<30} n={len(samples):4d}  wall p50 {percentile(walls, 0.5):6.1f}  p95 {p95:6.1f}"
        f"  max {max(walls):6.1f}   CPU p50 {percentile(cpus, 0.5):6.1f}  p95 {percentile(cpus, 0.95):6.1f} ms"
    )
    return p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--rounds", type=int, default=1, help="timed passes over the questions")
    args = parser.parse_args()
    user, folder = bench_person()
    from django.test import Client

    from mbcnav.web.record import services
    from mbcnav.web.record.models import Treatment

    services.import_text(user, services.demo_patient_text(), user)
    Treatment.objects.create(
        owner=user,
        drugs=["letrozole", "palbociclib"],
        setting="metastatic",
        start=date.today() - timedelta(days=60),
    )
    questions = questions_of(args.questions) + ["what are the side effects of my treatment?"]
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(user)
    w0 = time.perf_counter()
    for q in questions:  # warm-up: index, re-ranking model, templates, medicines guide
        timed(anonymous, "POST", "/library/ask/", {"q": q})
        timed(signed_in, "POST", "/library/ask/", {"q": q})
    print(
        f"questions: {len(questions)} from {args.questions.name}; warm-up pass "
        f"{time.perf_counter() - w0:.1f} s; load average {os.getloadavg()[0]:.1f}"
    )
    out, mine = [], []
    for _ in range(args.rounds):
        for q in questions:
            out.append(timed(anonymous, "POST", "/library/ask/", {"q": q}))
            mine.append(timed(signed_in, "POST", "/library/ask/", {"q": q}))
    pages = []
    for slug in ("abemaciclib", "trastuzumab-deruxtecan", "denosumab", "warfarin"):
        for _ in range(5):
            pages.append(timed(anonymous, "GET", f"/library/medicines/{slug}/"))
    listing = [timed(anonymous, "GET", "/library/medicines/") for _ in range(10)]
    worst = max(
        report("ask (POST), signed out", out),
        report("ask (POST), signed in", mine),
        report("medicine page (GET)", pages),
        report("medicines list (GET)", listing),
    )
    print(f"worst p95: {worst:.1f} ms (goal < 50 ms): {'met' if worst < 50 else 'NOT met'}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
