"""Dense re-ranking: the blend, the encoder, the stored vectors, and working without it."""

import numpy as np
import pytest

import mbcnav.library.rerank as dense
from mbcnav.library import ask
from mbcnav.library.index import get_index, passage_texts


def test_fuse_blends_normalised_scores():
    fused = dense.fuse(np.array([4.0, 2.0]), np.array([0.1, 0.5]), alpha=0.5)
    assert fused.tolist() == pytest.approx([0.5, 0.75])
    flat = dense.fuse(np.array([2.0, 1.0]), np.array([0.3, 0.3]), alpha=0.5)
    assert flat.tolist() == pytest.approx([0.5, 0.25])  # equal similarities change nothing


@pytest.fixture(scope="module")
def encoder():
    enc = dense.encoder()
    if enc is None:
        pytest.skip("the re-ranking model is not installed")
    return enc


def test_encoder_gives_unit_vectors_that_rank_paraphrases_closer(encoder):
    vectors = encoder.encode(
        [
            "The cancer has spread to the bones.",
            "Breast cancer metastases in the skeleton.",
            "How to bake sourdough bread at home.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.linalg.norm(vectors, axis=1) == pytest.approx([1.0, 1.0, 1.0], abs=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_stored_vectors_cover_the_bundled_passages(encoder):
    stored = dense.load_vectors()
    keys = [dense.text_key(t) for t in passage_texts(get_index())]
    missing = [k for k in keys if k not in stored]
    assert not missing, (
        f"{len(missing)} passages changed since the vectors were made; "
        "run: uv run python -m mbcnav.library refresh-vectors"
    )


def test_ask_works_without_the_model(monkeypatch):
    monkeypatch.setattr(dense, "encoder", lambda: None)
    index = get_index()
    monkeypatch.delattr(index, "_vectors", raising=False)
    result = ask("what does NED mean")
    assert result.answers and result.answers[0].sources


def test_rerank_only_reorders_the_bm25_candidates():
    index = get_index()
    question = "lung mets cough"
    # the re-ranker reorders the best CANDIDATES BM25 passages (more than the 10 returned) and
    # at most DENSE_EXTRA more that match a word of the question (lib28, hybrid candidates)
    every = index.search(question, top=len(index.sections), rerank=False)
    every = [(h.section.article, h.section.anchor) for h in every]
    plain = every[: dense.CANDIDATES]
    blended = [(h.section.article, h.section.anchor) for h in index.search(question)]
    assert set(blended) <= set(every) and len(blended) == min(10, len(every))
    assert len(set(blended) - set(plain)) <= dense.DENSE_EXTRA
    ranks = [h.rank for h in index.search(question)]
    assert ranks == sorted(ranks, reverse=True)
    assert ask("how do I bake bread").answers == []


def test_the_optimised_model_is_cached_and_gives_the_same_vectors(tmp_path, monkeypatch):
    monkeypatch.setenv("MBCNAV_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("MBCNAV_LIBRARY_CACHE", "on")
    first = dense.Encoder()
    cached = list(tmp_path.glob("minilm-*.onnx"))
    assert len(cached) == 1 and not list(tmp_path.glob("*.tmp"))
    second = dense.Encoder()  # loads the cached graph
    texts = ["where does breast cancer spread", "side effects of letrozole"]
    assert np.allclose(first.encode(texts), second.encode(texts), atol=1e-5)
    cached[0].write_bytes(b"not a model")  # a damaged cache file is rebuilt, not fatal
    third = dense.Encoder()
    assert np.allclose(first.encode(texts), third.encode(texts), atol=1e-5)
    monkeypatch.setenv("MBCNAV_LIBRARY_CACHE", "off")
    assert np.allclose(first.encode(texts), dense.Encoder().encode(texts), atol=1e-5)
