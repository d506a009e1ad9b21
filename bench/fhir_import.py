"""Benchmark: import of a 1,000-resource FHIR bundle (goal: under 2 s).

The bundle is synthesised from the real fixtures in shared/fixtures/mcode (the MITRE
trial-matching patients, the EOM patient, the ctm-service patient and the nine HL7 STU1
examples): one Patient, then copies of every other resource with fresh ids, shifted
dates and their subject pointed at that Patient, until there are 1,000 resources.
Prints the timings (best and median of several runs) and what the report says.

    uv run python bench/fhir_import.py [--resources N] [--runs R]
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import statistics
import time
from pathlib import Path

from mbcnav.fhir import export_bundle, import_bundle, validate_bundle
from mbcnav.patient import load

FIXTURES = Path("/work/shared/fixtures/mcode")
EXAMPLES = Path("/work/shared/spec/examples")


def source_resources() -> tuple[dict, list[dict]]:
    bundles = [json.loads(p.read_text()) for p in sorted(FIXTURES.glob("*.json"))]
    singles = [
        json.loads(p.read_text())
        for p in sorted((FIXTURES / "hl7-mcode-ig-stu1-examples").glob("*.json"))
    ]
    resources = [e["resource"] for b in bundles for e in b["entry"]] + singles
    patient = next(r for r in resources if r["resourceType"] == "Patient")
    others = [r for r in resources if r["resourceType"] != "Patient"]
    return patient, others


def synthesise(n: int) -> dict:
    patient, others = source_resources()
    entries = [{"fullUrl": f"urn:uuid:{patient['id']}", "resource": patient}]
    copy_no = 0
    while len(entries) < n:
        for res in others:
            if len(entries) >= n:
                break
            clone = copy.deepcopy(res)
            clone["id"] = f"c{copy_no}-{len(entries)}"
            if "subject" in clone:
                clone["subject"] = {"reference": f"Patient/{patient['id']}"}
            text = json.dumps(clone)
            text = re.sub(
                r'"(\d{4})(-\d{2}-\d{2})',
                lambda m, back=copy_no % 20: f'"{int(m.group(1)) - back}{m.group(2)}',
                text,
            )
            entries.append({"resource": json.loads(text)})
        copy_no += 1
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    bundle = synthesise(args.resources)
    text = json.dumps(bundle)
    import_bundle(text)  # warm-up: loads the code table and the R4B model classes
    times = timed(lambda: import_bundle(text), args.runs)
    record, report = import_bundle(text)
    print(
        f"FHIR import benchmark ({len(bundle['entry'])} resources, {len(text) / 1e6:.2f} MB JSON, {args.runs} runs)"
    )
    print(
        f"  import: best {min(times):.3f} s, median {statistics.median(times):.3f} s "
        f"({statistics.median(times) / len(bundle['entry']) * 1000:.2f} ms per resource); goal < 2 s: "
        f"{'met' if statistics.median(times) < 2 else 'NOT met'}"
    )
    print(f"  report: {report.imported_count} imported, {report.skipped_count} skipped")
    print(
        f"  record: {len(record.get('treatments', []))} treatments, {len(record.get('metastases', []))} sites, "
        f"{len(record.get('assessments', []))} assessments, {len(record.get('labs', []))} labs"
    )

    patients = [
        load(p) for p in sorted(EXAMPLES.glob("*.yaml")) if not p.name.startswith("invalid")
    ]
    export_times = timed(lambda: [validate_bundle(export_bundle(p)) for p in patients], args.runs)
    print(
        f"  export + R4B validation of {len(patients)} example records: median "
        f"{statistics.median(export_times) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
