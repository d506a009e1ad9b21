"""Trial jargon explained: ``data/glossary.yaml`` (paraphrases of the NCI Dictionary of Cancer
Terms), validated on load.

- ``terms()``: every entry as ``Term`` (term, plain words, source address).
- ``explain(*texts)``: the entries whose words appear in the texts, in order of first appearance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from mbcnav.trials.errors import TrialsError

WHERE = "trials/data/glossary.yaml"


@dataclass(frozen=True)
class Term:
    term: str
    plain: str
    url: str
    pattern: re.Pattern

    def as_dict(self) -> dict:
        return {"term": self.term, "plain": self.plain, "source": self.url}


def _pattern(words: list[str]) -> re.Pattern:
    """Capitals-only abbreviations match as written; other words in any case."""
    exact = [w for w in words if w.upper() == w and any(c.isalpha() for c in w)]
    loose = [w for w in words if w not in exact]
    parts = [rf"(?<![\w-]){re.escape(w)}(?![\w-])" for w in exact]
    parts += [rf"(?i:(?<![\w-]){re.escape(w)}(?![\w]))" for w in loose]
    return re.compile("|".join(parts))


def validate(raw: object) -> list[Term]:
    if not isinstance(raw, dict) or not isinstance(raw.get("terms"), list):
        raise TrialsError(f"{WHERE}: expected a mapping with a 'terms' list.")
    for key in ("as_of", "publisher", "title", "base_url"):
        if not raw.get(key):
            raise TrialsError(f"{WHERE}: the field '{key}' is missing.")
    out = []
    for i, entry in enumerate(raw["terms"], 1):
        if not isinstance(entry, dict):
            raise TrialsError(f"{WHERE}: term {i} must be a mapping.")
        for key in ("term", "match", "plain", "source"):
            if not entry.get(key):
                raise TrialsError(f"{WHERE}: term {i} is missing the field '{key}'.")
        words = entry["match"]
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise TrialsError(f"{WHERE}: term '{entry['term']}' needs 'match' as a list of words.")
        out.append(
            Term(
                str(entry["term"]),
                str(entry["plain"]),
                str(raw["base_url"]) + str(entry["source"]),
                _pattern(words),
            )
        )
    return out


@cache
def terms() -> tuple[Term, ...]:
    path = resources.files("mbcnav.trials").joinpath("data/glossary.yaml")
    return tuple(validate(yaml.safe_load(path.read_text("utf-8"))))


@cache
def source() -> dict:
    path = resources.files("mbcnav.trials").joinpath("data/glossary.yaml")
    raw = yaml.safe_load(path.read_text("utf-8"))
    return {"publisher": raw["publisher"], "title": raw["title"], "as_of": str(raw["as_of"])}


def explain(*texts: str, limit: int = 12) -> list[dict]:
    """Glossary entries found in ``texts`` ({"term", "plain", "source"}), first seen first."""
    text = "\n".join(t for t in texts if t)
    found = []
    for t in terms():
        m = t.pattern.search(text)
        if m:
            found.append((m.start(), t))
    found.sort(key=lambda x: x[0])
    return [t.as_dict() for _, t in found[:limit]]
