"""Paths and helpers shared by the FHIR tests (loaded by conftest.py under a unique name)."""

import json
from pathlib import Path

SHARED = Path("/work/shared")
EXAMPLES = SHARED / "spec" / "examples"
FIXTURES = SHARED / "fixtures" / "mcode"
VALID_EXAMPLES = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.startswith("invalid"))


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def stu1_bundle() -> dict:
    """The nine official STU1 example resources, gathered into one collection bundle."""
    files = sorted((FIXTURES / "hl7-mcode-ig-stu1-examples").glob("*.json"))
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": json.loads(f.read_text(encoding="utf-8"))} for f in files],
    }


def by_type(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]
