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

FIELD_WEIGHTS = {"title": 1.6, "heading": 1.3, "summary": 0.6, "body": 1.0}
# How much a field's own IDF counts (0 = passage IDF only). Headings are questions, so a
# word rare among headings ("treated", "symptoms") says more about intent there.
FIELD_IDF_BLEND = {"heading": 0.5}
# Short FAQ answers point to full articles: on a tie, the article's own passage wins.
TOPIC_PRIOR = {"faq": 0.7}
FUZZY_CUTOFF = 82  # rapidfuzz ratio (0-100) for a misspelt word to count as a known word
FUZZY_MIN_LENGTH = 5


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


def matched_origins(terms: list[Term], doc_terms: set[str]) -> set[str]:
    """Question words (or phrases) a passage answers: all their own stems, or all of a synonym's."""
    alts: dict[tuple[str, str], list[bool]] = {}
    for t in terms:
        alts.setdefault((t.origin, t.alt), []).append(t.stem in doc_terms)
    return {o for (o, _), found in alts.items() if all(found)}


class Index:
    """An in-memory BM25 index over the sections of a library."""

    def __init__(self, library: Library, syn: Synonyms):
        self.library = library
        self.synonyms = syn
        self.sections: list[Section] = library.sections
        fields = {
            "title": [library.articles[s.article].title for s in self.sections],
            "heading": [s.heading if s.position else "" for s in self.sections],
            "summary": [library.articles[s.article].summary for s in self.sections],
            "body": [s.text for s in self.sections],
        }
        self.retrievers: dict[str, bm25s.BM25] = {}
        self.field_df: dict[str, dict[str, int]] = {}
        self.doc_terms: list[set[str]] = [set() for _ in self.sections]
        for name, texts in fields.items():
            tokens = [analyse(t) or ["_"] for t in texts]
            field_df: dict[str, int] = {}
            for i, toks in enumerate(tokens):
                self.doc_terms[i].update(toks)
                for t in set(toks):
                    field_df[t] = field_df.get(t, 0) + 1
            self.field_df[name] = field_df
            retriever = bm25s.BM25()
            if self.sections:
                retriever.index(tokens, show_progress=False)
            self.retrievers[name] = retriever
        df: dict[str, int] = {}
        for terms in self.doc_terms:
            for t in terms:
                df[t] = df.get(t, 0) + 1
        self.n_docs = max(len(self.sections), 1)
        self.prior = np.array(
            [TOPIC_PRIOR.get(library.articles[s.article].topic, 1.0) for s in self.sections],
            dtype=np.float32,
        )
        self.df = df
        corpus_words = {w for texts in fields.values() for t in texts for w in words(t)}
        self.known_words = corpus_words | syn.known_words
        # candidates for a misspelt word of length n: known words of length n-2 .. n+2
        self.spell_by_length: dict[int, list[str]] = {}
        for w in sorted(self.known_words):
            if len(w) >= FUZZY_MIN_LENGTH - 2 and w.isalpha():
                for n in range(len(w) - 2, len(w) + 3):
                    self.spell_by_length.setdefault(n, []).append(w)

    def idf(self, term: str) -> float:
        return bm25_idf(self.df.get(term, 0), self.n_docs)

    def spell(self, word: str) -> str:
        """A known word for a misspelt one (or the word itself)."""
        if word in self.known_words or len(word) < FUZZY_MIN_LENGTH or not word.isalpha():
            return word
        # one slip in a short word changes it a lot: ask more of short words
        cutoff = FUZZY_CUTOFF + (4 if len(word) <= 6 else 0)
        near = self.spell_by_length.get(len(word), ())
        best = process.extractOne(word, near, scorer=fuzz.ratio, score_cutoff=cutoff)
        return best[0] if best else word

    def terms(self, question: str) -> tuple[list[Term], dict[str, float]]:
        """Weighted search terms and the question's content words (origins) with their IDF.

        Words of a synonym phrase found in the question ("stage 4") form one origin, so
        the phrase's alternatives count once, not once per word.
        """
        said = self.synonyms.correct(question)
        fixed = " ".join(self.spell(w) for w in said.split())
        stems = analyse(fixed)
        expansions = self.synonyms.expansions(fixed)
        owner_of: dict[str, str] = {}
        for phrase in sorted({p for p, _, _ in expansions}, key=lambda p: -len(p.split())):
            mine = [x for x in analyse(phrase) if x not in owner_of]
            for x in mine:
                owner_of[x] = " ".join(mine)
        terms: list[Term] = []
        origins: dict[str, float] = {}
        for x in dict.fromkeys(stems):
            o = owner_of.get(x, x)
            terms.append(Term(x, 1.0, o, ""))
            origins[o] = max(origins.get(o, 0.0), self.idf(x))
        seen = {(t.stem, t.origin, t.alt) for t in terms}
        for phrase, extra, weight in expansions:
            owners = {owner_of[x] for x in analyse(phrase) if x in owner_of}
            for o in owners:
                for x in analyse(extra):
                    if (x, o, extra) not in seen:
                        seen.add((x, o, extra))
                        terms.append(Term(x, weight, o, extra))
                origins.setdefault(o, 0.0)
        return terms, origins

    def term_scores(self, term_stem: str) -> np.ndarray:
        """Fused (title, heading, body) BM25 scores of one stem for every passage."""
        per_field = {}
        for name, retriever in self.retrievers.items():
            if term_stem in retriever.vocab_dict:
                # bm25s weighs each field by that field's own IDF; use the passage IDF
                # instead, so a word rare among headings is not worth more than in the body.
                field_idf = bm25_idf(self.field_df[name].get(term_stem, 0), self.n_docs)
                blend = FIELD_IDF_BLEND.get(name, 0.0)
                rescale = (self.idf(term_stem) / field_idf) ** (1.0 - blend)
                per_field[name] = retriever.get_scores([term_stem]) * rescale
            else:
                per_field[name] = np.zeros(len(self.sections), dtype=np.float32)
        return fuse(per_field, FIELD_WEIGHTS)

    def scores(self, terms: list[Term]) -> np.ndarray:
        """Sum over the question's words of the best-scoring of their alternatives.

        A word and its synonyms are alternatives (an OR): a passage gets the best of
        them, so a long synonym group cannot outweigh the other words of the question.
        """
        cache: dict[str, np.ndarray] = {}
        alts: dict[tuple[str, str], np.ndarray] = {}
        for t in terms:
            if t.stem not in cache:
                cache[t.stem] = self.term_scores(t.stem)
            key = (t.origin, t.alt)
            part = t.weight * cache[t.stem]
            alts[key] = part if key not in alts else alts[key] + part
        sizes: dict[tuple[str, str], int] = {}
        for t in terms:
            sizes[(t.origin, t.alt)] = sizes.get((t.origin, t.alt), 0) + 1
        best: dict[str, np.ndarray] = {}
        for (origin, alt), part in alts.items():
            if alt:  # a long synonym phrase must not outweigh a one-word equivalent
                part = part / math.sqrt(sizes[(origin, alt)])
            best[origin] = part if origin not in best else np.maximum(best[origin], part)
        return sum(best.values(), np.zeros(len(self.sections), dtype=np.float32))

    def search(self, question: str, top: int = 10, boost=None) -> list[Hit]:
        """Best passages first; ``boost(section) -> factor`` may re-weight them."""
        if not self.sections:
            return []
        terms, origins = self.terms(question)
        if not terms:
            return []
        scores = self.scores(terms) * self.prior
        if boost is not None:
            scores = scores * np.array([boost(s) for s in self.sections], dtype=np.float32)
        hits = []
        for i in np.flatnonzero(scores > 0):
            matched = matched_origins(terms, self.doc_terms[i])
            share = coverage(origins, matched)
            hits.append(Hit(self.sections[i], float(scores[i]) * share, share))
        hits.sort(key=lambda h: -h.score)
        return hits[:top]


@lru_cache(maxsize=4)
def get_index(directory: Path | str = ARTICLES_DIR) -> Index:
    """The index of a folder of articles, built once per process."""
    return Index(load_library(directory), synonyms())


def search(question: str, top: int = 10, directory: Path | str = ARTICLES_DIR) -> list[Hit]:
    """Search the bundled articles (or another folder) for a question."""
    return get_index(directory).search(question, top=top)
