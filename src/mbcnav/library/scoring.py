"""Scoring helpers of the library's BM25 index (``index.py``): pure functions of arrays.

The IDF, the fusion of per-field scores, the coverage of the question's words, the
best-of-alternatives sum over a question's words and their synonyms, and the test that
keeps the spelling fixer from turning a real word into another one. Split out of
``index.py`` with no change of behaviour.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from mbcnav.library.articles import Section


@dataclass(frozen=True)
class Term:
    stem: str
    weight: float
    origin: str  # the question word (or phrase) this term stands for
    alt: str = ""  # "" for the question's own words, else the synonym phrase it comes from


@dataclass(frozen=True)
class Hit:
    section: Section
    score: float  # fused BM25 score times coverage
    coverage: float  # share of the question's content (IDF-weighted) the passage matches
    rank: float = 0.0  # the ordering score: BM25 blended with dense similarity when re-ranked


def bm25_idf(df: int, n_docs: int) -> float:
    """Lucene-style BM25 IDF: always positive, larger for rarer terms."""
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


def fuse(field_scores: dict[str, np.ndarray], weights: dict[str, float]) -> np.ndarray:
    """Weighted sum of per-field BM25 score arrays."""
    total = None
    for name, scores in field_scores.items():
        part = weights[name] * scores
        total = part if total is None else total + part
    return total


def is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def drops_real_letters(word: str, candidate: str) -> bool:
    """Whether reaching ``candidate`` only deletes letters of ``word`` that are not doubled.

    Such a "fix" usually turns a real word into another one ("paint" -> "pain",
    "movie" -> "move"), while typing slips drop or swap letters ("brest", "fatige")
    or double one ("cancerr").
    """
    if len(candidate) >= len(word) or not is_subsequence(candidate, word):
        return False
    undoubled = re.sub(r"(.)\1+", r"\1", word)
    return not (undoubled == candidate or is_subsequence(undoubled, candidate))


def coverage(answered: dict[str, np.ndarray], origins: dict[str, float], n: int) -> np.ndarray:
    """Per passage, the IDF-weighted share of the question's words (origins) it answers."""
    share = np.zeros(n, dtype=np.float32)
    whole = sum(origins.values())
    if not whole:
        return share
    for origin, weight in origins.items():
        if origin in answered:
            share += weight * answered[origin]
    return share / whole


def combine(
    terms: list[Term], origins: dict[str, float], term_scores, n: int, lenient: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Passage scores and coverage for weighted terms (see ``Index.scores``).

    ``term_scores(stem)`` gives one stem's fused BM25 scores for the ``n`` passages.
    """
    cache: dict[str, np.ndarray] = {}
    alts: dict[tuple[str, str], np.ndarray] = {}
    found: dict[tuple[str, str], np.ndarray] = {}
    sizes: dict[tuple[str, str], int] = {}
    for t in terms:
        if t.stem not in cache:
            cache[t.stem] = term_scores(t.stem)
        key = (t.origin, t.alt)
        part = t.weight * cache[t.stem]
        here = cache[t.stem] > 0
        alts[key] = part if key not in alts else alts[key] + part
        found[key] = here if key not in found else found[key] & here
        sizes[key] = sizes.get(key, 0) + 1
    best: dict[str, np.ndarray] = {}
    answered: dict[str, np.ndarray] = {}
    for (origin, alt), part in alts.items():
        if alt:  # a long synonym phrase must not outweigh a one-word equivalent
            part = part / math.sqrt(sizes[(origin, alt)])
        best[origin] = part if origin not in best else np.maximum(best[origin], part)
        hit = found[(origin, alt)]
        answered[origin] = hit if origin not in answered else answered[origin] | hit
    total = sum(best.values(), np.zeros(n, dtype=np.float32))
    if lenient:  # words no passage holds (nor any of their synonyms) cannot be answered
        origins = {o: w for o, w in origins.items() if o in answered and answered[o].any()}
    return total, coverage(answered, origins, n)
