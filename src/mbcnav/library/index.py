"""BM25 search over article sections (passages), with patient vocabulary.

Each section is indexed in three fields (article title, section heading, section
text), each its own bm25s index; a passage's score is the weighted sum of its field
scores (title above heading above body). A question is analysed into weighted
terms: its own words (misspellings fixed from the synonyms file, then unknown words
matched to the index vocabulary with rapidfuzz) at full weight, synonym and drug-name
expansions at a lower weight. The index is built from the bundled articles at first
use and kept in memory; it never touches the database.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np
from rapidfuzz import fuzz, process

from mbcnav.library.articles import ARTICLES_DIR, Library, Section, load_library
from mbcnav.library.vocabulary import STOPWORDS, Synonyms, analyse, stem, synonyms, words

FIELD_WEIGHTS = {"title": 1.6, "heading": 1.3, "body": 1.0}
EXPANSION_WEIGHT = 0.4
FUZZY_CUTOFF = 82  # rapidfuzz ratio (0-100) for a misspelt word to count as a known word
FUZZY_MIN_LENGTH = 4


@dataclass(frozen=True)
class Term:
    stem: str
    weight: float
    origin: str  # the question word (or phrase) this term stands for


@dataclass(frozen=True)
class Hit:
    section: Section
    score: float
    coverage: float  # share of the question's content (IDF-weighted) the passage matches


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


def coverage(origins: dict[str, float], matched: set[str]) -> float:
    """IDF-weighted share of the question's words (origins) that a passage matched."""
    whole = sum(origins.values())
    return sum(w for o, w in origins.items() if o in matched) / whole if whole else 0.0


class Index:
    """An in-memory BM25 index over the sections of a library."""

    def __init__(self, library: Library, syn: Synonyms):
        self.library = library
        self.synonyms = syn
        self.sections: list[Section] = library.sections
        fields = {
            "title": [library.articles[s.article].title for s in self.sections],
            "heading": [s.heading if s.position else "" for s in self.sections],
            "body": [s.text for s in self.sections],
        }
        self.retrievers: dict[str, bm25s.BM25] = {}
        self.doc_terms: list[set[str]] = [set() for _ in self.sections]
        for name, texts in fields.items():
            tokens = [analyse(t) or ["_"] for t in texts]
            for i, toks in enumerate(tokens):
                self.doc_terms[i].update(toks)
            retriever = bm25s.BM25()
            if self.sections:
                retriever.index(tokens, show_progress=False)
            self.retrievers[name] = retriever
        df: dict[str, int] = {}
        for terms in self.doc_terms:
            for t in terms:
                df[t] = df.get(t, 0) + 1
        self.n_docs = max(len(self.sections), 1)
        self.df = df
        corpus_words = {w for texts in fields.values() for t in texts for w in words(t)}
        self.known_words = corpus_words | syn.known_words
        self.spell_choices = sorted(w for w in self.known_words if len(w) >= FUZZY_MIN_LENGTH)

    def idf(self, term: str) -> float:
        return bm25_idf(self.df.get(term, 0), self.n_docs)

    def spell(self, word: str) -> str:
        """A known word for a misspelt one (or the word itself)."""
        if word in self.known_words or len(word) < FUZZY_MIN_LENGTH or word.isdigit():
            return word
        best = process.extractOne(word, self.spell_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return best[0] if best else word

    def terms(self, question: str) -> tuple[list[Term], dict[str, float]]:
        """Weighted search terms and the question's content words with their IDF."""
        said = self.synonyms.correct(question)
        fixed = " ".join(self.spell(w) for w in said.split())
        terms: list[Term] = []
        origins: dict[str, float] = {}
        for w in fixed.split():
            if w in STOPWORDS:
                continue
            s = stem(w)
            terms.append(Term(s, 1.0, s))
            origins[s] = max(origins.get(s, 0.0), self.idf(s))
        seen = {(t.stem, t.origin) for t in terms}
        for phrase, extra in self.synonyms.expansions(fixed):
            owner = [stem(w) for w in phrase.split() if w not in STOPWORDS]
            for s in analyse(extra):
                for o in owner or [s]:
                    if (s, o) not in seen:
                        seen.add((s, o))
                        terms.append(Term(s, EXPANSION_WEIGHT / max(len(owner), 1), o))
                        origins.setdefault(o, self.idf(o))
        return terms, origins

    def scores(self, terms: list[Term]) -> np.ndarray:
        per_field = {}
        for name, retriever in self.retrievers.items():
            total = np.zeros(len(self.sections), dtype=np.float32)
            merged: dict[str, float] = {}
            for t in terms:
                merged[t.stem] = merged.get(t.stem, 0.0) + t.weight
            for s, weight in merged.items():
                if s in retriever.vocab_dict:
                    total += weight * retriever.get_scores([s])
            per_field[name] = total
        return fuse(per_field, FIELD_WEIGHTS)

    def search(self, question: str, top: int = 10, boost=None) -> list[Hit]:
        """Best passages first; ``boost(section) -> factor`` may re-weight them."""
        if not self.sections:
            return []
        terms, origins = self.terms(question)
        if not terms:
            return []
        scores = self.scores(terms)
        if boost is not None:
            scores = scores * np.array([boost(s) for s in self.sections], dtype=np.float32)
        order = np.argsort(-scores, kind="stable")[:top]
        hits = []
        for i in order:
            if scores[i] <= 0:
                break
            matched = {t.origin for t in terms if t.stem in self.doc_terms[i]}
            hits.append(Hit(self.sections[i], float(scores[i]), coverage(origins, matched)))
        return hits


@lru_cache(maxsize=4)
def get_index(directory: Path | str = ARTICLES_DIR) -> Index:
    """The index of a folder of articles, built once per process."""
    return Index(load_library(directory), synonyms())


def search(question: str, top: int = 10, directory: Path | str = ARTICLES_DIR) -> list[Hit]:
    """Search the bundled articles (or another folder) for a question."""
    return get_index(directory).search(question, top=top)
