"""Issue 15, lib27: a long question's whole message is embedded for re-ranking too (and the
similarities are averaged); living with MBC in words that name no cancer is in scope; an
audience rule's stop-word needs ("who") are matched as words (care team roles)."""

import numpy as np
import pytest

from mbcnav.library.audiences import read_rules, unsupported
from mbcnav.library.choose import dense_queries
from mbcnav.library.index import get_index
from mbcnav.library.rerank import encoder
from mbcnav.library.scope import scope
from mbcnav.library.understand import understand
from mbcnav.library.vocabulary import synonyms

needs_model = pytest.mark.skipif(encoder() is None, reason="the re-ranking model is not installed")

STORY = (
    "My PET results always show up in MyChart on a Friday night and then I can't reach anyone "
    "until Monday. I spend the weekend googling words and spiraling. How do other people handle this?"
)


def test_a_long_question_embeds_the_asked_clause_in_context_and_the_whole_message():
    reading = understand(STORY)
    texts = dense_queries(reading)
    assert len(texts) == 2
    assert texts[0].endswith(reading.asked)  # the asked clause after the story's last sentence
    assert texts[1] == reading.text  # and the whole message
    assert dense_queries(understand("what is scanxiety")) == ["what is scanxiety"]


@needs_model
def test_re_ranking_averages_the_similarity_over_the_embedded_texts(monkeypatch):
    """A passage close to only one of the texts must not win over one close to both."""
    index = get_index()
    vectors = index.vectors()
    seen = {}

    def fuse(bm25, dense, alpha=0.5):
        seen["dense"] = dense
        return bm25

    from mbcnav.library import rerank

    monkeypatch.setattr(rerank, "fuse", fuse)
    texts = dense_queries(understand(STORY))
    hits = index.search(STORY, top=20, dense_texts=texts)  # 12 BM25 + dense extras
    queries = encoder().encode(texts)
    head = [index.sections.index(h.section) for h in hits][: len(seen["dense"])]
    expected = (vectors.matrix[head] @ queries.T).mean(axis=1)
    assert np.allclose(np.sort(seen["dense"]), np.sort(expected), atol=1e-5)


@pytest.mark.parametrize(
    "question",
    [
        "My 9 year old asked me at bedtime 'mom are you going to die from this?' and I froze. "
        "What do I say?",
        "I want to plan my own funeral now while I feel ok. Can I compare funeral homes?",
        "CT says progressive disease. does PD mean the drug quit working",
        "how many sessions is SBRT",
        "I only take the oxy when I can't stand it because I'm scared of getting hooked",
        "mom started new pain meds and wants to drive to church, ok?",
        "neutropenic and the grandkids all have colds this week",
    ],
)
def test_living_with_mbc_without_a_cancer_word_is_in_scope(question):
    assert scope().covers(question)


@pytest.mark.parametrize(
    "question",
    [
        "how do I make pasta sauce",
        "my toddler has a fever of 102, can I give her tylenol",
        "how many vacation days do most people get in the US",
        "is my goldfish dying",
    ],
)
def test_everyday_questions_stay_out_of_scope(question):
    assert not scope().covers(question)


def test_oxy_is_oxycodone():
    assert "oxycodone" in synonyms().correct("I only take the oxy at night").split()


def test_an_audience_need_that_is_a_stop_word_is_matched_as_a_word(tmp_path):
    path = tmp_path / "audiences.yaml"
    path.write_text(
        "as_of: 2026-12-02\nsource: {publisher: x}\n"
        "rules: [{name: team, articles: [care-team], needs: [who, navigator], damp: 0.6}]\n"
    )
    rules = read_rules(path)
    assert rules[0].plain == {"who"}
    assert unsupported("who actually reads my biopsy", rules) == []
    assert unsupported("what does a nurse navigator do", rules) == []
    assert unsupported("what should I write down between onc appointments", rules) == list(rules)


def test_care_team_passages_need_a_question_about_the_team():
    names = lambda q: {r.name for r in unsupported(q)}  # noqa: E731
    assert "care team roles" in names("can I record my wife's oncology appointments")
    assert "care team roles" not in names("who do I call about pain at 9pm on a weekend")
    assert "care team roles" not in names("radiation oncologist vs medical oncologist")


@needs_model
def test_question_texts_are_embedded_one_by_one_and_kept(monkeypatch):
    from mbcnav.library import rerank

    texts = ["what is scanxiety", STORY]
    first = rerank.encode_queries(texts)
    assert first.shape == (2, 384)
    assert np.allclose(first, encoder().encode(texts), atol=1e-3)  # no padding, same vectors
    calls = []
    monkeypatch.setattr(rerank, "encoder", lambda: calls.append(1))
    assert np.allclose(rerank.encode_queries(texts), first)  # kept: the model is not asked again
    assert not calls


def test_the_short_names_of_tests_the_library_explains_put_a_question_in_scope():
    from mbcnav.library.scope import scope

    assert scope().covers("foundation report says MSI stable, TMB 4, does any of that matter")
    assert not scope().covers("how do I fix a flat bike tire")
    assert not scope().covers("how do I do cpr on a choking baby")
