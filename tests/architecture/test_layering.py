"""Engines are plain Python: nothing under an engine imports django, mbcnav.web or mbcnav.cli."""

import ast
from pathlib import Path

import pytest

import mbcnav

PACKAGE = Path(mbcnav.__file__).parent
ENGINES = ["patient", "library", "guide", "triage", "trials", "fhir", "care", "reports"]
FORBIDDEN = ("django", "mbcnav.web", "mbcnav.cli")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def engine_files():
    for engine in ENGINES:
        folder = PACKAGE / engine
        if folder.exists():
            yield from sorted(folder.rglob("*.py"))


@pytest.mark.parametrize("path", list(engine_files()), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_engine_module_does_not_import_web_or_cli(path):
    bad = [m for m in imported_modules(path) if m == "django" or m.startswith(FORBIDDEN)]
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}; engines must stay plain Python"


def test_the_checker_catches_a_django_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text(
        "import os\nfrom django.db import models\nfrom mbcnav.web.core import views\n"
    )
    assert [m for m in imported_modules(sample) if m.startswith(FORBIDDEN)] == [
        "django.db",
        "mbcnav.web.core",
    ]


def test_the_patient_engine_is_checked():
    assert any("patient" in str(p) for p in engine_files())


def test_the_reports_engine_is_checked():
    assert any("reports" in str(p) for p in engine_files())
