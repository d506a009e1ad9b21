"""Issue 15, lib28: once the library is confident, the answers follow the re-ranked order
(coverage decides whether anything answers, not which passage comes first); the passages
nearest by dense similarity join the BM25 candidates (hybrid candidates)."""

import numpy as np
import pytest

from mbcnav.library import answer as answer_module
from mbcnav.library.answer import LEAD_SHARE, ask
from mbcnav.library.index import Hit, get_index
from mbcnav.library.rerank import CANDIDATES, DENSE_EXTRA, encode_queries, encoder, nearest_outside

needs_model = pytest.mark.skipif(encoder() is None, reason="the re-ranking model is not installed")


def _fake_search(hits):
    def search(question, **kwargs):
        return list(hits)

    return search


def test_a_re_ranked_passage_matching_fewer_words_keeps_its_place(monkeypatch):
    index = get_index()
    worded_otherwise, repeats_the_words, weak = (
        index.sections[10],
        index.sections[20],
        index.sections[30],
    )
    hits = [
        Hit(worded_otherwise, 2.0, 0.4, 1.9),  # first after re-ranking, half the words or fewer
        Hit(repeats_the_words, 3.0, 1.0, 1.5),  # the best BM25 passage covering the question
        Hit(weak, 3.0 * LEAD_SHARE * 0.5, 0.2, 1.2),  # matches almost nothing: left out
    ]
    monkeypatch.setattr(index, "search", _fake_search(hits))
    monkeypatch.setattr(answer_module, "get_index", lambda directory=None: index)
    result = ask("what helps with loose stools")
    assert result.confident
    assert [a.heading for a in result.answers] == [
        worded_otherwise.heading,
        repeats_the_words.heading,
    ]


def test_confidence_still_needs_a_passage_covering_the_question(monkeypatch):
    index = get_index()
    hits = [Hit(index.sections[10], 5.0, 0.3, 1.9), Hit(index.sections[20], 4.0, 0.2, 1.5)]
    monkeypatch.setattr(index, "search", _fake_search(hits))
    monkeypatch.setattr(answer_module, "get_index", lambda directory=None: index)
    result = ask("what helps with loose stools")
    assert not result.confident


def test_nearest_outside_takes_the_densest_passages_matching_a_word_not_yet_candidates():
    similarity = np.array([0.9, 0.8, 0.7, 0.6, 0.5], dtype=np.float32)
    bm25 = np.array([1.0, 0.0, 0.5, 0.2, 0.3], dtype=np.float32)
    # 0 is already a candidate, 1 matches no word of the question
    assert nearest_outside(similarity, bm25, [0], extra=2) == [2, 3]
    assert nearest_outside(similarity, bm25, [0, 2, 3, 4], extra=2) == []


@needs_model
def test_dense_nearest_passages_join_the_bm25_candidates():
    index = get_index()
    question = "the runs started on day 4 and I barely made it home, what do I eat"
    bm25 = [
        index.sections.index(h.section)
        for h in index.search(question, top=len(index.sections), rerank=False)
    ]
    final = np.zeros(len(index.sections), dtype=np.float32)
    for h in index.search(question, top=len(index.sections), rerank=False):
        final[index.sections.index(h.section)] = h.score
    near = (index.vectors().matrix @ encode_queries([question]).T).mean(axis=1)
    extra = nearest_outside(near, final, bm25[:CANDIDATES])
    # they are not among the BM25 passages a search of this size returns without them
    assert len(extra) == DENSE_EXTRA and not set(extra) & set(bm25[: CANDIDATES + DENSE_EXTRA])
    ranked = index.search(question, top=CANDIDATES + DENSE_EXTRA)
    assert set(extra) <= {index.sections.index(h.section) for h in ranked}


def test_heart_and_blood_test_shorthand_searches_the_articles_words():
    from mbcnav.library.vocabulary import synonyms

    found = {(said, extra, weight) for said, extra, weight in synonyms().expansions("why an ekg")}
    assert ("ekg", "ecg", 1.0) in found
    found = {(said, extra) for said, extra, _ in synonyms().expansions("low wbc on ibrance")}
    assert ("wbc", "white blood cells") in found
    hits = get_index().search("kisqali why do i need an ekg", top=3)
    assert any("ECG" in h.section.text for h in hits)


def test_a_prognosis_question_prefers_the_survival_passages_to_any_how_long_heading():
    from mbcnav.library.qtypes import type_factor, types_of

    assert "prognosis" in {t.name for t in types_of("what is the life expectancy with bone mets")}
    assert "prognosis" in {t.name for t in types_of("how long can you live with bone only mets")}
    assert "prognosis" not in {t.name for t in types_of("how long are bone drugs given")}
    index = get_index()
    factor = type_factor(index, "how long can you live with bone only mets")
    by_heading = {s.heading: float(f) for s, f in zip(index.sections, factor, strict=True)}
    assert (
        by_heading["How long can I live with metastatic breast cancer?"]
        > by_heading["How long are bone-strengthening drugs given?"]
    )
