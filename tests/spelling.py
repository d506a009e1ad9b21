"""One spelling (US) in what people read, and what stays as written.

``BRITISH`` finds British spellings; ``quoted_texts()`` is what is quoted, not written by us
(titles of sources as their publishers wrote them, ClinicalTrials.gov text), where a British
spelling stays; ``unquoted(text, match)`` says whether a match lies outside those quotes.
Vocabulary that reads people's words (synonyms, patterns) keeps British spellings on purpose:
people type "diarrhoea" and the readers must still understand it.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import yaml

SRC = Path(__file__).resolve().parents[1] / "src" / "mbcnav"

BRITISH = re.compile(
    r"\b(tumours?|centres?|organis(?:e|ed|es|ing|ation|ations)|colours?|"
    r"behaviours?|favourites?|favourabl[ey]|recognis(?:e|es|ed|ing)|oestrogens?|oesophag\w*|"
    r"haem\w*|anaem\w*|diarrhoea|oedema|programmes?|paediatric\w*|randomis\w*|"
    r"summaris(?:e|ed|es|ing)|grey|travelled|travelling|counselling|licence|fibre|litres?|"
    r"ageing|leukaemia|gynaecolog\w*|orthopaedic\w*|neighbours?)\b",
    re.IGNORECASE,
)


def _strings(value, out: list[str], *, sources_only: bool) -> None:
    if isinstance(value, dict):
        if not sources_only or {"publisher", "url"} & set(value):
            out += [str(value[k]) for k in ("title", "publisher") if value.get(k)]
        for item in value.values():
            _strings(item, out, sources_only=sources_only)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out, sources_only=sources_only)
    elif isinstance(value, str) and not sources_only:
        out.append(value)


def _front_matter(path: Path):
    text = path.read_text("utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else None


@lru_cache(maxsize=1)
def quoted_texts() -> tuple[str, ...]:
    """Source titles and publishers from every data file and article; all registry text."""
    out: list[str] = []
    for path in SRC.rglob("data/*.yaml"):
        _strings(yaml.safe_load(path.read_text("utf-8")), out, sources_only=True)
    for path in SRC.rglob("library/articles/*.md"):
        _strings(_front_matter(path), out, sources_only=True)
    from mbcnav.trials.snapshot import open_snapshot

    for trial in open_snapshot().trials():
        _strings(asdict(trial), out, sources_only=False)
    return tuple(" ".join(t.split()) for t in out if BRITISH.search(t))


@lru_cache(maxsize=1)
def _quoted_blob() -> str:
    return "\n".join(quoted_texts()).casefold()


@lru_cache(maxsize=1)
def _quoted_whole() -> frozenset[str]:
    return frozenset(t.casefold() for t in quoted_texts())


def unquoted(text: str, match: re.Match) -> bool:
    """True when the British word at ``match`` (with the words either side) is not quoted."""
    start = re.search(r"\S*\s*\Z", text[: match.start()]).start()
    end = match.end() + re.match(r"\s*\S*", text[match.end() :]).end()
    blob = _quoted_blob()
    if match.group(0).casefold() in _quoted_whole():  # a whole quoted field (a region "Centre")
        return False
    return not any(
        part.strip().casefold() in blob
        for part in (text[start : match.end()], text[match.start() : end])
    )


def british_in(text: str) -> list[str]:
    """British spellings in ``text`` outside quoted source titles and registry text."""
    text = " ".join(text.split())
    return sorted({m.group(0) for m in BRITISH.finditer(text) if unquoted(text, m)})
