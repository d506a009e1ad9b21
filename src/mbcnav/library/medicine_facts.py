"""Per-drug facts of the medicines guide: what it is, how it is given, side effects, what
to report at once, key interactions and who it is approved for, each with its source.

Read from ``data/medicine_facts/*.yaml`` (one file per group of drug classes). Each fact is
``[source, text]`` where the source is one of:

- ``label``: the drug's FDA label (prescribing information), found on DailyMed;
- ``nci``: the drug's entry in the drug table (``patient/data/drugs.yaml``), which is the
  NCI Drug Dictionary for almost every drug;
- ``drugsfda``: Drugs@FDA, for approval status.

Every drug of the drug table must have every fact; a missing drug, field or source, an
unknown source or an empty text is refused with one sentence naming it.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from mbcnav.library.errors import LibraryError

FACTS_DIR = Path(__file__).parent / "data" / "medicine_facts"
DAILYMED_SEARCH = "https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query="
DRUGS_AT_FDA = "https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm"
# (key, heading shown on the medicine page), in page order
FIELDS = (
    ("what", "What it is and how it works"),
    ("given", "How it is given"),
    ("common", "Common side effects"),
    ("serious", "Serious side effects"),
    ("report", "What to report at once"),
    ("interactions", "Key interactions"),
    ("approved", "Who it is approved for"),
)
SOURCE_KEYS = ("label", "nci", "drugsfda")


@dataclass(frozen=True)
class FactSource:
    publisher: str
    title: str
    url: str
    read: str


@dataclass(frozen=True)
class Fact:
    key: str
    heading: str
    text: str
    source: FactSource
    as_of: str


def _label_source(name: str, label: str, read: str) -> FactSource:
    return FactSource(
        publisher="U.S. Food and Drug Administration, label on DailyMed (U.S. National Library of Medicine)",
        title=f"{label}: prescribing information",
        url=DAILYMED_SEARCH + urllib.parse.quote(name),
        read=read,
    )


def _sources(name: str, entry: dict, table_source, read: str) -> dict[str, FactSource]:
    label = str(entry.get("label") or "").strip()
    if not label:
        raise LibraryError(f"Medicine facts: {name} needs a label title (the FDA label's name).")
    return {
        "label": _label_source(name, label, read),
        "nci": FactSource(table_source.publisher, table_source.title, table_source.url, str(read)),
        "drugsfda": FactSource(
            "U.S. Food and Drug Administration", "Drugs@FDA: FDA-Approved Drugs", DRUGS_AT_FDA, read
        ),
    }


def read_facts(directory: Path | str = FACTS_DIR) -> dict[str, tuple[Fact, ...]]:
    """Every drug's facts by generic name, checked against the drug table."""
    from mbcnav.patient.drugs import drug_table

    table = {d.name: d for d in drug_table().drugs}
    entries: dict[str, tuple[dict, str]] = {}
    files = sorted(Path(directory).glob("*.yaml"))
    if not files:
        raise LibraryError(f"Medicine facts: no files in {Path(directory).name}.")
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as err:
            raise LibraryError(f"Medicine facts file {path.name} cannot be read: {err}.") from None
        if (
            not isinstance(data, dict)
            or not data.get("as_of")
            or not isinstance(data.get("drugs"), dict)
        ):
            raise LibraryError(f"Medicine facts file {path.name} needs as_of and drugs.")
        for name, entry in data["drugs"].items():
            if name not in table:
                raise LibraryError(
                    f"Medicine facts file {path.name}: '{name}' is not a drug of drugs.yaml."
                )
            if name in entries:
                raise LibraryError(f"Medicine facts: '{name}' is written twice.")
            if not isinstance(entry, dict):
                raise LibraryError(f"Medicine facts: the entry for {name} must be a mapping.")
            entries[name] = (entry, str(data["as_of"]))
    missing = sorted(set(table) - set(entries))
    if missing:
        raise LibraryError(f"Medicine facts: no facts for {', '.join(missing)}.")
    out: dict[str, tuple[Fact, ...]] = {}
    for name, (entry, as_of) in entries.items():
        sources = _sources(name, entry, table[name].source, as_of)
        facts = []
        for key, heading in FIELDS:
            value = entry.get(key)
            if not (isinstance(value, list) and len(value) == 2):
                raise LibraryError(
                    f"Medicine facts: {name} needs '{key}' as [source, text] ({heading.lower()})."
                )
            source, text = value
            if source not in SOURCE_KEYS:
                raise LibraryError(
                    f"Medicine facts: {name} '{key}' names the source '{source}'; "
                    f"allowed are {', '.join(SOURCE_KEYS)}."
                )
            if not str(text or "").strip():
                raise LibraryError(f"Medicine facts: {name} '{key}' has no text.")
            facts.append(Fact(key, heading, str(text).strip(), sources[source], as_of))
        out[name] = tuple(facts)
    return out


@lru_cache(maxsize=1)
def facts() -> dict[str, tuple[Fact, ...]]:
    """The bundled per-drug facts, read once."""
    return read_facts()
