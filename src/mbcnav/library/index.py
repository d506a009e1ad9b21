"""BM25 search over article sections (passages), with patient vocabulary.

Each section is indexed in four fields (article title, section heading, article
summary, section text), each its own bm25s index with a shared passage IDF; a
passage's score is the weighted sum of its field scores (title above heading above
body). A question is analysed into terms: its own words (misspellings fixed from the
synonyms file, then unknown words matched to the index vocabulary with rapidfuzz),
plus alternatives from the synonyms file (exact equivalents and brand -> generic
drug names at full weight, looser synonyms and drug classes lower). Each question
word scores the best of its alternatives, and the total is multiplied by the
passage's coverage of the question. The index is built from the bundled articles at
first use and kept in memory; it never touches the database. The pure scoring helpers
(IDF, field fusion, coverage, best-of-alternatives) are in ``scoring.py``.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from mbcnav.library import rerank as dense
from mbcnav.library.articles import ARTICLES_DIR, Library, Section, load_library
from mbcnav.library.scoring import (  # noqa: F401 (Term, Hit, coverage: public here too)
    Hit,
    Term,
    bm25_idf,
    combine,
    coverage,
    drops_real_letters,
    fuse,
)
from mbcnav.library.vocabulary import Synonyms, analyse, prime, stem, synonyms, words

logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG
log = logging.getLogger(__name__)

FIELD_WEIGHTS = {"title": 1.6, "heading": 1.3, "summary": 0.6, "body": 1.0}
# How much a field's own IDF counts (0 = passage IDF only). Headings are questions, so a
# word rare among headings ("treated", "symptoms") says more about intent there; titles alike.
FIELD_IDF_BLEND = {"title": 0.5, "heading": 0.5}
# FAQ answers are short summaries of articles (shown on the FAQ page): answers and search
# results come from the full articles, which carry the detail and the sources.
TOPIC_PRIOR = {"faq": 0.0}
# "What is X?" asks for a definition: passages whose heading defines ("What is/are ...")
# get a small boost.
DEFINITION_QUESTION = re.compile(
    r"^\W*(what\s*(is|are|s|'s)\b|whats\b|define\b|meaning of\b)|\bmean(s|ing)?\W*$", re.I
)
DEFINITION_HEADING = re.compile(r"^(what (is|are|does|do)\b)", re.I)
DEFINITION_BOOST = 1.2
STORY_COVERAGE = 0.3  # story words' share of coverage, relative to their search weight
TERM_CACHE = 2048  # questions whose analysis is kept (cleared when full)
FUZZY_CUTOFF = 82  # rapidfuzz ratio (0-100) for a misspelt word to count as a known word
FUZZY_MIN_LENGTH = 5


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
        self.texts: list[str] = fields["body"]  # each passage as plain text
        import bm25s  # only to build: searching uses the score table below

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
        del retriever
        df: dict[str, int] = {}
        for terms in self.doc_terms:
            for t in terms:
                df[t] = df.get(t, 0) + 1
        self.n_docs = max(len(self.sections), 1)
        self.defines = np.array(
            [bool(s.position and DEFINITION_HEADING.match(s.heading)) for s in self.sections],
            dtype=bool,
        )
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
        # every stem's fused field scores, so searching needs neither bm25s nor its indexes
        # (and a built index can be saved and loaded quickly, see prebuilt.py)
        self.table: dict[str, np.ndarray] = {t: self._fused_scores(t) for t in df}
        del self.retrievers

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        for transient in ("_term_cache", "_vectors"):
            state.pop(transient, None)
        return state

    def idf(self, term: str) -> float:
        return bm25_idf(self.df.get(term, 0), self.n_docs)

    def spell(self, word: str) -> str:
        """A known word for a misspelt one (or the word itself)."""
        if word in self.known_words or len(word) < FUZZY_MIN_LENGTH or not word.isalpha():
            return word
        if stem(word) in self.df:  # another form of a word the library has ("opening", "filling")
            return word
        # one slip in a short word changes it a lot: ask more of short words
        cutoff = FUZZY_CUTOFF + (4 if len(word) <= 6 else 0)
        near = self.spell_by_length.get(len(word), ())
        for candidate, _, _ in process.extract(
            word, near, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
        ):
            if not drops_real_letters(word, candidate):
                return candidate
        return word

    def terms(self, question: str) -> tuple[list[Term], dict[str, float]]:
        """Weighted search terms and the question's content words (see ``_terms``), cached."""
        cache = self.__dict__.setdefault("_term_cache", {})
        if question not in cache:
            if len(cache) > TERM_CACHE:
                cache.clear()
            cache[question] = self._terms(question)
        terms, origins = cache[question]
        return list(terms), dict(origins)

    def _terms(self, question: str) -> tuple[list[Term], dict[str, float]]:
        """Weighted search terms and the question's content words (origins) with their IDF.

        Words of a synonym phrase found in the question ("stage 4") form one origin, so
        the phrase's alternatives count once, not once per word.
        """
        said = _PERSON_NUMBERS.sub(_person_number, self.synonyms.correct(question))
        fixed = " ".join(self.spell(w) for w in said.split())
        stems = analyse(fixed)
        expansions = self.synonyms.expansions(fixed)
        owner_of: dict[str, str] = {}
        for phrase in sorted({p for p, _, _ in expansions}, key=lambda p: (-len(p.split()), p)):
            mine = [x for x in analyse(phrase) if x not in owner_of]
            for x in mine:
                owner_of[x] = " ".join(mine)
            if not analyse(phrase):  # only stop words ("my husband"): its synonyms still count
                owner_of[phrase] = phrase
        terms: list[Term] = []
        origins: dict[str, float] = {}
        for x in dict.fromkeys(stems):
            o = owner_of.get(x, x)
            terms.append(Term(x, 1.0, o, ""))
            origins[o] = max(origins.get(o, 0.0), self.idf(x))
        seen = {(t.stem, t.origin, t.alt) for t in terms}
        for phrase, extra, weight in expansions:
            owners = {owner_of[x] for x in analyse(phrase) or [phrase] if x in owner_of}
            for o in owners:
                for x in analyse(extra):
                    if (x, o, extra) not in seen:
                        seen.add((x, o, extra))
                        terms.append(Term(x, weight, o, extra))
                origins.setdefault(o, 0.0)  # a stop-word phrase adds score, not coverage
        return terms, origins

    def term_scores(self, term_stem: str) -> np.ndarray:
        """Fused (title, heading, body) BM25 scores of one stem for every passage."""
        found = self.table.get(term_stem)
        return found if found is not None else np.zeros(len(self.sections), dtype=np.float32)

    def _fused_scores(self, term_stem: str) -> np.ndarray:
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

    def weighted_terms(self, parts: list[tuple[str, float]]) -> tuple[list[Term], dict[str, float]]:
        """Terms of several texts at their own weights (the asked clause above the story).

        The first part is what is asked; the others are the story around it. A word said
        in more than one part keeps its highest weight. Its share of the coverage is its
        IDF times that weight (times ``STORY_COVERAGE`` for story words), so story words
        count little towards whether a passage answers; plain numbers in the story (ages,
        years) are dropped.
        """
        best: dict[tuple[str, str, str], Term] = {}
        origins: dict[str, float] = {}
        for n, (text, weight) in enumerate(parts):
            if not text.strip() or weight <= 0:
                continue
            terms, found = self.terms(text)
            if n:  # the story: its plain numbers (ages, years) are not what is asked
                terms = [t for t in terms if not t.origin.isdigit()]
                found = {o: w for o, w in found.items() if not o.isdigit()}
            share = weight if n == 0 else weight * STORY_COVERAGE
            for t in terms:
                key = (t.stem, t.origin, t.alt)
                scaled = Term(t.stem, t.weight * weight, t.origin, t.alt)
                if key not in best or best[key].weight < scaled.weight:
                    best[key] = scaled
            for o, idf in found.items():
                origins[o] = max(origins.get(o, 0.0), idf * share)
        return list(best.values()), origins

    def scores(
        self, terms: list[Term], origins: dict[str, float], lenient: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        """Passage scores and coverage (share of the question's words each passage answers).

        The score sums, over the question's words, the best-scoring of their alternatives:
        a word and its synonyms are an OR, so a long synonym group cannot outweigh the
        other words of the question. A word is answered when all the stems of the word
        itself, or of one of its synonyms, are in the passage.
        """
        return combine(terms, origins, self.term_scores, len(self.sections), lenient)

    def search(
        self,
        question: str,
        top: int = 10,
        boost=None,
        rerank: bool = True,
        parts: list[tuple[str, float]] | None = None,
        factor: np.ndarray | None = None,
        dense_texts: list[str] | None = None,
        lenient: bool = False,
        focus: np.ndarray | None = None,
    ) -> list[Hit]:
        """Best passages first; ``boost(section) -> factor`` may re-weight them.

        ``parts`` (text, weight) replace the question as what is searched (the asked
        clause and the story, see ``understand.py``); ``factor`` multiplies each
        passage's score (answer-shape bonuses); ``dense_texts`` are the texts embedded
        for re-ranking (a passage's similarity is its mean over them); ``lenient``
        leaves words no passage holds out of the coverage (for in-scope questions);
        ``focus`` multiplies both the BM25 score and the fused rank (a named drug wins). With ``rerank``
        (and the model installed) the best ``CANDIDATES`` BM25 passages are reordered by
        BM25 blended with dense similarity (see ``rerank.py``), with the passages nearest by
        dense similarity among all that match a word added to them (``DENSE_EXTRA``).
        """
        if not self.sections:
            return []
        terms, origins = self.weighted_terms(parts) if parts else self.terms(question)
        if not terms:
            return []
        scores, share = self.scores(terms, origins, lenient)
        scores = scores * self.prior
        asked = parts[0][0] if parts else question
        if DEFINITION_QUESTION.search(asked.strip()):
            scores = np.where(self.defines, scores * DEFINITION_BOOST, scores)
        if factor is not None:
            scores = scores * factor
        if focus is not None:
            scores = scores * focus
        if boost is not None:
            scores = scores * np.array([boost(s) for s in self.sections], dtype=np.float32)
        final = scores * share
        order = [int(i) for i in np.flatnonzero(final > 0)]
        order.sort(key=lambda i: -final[i])
        order = order[: max(top, dense.CANDIDATES)]
        rank = {i: float(final[i]) for i in order}
        vectors = self.vectors() if rerank and len(order) > 1 else None
        if vectors is not None:
            head = order[: dense.CANDIDATES]
            queries = dense.encode_queries(dense_texts or [question])
            near = (vectors.matrix @ queries.T).mean(axis=1)
            head = head + dense.nearest_outside(near, final, head)
            order = head + [i for i in order if i not in head]
            fused = dense.fuse(final[head], near[head])
            if focus is not None:  # the focus (a named drug) also counts after fusion
                fused = fused * focus[head]
            rank.update(
                {i: float(f) + 1.0 for i, f in zip(head, fused, strict=True)}
            )  # head stays first
            order.sort(key=lambda i: -rank[i])
        return [
            Hit(self.sections[i], float(final[i]), float(share[i]), rank[i]) for i in order[:top]
        ]

    def vectors(self) -> dense.PassageVectors | None:
        """Passage vectors for re-ranking (built once), or None when the model is unavailable."""
        if not hasattr(self, "_vectors"):
            enc = dense.encoder()
            self._vectors = dense.PassageVectors(passage_texts(self), enc) if enc else None
        return self._vectors


# An age or a time in a person's story ("a 15 year old", "dx'd 3 weeks ago", "a 39yo"): the
# number is not a search word (a "15" found "15 percent" for "how to tell a 15 year old";
# sixteenth session, tuning set 36). A child's age says "child" ("teen" from 13 to 19);
# other ages and times go. Numbers of doses, markers and percentages are kept.
_PERSON_NUMBERS = re.compile(
    r"\b(?P<n>\d{1,3})\s*-?\s*(?:(?P<unit>years?|yrs?|months?|mos?|weeks?|wks?|days?)"
    r"(?:\s*-?\s*(?P<old>old)|\s+ago)\b|(?P<yo>yo|y/o)\b)",
    re.I,
)


def _person_number(m: re.Match) -> str:
    years = m.group("yo") or (m.group("unit") or "").lower().startswith("y")
    if not (m.group("old") or m.group("yo")) or not years:
        return " "  # "3 weeks ago", "a 3 day old bruise": the number goes, no child is named
    n = int(m.group("n"))
    return " child " if n < 13 else " teen " if n < 20 else " "


def passage_texts(index: Index) -> list[str]:
    """The text embedded for each passage: article title, heading, then the passage."""
    out = []
    for s in index.sections:
        title = index.library.articles[s.article].title
        out.append(f"{title}. {s.heading}. {s.text}" if s.position else f"{title}. {s.text}")
    return out


def get_index(directory: Path | str = ARTICLES_DIR) -> Index:
    """The index of a folder of articles, built once per process."""
    return _index_for(str(Path(directory).resolve()))


@lru_cache(maxsize=4)
def _index_for(directory: str) -> Index:
    from mbcnav.library import prebuilt

    index = prebuilt.load_or_build(directory, lambda: Index(load_library(directory), synonyms()))
    prime(index.synonyms)  # the saved index's synonyms are the bundled ones (same hash)
    return index


def search(
    question: str, top: int = 10, directory: Path | str = ARTICLES_DIR, rerank: bool = True
) -> list[Hit]:
    """Search the bundled articles (or another folder) for a question."""
    return get_index(directory).search(question, top=top, rerank=rerank)
