"""Cited answers from the library: ``ask(question, patient=None, top=3)``.

An answer is a whole section (sections are written to stand alone) with the
sources it cites. When no passage matches enough of the question (see
``MIN_COVERAGE`` / ``MIN_SCORE``, calibrated on off-topic questions in
``bench/data/library_questions.yaml``) the answer list is empty and ``message`` says so.
With a patient, passages tagged for the person's subtype, HER2 category or sites
are preferred, and those tagged only for other subtypes are demoted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mbcnav.library.articles import ARTICLES_DIR, Article, Section, Source
from mbcnav.library.errors import LibraryError
from mbcnav.library.index import get_index

MIN_COVERAGE = 0.5  # share of the question's (IDF-weighted) words the best passage must match
MIN_SCORE = 1.0  # fused BM25 score the best passage must reach
MATCH_BOOST = 1.25  # passage tagged for the person's subtype or one of their sites
MISMATCH_DAMP = 0.8  # passage tagged only for subtypes the person does not have
MAX_QUESTION = 500
NOTHING = (
    "The library has no passage that answers this question. Try other words, or ask your care team."
)

# Tag words that fit each subtype from mbcnav.patient.derive.subtype (compared lower-case, no spaces).
SUBTYPE_TAGS = {
    "HR+/HER2-": {
        "hr+/her2-",
        "hr+",
        "hr-positive",
        "hormonereceptor-positive",
        "er+",
        "her2-",
        "her2-negative",
        "luminal",
    },
    "HR+/HER2+": {
        "hr+/her2+",
        "hr+",
        "hr-positive",
        "hormonereceptor-positive",
        "er+",
        "her2+",
        "her2-positive",
    },
    "HR-/HER2+": {"hr-/her2+", "her2+", "her2-positive"},
    "triple-negative": {
        "triple-negative",
        "tnbc",
        "triplenegative",
        "her2-",
        "her2-negative",
        "hr-",
    },
}
HER2_TAGS = {
    "low": {"her2-low", "her2low"},
    "ultralow": {"her2-ultralow", "her2ultralow", "her2-low"},
}


@dataclass(frozen=True)
class Profile:
    """What the library uses from a person's record to choose passages."""

    subtype: str = "unknown"
    her2_category: str = "unknown"
    sites: tuple[str, ...] = ()

    def tag_words(self) -> set[str]:
        return SUBTYPE_TAGS.get(self.subtype, set()) | HER2_TAGS.get(self.her2_category, set())


def profile_of(patient) -> Profile:
    """A Profile from a mbcnav.patient Patient (or a Profile passed through)."""
    if patient is None or isinstance(patient, Profile):
        return patient or Profile()
    from mbcnav.patient import derive

    return Profile(
        subtype=derive.subtype(patient),
        her2_category=derive.her2_category(patient),
        sites=tuple(derive.sites(patient)),
    )


def _squash(tag: str) -> str:
    return tag.lower().replace(" ", "")


def fit(article: Article, profile: Profile) -> float:
    """Score factor for an article given a person: >1 fits them, <1 is for someone else."""
    subtypes = {_squash(t) for t in article.tags.get("subtypes", ())} - {"all", "any"}
    sites = {t.lower() for t in article.tags.get("sites", ())}
    mine = {_squash(t) for t in profile.tag_words()}
    if (subtypes & mine) or (sites & set(profile.sites)):
        return MATCH_BOOST
    if subtypes and profile.subtype != "unknown":
        return MISMATCH_DAMP
    return 1.0


@dataclass(frozen=True)
class Answer:
    text: str
    article: str
    title: str
    heading: str
    url: str
    sources: tuple[Source, ...]
    score: float

    def as_json(self) -> dict:
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

    def as_json(self) -> dict:
        return {"question": self.question, "answers": [a.as_json() for a in self.answers]}


def _answer(article: Article, section: Section, score: float) -> Answer:
    return Answer(
        text=section.text,
        article=article.slug,
        title=article.title,
        heading=section.heading,
        url=f"{article.url}#{section.anchor}",
        sources=article.section_sources(section),
        score=score,
    )


def ask(
    question: str,
    patient=None,
    top: int = 3,
    directory: Path | str = ARTICLES_DIR,
    rerank: bool = True,
) -> AskResult:
    """The best self-contained passages for a question, with their sources.

    Whether anything fits is decided on BM25 alone (coverage and score of the best
    passage); ``rerank`` only reorders the passages that fit.
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
    boost = None
    if profile != Profile():
        boost = lambda s: fit(index.library.articles[s.article], profile)  # noqa: E731
    hits = index.search(question, top=max(top, 10), boost=boost, rerank=rerank)
    fitting = [h for h in hits if h.coverage >= MIN_COVERAGE]
    lead = max(fitting, key=lambda h: h.score, default=None)  # best fitting passage by BM25
    if lead is None or lead.score < MIN_SCORE:
        return AskResult(question, [], NOTHING)
    chosen = [h for h in fitting if h.score >= lead.score * 0.3][:top]
    answers = [
        _answer(index.library.articles[h.section.article], h.section, h.rank) for h in chosen
    ]
    return AskResult(question, answers, "")


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
