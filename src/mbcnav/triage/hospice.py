"""Care at home under hospice: some signs that would send others to 911 go to the hospice line.

The words that say someone is under hospice care, the rules whose signs go to the hospice line, and the
advice itself live in ``data/hospice.yaml`` (sourced, dated); this module reads and checks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

from .errors import TriageError
from .rule import Source

_WHERE = "triage/data/hospice.yaml"


@dataclass(frozen=True)
class HospiceRule:
    words: re.Pattern
    unless: re.Pattern
    route: tuple[str, ...]
    why: str
    do: str
    sources: tuple[Source, ...]
    as_of: date


def _fail(field: str, what: str) -> TriageError:
    return TriageError(f"{_WHERE}: {field} {what}")


def build(raw: dict) -> HospiceRule:
    """Check and build the hospice rule from its data file."""
    if not isinstance(raw, dict):
        raise _fail("the file", "must be a mapping")
    missing = {
        "as_of",
        "sources",
        "words",
        "unless",
        "route",
        "why",
        "do",
    } - raw.keys()
    if missing:
        raise _fail("the file", f"needs {', '.join(sorted(missing))}")
    for field in ("words", "unless", "route"):
        words = raw[field]
        if not words or not all(isinstance(w, str) and w == w.lower().strip() for w in words):
            raise _fail(field, "must be a list of lower-case words")
    sources = []
    for s in raw["sources"]:
        if not all(s.get(k) for k in ("publisher", "title", "url", "read")):
            raise _fail("sources", "need publisher, title, url and read")
        sources.append(
            Source(s["publisher"], s["title"], s["url"], date.fromisoformat(str(s["read"])))
        )
    if "911" not in raw["do"] or "hospice" not in raw["do"]:
        raise _fail("do", "must name the hospice line and when to call 911")
    return HospiceRule(
        _phrases(raw["words"]),
        _phrases(raw["unless"]),
        tuple(raw["route"]),
        raw["why"],
        raw["do"],
        tuple(sources),
        date.fromisoformat(str(raw["as_of"])),
    )


def _phrases(words: list[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


@cache
def hospice_rule() -> HospiceRule:
    text = resources.files("mbcnav.triage").joinpath("data/hospice.yaml").read_text("utf-8")
    return build(yaml.safe_load(text))


def under_hospice(texts: list[str]) -> bool:
    """Whether the person's own words say they are cared for by a hospice."""
    rule = hospice_rule()
    said = " ; ".join(t.lower().replace("-", " ").replace("'", "") for t in texts if t)
    return bool(rule.words.search(said)) and not rule.unless.search(said)


def routed(rule_name: str) -> bool:
    """Whether a 911-level rule goes to the hospice line under hospice care: only the signs the
    hospice team is there for (confusion, drowsiness, restlessness, pain, eating and drinking
    less), by a part of the rule's name; every other sign keeps 911."""
    return any(part in rule_name for part in hospice_rule().route)
