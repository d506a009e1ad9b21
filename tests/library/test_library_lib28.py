"""Issue 15, lib28: once the library is confident, the answers follow the re-ranked order
(coverage decides whether anything answers, not which passage comes first)."""

from mbcnav.library import answer as answer_module
from mbcnav.library.answer import LEAD_SHARE, ask
from mbcnav.library.index import Hit, get_index


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
