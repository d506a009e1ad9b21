"""The drug table: drug names (generic, brand, synonyms) -> drug classes, from data/drugs.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .words import fold

#: a name with another name in brackets after it ("Nerlynx (neratinib)")
_BRACKETED = re.compile(r"^\s*([^()]+?)\s*\(\s*([^()]+?)\s*\)\s*$")


def _key(name: object) -> str:
    """A drug name folded for lookup; commas are dropped, so that "pertuzumab, trastuzumab and
    hyaluronidase" (no serial comma) is the drug the label names "pertuzumab, trastuzumab, and
    hyaluronidase"."""
    return fold(str(name).replace(",", " "))


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    url: str
    read: str


@dataclass(frozen=True)
class DrugClass:
    label: str
    supportive: bool
    description: str


@dataclass(frozen=True)
class Drug:
    name: str
    brands: tuple[str, ...]
    synonyms: tuple[str, ...]
    classes: tuple[str, ...]
    kind: str | None
    target: str | None
    supportive: bool
    source: Source

    def has_class(self, label: str) -> bool:
        return label in self.classes


class VocabularyError(ValueError):
    """The bundled drug data file is malformed (a bug in the project, not bad user input)."""


#: a drug name written with its dose, route or schedule after it
_DOSE_AFTER = re.compile(
    r"^\s*([A-Za-z][\w/-]*(?:\s+[A-Za-z][\w/-]*){0,2}?)\s+(?:\d[\d.,]*\s*(?:mg|mcg|µg|ug|g|ml|"
    r"units?|iu|mg/m2|mg/m²|mg/kg|%)\b|(?:po|iv|sc|im|oral|orally|daily|bid|tid|qid|qd|od|bd|"
    r"weekly|monthly|once|twice)\b).*$",
    re.I,
)


@dataclass(frozen=True)
class DrugTable:
    as_of: str
    classes: dict[str, DrugClass]
    drugs: tuple[Drug, ...]
    by_name: dict[str, Drug]

    def lookup(self, name: str) -> Drug | None:
        """A drug by any of its names; "Eliquis (apixaban)" or "apixaban (Eliquis)", as lists and
        reports write a brand with its generic name, is that drug when both parts name it."""
        hit = self.by_name.get(_key(name))
        if hit is None and (dosed := _DOSE_AFTER.match(str(name))):
            # "dexamethasone 4 mg daily", "letrozole 2.5 mg", "Xeloda 1000 mg/m2 bid": the drug
            # before its dose or schedule (held-out sets 109 and 110 notes, session 39)
            hit = self.by_name.get(_key(dosed.group(1)))
        if hit is None and (pair := _BRACKETED.match(str(name))):
            outer, inner = (self.by_name.get(_key(part)) for part in pair.groups())
            # both parts one drug; "paclitaxel and Herceptin (trastuzumab)" or "letrozole (+
            # Ibrance)" hold two, and stay unread rather than become one of them (review)
            hit = (
                outer
                if outer is not None and inner is not None and outer.name == inner.name
                else None
            )
            if outer is not None and inner is None and not self._names_a_drug(pair.group(2)):
                # "camizestrant (investigational, clinical trial)", "paclitaxel (weekly)": a note
                # on the drug, no second drug (session 40, first review of the trial finder)
                hit = outer
        return hit

    def _names_a_drug(self, text: str) -> bool:
        """Whether any word or pair of words of ``text`` names a drug."""
        words = [w for w in re.split(r"[^\w-]+", text) if w]
        pairs = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]
        return any(self.by_name.get(_key(w)) for w in words + pairs)


def _build_table(raw: dict) -> DrugTable:
    where = "patient/data/drugs.yaml"
    if not isinstance(raw, dict) or not {"as_of", "classes", "drugs"} <= raw.keys():
        raise VocabularyError(f"{where}: needs as_of, classes and drugs")
    classes = {}
    for c in raw["classes"]:
        if not {"label", "supportive", "description"} <= c.keys():
            raise VocabularyError(f"{where}: class {c!r} needs label, supportive, description")
        classes[c["label"]] = DrugClass(c["label"], bool(c["supportive"]), c["description"])
    drugs, by_name = [], {}
    allowed = {"name", "brands", "synonyms", "classes", "kind", "target", "source"}
    for entry in raw["drugs"]:
        name = entry.get("name")
        if extra := set(entry) - allowed:
            raise VocabularyError(f"{where}: drug {name!r} has unknown fields {sorted(extra)}")
        if not name or not entry.get("classes"):
            raise VocabularyError(f"{where}: drug {name!r} needs a name and classes")
        for label in entry["classes"]:
            if label not in classes:
                raise VocabularyError(f"{where}: drug {name!r} uses undeclared class {label!r}")
        src = entry.get("source") or {}
        if not all(src.get(k) for k in ("publisher", "title", "url", "read")):
            raise VocabularyError(
                f"{where}: drug {name!r} needs a source with publisher, title, url, read"
            )
        drug = Drug(
            name=name.lower(),
            brands=tuple(entry.get("brands") or ()),
            synonyms=tuple(entry.get("synonyms") or ()),
            classes=tuple(entry["classes"]),
            kind=entry.get("kind"),
            target=entry.get("target"),
            supportive=all(classes[c].supportive for c in entry["classes"]),
            source=Source(src["publisher"], src["title"], src["url"], str(src["read"])),
        )
        for alias in (drug.name, *drug.brands, *drug.synonyms):
            key = _key(alias)
            if key in by_name and by_name[key].name != drug.name:
                raise VocabularyError(
                    f"{where}: {alias!r} names both {by_name[key].name} and {drug.name}"
                )
            by_name[key] = drug
        drugs.append(drug)
    return DrugTable(str(raw["as_of"]), classes, tuple(drugs), by_name)


@cache
def drug_table() -> DrugTable:
    text = resources.files("mbcnav.patient").joinpath("data/drugs.yaml").read_text(encoding="utf-8")
    return _build_table(yaml.safe_load(text))


def drug(name: str) -> Drug | None:
    """Look a drug up by generic name, brand or synonym (case-insensitive)."""
    return drug_table().lookup(name)


def drug_names() -> list[str]:
    """Every name a person may type (generic, brands, synonyms), for autocomplete."""
    names = []
    for d in drug_table().drugs:
        names.extend((d.name, *d.brands, *d.synonyms))
    return names


@dataclass(frozen=True)
class OtherMedicine:
    """A medicine for another health problem (other_medicines.yaml): never a cancer treatment."""

    name: str
    use: str


@cache
def _other_medicines() -> dict[str, OtherMedicine]:
    where = "patient/data/other_medicines.yaml"
    raw = yaml.safe_load(
        resources.files("mbcnav.patient").joinpath("data/other_medicines.yaml").read_text("utf-8")
    )
    if not isinstance(raw, dict) or not {"as_of", "source", "medicines"} <= raw.keys():
        raise VocabularyError(f"{where}: needs as_of, source and medicines")
    if not all((raw["source"] or {}).get(k) for k in ("publisher", "title", "url", "read")):
        raise VocabularyError(f"{where}: the source needs publisher, title, url, read")
    out: dict[str, OtherMedicine] = {}
    for entry in raw["medicines"]:
        if not isinstance(entry, dict) or set(entry) - {"name", "names", "use"}:
            raise VocabularyError(f"{where}: {entry!r} may hold only name, names and use")
        if not entry.get("name") or not entry.get("use"):
            raise VocabularyError(f"{where}: {entry!r} needs a name and a use")
        med = OtherMedicine(entry["name"].lower(), entry["use"])
        for alias in (entry["name"], *(entry.get("names") or ())):
            key = _key(alias)
            if key in out or drug_table().lookup(alias) is not None:
                raise VocabularyError(f"{where}: {alias!r} is listed twice or is in drugs.yaml")
            out[key] = med
    return out


def other_medicine_names() -> list[str]:
    """Every name of a medicine for another health problem, as the table keys it."""
    return list(_other_medicines())


#: words of a medicine's form or salt, said after its name
_FORM_WORDS = re.compile(
    r"\s+(?:xr|er|sr|xl|dr|cr|la|mr|sulfate|sulphate|hydrochloride|hcl|sodium|potassium|"
    r"calcium|maleate|succinate|tartrate|besylate|df|d3)\b",
    re.I,
)


def other_medicine(name: str) -> OtherMedicine | None:
    """A medicine for another health problem by any of its names (case-insensitive), with any
    dose, release form or salt written after it ("metformin XR 500 mg twice daily", "morphine
    sulfate"); None when it is not one."""
    table = _other_medicines()
    bare = re.sub(r"\s+\d[\d.,]*\s*(?:mg|mcg|g|units?|iu|ml)\b.*$", "", str(name), flags=re.I)
    for key in (name, bare, _FORM_WORDS.sub("", bare).strip()):
        if (hit := table.get(_key(key))) is not None:
            return hit
    return None
