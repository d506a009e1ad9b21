"""pip-audit without the network: the recorded PyPA advisory database, served on loopback.

Usage: python scripts/audit_offline.py REQUIREMENTS.txt [--db PATH]

pip-audit asks an OSV-style service which advisories affect each pinned package. This script
answers those questions itself from tests/fixtures/advisories/pypa-advisories.json.gz (see
scripts/record_advisories.py), on a loopback port that lives as long as the audit, and runs
``pip-audit -s osv --osv-url`` against it. The exit code is pip-audit's: non-zero when a pin is
known to be vulnerable, so a vulnerable lock fails the build with no network at all.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from packaging.version import InvalidVersion, Version

DB = Path(__file__).resolve().parents[1] / "tests/fixtures/advisories/pypa-advisories.json.gz"


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def load(path: Path = DB) -> tuple[dict, dict[str, list[dict]]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        doc = json.load(f)
    by_name: dict[str, list[dict]] = {}
    for adv in doc["advisories"]:
        for name in {canonical(a["package"]["name"]) for a in adv["affected"]}:
            by_name.setdefault(name, []).append(adv)
    return doc, by_name


def _v(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def in_range(version: Version, events: list[dict]) -> bool:
    """OSV ECOSYSTEM range: events sorted by version; introduced opens, fixed closes before,
    last_affected closes after ("0" is before everything)."""
    points = []
    for event in events:
        for kind, text in event.items():
            at = Version("0") if text == "0" else _v(text)
            if at is not None:
                points.append(
                    (at, {"introduced": 0, "fixed": 1, "last_affected": 2}.get(kind, 3), kind)
                )
    affected = False
    for at, _order, kind in sorted(points):
        if kind == "introduced" and version >= at:
            affected = True
        elif kind == "fixed" and version >= at:
            affected = False
        elif kind == "last_affected" and version > at:
            affected = False
    return affected


def affects(adv: dict, name: str, version: str) -> bool:
    v = _v(version)
    for a in adv["affected"]:
        if canonical(a["package"]["name"]) != name:
            continue
        if version in a.get("versions", []):
            return True
        if v is not None and any(in_range(v, r.get("events", [])) for r in a.get("ranges", [])):
            return True
    return False


def query(by_name: dict, name: str, version: str) -> list[dict]:
    name = canonical(name)
    return [
        adv | {"schema_version": "1.6.0"}
        for adv in by_name.get(name, [])
        if not adv.get("withdrawn") and affects(adv, name, version)
    ]


def serve(by_name: dict) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
            vulns = query(by_name, body["package"]["name"], body["version"])
            data = json.dumps({"vulns": vulns} if vulns else {}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def audit(requirements: str, db: Path = DB) -> int:
    doc, by_name = load(db)
    print(
        f"Offline advisory database: {doc['source']}, as of {doc['as_of']} "
        f"(commit {doc['commit'][:12]}), {len(doc['advisories'])} advisories.",
        flush=True,
    )
    server = serve(by_name)
    try:
        with tempfile.TemporaryDirectory() as cache:
            url = f"http://127.0.0.1:{server.server_address[1]}/v1/query"
            return subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip_audit",
                    "--vulnerability-service",
                    "osv",
                    "--osv-url",
                    url,
                    "--no-deps",
                    "--disable-pip",
                    "--progress-spinner",
                    "off",
                    "--cache-dir",
                    cache,
                    "-r",
                    requirements,
                ],
                check=False,
            ).returncode
    finally:
        server.shutdown()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("requirements")
    parser.add_argument("--db", type=Path, default=DB)
    args = parser.parse_args()
    sys.exit(audit(args.requirements, args.db))
