"""The semantic red-flag safety net: words that *sound like* a red flag raise the level.

The word lists of the rules miss new wordings of the same sign ("belly blown up like a
balloon", "keep nearly keeling over"). This net compares what the person typed with short
phrasings of red-flag concepts (``data/semantic_flags.yaml``: each concept has a level, a
plain-language reason, who to call, its sources and 8-20 exemplars) using the library's
sentence model (all-MiniLM-L6-v2, int8 ONNX, offline: ``mbcnav.library.rerank.embed``).

How it reads one symptom entry of a check-in (``hits``; the reading of the words is in
``net_clauses``):
- the person's own words (the start of the note, ``checkin.words_of``) are cut into clauses
  (``checkin.clauses``); a clause that denies a symptom (ConText scope: ``negation.negated``, or
  "no"/"without"/"denies" at its start before anything but a pseudo-negation such as "no
  feeling") and a clause that only says all is well (``wellness.is_well_clause``) are skipped;
- each clause left, and all of them together when there are several, is embedded (lay words
  the model does not know glossed first: the file's ``glosses``, "loo" -> "toilet"); a concept
  fires when the cosine similarity to one of its exemplars reaches the threshold (``THRESHOLD``
  or the concept's own), it is closer to the concept than to every mild look-alike (the file's
  ``mild`` list: "a bit bloated after I eat") by ``MARGIN``, and its level is above what the
  rules already gave that entry; a concept's ``unless`` readings (regular expressions) can
  say a piece means something else ("wish i could wake up feeling rested", "bleeds a bit when
  I brush, stops in a minute"); they read one piece, never the other clauses of the entry;
  its ``unless_message`` readings read the whole entry, for what only the whole can say
  (someone dying at home with the hospice team, said to look peaceful).

It errs upwards and never lowers a level. Exemplar vectors are precomputed into
``data/semantic_vectors.npz`` keyed by a hash of the text (``python -m mbcnav.triage
refresh-vectors``); a missing one is embedded at first use. The model loads lazily, once per
process; when it cannot be used the net is off and a warning says so (the rules still run).
Hazard H46 in docs/safety.md; tests in tests/triage/test_semantic.py.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import yaml

from .errors import TriageError
from .net_clauses import _plain, pieces
from .rule import RANK, Source, _date, _sources, _text, entry_where, level_of

FILE = "semantic_flags.yaml"
DATA = Path(__file__).parent / "data"
VECTORS_FILE = DATA / "semantic_vectors.npz"
#: Cosine similarity a clause needs to one exemplar of a concept (calibrated: docs/benchmarks.md).
THRESHOLD = 0.57
#: How much closer to a concept than to every mild look-alike a piece must be.
MARGIN = 0.0
LEVELS = ("emergency", "urgent")
REQUIRED = ("name", "level", "sounds_like", "why", "do", "sources", "as_of", "exemplars")
OPTIONAL = ("threshold", "unless", "unless_sentence", "unless_message")
EXEMPLARS = (8, 20)
#: The net can be switched off for a comparison run (bench/triage.py --no-semantic).
ENABLED = True
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Concept:
    name: str
    level: str
    sounds_like: str
    why: str
    do: str
    sources: tuple[Source, ...]
    as_of: date
    exemplars: tuple[str, ...]
    threshold: float | None = None
    #: Clause readings that say the words mean something else (regular expressions on the
    #: lower-cased piece): "wish i could wake up feeling rested" is not a wish to be dead.
    unless: tuple[re.Pattern, ...] = ()
    #: Readings of the whole entry that say the concept is not what is happening (regular
    #: expressions on the lower-cased text): sleepiness in someone dying at home with the
    #: hospice team, said to look peaceful, is what the nurse said would happen.
    unless_message: tuple[re.Pattern, ...] = ()
    #: Readings of the sentence a piece sits in: "I had a cold last week ... but its all gone now
    #: and I feel back to normal" says the piece "its all gone" is about the cold; the message's
    #: other sentences are still read (session 37 review).
    unless_sentence: tuple[re.Pattern, ...] = ()

    @property
    def rank(self) -> int:
        return RANK[self.level]

    @property
    def cutoff(self) -> float:
        return THRESHOLD if self.threshold is None else self.threshold


@dataclass(frozen=True)
class Hit:
    concept: Concept
    clause: str
    score: float
    exemplar: str


# ------------------------------------------------------------------ the data file
def _concept(entry: object, index: int, file: str) -> Concept:
    where = entry_where(entry, index, file, "concept", REQUIRED, OPTIONAL)
    name = entry.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9-]+", name):
        raise TriageError(
            f"{where}, field 'name': {name!r} is not allowed; write lower-case words and hyphens."
        )
    level_of(entry, "level", where, LEVELS)
    examples = entry["exemplars"]
    low, high = EXEMPLARS
    if (
        not isinstance(examples, list)
        or not low <= len(examples) <= high
        or not all(isinstance(x, str) and x.strip() for x in examples)
    ):
        raise TriageError(
            f"{where}, field 'exemplars': write a list of {low} to {high} short phrasings."
        )
    if len({x.strip().lower() for x in examples}) != len(examples):
        raise TriageError(f"{where}, field 'exemplars': a phrasing is listed twice.")
    threshold = entry.get("threshold")
    if threshold is not None and (
        isinstance(threshold, bool) or not isinstance(threshold, float) or not 0.3 <= threshold < 1
    ):
        raise TriageError(
            f"{where}, field 'threshold': {threshold!r} is not allowed; write a number from 0.3 to 0.99."
        )
    patterns, sentence, whole = (
        _regexes(entry, key, where) for key in ("unless", "unless_sentence", "unless_message")
    )
    return Concept(
        name=name,
        level=entry["level"],
        sounds_like=_text(entry, "sounds_like", where),
        why=_text(entry, "why", where),
        do=_text(entry, "do", where),
        sources=_sources(entry["sources"], where),
        as_of=_date(entry["as_of"], where, "as_of"),
        exemplars=tuple(x.strip() for x in examples),
        threshold=threshold,
        unless=patterns,
        unless_message=whole,
        unless_sentence=sentence,
    )


def parse_mild(data: object, file: str = FILE) -> tuple[str, ...]:
    """The mild look-alikes (top-level ``mild``: sources, as_of, exemplars)."""
    mild = data.get("mild") if isinstance(data, dict) else None
    where = f"{file}: mild"
    if not isinstance(mild, dict):
        raise TriageError(f"{where}: it is missing; write sources, as_of and exemplars.")
    for field in ("sources", "as_of", "exemplars"):
        if field not in mild:
            raise TriageError(f"{where}, field '{field}': it is missing.")
    _sources(mild["sources"], where)
    _date(mild["as_of"], where, "as_of")
    examples = mild["exemplars"]
    if (
        not isinstance(examples, list)
        or not examples
        or not all(isinstance(x, str) and x.strip() for x in examples)
    ):
        raise TriageError(f"{where}, field 'exemplars': write a list of short phrasings.")
    return tuple(x.strip() for x in examples)


def parse_concepts(data: object, file: str = FILE) -> tuple[Concept, ...]:
    """Validate the parsed YAML of a concepts file (raising TriageError naming the field)."""
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), list):
        raise TriageError(f"{file}: field 'concepts': it is missing; the file needs a list.")
    for key in data:
        if key not in ("concepts", "sources", "mild", "glosses", "places"):
            raise TriageError(f"{file}: field '{key}': unknown top-level field.")
    out = [_concept(entry, i, file) for i, entry in enumerate(data["concepts"])]
    names = [c.name for c in out]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise TriageError(f"{file}: concept '{twice[0]}' is listed twice.")
    return tuple(out)


@cache
def _data() -> dict:
    text = resources.files("mbcnav.triage").joinpath("data", FILE).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def parse_glosses(data: object, file: str = FILE) -> dict[str, str]:
    """The lay-word glosses (top-level ``glosses``: sources, as_of, words: {lay: plain})."""
    found = data.get("glosses") if isinstance(data, dict) else None
    where = f"{file}: glosses"
    if found is None:
        return {}
    if not isinstance(found, dict) or not isinstance(found.get("words"), dict):
        raise TriageError(f"{where}, field 'words': write a mapping of lay words to plain words.")
    _sources(found.get("sources"), where)
    _date(found.get("as_of"), where, "as_of")
    out = {}
    for lay, plain in found["words"].items():
        if not isinstance(lay, str) or not isinstance(plain, str) or not plain.strip():
            raise TriageError(f"{where}, field 'words.{lay}': write a plain word or phrase.")
        out[lay.strip().lower()] = plain.strip()
    return out


def parse_places(data: object, file: str = FILE) -> frozenset[str]:
    """The body-place words (top-level ``places``: sources, as_of, words): a clause made only
    of them says where, not what, and is not embedded on its own."""
    found = data.get("places") if isinstance(data, dict) else None
    where = f"{file}: places"
    if found is None:
        return frozenset()
    words = found.get("words") if isinstance(found, dict) else None
    if not isinstance(words, list) or not all(
        isinstance(w, str) and re.fullmatch(r"[a-z]+", w) for w in words
    ):
        raise TriageError(f"{where}, field 'words': write a list of lower-case single words.")
    _sources(found.get("sources"), where)
    _date(found.get("as_of"), where, "as_of")
    return frozenset(words)


@cache
def places() -> frozenset[str]:
    return parse_places(_data(), FILE)


def only_place(piece: str) -> bool:
    """A piece whose every word is a body place or a position ("left edge of the tongue"), or
    says when ("since last night my legs": a subject cut from its verb at "and", triage set 64,
    review)."""
    words = re.findall(r"[a-z]+", _plain(piece))
    return (
        bool(words)
        and any(w in places() for w in words)
        and all(w in places() or w in _WHEN for w in words)
    )


#: words that only say when: a piece of them and body places says nothing of what happened
_WHEN = frozenset(
    "since last this yesterday today tonight night morning evening afternoon week weekend "
    "weeks days day hours hour ago earlier lately recently".split()
)


@cache
def glosses() -> dict[str, str]:
    return parse_glosses(_data(), FILE)


@cache
def _gloss_pattern() -> re.Pattern | None:
    words = sorted(glosses(), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def gloss(piece: str) -> str:
    """The piece with lay words the model does not know in plain words ("loo" -> "toilet")."""
    pattern = _gloss_pattern()
    if pattern is None:
        return piece
    return pattern.sub(lambda m: glosses()[m.group(0).lower()], piece)


@cache
def concepts() -> tuple[Concept, ...]:
    return parse_concepts(_data(), FILE)


@cache
def mild() -> tuple[str, ...]:
    return parse_mild(_data(), FILE)


# ------------------------------------------------------------------ vectors
_CACHE: OrderedDict[str, np.ndarray] = OrderedDict()
_CACHE_SIZE = 4096


def _embed(texts: list[str]) -> np.ndarray | None:
    """Vectors for ``texts`` (unit length), remembered for the process; None without a model."""
    from mbcnav.library import rerank

    wanted = list(dict.fromkeys(texts))
    for t in wanted:  # the texts asked for now are the most recent, before anything is dropped
        if t in _CACHE:
            _CACHE.move_to_end(t)
    missing = [t for t in wanted if t not in _CACHE]
    if missing:
        vectors = rerank.embed(missing)
        if vectors is None:
            return None
        for text, vector in zip(missing, vectors, strict=True):
            _CACHE[text] = vector
    out = np.array([_CACHE[t] for t in texts], dtype=np.float32).reshape(len(texts), -1)
    # drop the oldest only once the answer is built: dropping while adding could drop a text
    # asked for in this same call (a KeyError once the cache was full, seen in a long all-sets
    # run, session 39; a long-running web process would meet it too)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return out


@dataclass(frozen=True)
class Bank:
    matrix: np.ndarray  # one unit vector per exemplar
    owner: tuple[int, ...]  # the concept of each row
    text: tuple[str, ...]


@cache
def bank() -> Bank | None:
    """Every exemplar's vector (stored, or embedded now with a warning); None without a model."""
    from mbcnav.library import rerank

    found = concepts()
    rows = [(i, gloss(x)) for i, c in enumerate(found) for x in c.exemplars]
    rows += [(-1, gloss(x)) for x in mild()]
    stored = rerank.load_vectors(VECTORS_FILE)
    keys = [rerank.text_key(x) for _, x in rows]
    missing = [x for (_, x), k in zip(rows, keys, strict=True) if k not in stored]
    if missing:
        log.warning(
            "%d red-flag exemplars have no stored vector; embedding them now "
            "(refresh with: python -m mbcnav.triage refresh-vectors).",
            len(missing),
        )
        vectors = rerank.embed(missing)
        if vectors is None:
            return None
        stored.update(zip((rerank.text_key(x) for x in missing), vectors, strict=True))
    matrix = np.array([stored[k] for k in keys], dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)  # stored as float16
    return Bank(matrix, tuple(i for i, _ in rows), tuple(x for _, x in rows))


def refresh(path: Path = VECTORS_FILE) -> int:
    """Rewrite the exemplar vector file; returns the number of exemplars."""
    from mbcnav.library import rerank

    texts = [gloss(x) for x in [*(x for c in concepts() for x in c.exemplars), *mild()]]
    texts = list(dict.fromkeys(texts))
    vectors = rerank.embed(texts)
    if vectors is None:
        raise TriageError("The sentence model is not available, so vectors cannot be made.")
    rerank.save_vectors(dict(zip(map(rerank.text_key, texts), vectors, strict=True)), path)
    bank.cache_clear()
    return len(texts)


def scores(text: str) -> list[tuple[str, Concept, float, str, float]]:
    """(piece, concept, best cosine, exemplar, best cosine to a mild look-alike) for every
    piece and concept; [] without a model."""
    parts = pieces(text)
    if len(parts) > 1:
        # a clause that only says where is not read on its own beside others; the whole
        # message (the last piece) always is (review: "left side of my face and my left arm"
        # in a numbness entry is all place words and still a stroke sign)
        parts = [p for p in parts[:-1] if not only_place(p)] + parts[-1:]
    store = bank() if parts else None
    vectors = _embed([gloss(p) for p in parts]) if store is not None else None
    if vectors is None:
        return []
    sims = vectors @ store.matrix.T
    out = []
    found = concepts()
    owner = np.array(store.owner)
    calm = np.flatnonzero(owner == -1)
    for p, piece in enumerate(parts):
        near_mild = float(sims[p, calm].max()) if calm.size else -1.0
        for i, concept in enumerate(found):
            rows = np.flatnonzero(owner == i)
            best = rows[int(np.argmax(sims[p, rows]))]
            out.append((piece, concept, float(sims[p, best]), store.text[best], near_mild))
    return out


def _regexes(entry: dict, key: str, where: str) -> tuple[re.Pattern, ...]:
    found = entry.get(key, [])
    if not isinstance(found, list) or not all(isinstance(u, str) and u.strip() for u in found):
        raise TriageError(f"{where}, field '{key}': write a list of regular expressions.")
    try:
        return tuple(re.compile(u) for u in found)
    except re.error as err:
        raise TriageError(f"{where}, field '{key}': {err}; write a regular expression.") from err


#: Concepts whose advice differs from any other of the same level (the crisis line, 988): read
#: even when the rules already gave their level ("since the fall I have been scratching my skin
#: till it bleeds, it is the only thing that helps" is an emergency by the bleeding rule, and
#: the person needs the crisis advice too: session 33, first review)
CRISIS = frozenset(
    {"wish-to-be-dead", "suicide-method-thoughts", "suicide-preparation", "self-harm"}
)


#: ... and only with a word of harm to oneself or of not wanting to live: "I feel like I am dying,
#: I cant breathe" is no crisis (final review)
CRISIS_ANCHOR = re.compile(
    r"\b(?:myself|on\s+purpose|deliberate\w*|want\s+to\s+die|wanna\s+die|end\s+it|end\s+my|"
    r"kill\w*\s+myself|hurt\w*\s+myself|harm\w*|suicid\w*|overdos\w*|better\s+off|not\s+be\s+here|"
    r"no\s+point|to\s+cope|make\s+it\s+stop|only\s+thing\s+that\s+helps|punch\w*|cutting|cut\s+my|"
    r"burn\w*\s+my)\b"
)


def _sentence_of(text: str, piece: str) -> str:
    """The sentence of ``text`` that holds ``piece`` (the piece itself when none does)."""
    want = " ".join(piece.lower().split())
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        if want and want in " ".join(sentence.lower().split()):
            return sentence
    return piece


def _covers(reading: re.Pattern, sentence: str, piece: str) -> bool:
    """Whether a reading of the sentence matches words that hold the piece (final review: "i'd
    like to just not exist anymore, the pain is gone and im ok, its all gone and i feel fine":
    the reading of the pain being gone does not speak for the wish before it)."""
    m = reading.search(_plain(sentence))
    return bool(m) and " ".join(_plain(piece).split()) in " ".join(m.group(0).split())


def _wanted(concept: Concept, above_rank: int, anchored: bool = False) -> bool:
    return concept.rank > above_rank or (
        anchored and concept.name in CRISIS and concept.rank >= above_rank
    )


def hits(text: str, above_rank: int = 0) -> list[Hit]:
    """The concepts the words sound like, above ``above_rank`` (what the rules already gave),
    and the crisis concepts at that level too: the best piece for each, most severe and closest
    first."""
    if not ENABLED or not text or not text.strip():
        return []
    anchored = bool(CRISIS_ANCHOR.search(_plain(text)))
    if not any(_wanted(c, above_rank, anchored) for c in concepts()):
        return []
    best: dict[str, Hit] = {}
    for piece, concept, score, exemplar, near_mild in scores(text):
        if (
            not _wanted(concept, above_rank, anchored)
            or score < concept.cutoff
            or score < near_mild + MARGIN
        ):
            continue
        if (
            any(u.search(_plain(piece)) for u in concept.unless)
            or any(u.search(_plain(text)) for u in concept.unless_message)
            or any(_covers(u, _sentence_of(text, piece), piece) for u in concept.unless_sentence)
        ):
            continue
        if concept.name not in best or score > best[concept.name].score:
            best[concept.name] = Hit(concept, piece, score, exemplar)
    return sorted(best.values(), key=lambda h: (-h.concept.rank, -h.score))
