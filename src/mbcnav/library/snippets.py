"""Search results for pages: the best sentences of each passage with the matched words marked.

Snippets are lists of ``(text, matched)`` pieces so a template can wrap the matched
ones in ``<mark>`` without trusting any HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mbcnav.library.articles import ARTICLES_DIR, Article, Section
from mbcnav.library.index import get_index
from mbcnav.library.vocabulary import analyse

SENTENCE = re.compile(r"(?<=[.!?])\s+")
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+\-/]*")


@dataclass(frozen=True)
class Result:
    article: Article
    section: Section
    url: str
    snippet: list[tuple[str, bool]]
    score: float


@lru_cache(maxsize=20000)
def token_stems(word: str) -> frozenset[str]:
    """The search tokens of one word (kept: the same words recur in every snippet)."""
    return frozenset(analyse(word))


def highlight(text: str, stems: set[str]) -> list[tuple[str, bool]]:
    """Split text into pieces, marking the words whose search token is in ``stems``."""
    pieces: list[tuple[str, bool]] = []
    last = 0
    for m in TOKEN.finditer(text):
        if token_stems(m.group(0)) & stems:
            if m.start() > last:
                pieces.append((text[last : m.start()], False))
            pieces.append((m.group(0), True))
            last = m.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


def best_sentences(text: str, stems: set[str], limit: int = 280) -> str:
    """The run of sentences (up to ``limit`` characters) that holds the most matched words."""
    flat = " ".join(text.split())
    sentences = [s for s in SENTENCE.split(flat) if s]
    if not sentences:
        return ""
    hits = [len(set(analyse(s)) & stems) for s in sentences]
    start = max(range(len(sentences)), key=lambda i: (hits[i], -i))
    chosen = sentences[start]
    for extra in sentences[start + 1 :]:
        if len(chosen) + len(extra) + 1 > limit:
            break
        chosen += " " + extra
    if len(chosen) > limit:
        chosen = chosen[:limit].rsplit(" ", 1)[0] + " …"
    return ("… " if start else "") + chosen


def search_results(
    question: str, top: int = 20, directory: Path | str = ARTICLES_DIR
) -> list[Result]:
    """Passages for a search page, best first, each with a highlighted snippet."""
    index = get_index(directory)
    if not question.strip():
        return []
    terms, _ = index.terms(question)
    stems = {t.stem for t in terms}
    out = []
    for hit in index.search(question, top=top):
        if hit.coverage <= 0:
            continue
        article = index.library.articles[hit.section.article]
        text = best_sentences(hit.section.text, stems)
        out.append(
            Result(
                article,
                hit.section,
                f"{article.url}#{hit.section.anchor}",
                highlight(text, stems),
                hit.score,
            )
        )
    return out
