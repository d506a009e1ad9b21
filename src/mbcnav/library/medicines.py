"""The medicines guide: a page for every drug the record's drug table knows.

Built from two sourced files: ``patient/data/drugs.yaml`` (names, brands, class, the
class's one-line description, and each drug's NCI Drug Dictionary entry with the date it
was read) and ``data/medicines.yaml`` (which library passages explain each class: how it
works, side effects, what to report at once), plus the drug's own sourced facts from
``data/medicine_facts/`` (what it is, how it is given, common and serious side effects,
what to report at once, key interactions, who it is approved for; see medicine_facts.py).
A page also lists the library passages that name the drug itself.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from mbcnav.library.articles import ARTICLES_DIR, Article, Section, load_library, slugify
from mbcnav.library.errors import LibraryError
from mbcnav.library.medicine_facts import FACTS_DIR, Fact, read_facts
from mbcnav.library.vocabulary import words

MEDICINES_FILE = Path(__file__).parent / "data" / "medicines.yaml"
ROLES = ("works", "side_effects", "report")


@dataclass(frozen=True)
class Passage:
    article: Article
    section: Section

    @property
    def url(self) -> str:
        return f"{self.article.url}#{self.section.anchor}"


@dataclass(frozen=True)
class Medicine:
    name: str
    slug: str
    brands: tuple[str, ...]
    classes: tuple[tuple[str, str], ...]  # (class label, one-line description)
    source: object  # mbcnav.patient.drugs.Source: the NCI Drug Dictionary entry
    label_url: str  # the FDA label search on DailyMed
    works: tuple[Passage, ...]
    side_effects: tuple[Passage, ...]
    report: tuple[Passage, ...]
    named_in: tuple[Passage, ...]  # library passages that name this drug
    facts: tuple[Fact, ...] = ()  # the drug's own sourced facts, in page order

    @property
    def url(self) -> str:
        return f"/library/medicines/{self.slug}/"

    @property
    def title(self) -> str:
        return f"{self.name} ({', '.join(self.brands)})" if self.brands else self.name


def _passage(library, entry, where: str) -> Passage:
    if not (isinstance(entry, list) and len(entry) == 2):
        raise LibraryError(f"Medicines file: {where} must be [article, heading].")
    slug, heading = entry
    article = library.get(slug)
    section = next((s for s in article.sections if s.heading == heading), None) if article else None
    if section is None:
        raise LibraryError(
            f"Medicines file: {where} names '{slug}' / '{heading}', which is not in the library."
        )
    return Passage(article, section)


def _named_in(library, names: list[str]) -> tuple[Passage, ...]:
    phrases = [" ".join(words(n)) for n in names if words(n)]
    out = []
    for article in library.articles.values():
        if article.topic == "faq":
            continue
        for section in article.sections:
            padded = f" {' '.join(words(section.heading + ' ' + section.text))} "
            if any(f" {p} " in padded for p in phrases):
                out.append(Passage(article, section))
    return tuple(out)


def read_medicines(
    path: Path = MEDICINES_FILE,
    directory: Path | str = ARTICLES_DIR,
    facts_dir: Path | str = FACTS_DIR,
) -> dict[str, Medicine]:
    """Every medicine of the drug table, by slug (validated against the library's articles)."""
    from mbcnav.patient.drugs import drug_table

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise LibraryError(f"Medicines file {Path(path).name} cannot be read: {err}.") from None
    if (
        not isinstance(data, dict)
        or not data.get("as_of")
        or not isinstance(data.get("classes"), dict)
    ):
        raise LibraryError("Medicines file: it needs as_of, label_search and classes.")
    library = load_library(directory)
    table = drug_table()
    missing = set(table.classes) - set(data["classes"])
    if missing:
        raise LibraryError(
            f"Medicines file: no entry for the drug classes {', '.join(sorted(missing))}."
        )
    by_class: dict[str, dict[str, tuple[Passage, ...]]] = {}
    for label, roles in data["classes"].items():
        if label not in table.classes:
            raise LibraryError(f"Medicines file: '{label}' is not a drug class of drugs.yaml.")
        by_class[label] = {
            role: tuple(
                _passage(library, e, f"{label} {role}") for e in (roles or {}).get(role) or []
            )
            for role in ROLES
        }
    facts = read_facts(facts_dir)
    out: dict[str, Medicine] = {}
    for drug in table.drugs:
        slug = slugify(drug.name)

        def gather(role: str, drug=drug) -> tuple[Passage, ...]:
            seen: dict[str, Passage] = {}
            for label in drug.classes:
                for p in by_class[label][role]:
                    seen.setdefault(p.url, p)
            return tuple(seen.values())

        out[slug] = Medicine(
            name=drug.name,
            slug=slug,
            brands=drug.brands,
            classes=tuple((c, table.classes[c].description) for c in drug.classes),
            source=drug.source,
            label_url=str(data.get("label_search", "")) + urllib.parse.quote(drug.name),
            works=gather("works"),
            side_effects=gather("side_effects"),
            report=gather("report"),
            named_in=_named_in(library, [drug.name, *drug.brands]),
            facts=facts[drug.name],
        )
    return out


@lru_cache(maxsize=1)
def medicines() -> dict[str, Medicine]:
    """The bundled medicines guide, built once."""
    return read_medicines()


def medicine_for(name: str) -> Medicine | None:
    """The guide page for a drug named by its generic name, a brand or a synonym."""
    from mbcnav.patient.drugs import drug

    found = drug(name)
    return medicines().get(slugify(found.name)) if found else None


@lru_cache(maxsize=1)
def _name_pattern():
    """One regex for every drug name, brand and synonym of the drug table (longest first)."""
    import re

    from mbcnav.patient.drugs import drug_table

    names = {n for d in drug_table().drugs for n in (d.name, *d.brands, *d.synonyms) if len(n) > 3}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)


def page_url(name: str) -> str:
    """The guide page address for a drug name (generic, brand or synonym), or "" when the drug
    table does not know it. Every drug of the table has a page (checked by the tests), so this
    needs only the drug table, not the whole guide (which takes seconds to build)."""
    from mbcnav.patient.drugs import drug

    found = drug(name) if name else None
    return f"/library/medicines/{slugify(found.name)}/" if found else ""


def mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, guide page address) of every drug name the drug table knows in ``text``."""
    out = []
    for match in _name_pattern().finditer(text or ""):
        url = page_url(match.group(0))
        if url:
            out.append((match.start(), match.end(), url))
    return out
