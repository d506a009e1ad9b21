"""Server-side SVG for symptom history: one small chart per symptom (severity 0-4 over time)."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from mbcnav.patient.days import human

SEVERITY_SCORE = {"none": 0, "mild": 1, "moderate": 2, "severe": 3, "very severe": 4}
COLORS = {0: "#166534", 1: "#4d7c0f", 2: "#b45309", 3: "#c2410c", 4: "#a4161a"}


def severity_chart(
    symptom: str, points: list[tuple[date, str | None]], width: int = 560, height: int = 120
) -> str:
    """A dot-and-line chart of severity by date; unknown severity is drawn as a hollow dot at 'present'."""
    pts = sorted(points)
    if not pts:
        return ""
    left, right, top, bottom = 92, 12, 12, 26
    first, last = pts[0][0], pts[-1][0]
    span = max((last - first).days, 1)
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(d: date) -> float:
        return left + (d - first).days / span * plot_w if len(pts) > 1 else left + plot_w / 2

    def y(score: float) -> float:
        return top + plot_h - score / 4 * plot_h

    title = f"{symptom}: severity from {human(first)} to {human(last)}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" class="symptom-chart"><title>{escape(title)}</title>'
    ]
    for score, word in ((0, "none"), (2, "moderate"), (4, "very severe")):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(score):.1f}" y2="{y(score):.1f}" stroke="#d9d6cf"/>'
            f'<text x="{left - 6}" y="{y(score) + 4:.1f}" text-anchor="end" font-size="11" fill="#4a5568">{word}</text>'
        )
    known = [(d, SEVERITY_SCORE[s]) for d, s in pts if s in SEVERITY_SCORE]
    if len(known) > 1:
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{x(d):.1f},{y(sc):.1f}" for i, (d, sc) in enumerate(known)
        )
        parts.append(f'<path d="{path}" fill="none" stroke="#6b2c74" stroke-width="2"/>')
    for d, s in pts:
        if s in SEVERITY_SCORE:
            sc = SEVERITY_SCORE[s]
            parts.append(
                f'<circle cx="{x(d):.1f}" cy="{y(sc):.1f}" r="5" fill="{COLORS[sc]}"><title>{human(d)}: {escape(s)}</title></circle>'
            )
        else:
            parts.append(
                f'<circle cx="{x(d):.1f}" cy="{y(2):.1f}" r="5" fill="#fff" stroke="#4a5568" stroke-width="2">'
                f"<title>{human(d)}: reported, severity not given</title></circle>"
            )
    parts.append(
        f'<text x="{left}" y="{height - 6}" font-size="11" fill="#4a5568">{human(first)}</text>'
    )
    if len(pts) > 1:
        parts.append(
            f'<text x="{width - right}" y="{height - 6}" text-anchor="end" font-size="11" fill="#4a5568">{human(last)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
