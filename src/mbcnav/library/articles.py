"""Load and validate library articles (Markdown + YAML front matter) and split them into sections.

An article file ``articles/<slug>.md`` has front matter (title, slug, summary, topic,
as_of, reviewed, sources, related, tags) and a body: an optional intro, then ``## ``
sections that each stand alone as an answer. Citations are footnote markers
``[^source-id]`` naming an entry of ``sources``. Rendering to HTML lives in ``render.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import frontmatter
import yaml

from mbcnav.library.errors import LibraryError

ARTICLES_DIR = Path(__file__).parent / "articles"

TOPICS: dict[str, str] = {
    "basics": "The basics",
    "diagnosis": "Diagnosis and tests",
    "subtypes-and-biomarkers": "Subtypes and biomarkers",
    "treatment": "Treatment",
    "side-effects": "Side effects",
    "emergencies": "Emergencies and warning signs",
    "living-with-mbc": "Living with MBC",
    "clinical-trials": "Clinical trials",
    "numbers": "Numbers and statistics",
    "faq": "Questions people ask",
}
REQUIRED = ("title", "slug", "summary", "topic", "as_of", "reviewed", "sources")
SOURCE_FIELDS = ("id", "publisher", "title", "url", "read")
TAG_KINDS = ("subtypes", "sites", "drug_classes")
CITATION = re.compile(r"\[\^([^\]\s]+)\]")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    url: str
    read: date
    number: int  # 1-based position in the article's source list (the footnote number)


@dataclass(frozen=True)
class Section:
    article: str  # slug of the article it belongs to
    heading: str
    anchor: str
    markdown: str  # body as written, citation markers included
    position: int  # 0 = intro (when present), then 1, 2, ...

    @property
    def citations(self) -> tuple[str, ...]:
        """Source ids cited in this section, first citation first, no repeats."""
        return tuple(dict.fromkeys(CITATION.findall(self.markdown)))

    @property
    def text(self) -> str:
        """The section as plain text (no citation markers, no Markdown syntax)."""
        return plain_text(self.markdown)


@dataclass(frozen=True)
class Article:
    path: Path
    title: str
    slug: str
    summary: str
    topic: str
    as_of: date
    reviewed: date
    sources: tuple[Source, ...]
    related: tuple[str, ...]
    tags: dict[str, tuple[str, ...]]
    sections: tuple[Section, ...]

    @property
    def url(self) -> str:
        return f"/library/{self.slug}/"

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def section_sources(self, section: Section) -> tuple[Source, ...]:
        """The sources a section cites; the whole list when it cites none."""
        cited = [self.source(i) for i in section.citations]
        return tuple(s for s in cited if s) or self.sources


@dataclass
class Library:
    articles: dict[str, Article] = field(default_factory=dict)

    def get(self, slug: str) -> Article | None:
        return self.articles.get(slug)

    @property
    def sections(self) -> list[Section]:
        return [s for a in self.articles.values() for s in a.sections]

    def by_topic(self) -> list[tuple[str, str, list[Article]]]:
        """(topic, label, articles sorted by title) for every topic that has articles."""
        out = []
        for topic, label in TOPICS.items():
            items = sorted(
                (a for a in self.articles.values() if a.topic == topic), key=lambda a: a.title
            )
            if items:
                out.append((topic, label, items))
        return out

    def related(self, article: Article) -> list[Article]:
        return [self.articles[s] for s in article.related if s in self.articles]


def slugify(text: str) -> str:
    """A URL fragment for a heading: lower-case words joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("+", " plus "))
    return "-".join(words) or "section"


def plain_text(markdown_text: str) -> str:
    """Markdown to readable plain text: markers, emphasis, links and HTML removed."""
    text = CITATION.sub("", markdown_text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    text = re.sub(r"^#{1,6}\s*(.+)$", r"\1:", text, flags=re.M)
    text = re.sub(r"^[ \t]*[-*+][ \t]+", "- ", text, flags=re.M)
    text = re.sub(r"[ \t]+([.,;:!?])", r"\1", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _fail(path: Path, field_name: str, problem: str) -> LibraryError:
    return LibraryError(f"Article file {path.name}: field '{field_name}' {problem}.")


def _as_date(path: Path, name: str, value) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(path, name, f"is {value!r}, but it must be a date like 2026-11-21") from None


def _sources(path: Path, raw) -> tuple[Source, ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(path, "sources", "must list at least one source")
    out, seen = [], set()
    for n, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise _fail(
                path, f"sources[{n}]", "must be a mapping with id, publisher, title, url, read"
            )
        for key in SOURCE_FIELDS:
            if not str(item.get(key) or "").strip():
                raise _fail(path, f"sources[{n}].{key}", "is missing; every source needs it")
        sid = str(item["id"]).strip()
        if sid in seen:
            raise _fail(path, f"sources[{n}].id", f"repeats the id '{sid}'; ids must be unique")
        if not str(item["url"]).startswith(("https://", "http://")):
            raise _fail(
                path, f"sources[{n}].url", f"is {item['url']!r}, but it must be a web address"
            )
        seen.add(sid)
        read = _as_date(path, f"sources[{n}].read", item["read"])
        out.append(
            Source(sid, str(item["publisher"]), str(item["title"]), str(item["url"]), read, n)
        )
    return tuple(out)


def _tags(path: Path, raw) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {k: () for k in TAG_KINDS}
    if not isinstance(raw, dict):
        raise _fail(path, "tags", f"must be a mapping with {', '.join(TAG_KINDS)}")
    unknown = set(raw) - set(TAG_KINDS)
    if unknown:
        raise _fail(path, "tags", f"has {sorted(unknown)[0]!r}; allowed: {', '.join(TAG_KINDS)}")
    out = {}
    for kind in TAG_KINDS:
        values = raw.get(kind) or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise _fail(path, f"tags.{kind}", "must be a list of words")
        out[kind] = tuple(v.strip() for v in values)
    return out


def split_sections(slug: str, body: str) -> tuple[Section, ...]:
    """Cut the body at ``## `` headings; text before the first heading is the intro."""
    parts = re.split(r"^##[ \t]+(.+?)[ \t]*#*[ \t]*$", body, flags=re.M)
    sections, used = [], set()
    intro = parts[0].strip()
    if intro:
        sections.append(Section(slug, "Overview", "overview", intro, 0))
        used.add("overview")
    for i in range(1, len(parts), 2):
        heading, text = parts[i].strip(), parts[i + 1].strip()
        anchor, n = slugify(heading), 2
        while anchor in used:
            anchor, n = f"{slugify(heading)}-{n}", n + 1
        used.add(anchor)
        sections.append(Section(slug, heading, anchor, text, len(sections) + (not intro)))
    return tuple(sections)


def parse_article(path: Path) -> Article:
    """Read and validate one article file; LibraryError names the file and the field."""
    path = Path(path)
    try:
        post = frontmatter.load(path)
    except (OSError, yaml.YAMLError, ValueError) as err:
        raise LibraryError(
            f"Article file {path.name} cannot be read as Markdown with YAML front matter: {err}."
        ) from None
    meta = post.metadata
    for key in REQUIRED:
        if meta.get(key) in (None, "", []):
            raise _fail(path, key, "is missing")
    slug = str(meta["slug"])
    if not SLUG.match(slug) or slug != path.stem:
        raise _fail(path, "slug", f"is {slug!r}, but it must equal the file name {path.stem!r}")
    if meta["topic"] not in TOPICS:
        raise _fail(path, "topic", f"is {meta['topic']!r}; allowed: {', '.join(TOPICS)}")
    sources = _sources(path, meta["sources"])
    related = meta.get("related") or []
    if not isinstance(related, list) or not all(
        isinstance(r, str) and SLUG.match(r) for r in related
    ):
        raise _fail(path, "related", "must be a list of article slugs")
    sections = split_sections(slug, post.content)
    if not sections:
        raise _fail(path, "body", "is empty; write at least one '## ' section")
    ids = {s.id for s in sources}
    for section in sections:
        if not section.text:
            raise _fail(path, f"section '{section.heading}'", "has no text")
        for cited in section.citations:
            if cited not in ids:
                raise _fail(
                    path, "sources", f"has no id '{cited}', cited in section '{section.heading}'"
                )
    return Article(
        path=path,
        title=str(meta["title"]).strip(),
        slug=slug,
        summary=str(meta["summary"]).strip(),
        topic=str(meta["topic"]),
        as_of=_as_date(path, "as_of", meta["as_of"]),
        reviewed=_as_date(path, "reviewed", meta["reviewed"]),
        sources=sources,
        related=tuple(related),
        tags=_tags(path, meta.get("tags")),
        sections=sections,
    )


def read_library(directory: Path | str = ARTICLES_DIR) -> Library:
    """Load every ``*.md`` article in a folder (not cached)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise LibraryError(f"The articles folder {directory} does not exist.")
    articles = {}
    for path in sorted(directory.glob("*.md")):
        article = parse_article(path)
        articles[article.slug] = article
    return Library(articles)


def load_library(directory: Path | str = ARTICLES_DIR) -> Library:
    """The library from a folder, loaded once per process (default: the bundled articles)."""
    return _library_for(str(Path(directory).resolve()))


@lru_cache(maxsize=8)
def _library_for(directory: str) -> Library:
    return read_library(directory)
