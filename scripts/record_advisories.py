"""Record the PyPA advisory database as the offline fixture that scripts/audit_offline.py serves.

Usage: python scripts/record_advisories.py PATH-TO-advisory-database-CHECKOUT [COMMIT] [DATE]

Reads every vulns/<package>/*.yaml (OSV format) of a checkout of
github.com/pypa/advisory-database and writes tests/fixtures/advisories/pypa-advisories.json.gz:
each advisory's id, aliases, a short summary, dates and affected ranges (explicit version lists
only where an advisory has no ECOSYSTEM range). Re-run it on a newer checkout to refresh the
data; the commit and date are kept in the file and printed by every audit.
"""

from __future__ import annotations

import gzip
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parents[1] / "tests/fixtures/advisories/pypa-advisories.json.gz"


def rfc3339(value) -> str | None:
    """OSV dates as pip-audit reads them: 2023-07-03T13:15:00Z."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.astimezone(UTC) if value.tzinfo else value
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(value)


def slim(record: dict) -> dict:
    affected = []
    for a in record.get("affected") or []:
        pkg = a.get("package") or {}
        if pkg.get("ecosystem") != "PyPI":
            continue
        ranges = [r for r in a.get("ranges") or [] if r.get("type") == "ECOSYSTEM"]
        item = {"package": {"name": pkg.get("name"), "ecosystem": "PyPI"}, "ranges": ranges}
        if not ranges:
            item["versions"] = [str(v) for v in a.get("versions") or []]
        affected.append(item)
    text = record.get("summary") or record.get("details") or "N/A"
    text = " ".join(str(text).split())
    out = {
        "id": record["id"],
        "aliases": record.get("aliases") or [],
        "summary": text if len(text) <= 240 else text[:239] + "…",
        "published": rfc3339(record.get("published")),
        "affected": affected,
    }
    if record.get("withdrawn"):
        out["withdrawn"] = rfc3339(record["withdrawn"])
    return out


def main(checkout: str, commit: str = "", date: str = "") -> None:
    records = []
    for path in sorted(Path(checkout, "vulns").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for ranges in (a.get("ranges") or [] for a in data.get("affected") or []):
            for r in ranges:
                for event in r.get("events") or []:
                    for key, value in event.items():
                        event[key] = str(value)
        records.append(slim(data))
    doc = {
        "source": "https://github.com/pypa/advisory-database (CC-BY-4.0)",
        "commit": commit,
        "as_of": date,
        "advisories": records,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"), sort_keys=True)
    print(f"{len(records)} advisories -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(*sys.argv[1:])
