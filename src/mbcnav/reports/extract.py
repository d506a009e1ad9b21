"""Read a report's text into proposed facts, each with the sentence it came from.

``read_report(text, kind)`` runs the patterns of ``data/patterns.yaml`` sentence by sentence; a
match whose context is negated, hedged or prior (``segment.context``) is set aside with the
reason instead of proposed. Nothing here writes anywhere: the person reviews every fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import patterns as pt
from .errors import ReportError
from .readers import READERS
from .segment import Span, context, sentences

#: Longest report text we read (about 60 pages of plain text).
MAX_CHARS = 200_000
KIND_WORDS = {"pathology": "pathology", "biomarker": "biomarker", "ngs": "biomarker",
              "biomarker-ngs": "biomarker", "imaging": "imaging", "scan": "imaging"}  # fmt: skip


@dataclass(frozen=True)
class Fact:
    field: str
    value: object
    start: int  # the words that say it
    end: int
    sentence: tuple[int, int]  # the sentence (or line) it sits in
    pattern: str
    context: str | None = None  # negated | hedged | prior when set aside
    cue: str | None = None

    @property
    def group(self) -> str:
        return pt.GROUP_OF[self.field]

    @property
    def shown(self) -> str:
        return show(self.field, self.value)


@dataclass(frozen=True)
class Report:
    text: str
    kind: str
    facts: tuple[Fact, ...] = ()
    set_aside: tuple[Fact, ...] = field(default=())

    def values(self) -> dict[str, object]:
        """field -> value (one-valued fields: a list when the report disagrees with itself)."""
        out: dict[str, list] = {}
        for f in self.facts:
            out.setdefault(f.field, []).append(f.value)
        return {k: (v if k in pt.LISTS or len(v) > 1 else v[0]) for k, v in out.items()}


def show(name: str, value: object) -> str:
    label = {"er": "ER", "er_percent": "ER percent", "er_intensity": "ER intensity", "pr": "PR",
             "pr_percent": "PR percent", "pr_intensity": "PR intensity", "her2_ihc": "HER2 IHC",
             "her2_ish": "HER2 ISH", "her2_ratio": "HER2/CEP17 ratio", "ki67_percent": "Ki-67",
             "grade": "grade", "histology": "histology", "variants": "variant",
             "amplifications": "amplification", "pd_l1": "PD-L1", "tmb": "TMB", "msi": "MSI",
             "sites": "site", "response": "overall response", "new_lesion": "new lesion"}[name]  # fmt: skip
    if name.endswith("_percent"):
        text = f"{value}%"
    elif name == "variants":
        text = f"{value['gene']} {value['protein']}"
    elif name == "pd_l1":
        text = f"{value['scoring']} {value['value']}" + (
            f" ({value['assay']})" if value.get("assay") else ""
        )
    elif name == "tmb":
        text = f"{value} mutations per megabase"
    elif name == "sites":
        text = f"{value['site']}: {value['status']}"
    elif name == "new_lesion":
        text = "yes" if value else "no"
    else:
        text = str(value)
    return f"{label}: {text}"


def check_kind(kind: str) -> str:
    canon = KIND_WORDS.get(str(kind).strip().lower())
    if canon is None:
        raise ReportError(
            f"The report kind {str(kind)[:40]!r} is not one we read; choose pathology, biomarker/NGS or imaging."
        )
    return canon


def check_text(text: str) -> str:
    if "\x00" in text:
        raise ReportError(
            "The report text holds NUL characters, which no report has; paste the text again."
        )
    if len(text) > MAX_CHARS:
        raise ReportError(
            f"The report text is longer than {MAX_CHARS:,} characters; paste only the report."
        )
    if not text.strip():
        raise ReportError("The report text is empty; paste the report's text or upload its PDF.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_report(text: str, kind: str) -> Report:
    kind = check_kind(kind)
    text = check_text(text)
    found: list[Fact] = []
    for span in sentences(text):
        found.extend(_in_sentence(text, span, kind))
    kept, aside = [], []
    seen: set = set()
    for f in found:
        key = (f.field, repr(f.value))
        if f.context:
            aside.append(f)
        elif key not in seen:
            seen.add(key)
            kept.append(f)
    kept = _one_status_per_site(kept)
    if any(
        f.field == "new_lesion" and f.value is True for f in kept
    ):  # "new liver lesion" beats "no other new lesions"
        kept = [f for f in kept if not (f.field == "new_lesion" and f.value is False)]
    elif any(f.field == "sites" and f.value["status"] == "new" for f in kept):
        f = next(f for f in kept if f.field == "sites" and f.value["status"] == "new")
        kept = [x for x in kept if x.field != "new_lesion"]
        kept.append(Fact("new_lesion", True, f.start, f.end, f.sentence, "site-new"))
    return Report(text, kind, tuple(kept), tuple(aside))


def _in_sentence(text: str, span: Span, kind: str) -> list[Fact]:
    out: list[Fact] = []
    sentence = text[span.start : span.end]
    for p in pt.patterns():
        if kind not in p.kinds:
            continue
        for m in p.rx.finditer(text, span.start, span.end):
            ctx = {"text": text, "sentence": sentence, "sentence_start": span.start,
                   "field": p.field, "value": p.value}  # fmt: skip
            for name, value, a, b in READERS[p.reader](m, ctx):
                out.append(_fact(text, span, name, value, a, b, p.name, p.drop_when))
    if kind == "imaging":
        out.extend(_sites(text, span, sentence))
    return [f for f in out if f is not None]


def _fact(text, span, name, value, a, b, pattern, drop_when) -> Fact | None:
    where = (span.start, span.end)
    got = context(text, span, a, b)
    if got and got[0] in drop_when:
        return Fact(name, value, a, b, where, pattern, got[0], got[1])
    return Fact(name, value, a, b, where, pattern)


def _one_status_per_site(facts: list[Fact]) -> list[Fact]:
    """New lesions in an organ that already had disease make it growing, not new (RECIST); one
    lesion gone while another shrinks leaves the organ smaller, not gone."""
    by_site: dict[str, set[str]] = {}
    for f in facts:
        if f.field == "sites":
            by_site.setdefault(f.value["site"], set()).add(f.value["status"])
    return [
        f
        for f in facts
        if not (
            f.field == "sites"
            and f.value["status"] == "new"
            and "growing" in by_site[f.value["site"]]
        )
        and not (
            f.field == "sites"
            and f.value["status"] == "gone"
            and by_site[f.value["site"]] - {"gone"}
        )
    ]


_SIZE = re.compile(
    r"(\d+(?:\.\d+)?)(?:\s*x\s*\d+(?:\.\d+)?)*\s*(mm|cm)\b[^.;]{0,30}?\b(?:previously|prior|was|formerly|from)"
    r"\s*:?\s*(\d+(?:\.\d+)?)(?:\s*x\s*\d+(?:\.\d+)?)*\s*(mm|cm)\b",
    re.I,
)


def _sizes(sentence: str) -> list[tuple[int, int, str]]:
    """ "4 mm, previously 9 mm" -> smaller; "3.9 cm (prior 2.6 cm)" -> growing (longest size first)."""
    out = []
    for m in _SIZE.finditer(sentence):
        now = float(m.group(1)) * (10 if m.group(2).lower() == "cm" else 1)
        before = float(m.group(3)) * (10 if m.group(4).lower() == "cm" else 1)
        if now != before:
            out.append((m.start(), m.end(), "smaller" if now < before else "growing"))
    return out


def _longest(matches: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    chosen: list[tuple[int, int, str]] = []
    for m in sorted(matches, key=lambda x: (x[0] - x[1], x[0])):
        if all(m[1] <= c[0] or m[0] >= c[1] for c in chosen):
            chosen.append(m)
    return sorted(chosen)


def _sites(text: str, span: Span, sentence: str) -> list[Fact]:
    if pt.benign().search(sentence):  # "favored degenerative", "radiation fibrosis, unchanged"
        return []
    statuses = [(m.start(), m.end(), s) for s, rx in pt.statuses() for m in rx.finditer(sentence)]
    statuses = _longest(statuses + _sizes(sentence))
    hits = _longest(
        [(m.start(), m.end(), s) for s, rx in pt.sites() for m in rx.finditer(sentence)]
    )
    out = []
    for a, b, site in hits:
        left = sentence.rfind(";", 0, a) + 1
        right = sentence.find(";", b)
        right = len(sentence) if right < 0 else right
        near = [s for s in statuses if s[0] >= left and s[1] <= right]
        if not near:
            continue
        best = min(near, key=lambda s: min(abs(s[0] - b), abs(s[1] - a)))
        status = best[2]
        start, end = span.start + a, span.start + b
        # the site or its status word may carry the cue ("Lungs: nodule, possibly new")
        got = context(text, span, start, end) or context(
            text, span, span.start + best[0], span.start + best[1]
        )
        value = {"site": site, "status": status}
        if got and got[0] == "prior" and not got[1].startswith("section:"):
            got = None  # "previously noted nodularity has resolved": imaging compares by nature
        if got and (got[0] in ("hedged", "prior") or (got[0] == "negated" and status != "gone")):
            out.append(
                Fact("sites", value, start, end, (span.start, span.end), "site", got[0], got[1])
            )
        else:
            out.append(Fact("sites", value, start, end, (span.start, span.end), "site"))
    return out
