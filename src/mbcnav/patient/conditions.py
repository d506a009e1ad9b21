"""Other health problems: the vocabulary of data/conditions.yaml and the readers of the patient
file's ``conditions``, ``menopausal_status`` and ``karnofsky``.

The vocabulary maps the names people and charts write ("HIV on ART, undetectable viral load",
"T2DM", "HFrEF", "melanoma 2015") to a canonical term with, where the words say more, a detail
("on treatment, undetectable viral load", "type 2", "melanoma"). It is checked when it loads: a
problem raises ``ConditionDataError`` naming the file, the term and the field (a bug in the
project's data, never bad user input). A name the vocabulary does not know is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .words import fold

FILE = "conditions.yaml"
FIELDS = ("term", "label", "group", "synonyms", "kinds", "icd10", "sources")
REQUIRED = ("term", "label", "group", "sources")
SOURCE_FIELDS = ("publisher", "title", "url", "read")
STATUSES = ("active", "controlled", "past", "unknown")
MENOPAUSAL_STATUSES = ("premenopausal", "perimenopausal", "postmenopausal", "unknown")
#: Names and details longer than this are not a name: one sentence asks for a shorter one.
MAX_NAME = 120
MAX_NOTE = 2000
#: Words shorter than this are read only as the whole name ("MS", "AF", "PE"), never inside
#: longer words a person wrote, where they may mean something else.
MIN_INSIDE = 4
_ICD10 = re.compile(r"^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$")
#: Words that say the name is not a problem the person has ("hepatitis B negative", "no
#: diabetes", "family history of heart disease"): such a name is kept as written, never read.
_NOT_HERS = re.compile(
    r"\b(?:no|not|never|negative|neg|denies|denied|ruled out|excluded|family history|"
    r"mother|father|sister|brother|grandmother|aunt|screening|test(?:ed)? for|risk of)\b"
)


class ConditionDataError(ValueError):
    """The bundled conditions vocabulary is malformed (a bug in the project, not user input)."""


@dataclass(frozen=True)
class Term:
    term: str
    label: str
    group: str
    synonyms: tuple[str, ...]
    kinds: dict  # folded word -> detail
    icd10: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    terms: tuple[Term, ...]
    by_term: dict[str, Term]
    lookup: dict[str, tuple[str, str | None]]  # folded word -> (term, detail or None)
    sources: dict[str, dict]
    as_of: str

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.term for t in self.terms)

    def by_icd10(self, code: str) -> str | None:
        """The term an ICD-10-CM code falls under ("E11.9" -> diabetes), longest prefix first."""
        code = str(code).strip().upper()
        best, size = None, 0
        for t in self.terms:
            for prefix in t.icd10:
                if (code == prefix or code.startswith(prefix)) and len(prefix) > size:
                    best, size = t.term, len(prefix)
        return best


def _fail(where: str, field: str, value: object, allowed: str) -> ConditionDataError:
    return ConditionDataError(f"{where}, field '{field}': {value!r} is not allowed; {allowed}.")


def _words(entry: dict, key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise _fail(where, key, value, "write a list of words")
    return tuple(value)


def build(raw: object, where: str = f"patient/data/{FILE}") -> Vocabulary:
    """Validate the parsed YAML of the conditions file and index it."""
    if not isinstance(raw, dict) or not {"as_of", "sources", "conditions"} <= raw.keys():
        raise ConditionDataError(f"{where}: needs as_of, sources and conditions")
    sources = raw["sources"]
    if not isinstance(sources, dict) or not sources:
        raise ConditionDataError(f"{where}: sources must name at least one source")
    for sid, src in sources.items():
        if not isinstance(src, dict) or not all(src.get(k) for k in SOURCE_FIELDS):
            raise _fail(where, f"sources.{sid}", src, f"give {', '.join(SOURCE_FIELDS)}")
        if not str(src["url"]).startswith("https://"):
            raise _fail(where, f"sources.{sid}.url", src["url"], "write an https address")
    terms: list[Term] = []
    lookup: dict[str, tuple[str, str | None]] = {}
    owner: dict[str, str] = {}

    def claim(word: str, term: str, detail: str | None, at: str) -> None:
        key = fold(word)
        if key in owner and owner[key] != term:
            raise ConditionDataError(f"{at}: {word!r} already means {owner[key]!r}")
        if key in owner:
            raise ConditionDataError(f"{at}: {word!r} is listed twice")
        owner[key] = term
        lookup[key] = (term, detail)

    for i, entry in enumerate(raw["conditions"] or []):
        at = f"{where}, condition {i + 1}"
        if not isinstance(entry, dict):
            raise ConditionDataError(f"{at}: expected a mapping, got {entry!r}")
        at = f"{where}, condition {entry.get('term', i + 1)!r}"
        for key in entry:
            if key not in FIELDS:
                raise _fail(at, key, entry[key], f"use only {', '.join(FIELDS)}")
        for key in REQUIRED:
            if not entry.get(key):
                raise _fail(at, key, entry.get(key), "it is required")
        term = entry["term"]
        if not isinstance(term, str) or term != fold(term):
            raise _fail(at, "term", term, "write it in lower case with single spaces")
        if not isinstance(entry["label"], str) or not entry["label"].strip():
            raise _fail(at, "label", entry["label"], "write a plain-language label")
        used = _words(entry, "sources", at)
        for sid in used:
            if sid not in sources:
                raise _fail(at, "sources", sid, f"use ids from sources ({', '.join(sources)})")
        kinds = entry.get("kinds") or {}
        if not isinstance(kinds, dict) or not all(
            isinstance(k, str) and isinstance(x, str) and k.strip() and x.strip()
            for k, x in kinds.items()
        ):
            raise _fail(at, "kinds", kinds, "write words mapped to the detail they keep")
        icd10 = _words(entry, "icd10", at)
        for code in icd10:
            if not _ICD10.match(code):
                raise _fail(at, "icd10", code, "write ICD-10-CM codes such as E11 or B18.1")
        synonyms = _words(entry, "synonyms", at)
        claim(term, term, None, at)
        for word in synonyms:
            claim(word, term, None, at)
        for word, detail in kinds.items():
            claim(word, term, detail, at)
        terms.append(
            Term(
                term=term,
                label=entry["label"].strip(),
                group=str(entry["group"]),
                synonyms=synonyms,
                kinds={fold(k): x for k, x in kinds.items()},
                icd10=icd10,
                sources=used,
            )
        )
    if not terms:
        raise ConditionDataError(f"{where}: conditions is empty")
    return Vocabulary(
        terms=tuple(terms),
        by_term={t.term: t for t in terms},
        lookup=lookup,
        sources=dict(sources),
        as_of=str(raw["as_of"]),
    )


@cache
def vocabulary() -> Vocabulary:
    text = resources.files("mbcnav.patient").joinpath(f"data/{FILE}").read_text("utf-8")
    return build(yaml.safe_load(text))


def _plain(text: object) -> str:
    """Folded, with the punctuation people put around a name dropped ("HIV+ (on ART)." -> ...)."""
    out = fold(str(text).replace("’", "'"))
    out = re.sub(r"[()\[\].;:!?\"]+", " ", out)
    return " ".join(out.split()).strip(" ,")


_PAST_WORDS = re.compile(r"^(?:history of|hx of|h/o|prior|previous|past|old)\s+")


def read_name(text: object) -> tuple[str, str | None, bool]:
    """(name, detail, known) for a condition name as written.

    A name or synonym gives the canonical term; a kind gives the term and its detail
    ("melanoma" -> another cancer, melanoma); a longer name that holds a known name (at least
    ``MIN_INSIDE`` letters, and no word saying it is not the person's) gives the term with the
    written words as the detail ("papillary thyroid cancer 2019"). Anything else is kept as
    written, with ``known`` False.
    """
    written = " ".join(str(text).split())
    vocab = vocabulary()
    plain = _plain(written)
    for key in (plain, plain.replace(",", ""), _PAST_WORDS.sub("", plain)):
        if key in vocab.lookup:
            term, detail = vocab.lookup[key]
            return term, detail, True
    if _NOT_HERS.search(plain):
        return written, None, False
    bare = plain.replace(",", " ")
    hits = [
        (len(key), detail is not None, term, detail)
        for key, (term, detail) in vocab.lookup.items()
        if len(key) >= MIN_INSIDE and re.search(rf"(?<![\w+]){re.escape(key)}(?![\w+])", bare)
    ]
    if not hits:
        return written, None, False
    _, _, term, detail = max(hits)  # the longest name; on a tie the one that names a kind
    # a kind of the same problem said elsewhere in the words ("heart failure ... NYHA class II")
    kinds = [h for h in hits if h[2] == term and h[3] is not None]
    detail = detail or (max(kinds)[3] if kinds else None)
    return term, detail or written, True


_STATUS_WORDS = {
    "active": "active",
    "current": "active",
    "currently": "active",
    "ongoing": "active",
    "present": "active",
    "yes": "active",
    "new": "active",
    "uncontrolled": "active",
    "not controlled": "active",
    "poorly controlled": "active",
    "being treated": "active",
    "on treatment": "active",
    "controlled": "controlled",
    "well controlled": "controlled",
    "under control": "controlled",
    "stable": "controlled",
    "managed": "controlled",
    "in remission": "controlled",
    "remission": "controlled",
    "past": "past",
    "history": "past",
    "historical": "past",
    "previous": "past",
    "prior": "past",
    "former": "past",
    "resolved": "past",
    "cured": "past",
    "healed": "past",
    "inactive": "past",
    "gone": "past",
    "no longer": "past",
    "unknown": "unknown",
    "not known": "unknown",
    "not sure": "unknown",
}


def normalise_status(value: object) -> str | None:
    return _STATUS_WORDS.get(_plain(value))


_MENOPAUSE = re.compile(
    r"^(?:(pre|peri|post)[\s-]*menopaus(?:al|e)|(pre|peri|post)menopaus(?:al|e)|"
    r"(before|during|after)\s+(?:the\s+)?menopause|(surgical|chemical|induced|medical)\s+menopause|"
    r"(pre|peri|post))(?=$|[\s,(/-])\s*[-,/:(]?\s*(.*)$"
)
_MENOPAUSE_WORD = {
    "pre": "premenopausal",
    "peri": "perimenopausal",
    "post": "postmenopausal",
    "before": "premenopausal",
    "during": "perimenopausal",
    "after": "postmenopausal",
    "surgical": "postmenopausal",
    "chemical": "postmenopausal",
    "induced": "postmenopausal",
    "medical": "postmenopausal",
}


def read_menopause(value: object) -> tuple[str, str | None] | None:
    """(status, detail) for the ways people and charts write a menopausal status, or None.

    ``post-menopausal after oophorectomy`` -> (postmenopausal, after oophorectomy);
    ``premenopausal on ovarian suppression`` -> (premenopausal, on ovarian suppression);
    ``surgical menopause`` -> (postmenopausal, surgical).
    """
    text = " ".join(str(value).replace("’", "'").split()).strip()
    low = text.lower().replace("_", " ")
    if low in ("unknown", "not known", "not sure", "unsure"):
        return "unknown", None
    m = _MENOPAUSE.match(low)
    if not m:
        return None
    word = next(g for g in m.groups()[:5] if g)
    status = _MENOPAUSE_WORD[word]
    rest = text[len(text) - len(m.group(6)) :] if m.group(6) else ""
    rest = rest.strip(" ()[].,;:-/")
    if word in ("surgical", "chemical", "induced", "medical"):
        rest = f"{word}{', ' + rest if rest else ''}"
    return status, rest or None


_KPS = re.compile(
    r"^(?:(?:karnofsky(?:\s+performance\s+(?:status|score))?|kps)\s*(?:score)?\s*[:=]?\s*)?"
    r"(\d{1,3}(?:\.0+)?)\s*%?$",
    re.I,
)


def read_karnofsky(value: object) -> object:
    """The number in "KPS 80", "80%", "Karnofsky 70" (text it cannot read is returned as is,
    for the number reader to name)."""
    if isinstance(value, str) and (m := _KPS.match(value.strip())):
        return m.group(1)
    return value
