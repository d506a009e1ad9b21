"""The timeline SVG is built from the Patient only (no Django) and is CSP-friendly."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from mbcnav.patient import loads, parse
from mbcnav.web.record import timeline

DAY = date(2026, 11, 21)
SVG = "{http://www.w3.org/2000/svg}"
FILE = """
format: mbcnav-patient/1
metastatic_diagnosis: {date: 2023-01-10}
metastases: [{site: bone, date: 2023-01-10}, {site: brain, date: 2025-02-01, status: active}]
treatments:
  - {drugs: [letrozole, palbociclib], start: 2023-02-01, end: 2024-06-01, stop_reason: progression}
  - {drugs: [capecitabine], start: 2024-06-15}
assessments:
  - {date: 2023-06-01, status: regression}
  - {date: 2024-05-20, status: progression, note: new liver lesion}
  - {date: 2025-01-15, status: ned}
labs:
  - {date: 2023-01-05, test: CA 15-3, value: 90}
  - {date: 2024-05-15, test: CA 15-3, value: 120}
  - {date: 2025-01-10, test: CA 15-3, value: 20}
"""


def test_svg_has_lanes_coloured_scans_and_no_inline_style():
    p = loads(FILE, today=DAY)
    svg = timeline.timeline_svg(p, DAY)
    root = ET.fromstring(svg)  # well-formed XML
    assert "style=" not in svg
    circles = [c.get("fill") for c in root.iter(f"{SVG}circle") if c.get("r") == "9"]
    assert circles == [timeline.STATUS_COLOURS[s] for s in ("regression", "progression", "ned")]
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for word in (
        "Treatment lines",
        "Sites",
        "Scans",
        "Tumor marker",
        "(CA 15-3)",
        "bone",
        "brain",
        "2024",
    ):
        assert word in texts
    assert len([r for r in root.iter(f"{SVG}rect") if r.get("rx") == "3"]) == 2  # two lines


def test_rows_are_the_table_alternative():
    p = loads(FILE, today=DAY)
    rows = timeline.timeline_rows(p, DAY)
    assert [r.day for r in rows] == sorted(r.day for r in rows)
    assert any(r.lane == "Scans" and "new liver lesion" in r.text for r in rows)
    assert sum(r.lane == "Treatment lines" for r in rows) == 2


def test_labels_are_translatable_and_escaped():
    p = loads(FILE, today=DAY)
    svg = timeline.timeline_svg(p, DAY, {"lines": "Lignes <de> traitement"})
    assert "Lignes &lt;de&gt; traitement" in svg


def test_empty_record_gives_a_message():
    svg = timeline.timeline_svg(parse({"format": "mbcnav-patient/1"}), DAY)
    assert "Nothing to show yet" in svg
    assert timeline.marker_chart_svg(parse({"format": "mbcnav-patient/1"})) == ""


def test_marker_chart_plots_every_value():
    p = loads(FILE, today=DAY)
    root = ET.fromstring(timeline.marker_chart_svg(p))
    assert len(list(root.iter(f"{SVG}circle"))) == 3


def test_timeline_module_does_not_import_django():
    tree = ast.parse(Path(timeline.__file__).read_text())
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    assert not any(name.startswith("django") for name in names)
