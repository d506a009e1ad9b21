"""How answers are chosen once a question is read: query parts, comparison sides, nearest passages.

Helpers of ``answer.ask``: the weights of the asked clause and the story, the texts the
re-ranker embeds, the stems that pick the answering sentence, a passage per side for a
comparison, the nearest passages when nothing answers confidently, and the medicines
guide pages of the drugs a question names.
"""

from __future__ import annotations

import re

import numpy as np

from mbcnav.library.articles import slugify
from mbcnav.library.index import Hit, Index
from mbcnav.library.qtypes import added_words, story_is_subject
from mbcnav.library.shapes import focus_named
from mbcnav.library.understand import Reading
from mbcnav.library.understand import sentences as understand_sentences
from mbcnav.library.vocabulary import analyse, synonyms

STORY_WEIGHT = 0.35  # weight of the story's words against the asked clause's
SUBJECT_CLAUSE_WEIGHT = 0.5  # an urgency clause's words against the story it asks about
BARE_STORY_WEIGHT = 0.8  # when the asked clause has almost no words of its own ("what helps?")
REFERRED_WEIGHT = 0.7  # the story sentence the asked clause points back at ("it")
REFERRED_CANDIDATES = 2  # the last sentences of the story one of which "it" stands for
REFERRED_TOP = 3  # topic words counted per candidate sentence
# who a question is for (children are not here: they name the children article's topic)
PEOPLE = re.compile(
    r"\b(moms?|mums?|mothers?|dads?|fathers?|parents?|husbands?|wife|wives|partners?|spouses?|"
    r"sisters?|brothers?|aunts?|uncles?|grandmothers?|grandmas?|grandfathers?|grandpas?|friends?|"
    r"cousins?|loved ones?|family members?|relatives?)\b",
    re.I,
)
# "how can I help my sister?", "help him when I'm not there": helping a person named by relation
# (or pointed to) is a caregiver's question
HELPING = re.compile(
    r"\b(help|helping|support|look after|looking after|care for|caring for)\b", re.I
)
HELPED = re.compile(r"\b(help|support|look after|care for)\s+(him|her|them)\b", re.I)
POINTS_BACK = re.compile(r"\b(it|that|this|these|those|they|them|she|he|her|him)\b", re.I)
MAIN_COVERAGE = 0.5  # a question's best passage must cover this share of it to count
# the words that only frame a comparison ("what's the difference", "which one is better")
COMPARE_FRAME = frozenset(
    "vs versus or and difference differences different differ same better worse which one "
    "compared compare between like whats what's the is are".split()
)
SIDE_COVERAGE = 0.99  # a passage names a compared side when it holds all of its words


def query_parts(reading: Reading, index: Index) -> list[tuple[str, float]]:
    """The parts searched for a question (``_query_parts``) and the words its types add."""
    return _query_parts(reading, index) + added_words(reading.asked)


def _query_parts(reading: Reading, index: Index) -> list[tuple[str, float]]:
    """The asked clause at full weight, the story below it (higher when the clause is bare).

    Words for the person asked about ("my mom", "a parent", "my husband") say who the
    question is for, not what it is about: they are searched at the story's weight. Asking
    how to help such a person ("how can I help my sister?", "help him") is a caregiver's
    question: "caregiver" is searched with the asked clause."""
    asked, people = without_people(reading.asked)
    helping = bool((people and HELPING.search(asked)) or HELPED.search(asked))
    if helping:
        asked = f"{asked} caregiver"
    if (people and analyse(asked)) or helping:
        story = " ".join(p for p in (reading.story, people) if p)
        reading = Reading(reading.text, asked, story, reading.shape, reading.sides)
    if not reading.story:
        return [(reading.asked, 1.0)]
    own = analyse(reading.asked)
    if story_is_subject(reading.asked):
        # "Do I go to the ER or wait until Monday?" after the symptoms: the symptoms are what
        # is asked about, the clause's own words ("ER", "Monday") only how urgent it is
        return [(reading.story, 1.0), (reading.asked, SUBJECT_CLAUSE_WEIGHT)]
    bare = len(own) <= 1
    weight = BARE_STORY_WEIGHT if bare else STORY_WEIGHT
    parts = [(reading.asked, 1.0), (reading.story, weight)]
    if weight < REFERRED_WEIGHT and POINTS_BACK.search(reading.asked):
        # "should I take two to make up for it?": "it" is what the last story sentence says
        parts.insert(1, (referred_sentence(index, reading.story), REFERRED_WEIGHT))
    return parts


def referred_sentence(index: Index, story: str) -> str:
    """The story sentence a pointing word ("it", "this") most likely stands for: of the last
    ``REFERRED_CANDIDATES`` sentences, the one whose topic words are rarest in the library
    (sum of its ``REFERRED_TOP`` highest IDFs; ties: the later one). "My oncologist asked
    whether I want a DNR. I'm still doing well. If I sign it ..." - "it" is the DNR."""
    candidates = understand_sentences(story)[-REFERRED_CANDIDATES:]

    def mass(sentence: str) -> float:
        idfs = sorted((index.idf(s) for s in set(analyse(sentence)) if s in index.df), reverse=True)
        return sum(idfs[:REFERRED_TOP])

    best = max(range(len(candidates)), key=lambda i: (mass(candidates[i]), i))
    return candidates[best]


def main_question(index: Index, reading: Reading, lenient: bool) -> int:
    """Which of a message's questions to answer first: the one the library answers best
    (BM25 score of its best passage that covers at least half of it; ties: the first)."""
    best, main = 0.0, 0
    for n, asked in enumerate(reading.questions):
        parts = [(asked, 1.0)] + ([(reading.story, STORY_WEIGHT)] if reading.story else [])
        hits = index.search(asked, top=3, rerank=False, parts=parts, lenient=lenient)
        lead = max((h.score for h in hits if h.coverage >= MAIN_COVERAGE), default=0.0)
        if lead > best * 1.05:
            best, main = lead, n
    return main


def without_people(asked: str) -> tuple[str, str]:
    """The asked clause without words for the person asked about, and those words."""
    found = PEOPLE.findall(asked)
    if not found:
        return asked, ""
    return " ".join(PEOPLE.sub(" ", asked).split()), " ".join(found)


def guide_links(reading: Reading) -> tuple[tuple[str, str], ...]:
    """The medicines guide pages of the drugs the question names (the asked clause first)."""
    known = synonyms().record_drugs
    named = sorted(focus_named(reading.asked) & known) or sorted(focus_named(reading.text) & known)
    return tuple((name, f"/library/medicines/{slugify(name)}/") for name in named)


def dense_queries(reading: Reading) -> list[str]:
    """Texts embedded for re-ranking: the whole of a short question; for a long one the
    asked clause after the story's last sentence (the context nearest to it) and the whole
    message (the model cuts it at 256 word pieces). A passage's similarity is its mean over
    them (``Index.search``): the asked clause alone is often bare ("how do other people
    handle this?", "is that normal?") and the story's last sentence may not name what it
    is about, while the whole message alone blends the story into the question (lib27:
    first-passage hits on sets 1-15 +9 in all, no set down by more than one)."""
    if not reading.story:
        return [reading.text]
    last = understand_sentences(reading.story)[-1]
    return [f"{last} {reading.asked}", reading.text]


def stem_weights(index: Index, parts: list[tuple[str, float]]) -> dict[str, float]:
    """Each search stem's weight (term weight times IDF) for choosing the answering sentence."""
    terms, _ = index.weighted_terms(parts)
    weights: dict[str, float] = {}
    for t in terms:
        weights[t.stem] = max(weights.get(t.stem, 0.0), t.weight * index.idf(t.stem))
    return weights


def side_coverage(index: Index, side: str) -> tuple[np.ndarray, np.ndarray]:
    """Per passage: BM25 score and share of a compared side's words (synonyms count)."""
    terms, origins = index.terms(side)
    if not terms:
        n = len(index.sections)
        return np.zeros(n, np.float32), np.zeros(n, np.float32)
    return index.scores(terms, origins)


def compare(index: Index, reading: Reading, hits: list[Hit]) -> tuple[list[Hit], bool]:
    """A passage naming both sides first; else the best passage for each side, then the rest.

    The flag says whether the first two passages are one per side.
    """
    (score_x, cov_x), (score_y, cov_y) = (side_coverage(index, s) for s in reading.sides)
    position = {id(s): i for i, s in enumerate(index.sections)}
    both = [
        h
        for h in hits
        if min(cov_x[position[id(h.section)]], cov_y[position[id(h.section)]]) >= SIDE_COVERAGE
    ]
    if both:
        # "verzenio vs ibrance, which one has more diarrhea": of the passages naming both,
        # first the one that also holds the rest of the question, then the best ranked
        rest = rest_of(reading)
        cov_rest = side_coverage(index, rest)[1] if rest else np.zeros(len(index.sections))
        both.sort(key=lambda h: (-cov_rest[position[id(h.section)]], -h.rank))
        return both[:1] + [h for h in hits if h is not both[0]], False
    chosen: list[int] = []
    for score, cov in ((score_x, cov_x), (score_y, cov_y)):
        fits = np.where((cov >= SIDE_COVERAGE) & (index.prior > 0), score * cov, 0.0)
        for i in chosen:
            fits[i] = 0.0
        if fits.max() > 0:
            chosen.append(int(fits.argmax()))
    if len(chosen) < 2:
        return hits, False
    first = [
        Hit(index.sections[i], float(sc[i]), 1.0, float(sc[i]))
        for i, sc in zip(chosen, (score_x, score_y), strict=True)
    ]
    taken = {id(h.section) for h in first}
    return first + [h for h in hits if id(h.section) not in taken], True


def rest_of(reading: Reading) -> str:
    """The asked clause without the words of the compared sides (what is asked about them)."""
    side_words = {w.lower() for side in reading.sides for w in side.split()}
    words = (w.lower().strip(",.?!'") for w in reading.asked.split())
    return " ".join(w for w in words if w not in side_words and w not in COMPARE_FRAME)


def similarity(index: Index, texts: list[str]) -> float:
    """The best dense similarity of any passage to the question's texts (0 without the model)."""
    vectors = index.vectors()
    if vectors is None or not texts:
        return 0.0
    from mbcnav.library import rerank as dense

    return float((vectors.matrix @ dense.encode_queries(texts).T).max())


def nearest(index: Index, question: str, hits: list[Hit], top: int) -> list[Hit]:
    """The nearest passages for a question nothing answers well: BM25 first, else dense."""
    if hits:
        return hits[:top]
    vectors = index.vectors()
    if vectors is None:
        return []
    from mbcnav.library import rerank as dense

    similarity = vectors.matrix @ dense.encoder().encode([question])[0]
    order = [int(i) for i in (-similarity).argsort()[:top]]
    return [Hit(index.sections[i], 0.0, 0.0, float(similarity[i])) for i in order]
