"""The glossary (``data/glossary.yaml``): plain definitions, and linking terms in article HTML.

``link_terms(html)`` wraps the first use of each glossary term in an article's HTML
in an accessible link to the glossary page with its definition shown on hover, focus
or tap (``<a class="term" aria-describedby=...>`` + ``<span role="tooltip">``).
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from mbcnav.library.articles import slugify
from mbcnav.library.errors import LibraryError

GLOSSARY_FILE = Path(__file__).parent / "data" / "glossary.yaml"
GLOSSARY_URL = "/library/glossary/"
SOURCE_FIELDS = ("publisher", "title", "url", "read")
NO_LINK_INSIDE = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "sup",
    "code",
    "abbr",
    "dfn",
    "button",
    "span",
}


@dataclass(frozen=True)
class Term:
    term: str
    slug: str
    aliases: tuple[str, ...]  # other names, shown beside the term
    definition: str
    article: str | None
    as_of: date
    source: dict = field(hash=False, compare=False)
    also_read: tuple[str, ...] = ()  # other spellings people type ("tumour"): read, not shown

    @property
    def url(self) -> str:
        return f"{GLOSSARY_URL}#term-{self.slug}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases, *self.also_read)


def _fail(path: Path, entry: str, problem: str) -> LibraryError:
    return LibraryError(f"Glossary file {path.name}: {entry} {problem}.")


def _date(path: Path, entry: str, value) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(path, entry, f"is {value!r}, but it must be a date like 2026-11-21") from None


def read_glossary(path: Path = GLOSSARY_FILE) -> list[Term]:
    """Load and validate a glossary file; errors name the file, the entry and the field."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise LibraryError(f"Glossary file {path.name} cannot be read: {err}.") from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise _fail(path, "the file", "must be a mapping with a list of 'terms'")
    terms, seen = [], set()
    for n, raw in enumerate(data["terms"], start=1):
        if not isinstance(raw, dict):
            raise _fail(path, f"terms[{n}]", "must be a mapping")
        name = str(raw.get("term") or "").strip()
        where = f"term '{name}'" if name else f"terms[{n}]"
        if not name:
            raise _fail(path, f"{where} field 'term'", "is missing")
        if name.lower() in seen:
            raise _fail(path, where, "is listed twice")
        seen.add(name.lower())
        if not str(raw.get("definition") or "").strip():
            raise _fail(path, f"{where} field 'definition'", "is missing")
        source = raw.get("source")
        if not isinstance(source, dict):
            raise _fail(
                path, f"{where} field 'source'", "is missing; give publisher, title, url and read"
            )
        for key in SOURCE_FIELDS:
            if not str(source.get(key) or "").strip():
                raise _fail(path, f"{where} field 'source.{key}'", "is missing")
        if not str(source["url"]).startswith("https://"):
            raise _fail(
                path,
                f"{where} field 'source.url'",
                f"is {source['url']!r}, but it must be an https address",
            )
        if "as_of" not in raw:
            raise _fail(path, f"{where} field 'as_of'", "is missing")
        aliases = raw.get("aliases") or []
        also_read = raw.get("also_read") or []
        for key, value in (("aliases", aliases), ("also_read", also_read)):
            if not isinstance(value, list):
                raise _fail(path, f"{where} field '{key}'", "must be a list")
        terms.append(
            Term(
                term=name,
                slug=slugify(name),
                aliases=tuple(str(a) for a in aliases),
                also_read=tuple(str(a) for a in also_read),
                definition=" ".join(str(raw["definition"]).split()),
                article=raw.get("article") or None,
                as_of=_date(path, f"{where} field 'as_of'", raw["as_of"]),
                source={
                    **source,
                    "read": _date(path, f"{where} field 'source.read'", source["read"]),
                },
            )
        )
    return sorted(terms, key=lambda t: t.term.lower())


@lru_cache(maxsize=1)
def glossary() -> list[Term]:
    """The bundled glossary, loaded once."""
    return read_glossary()


def lookup(word: str, terms: list[Term] | None = None) -> Term | None:
    """The glossary entry for a term or one of its aliases (case-insensitive)."""
    key = word.strip().lower()
    return next((t for t in terms or glossary() if key in (n.lower() for n in t.names)), None)


def _pattern(name: str) -> re.Pattern:
    # Short all-capital abbreviations (ER, PR, PE) match only in capitals.
    flags = 0 if (name.isupper() and len(name) <= 5) else re.I
    return re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", flags)


@lru_cache(maxsize=4)
def _patterns(terms: tuple[Term, ...]) -> list[tuple[re.Pattern, Term]]:
    pairs = [(name, t) for t in terms for name in t.names]
    pairs.sort(key=lambda p: -len(p[0]))  # longest names first
    return [(_pattern(name), t) for name, t in pairs]


class TermLinker:
    """Links the first use of each glossary term across the HTML chunks of one page."""

    def __init__(self, terms: list[Term] | None = None, skip: set[str] | None = None):
        self.terms = tuple(terms if terms is not None else glossary())
        self.done: set[str] = set(skip or ())
        self.count = 0

    def _wrap(self, text: str, term: Term) -> str:
        self.count += 1
        tip = f"term-tip-{term.slug}"
        return (
            f'<span class="term-wrap"><a class="term" href="{term.url}" aria-describedby="{tip}">{text}</a>'
            f'<span class="term-def" role="tooltip" id="{tip}">{htmllib.escape(term.definition)}</span></span>'
        )

    def _link_text(self, text: str) -> str:
        spans: list[tuple[int, int, Term]] = []
        for pattern, term in _patterns(self.terms):
            if term.slug in self.done:
                continue
            for m in pattern.finditer(text):
                if any(m.start() < e and s < m.end() for s, e, _ in spans):
                    continue
                spans.append((m.start(), m.end(), term))
                self.done.add(term.slug)
                break
        out, last = [], 0
        for s, e, term in sorted(spans, key=lambda x: x[0]):
            out.append(text[last:s])
            out.append(self._wrap(text[s:e], term))
            last = e
        out.append(text[last:])
        return "".join(out)

    def __call__(self, html: str) -> str:
        parts = re.split(r"(<[^>]+>)", html)
        stack: list[str] = []
        for i, part in enumerate(parts):
            if part.startswith("<"):
                m = re.match(r"<(/?)([a-zA-Z0-9]+)", part)
                if m and not part.endswith("/>"):
                    tag = m.group(2).lower()
                    if m.group(1):
                        if tag in stack:
                            del stack[len(stack) - 1 - stack[::-1].index(tag)]
                    elif tag in NO_LINK_INSIDE:
                        stack.append(tag)
            elif part.strip() and not stack:
                parts[i] = self._link_text(part)
        return "".join(parts)


def link_terms(html: str, terms: list[Term] | None = None) -> str:
    """Link the first use of each glossary term in one chunk of HTML."""
    return TermLinker(terms)(html)
