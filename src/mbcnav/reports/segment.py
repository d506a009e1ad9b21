"""Cut a report into lines and sentences with their character spans, find section headings,
and mark each span's context (negated, hedged, prior) with the cues of ``data/context.yaml``.

A ConText-style reading (Chapman et al. 2011): a cue's scope runs from the cue to the end of its
clause, in the cue's direction. Plain Python and regular expressions: runs offline on 2 cores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .errors import ReportError

KINDS = ("negated", "hedged", "prior")
_HEADING = re.compile(r"^\s*([A-Za-z][A-Za-z /&()'-]{1,48}?)\s*:")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)%\]])[.!?](?=\s+[A-Z(])")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    section: str  # folded heading the span sits under ("" before the first heading)


@dataclass(frozen=True)
class Cue:
    name: str
    kind: str
    direction: str
    rx: re.Pattern


@cache
def context_data() -> tuple[tuple[Cue, ...], re.Pattern, frozenset[str]]:
    text = resources.files("mbcnav.reports").joinpath("data/context.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    where = "reports/data/context.yaml"
    if not isinstance(data, dict) or not data.get("as_of") or not data.get("source"):
        raise ReportError(f"{where}: needs as_of, source, cues and terminators.")
    cues = []
    for i, c in enumerate(data.get("cues") or []):
        if c.get("kind") not in KINDS or c.get("direction") not in ("forward", "backward"):
            raise ReportError(f"{where}: cue {i + 1} ({c.get('name')}) needs a kind in {KINDS} and a direction.")
        words = "|".join(f"(?:{w})" for w in c["words"])
        try:
            rx = re.compile(rf"(?<![\w-])(?:{words})", re.I)
        except re.error as err:
            raise ReportError(f"{where}: cue {c['name']}: {err}.") from None
        cues.append(Cue(c["name"], c["kind"], c["direction"], rx))
    ends = "|".join(re.escape(w) for w in data["terminators"])
    terminator = re.compile(rf"[;]|\b(?:{ends})\b", re.I)
    return tuple(cues), terminator, frozenset(data["prior_sections"])


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def sentences(text: str) -> list[Span]:
    """Each non-blank line, cut again at sentence ends; a short heading line ("ER:") joins the next."""
    spans: list[Span] = []
    section = ""
    pos = 0
    lines = text.split("\n")
    carry: int | None = None
    for line in lines:
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            carry = None
            continue
        if m := _HEADING.match(line):
            head = fold(m.group(1))
            if len(head.split()) <= 5 and (line[m.end() :].strip() == "" or head.isupper() or m.group(1).isupper() or head in context_data()[2]):
                section = head
        if carry is not None:  # "Estrogen receptor:" then "  Positive (95%)" on the next line
            start = carry
            carry = None
        if re.fullmatch(r"\s*[A-Za-z][\w /()-]{0,40}:\s*", line) and fold(line[:-1] if line.endswith(":") else line) not in context_data()[2]:
            carry = start
            continue
        cut = start
        for m in _SENTENCE_END.finditer(text, start, end):
            spans.append(Span(cut, m.end(), section))
            cut = m.end()
        spans.append(Span(cut, end, section))
    return [s for s in spans if text[s.start : s.end].strip()]


def context(text: str, span: Span, start: int, end: int) -> tuple[str, str] | None:
    """(kind, cue words) when ``text[start:end]`` in ``span`` is negated, hedged or prior."""
    cues, terminator, prior_sections = context_data()
    pseudo = _pseudo()
    if any(span.section == s or span.section.startswith(s + " ") for s in prior_sections):
        return "prior", span.section
    sentence = text[span.start : span.end]
    a, b = start - span.start, end - span.start
    for cue in cues:
        for m in cue.rx.finditer(sentence):
            if pseudo.match(sentence, m.start()):
                continue
            if cue.direction == "forward":
                if m.start() >= a or (m.end() > a and m.start() < a):
                    continue
                between = sentence[m.end() : a]
                if terminator.search(between) or _closes(sentence, m.start(), a):
                    continue
                return cue.kind, m.group(0)
            if m.start() < b:
                continue
            between = sentence[b : m.start()]
            if terminator.search(between) or "," in between:
                continue
            return cue.kind, m.group(0)
    return None


@cache
def _pseudo() -> re.Pattern:
    text = resources.files("mbcnav.reports").joinpath("data/context.yaml").read_text("utf-8")
    words = "|".join(f"(?:{w})" for w in yaml.safe_load(text).get("pseudo") or ["(?!)"])
    return re.compile(words, re.I)


def _closes(sentence: str, cue_at: int, fact_at: int) -> bool:
    """A cue inside brackets stops at the closing bracket: "ER 5% (previously 90%)"."""
    inside = sentence[:cue_at].count("(") > sentence[:cue_at].count(")")
    return inside and ")" in sentence[cue_at:fact_at]
