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
            raise ReportError(
                f"{where}: cue {i + 1} ({c.get('name')}) needs a kind in {KINDS} and a direction."
            )
        words = "|".join(f"(?:{spaces(w)})" for w in sorted(c["words"], key=len, reverse=True))
        try:
            rx = re.compile(rf"(?<![\w-])(?:{words})", re.I)
        except re.error as err:
            raise ReportError(f"{where}: cue {c['name']}: {err}.") from None
        cues.append(Cue(c["name"], c["kind"], c["direction"], rx))
    ends = "|".join(re.escape(w) for w in data["terminators"])
    terminator = re.compile(rf"[;]|\b(?:{ends})\b", re.I)
    return tuple(cues), terminator, frozenset(data["prior_sections"])


def spaces(rx: str) -> str:
    """A regular expression whose literal spaces (outside [...]) also match a line break and the
    indent after it: report lines wrap anywhere ("consistent with complete\\n   response")."""
    out, in_class, escaped = [], False, False
    for ch in rx:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[":
            in_class = True
            out.append(ch)
        elif ch == "]":
            in_class = False
            out.append(ch)
        elif ch == " " and not in_class:
            out.append(r"\s+")
        else:
            out.append(ch)
    return "".join(out)


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _heading(line: str) -> str | None:
    """The folded heading a line starts ("IHC (A1):", "GENOMIC FINDINGS", "Comparison: CT 09/04")."""
    if m := re.match(r"^\s*([A-Za-z][^:\n]{1,90}?)\s*:(?!\d)", line):
        head = fold(m.group(1))
        rest = line[m.end() :].strip()
        if len(head.split()) <= 14 and (not rest or m.group(1).isupper() or _known(head)):
            return head
    words = line.split()
    if (
        0 < len(words) <= 8
        and line.strip().isupper()
        and re.search(r"[A-Z]{3}", line)
        and not re.search(r"\d", line)
    ):
        return fold(line)
    return None


def _known(head: str) -> bool:
    prior, aside = context_data()[2], _aside_sections()
    return any(head.startswith(s) for s in prior) or bool(aside.search(head))


def _lines(text: str) -> list[tuple[int, int]]:
    """Logical lines: a line that runs on ("...HER2 FISH" then "negative with ratio 1.1.") joins
    the next when the next starts in lower case."""
    out: list[list[int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if (
            out
            and stripped
            and re.match(r"[a-z(]", stripped)
            and text[out[-1][0] : out[-1][1]].strip()
            and not re.search(r"[.:;!?]\s*$", text[out[-1][0] : out[-1][1]])
        ):
            out[-1][1] = end
            continue
        out.append([start, end])
    return [(a, b) for a, b in out]


def sentences(text: str) -> list[Span]:
    """Each logical line, cut again at sentence ends; a short label line ("ER:") joins the next."""
    spans: list[Span] = []
    section = ""
    carry: int | None = None
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            carry = None
            if section and _known(section):  # a history or VUS block ends at a blank line
                section = ""
            continue
        if (head := _heading(line)) is not None:
            section = head
        if carry is not None:  # "Estrogen receptor:" then "  Positive (95%)" on the next line
            start, carry = carry, None
        if re.fullmatch(r"\s*[A-Za-z][\w /()-]{0,40}:\s*", line) and _heading(line) is None:
            carry = start
            continue
        cut = start
        for m in _SENTENCE_END.finditer(text, start, end):
            spans.append(Span(cut, m.end(), section))
            cut = m.end()
        spans.append(Span(cut, end, section))
    return [s for s in spans if text[s.start : s.end].strip()]


@cache
def _aside_sections() -> re.Pattern:
    text = resources.files("mbcnav.reports").joinpath("data/context.yaml").read_text("utf-8")
    words = "|".join(f"(?:{w})" for w in yaml.safe_load(text).get("hedged_sections") or ["(?!)"])
    return re.compile(words, re.I)


def context(text: str, span: Span, start: int, end: int) -> tuple[str, str] | None:
    """(kind, cue words) when ``text[start:end]`` in ``span`` is negated, hedged or prior."""
    cues, terminator, prior_sections = context_data()
    pseudo = _pseudo()
    if any(
        span.section == s or span.section.startswith(s + " ") or span.section.startswith(s + "(")
        for s in prior_sections
    ):
        return "prior", f"section: {span.section}"
    if _aside_sections().search(span.section):
        return "hedged", f"section: {span.section}"
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
