"""The symptom vocabulary: data/symptoms.yaml (every PRO-CTCAE term) + data/red_flags.yaml.

Each term has a plain-language label, the synonyms people type, the attributes it takes
(severity, frequency, interference, presence, location, temperature, count, duration),
the source items it covers and, for some, body-site choices. Everything is checked when
the files are loaded: a problem raises ``SymptomDataError`` naming the file, the term and
the field (a bug in the project's data, never bad user input).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .typos import correct
from .words import fold

FILES = ("symptoms.yaml", "red_flags.yaml")
ATTRIBUTES = (
    "severity",
    "frequency",
    "interference",
    "presence",
    "location",
    "temperature",
    "count",
    "duration",
)
FIELDS = (
    "term",
    "label",
    "group",
    "covers",
    "ask",
    "synonyms",
    "at",
    "sites",
    "keywords",
    "unless",
)
REQUIRED = ("term", "label", "group", "covers", "ask")
SOURCE_FIELDS = ("publisher", "title", "url", "read")
COVER = re.compile(r"^(PRO-CTCAE|UKONS|CTCAE): \S.*$")
#: The 80 PRO-CTCAE adult symptom terms, each of which must be covered by exactly one term.
PRO_CTCAE_COUNT = 80
#: A keyword of several slots matches only when its words stand close together: at most this
#: many words from the first slot's word to the last ("cant put any weight on it"). Words far
#: apart in a long message ("take it with my porridge ... weight steady") are not one phrase
#: (ConText-style scope: a modifier reaches only the words near it).
SPAN = 10
#: The words of a symptom text that are read (the start of a long message).
MAX_WORDS = 60


class SymptomDataError(ValueError):
    """The bundled symptom vocabulary is malformed (a bug in the project, not bad user input)."""


@dataclass(frozen=True)
class Term:
    term: str
    label: str
    group: str
    covers: tuple[str, ...]
    ask: tuple[str, ...]
    synonyms: tuple[str, ...]
    at: dict  # folded synonym -> location
    sites: tuple[str, ...]
    file: str
    keywords: tuple[tuple[tuple[str, ...], ...], ...] = ()  # slots of alternatives
    #: Keywords that say the words mean something else: when one matches, this term's
    #: keywords are not read ("lying awake worrying" is not drowsiness).
    unless: tuple[tuple[tuple[str, ...], ...], ...] = ()

    @property
    def pro_ctcae(self) -> tuple[str, ...]:
        return tuple(c.split(": ", 1)[1] for c in self.covers if c.startswith("PRO-CTCAE: "))


@dataclass(frozen=True)
class Vocabulary:
    terms: tuple[Term, ...]
    by_term: dict[str, Term]
    lookup: dict[str, tuple[str, str | None]]  # folded word -> (term, location or None)
    sources: dict[str, dict]
    keyword_order: tuple[Term, ...] = ()  # red flags first, then file order

    def match(self, text: str) -> tuple[str, str | None] | None:
        """The term whose keywords best match typed words that are not a synonym.

        Each keyword is slots that must all start a word of the text ('$' = whole word); the
        match with most slots wins, then the earlier term (red flags, most dangerous first).
        For a term that takes a location, the typed words are kept as the location.
        """
        words = _placed(text)
        if not words:
            return None
        best, score = None, 0
        for term in self.keyword_order:
            if any(_near(u, words) for u in term.unless):
                continue
            for slots in term.keywords:
                size = sum(1 + max(a.count("+") for a in s) for s in slots)  # "better+off$": 2
                if size > score and _near(slots, words):
                    best, score = term, size
        if best is None:
            return None
        return best.term, (str(text).strip() if "location" in best.ask else None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.term for t in self.terms)


#: Where a sentence ends: a full stop (not the one in 38.4), '!', '?', ';' or a new line.
SENTENCE_END = re.compile(r"(?<!\d)\.|\.(?!\d)|[!?;\n]")


def _placed(text: object) -> tuple[tuple[int, str], ...]:
    """The words of ``text`` with their places, misspelt symptom words read as meant
    (``typos.correct``); a new sentence starts ``SPAN + 1`` places on, so that no keyword is
    read across a full stop ("... with my porridge. ... weight steady")."""
    out: list[tuple[int, str]] = []
    place = 0
    # accents folded ("rosé" is "rose", "café" is "cafe": twenty-second session)
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(ch)
    )
    for sentence in SENTENCE_END.split(plain.lower().replace("’", "'")):
        for word in re.findall(r"[a-z0-9']+", sentence):
            if len(out) == MAX_WORDS:
                return tuple(out)
            out.append((place, correct(word)))
            place += 1
        place += SPAN + 1
    return tuple(out)


def _near(slots: tuple[tuple[str, ...], ...], words: tuple[tuple[int, str], ...]) -> bool:
    """Whether every slot starts a word of ``words`` (placed words), all within ``SPAN`` places
    of each other (so within one sentence)."""
    at = dict(words)
    places = [[i for a in alts for i in _hits(a, words, at)] for alts in slots]
    if not all(places):
        return False
    if len(places) == 1:
        return True
    return any(
        all(any(start <= i <= start + SPAN for i in p) for p in places)
        for start in {i for p in places for i in p}
    )


def _hits(alternative: str, words: tuple[tuple[int, str], ...], at: dict[int, str]) -> list[int]:
    """Places where ``alternative`` starts a word; "better+off$" needs its words in a row."""
    first, *rest = alternative.split("+")
    return [
        i
        for i, w in words
        if _starts(first, w) and all(_starts(p, at.get(i + k, "")) for k, p in enumerate(rest, 1))
    ]


def _starts(alternative: str, word: str) -> bool:
    return word == alternative[:-1] if alternative.endswith("$") else word.startswith(alternative)


def _keywords(entry: dict, where: str, key: str = "keywords") -> tuple:
    out = []
    for kw in _words(entry, key, where):
        slots = tuple(tuple(a for a in slot.split("|")) for slot in kw.lower().split())
        if not slots or any(
            not a or not re.fullmatch(r"[a-z0-9']+\$?(?:\+[a-z0-9']+\$?)*", a)
            for s in slots
            for a in s
        ):
            raise _fail(
                where,
                key,
                kw,
                "write word starts separated by spaces, '|' between alternatives, '+' between "
                "words that must follow each other",
            )
        out.append(slots)
    return tuple(out)


def _fail(where: str, field: str, value: object, allowed: str) -> SymptomDataError:
    return SymptomDataError(f"{where}, field '{field}': {value!r} is not allowed; {allowed}.")


def _words(entry: dict, key: str, where: str, allowed=None) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise _fail(where, key, value, "write a list of words")
    if allowed is not None:
        for x in value:
            if x not in allowed:
                raise _fail(where, key, x, "use one of: " + ", ".join(allowed))
    return tuple(x.strip() for x in value)


def parse_term(entry: object, where: str, file: str) -> Term:
    if not isinstance(entry, dict):
        raise SymptomDataError(f"{where}: write each term as a mapping.")
    name = entry.get("term")
    if isinstance(name, str) and name.strip():
        where = f"{file}: term {name!r}"
    for key in REQUIRED:
        if not entry.get(key):
            raise _fail(where, key, entry.get(key), "it is required")
    for key in entry:
        if key not in FIELDS:
            raise _fail(where, key, key, "use one of: " + ", ".join(FIELDS))
    for key in ("term", "label", "group"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise _fail(where, key, entry[key], "write a non-empty text")
    if name != name.strip().lower():
        raise _fail(where, "term", name, f"write it in lower case as {name.strip().lower()!r}")
    covers = _words(entry, "covers", where)
    for c in covers:
        if not COVER.match(c):
            raise _fail(
                where, "covers", c, "write 'PRO-CTCAE: item', 'UKONS: item' or 'CTCAE: term'"
            )
    ask = _words(entry, "ask", where, ATTRIBUTES)
    if len(set(ask)) != len(ask):
        raise _fail(where, "ask", list(ask), "name each attribute once")
    at = entry.get("at", {})
    if not isinstance(at, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in at.items()
    ):
        raise _fail(where, "at", at, "write a mapping of synonym to place")
    sites = _words(entry, "sites", where)
    if sites and "location" not in ask:
        raise _fail(where, "sites", list(sites), "body-site choices need 'location' in ask")
    return Term(
        term=name,
        label=entry["label"].strip(),
        group=entry["group"].strip(),
        covers=covers,
        ask=ask,
        synonyms=_words(entry, "synonyms", where),
        at={fold(k): v.strip() for k, v in at.items()},
        sites=sites,
        file=file,
        keywords=_keywords(entry, where),
        unless=_keywords(entry, where, "unless"),
    )


def _sources(raw: dict, file: str) -> dict:
    sources = raw.get("sources")
    if not isinstance(sources, dict) or not sources:
        raise _fail(file, "sources", sources, "give the sources the terms come from")
    for key, src in sources.items():
        for field in SOURCE_FIELDS:
            if not isinstance(src, dict) or not src.get(field):
                raise _fail(
                    file,
                    f"sources.{key}.{field}",
                    None,
                    "every source needs " + ", ".join(SOURCE_FIELDS),
                )
        if not str(src["url"]).startswith("https://"):
            raise _fail(file, f"sources.{key}.url", src["url"], "write an https:// address")
    return sources


def build(documents: dict[str, object]) -> Vocabulary:
    """Validate parsed vocabulary files (file name -> YAML data) and build the tables."""
    terms: list[Term] = []
    lookup: dict[str, tuple[str, str | None]] = {}
    owner: dict[str, str] = {}
    sources: dict[str, dict] = {}
    for file, raw in documents.items():
        if (
            not isinstance(raw, dict)
            or not raw.get("as_of")
            or not isinstance(raw.get("terms"), list)
        ):
            raise SymptomDataError(f"{file}: needs an as_of date, sources and a list of terms.")
        sources.update(_sources(raw, file))
        for i, entry in enumerate(raw["terms"]):
            term = parse_term(entry, f"{file}: term #{i + 1}", file)
            words = [(term.term, None)] + [(s, None) for s in term.synonyms]
            words += [(k, loc) for k, loc in term.at.items()]
            for word, loc in words:
                key = fold(word)
                if key in owner and owner[key] != term.term:
                    raise _fail(
                        f"{file}: term {term.term!r}",
                        "synonyms",
                        word,
                        f"it already means {owner[key]!r}",
                    )
                owner[key] = term.term
                lookup[key] = (term.term, loc)
            terms.append(term)
    names = [t.term for t in terms]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise SymptomDataError(f"symptom vocabulary: term {sorted(dupes)[0]!r} is listed twice.")
    items = [item for t in terms for item in t.pro_ctcae]
    if len(items) != len(set(items)):
        twice = sorted({x for x in items if items.count(x) > 1})
        raise SymptomDataError(f"symptom vocabulary: PRO-CTCAE item {twice[0]!r} is covered twice.")
    order = sorted(
        (t for t in terms if t.keywords), key=lambda t: (t.file != "red_flags.yaml", terms.index(t))
    )
    return Vocabulary(tuple(terms), {t.term: t for t in terms}, lookup, sources, tuple(order))


@cache
def vocabulary() -> Vocabulary:
    """The bundled vocabulary (both files), validated once."""
    docs = {}
    for file in FILES:
        text = resources.files("mbcnav.patient").joinpath("data", file).read_text(encoding="utf-8")
        docs[file] = yaml.safe_load(text)
    return build(docs)


def term(name: str) -> Term:
    return vocabulary().by_term[name]


def labels() -> dict[str, str]:
    return {t.term: t.label for t in vocabulary().terms}
