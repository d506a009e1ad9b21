"""The record timeline and tumor-marker chart as SVG text, from the engine's ``Patient``.

Pure Python (no Django): the same SVG is used in the browser, in print and in the PDF.
Styling is done with SVG presentation attributes only (no inline ``style``), so a strict
Content-Security-Policy is happy. ``timeline_rows`` gives the same facts as table rows for
screen readers. Labels are passed in so the web layer can translate them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from mbcnav.patient import Patient, derive
from mbcnav.patient.days import human

STATUS_COLOURS = {
    "progression": "#a4161a",
    "stable": "#1d4ed8",
    "regression": "#166534",
    "ned": "#0f766e",
    "unknown": "#4a5568",
}
LINE_COLOURS = ("#6b2c74", "#8a5a00", "#1f6f8b", "#5b6b1f", "#9c2f5a")
MARKERS = ("CA 15-3", "CA 27.29", "CEA")
LABELS = {
    "lines": "Treatment lines",
    "sites": "Sites",
    "scans": "Scans",
    "marker": "Tumor marker",
    "empty": "Nothing to show yet: add a diagnosis date, a treatment or a scan.",
    "title": "Timeline of the record",
    "line": "Line",
    "ongoing": "ongoing",
    "progression": "progression",
    "stable": "stable",
    "regression": "regression",
    "ned": "no evidence of disease",
    "unknown": "unknown",
    "found": "found",
}
FONT = 'font-family="system-ui, Helvetica, Arial, sans-serif"'


@dataclass(frozen=True)
class Row:
    day: date
    lane: str
    text: str


def main_marker(p: Patient) -> tuple[str | None, list[tuple[date, float]]]:
    """The tumor marker with the most numeric results, and its (date, value) series."""
    best, series = None, []
    for test in MARKERS:
        points = sorted(
            (x.date, float(x.value))
            for x in p.labs
            if x.test == test and isinstance(x.value, float)
        )
        if len(points) > len(series):
            best, series = test, points
    return best, series


def _window(p: Patient, as_of: date, series) -> tuple[date, date] | None:
    dx = p.metastatic_diagnosis.date
    days = [ln.start for ln in derive.lines_of_therapy(p, as_of)]
    days += (
        [m.date for m in p.metastases if m.date]
        + [a.date for a in p.assessments]
        + [d for d, _ in series]
    )
    if dx:
        days = [d for d in days if d >= dx - timedelta(days=60)] + [dx]
    days = [d for d in days if d <= as_of]
    if not days:
        return None
    start = min(days)
    end = max(as_of, start + timedelta(days=90))
    return start, end


class _Scale:
    def __init__(self, start: date, end: date, left: float, right: float):
        self.start, self.span = start, max((end - start).days, 1)
        self.left, self.width = left, right - left

    def x(self, day: date) -> float:
        return round(
            self.left + self.width * min(max((day - self.start).days, 0), self.span) / self.span, 1
        )


def timeline_svg(p: Patient, as_of: date, labels: dict | None = None, width: int = 900) -> str:
    """One SVG with swimlanes: treatment lines, sites, scans by status, tumor marker."""
    lab = LABELS | (labels or {})
    name, series = main_marker(p)
    window = _window(p, as_of, series)
    if window is None:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} 40" width="100%" '
            f'aria-label="{escape(lab["title"])}"><text x="10" y="24" font-size="14" {FONT} fill="#4a5568">'
            f"{escape(lab['empty'])}</text></svg>"
        )
    left, right = 130, width - 20
    sc = _Scale(*window, left, right)
    lanes = [("lines", 60), ("sites", 44), ("scans", 44)] + ([("marker", 90)] if series else [])
    height = sum(h for _, h in lanes) + 34
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'aria-labelledby="tl-title"><title id="tl-title">{escape(lab["title"])}</title>'
    ]
    y = 0
    for lane, h in lanes:
        out.append(
            f'<rect x="0" y="{y}" width="{width}" height="{h}" fill="{"#f6f4f0" if lane in ("lines", "scans") else "#ffffff"}"/>'
        )
        out.append(
            f'<text x="8" y="{y + h / 2 + 5}" font-size="13" font-weight="bold" {FONT} fill="#1d2330">{escape(lab[lane])}</text>'
        )
        if lane == "marker":
            out.append(
                f'<text x="8" y="{y + h / 2 + 21}" font-size="12" {FONT} fill="#4a5568">({escape(name)})</text>'
            )
        out.extend(_LANES[lane](p, as_of, sc, y, h, lab, series))
        y += h
    out.extend(_axis(sc, y, window))
    out.append("</svg>")
    return "".join(out)


def _lines_lane(p, as_of, sc, y, h, lab, series):
    out = []
    for i, ln in enumerate(derive.lines_of_therapy(p, as_of)):
        x1, x2 = sc.x(ln.start), sc.x(ln.end or as_of)
        row = y + 8 + (i % 2) * 24
        colour = LINE_COLOURS[i % len(LINE_COLOURS)]
        regimen = " + ".join(ln.drugs)
        end = human(ln.end) if ln.end else lab["ongoing"]
        out.append(
            f"<g><title>{escape(lab['line'])} {ln.number}: {escape(regimen)} ({human(ln.start)} – {end})</title>"
            f'<rect x="{x1}" y="{row}" width="{max(x2 - x1, 3)}" height="20" rx="3" fill="{colour}"/>'
        )
        text = f"{ln.number}: {regimen}"
        if len(text) * 7 + 8 > x2 - x1:  # never a cut-off name: the number, the rest in the title
            text = f"{ln.number}"
        out.append(
            f'<text x="{x1 + 4}" y="{row + 14}" font-size="12" {FONT} fill="#ffffff">{escape(text)}</text></g>'
        )
    return out


def _sites_lane(p, as_of, sc, y, h, lab, series):
    out, seen = [], []
    for m in sorted((m for m in p.metastases if m.date and m.date <= as_of), key=lambda m: m.date):
        x, cy = sc.x(m.date), y + 16
        offset = 12 * sum(1 for d in seen if abs(d - x) < 40)
        seen.append(x)
        out.append(
            f"<g><title>{escape(m.site)}: {escape(lab['found'])} {human(m.date)}</title>"
            f'<path d="M{x} {cy - 6} L{x + 6} {cy} L{x} {cy + 6} L{x - 6} {cy} Z" fill="#6b2c74"/>'
            f'<text x="{x + 9}" y="{cy + 4 + offset}" font-size="12" {FONT} fill="#1d2330">{escape(m.site)}</text></g>'
        )
    return out


def _scans_lane(p, as_of, sc, y, h, lab, series):
    out = []
    scans = sorted((a for a in p.assessments if a.date <= as_of), key=lambda a: a.date)
    xs = [sc.x(a.date) for a in scans]
    gap = min((b - a for a, b in zip(xs, xs[1:], strict=False) if b > a), default=20)
    radius = max(4, min(9, gap / 2))  # smaller dots when scans are close together
    for a, x in zip(scans, xs, strict=True):
        cy = y + h / 2
        colour = STATUS_COLOURS.get(a.status, STATUS_COLOURS["unknown"])
        letter = {"progression": "P", "stable": "S", "regression": "R", "ned": "N"}.get(
            a.status, "?"
        )
        note = f" – {a.note}" if a.note else ""
        out.append(
            f"<g><title>{human(a.date)}: {escape(lab.get(a.status, a.status))} ({escape(a.method or '')}){escape(note)}</title>"
            f'<circle cx="{x}" cy="{cy}" r="{radius:g}" fill="{colour}"/>'
            + (
                f'<text x="{x}" y="{cy + 4}" font-size="11" font-weight="bold" text-anchor="middle" {FONT} fill="#ffffff">{letter}</text>'
                if radius >= 7
                else ""
            )
            + "</g>"
        )
    return out


def _marker_lane(p, as_of, sc, y, h, lab, series):
    points = [(d, val) for d, val in series if sc.start <= d <= as_of]
    if not points:
        return []
    top = max(val for _, val in points) or 1
    coords = [(sc.x(d), round(y + h - 10 - (h - 24) * val / top, 1)) for d, val in points]
    out = [
        f'<polyline points="{" ".join(f"{x},{yy}" for x, yy in coords)}" fill="none" stroke="#6b2c74" stroke-width="2"/>'
    ]
    for (d, val), (x, yy) in zip(points, coords, strict=True):
        out.append(
            f'<circle cx="{x}" cy="{yy}" r="3" fill="#6b2c74"><title>{human(d)}: {val:g}</title></circle>'
        )
    out.append(
        f'<text x="{sc.left + 4}" y="{y + 12}" font-size="11" {FONT} fill="#4a5568">{top:g}</text>'
    )
    return out


def _axis(sc: _Scale, y: float, window) -> list[str]:
    start, end = window
    out = [
        f'<line x1="{sc.left}" y1="{y + 2}" x2="{sc.left + sc.width}" y2="{y + 2}" stroke="#4a5568"/>'
    ]
    years = range(start.year + (1 if start.month > 1 else 0), end.year + 1)
    step = max(1, len(years) // 8 + (1 if len(years) > 8 else 0))
    for year in list(years)[::step]:
        x = sc.x(date(year, 1, 1))
        out.append(
            f'<line x1="{x}" y1="0" x2="{x}" y2="{y + 6}" stroke="#d9d6cf"/>'
            f'<text x="{x}" y="{y + 20}" font-size="12" text-anchor="middle" {FONT} fill="#1d2330">{year}</text>'
        )
    return out


_LANES = {"lines": _lines_lane, "sites": _sites_lane, "scans": _scans_lane, "marker": _marker_lane}


def timeline_rows(p: Patient, as_of: date, labels: dict | None = None) -> list[Row]:
    """The facts of the chart as rows (date, lane, text), oldest first: the table alternative."""
    lab = LABELS | (labels or {})
    rows = []
    for ln in derive.lines_of_therapy(p, as_of):
        end = human(ln.end) if ln.end else lab["ongoing"]
        rows.append(
            Row(
                ln.start,
                lab["lines"],
                f"{lab['line']} {ln.number}: {' + '.join(ln.drugs)} (→ {end})",
            )
        )
    rows += [
        Row(m.date, lab["sites"], f"{m.site}") for m in p.metastases if m.date and m.date <= as_of
    ]
    rows += [
        Row(
            a.date,
            lab["scans"],
            f"{lab.get(a.status, a.status)}"
            + (f" ({a.method})" if a.method else "")
            + (f": {a.note}" if a.note else ""),
        )
        for a in p.assessments
        if a.date <= as_of
    ]
    name, series = main_marker(p)
    rows += [Row(d, lab["marker"], f"{name} {val:g}") for d, val in series if d <= as_of]
    return sorted(rows, key=lambda r: r.day)


def marker_chart_svg(p: Patient, width: int = 420, height: int = 140, label: str = "") -> str:
    """A small line chart of the main tumor marker; empty string when there are under 2 values."""
    name, series = main_marker(p)
    if len(series) < 2:
        return ""
    start, end = series[0][0], series[-1][0]
    sc = _Scale(start, end if end > start else start + timedelta(days=1), 40, width - 10)
    top = max(val for _, val in series) or 1
    coords = [(sc.x(d), round(height - 24 - (height - 40) * val / top, 1)) for d, val in series]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'aria-label="{escape(label or name)}">',
        f'<line x1="40" y1="{height - 24}" x2="{width - 10}" y2="{height - 24}" stroke="#4a5568"/>',
        f'<text x="2" y="20" font-size="11" {FONT} fill="#4a5568">{top:g}</text>',
        f'<text x="2" y="{height - 26}" font-size="11" {FONT} fill="#4a5568">0</text>',
        f'<polyline points="{" ".join(f"{x},{y}" for x, y in coords)}" fill="none" stroke="#6b2c74" stroke-width="2"/>',
    ]
    for (d, val), (x, y) in zip(series, coords, strict=True):
        out.append(
            f'<circle cx="{x}" cy="{y}" r="3" fill="#6b2c74"><title>{human(d)}: {val:g}</title></circle>'
        )
    out.append(
        f'<text x="40" y="{height - 6}" font-size="11" {FONT} fill="#4a5568">{human(start)}</text>'
    )
    out.append(
        f'<text x="{width - 10}" y="{height - 6}" font-size="11" text-anchor="end" {FONT} fill="#4a5568">{human(end)}</text>'
    )
    out.append("</svg>")
    return "".join(out)
