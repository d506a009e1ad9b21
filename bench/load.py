"""Load benchmark: N concurrent signed-in users on the main pages, against a real gunicorn.

Starts `gunicorn mbcnav.web.wsgi` on loopback with a fresh database (SQLite by default, or the
PostgreSQL in DATABASE_URL), creates N users each with the demo record, signs them in, and has
each user walk the main pages for a fixed time. Prints p50/p95 latency and errors per page and
overall as a Markdown table. Traffic goes to 127.0.0.1 only; loops are bounded in count and time.

    uv run python bench/load.py [--users 50] [--seconds 30] [--workers 4]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    "/",
    "/record/",
    "/record/{me}/timeline/",
    "/checkins/",
    "/visits/",
    "/library/",
    "/library/search/?q={q}",
    "/trials/",
    "/care/",
]
PASSWORD = "load-test-password-123"
# What people type into the library search (each request picks one).
QUESTIONS = [
    "bone mets",
    "what is her2 low",
    "can metastatic breast cancer be cured",
    "side effects of palbociclib",
    "when should I go to the emergency room",
    "what does stable disease mean",
    "clinical trials near me",
    "liver metastases symptoms",
    "second opinion",
    "how long do people live with mbc",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(env: dict, users: int) -> None:
    code = f"""
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mbcnav.web.settings")
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from mbcnav.web.core import setup
setup.load_bundled_content()
from mbcnav.web.record import services
for i in range({users}):
    services.load_demo(email=f"load{{i}}@example.org", password={PASSWORD!r})
"""
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)


def sign_in(base: str, email: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=30, follow_redirects=False)
    page = client.get("/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    resp = client.post(
        "/accounts/login/",
        data={"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": base + "/accounts/login/"},
    )
    if resp.status_code != 302:
        raise SystemExit(f"sign-in failed for {email}: {resp.status_code}")
    me = re.search(r'href="/record/(\d+)/timeline/"', client.get("/record/").text)
    client.me = me.group(1) if me else "0"
    return client


def user_loop(
    client: httpx.Client,
    stop_at: float,
    results: dict,
    errors: dict,
    max_requests: int,
    think: float,
) -> None:
    n = 0
    # People do not arrive in lockstep: each user starts at a random moment within the first
    # think time, on a random page of the walk (no thundering herd on the first page).
    time.sleep(random.uniform(0, think))
    offset = random.randrange(len(PAGES))
    walk = PAGES[offset:] + PAGES[:offset]
    while time.time() < stop_at and n < max_requests:
        for page in walk:
            t0 = time.perf_counter()
            why = ""
            try:
                resp = client.get(
                    page.format(me=client.me, q=random.choice(QUESTIONS).replace(" ", "+"))
                )
                if resp.status_code != 200:
                    why = f"HTTP {resp.status_code}"
            except httpx.HTTPError as err:
                why = type(err).__name__
            ms = (time.perf_counter() - t0) * 1000
            results[page].append(ms)
            if why:
                errors[page] += 1
                print(f"error: {page} {why} after {ms:.0f} ms", file=sys.stderr, flush=True)
            n += 1
            if think:
                time.sleep(random.uniform(0.5 * think, 1.5 * think))  # a person reading the page


def pct(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100)[int(q) - 1]
        if len(values) > 1
        else (values[0] if values else 0.0)
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="mean seconds a user pauses between pages (0 = none)",
    )
    args = ap.parse_args()
    data = tempfile.mkdtemp(prefix="mbcnav-load-")
    env = dict(
        os.environ,
        MBCNAV_DATA_DIR=data,
        DJANGO_SETTINGS_MODULE="mbcnav.web.settings",
        LOGIN_FAILURE_LIMIT="1000",
    )
    db = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    prepare(env, args.users)
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--config",
            "python:mbcnav.web.gunicorn_conf",  # the settings `mbcnav serve` uses
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(60):
            try:
                httpx.get(base + "/", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.5)
        clients = [sign_in(base, f"load{i}@example.org") for i in range(args.users)]
        results: dict[str, list[float]] = defaultdict(list)
        errors: dict[str, int] = defaultdict(int)
        stop_at = time.time() + args.seconds
        threads = [
            threading.Thread(target=user_loop, args=(c, stop_at, results, errors, 2000, args.think))
            for c in clients
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        print("load finished; stopping the server", file=sys.stderr, flush=True)
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    every = [ms for v in results.values() for ms in v]
    print(
        f"\n{args.users} concurrent signed-in users (think time {args.think:g} s), {args.seconds} s, gunicorn {args.workers} workers x 4 threads, {db}, {os.cpu_count()} cores\n"
    )
    print("| page | requests | p50 ms | p95 ms | errors |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for page in PAGES:
        v = results[page]
        print(f"| {page} | {len(v)} | {pct(v, 50):.0f} | {pct(v, 95):.0f} | {errors[page]} |")
    print(
        f"| **all** | {len(every)} | {pct(every, 50):.0f} | {pct(every, 95):.0f} | {sum(errors.values())} |"
    )


if __name__ == "__main__":
    main()
