"""A typed entry that only asks a question about care ("can i have my flu jab at the chemist
this week?", "could someone send a repeat of my letrozole?"): it goes to the team as a question
(the ``question-for-team`` rule of data/unread.yaml, routine) instead of the 24-hour line as
words the app could not read.

The test is a whitelist of every word (data/care_questions.yaml), never a list of topics: the
entry must ask a question, and every clause must be a denial ("no mouth pain"), an all-is-well
clause ("feel fine") or made only of listed words, medicine names the drug tables know,
numbers, and names written with a capital inside a clause ("flying to Crete"). One word
outside the lists keeps the entry an unread symptom, which errs upwards. Hazard H168 in
docs/safety.md; tests in tests/triage/test_care_questions.py.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import NamedTuple

import yaml

from mbcnav.patient import vocabulary, wellness
from mbcnav.patient.checkin import OTHER, clauses, words_of
from mbcnav.patient.drugs import drug_names, other_medicine_names
from mbcnav.patient.model import Symptom
from mbcnav.patient.negation import negated

from .conditions import asks
from .errors import TriageError
from .rule import _sources

FILE = "care_questions.yaml"
_LISTS = ("words", "care_time", "care_words", "care_people")
#: the word a phrase or a medicine name is read as before the words are checked
_STANDS_IN = "medicine"
#: numbers, ordinals, times and doses ("15th", "8am", "5mg", "2x")
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th|am|pm|mg|ml|g|x)?")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty".split()
)
_TOKEN = re.compile(r"[A-Za-z0-9]+")
#: the numbers people call in an emergency (US, UK, EU, Australia, NHS 111)
_EMERGENCY_NUMBERS = frozenset({"911", "999", "112", "111", "000"})
#: a number before these counts doses, tablets or times: a report, not a question (review)
_COUNTED = frozenset(
    "dose doses tablet tablets pill pills capsule capsules times x medicine medicines".split()
)
#: words before a medicine that ask for more of it than planned
_MORE = frozenset({"more", "another", "extra", "double"})
#: words before a name written with a capital ("to Crete", "in May", "at Boots")
_PLACE_LEADS = frozenset({"to", "in", "at", "from"})
#: words after "to" that name no place a person travels to ("flying to heaven", "going to
#: Jesus"): a wish to die, never a trip (final review)
_NOT_PLACES = frozenset(
    {
        "heaven",
        "jesus",
        "god",
        "lord",
        "paradise",
        "glory",
        "rest",
        "peace",
        "sleep",
        "die",
        "the",
        "my",
        "be",
        "end",
        "mum",
        "mom",
        "dad",
        "him",
        "her",
        "them",
    }
)


class Lists(NamedTuple):
    words: frozenset[str]  # every listed word, and the stand-in for phrases and medicine names
    phrases: tuple[str, ...]  # longest first
    topics: frozenset[str]  # the care words: one of them makes a message about care


def parse(data: object, file: str = FILE) -> Lists:
    """Validate the data file (sources as every triage rules file gives them)."""
    if not isinstance(data, dict) or not {"as_of", "sources", "phrases", *_LISTS} <= data.keys():
        raise TriageError(f"{file}: needs as_of, sources, phrases, {', '.join(_LISTS)}.")
    _sources(data["sources"], file)
    words: set[str] = set()
    for key in _LISTS:
        for word in data[key] or ():
            if not isinstance(word, str) or not re.fullmatch(r"[a-z0-9]+", word):
                raise TriageError(f"{file}: {key}: {word!r} must be one lower-case word.")
            words.add(word)
    phrases = []
    for phrase in data["phrases"] or ():
        if not isinstance(phrase, str) or not re.fullmatch(r"[a-z]+(?: [a-z]+)+", phrase):
            raise TriageError(f"{file}: phrases: {phrase!r} must be two or more lower-case words.")
        phrases.append(phrase)
    return Lists(
        frozenset(words) | {_STANDS_IN},
        tuple(sorted(phrases, key=len, reverse=True)),
        frozenset(data["care_words"] or ()) | {_STANDS_IN},
    )


@cache
def _data() -> Lists:
    text = resources.files("mbcnav.triage").joinpath("data", FILE).read_text(encoding="utf-8")
    return parse(yaml.safe_load(text))


@cache
def _names() -> re.Pattern:
    """The listed phrases and every medicine name, each read as one word."""
    phrases = _data().phrases
    names = {n.lower() for n in (*drug_names(), *other_medicine_names()) if len(n) > 2}
    alternatives = sorted({*phrases, *names}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alternatives) + r")\b", re.I)


def _tokens(clause: str) -> list[str]:
    return _TOKEN.findall(_names().sub(_STANDS_IN, clause.replace("'", "").replace("’", "")))


def _listed(clause: str) -> bool:
    """Every word of the clause is listed, a number, or a name written with a capital after
    "to", "in", "at" or "from" ("flying to Crete in May"); no count of doses, tablets or times
    ("two doses", "6 times": a dose taken twice, stools counted) and no emergency number."""
    words = _data().words
    tokens = _tokens(clause)
    for i, token in enumerate(tokens):
        low = token.lower()
        if low in _EMERGENCY_NUMBERS:
            return False  # "should i call 911?"
        if low in _NUMBER_WORDS or _NUMBER.fullmatch(low):
            if i + 1 < len(tokens) and tokens[i + 1].lower() in _COUNTED:
                return False
            continue
        if low in _MORE and i + 1 < len(tokens) and tokens[i + 1].lower() in _COUNTED:
            return False  # "should i take more morphine?": a dose beyond the plan (review)
        if low in words:
            continue
        if (
            i > 0
            and tokens[i - 1].lower() in _PLACE_LEADS
            and token[0].isupper()
            and not token.isupper()
            and low not in _NOT_PLACES
            and vocabulary.normalise_symptom(low) is None
            and low not in wellness.COMPLAINT
        ):
            continue  # a place or a name ("flying to Crete in May")
        return False
    return bool(tokens)


def _settled(clause: str) -> bool:
    """A denial ("no mouth pain or loose teeth") or a clause that says all is well."""
    low = clause.lower()
    return all(negated(p) or wellness.is_well_clause(p) for p in wellness.pieces(low) if p.strip())


def only_asks(entry: Symptom) -> bool:
    """Whether an unread entry only asks a question about care (see the module docstring)."""
    if entry.symptom != OTHER or entry.severity is not None:
        return False
    if entry.temperature_c is not None or entry.count_per_day is not None:
        return False
    text = words_of(entry.note)
    if not asks(text):
        return False
    parts = clauses(text)
    if not parts or not all(_listed(c) or _settled(c) for c in parts):
        return False
    # about care at all: a word of appointments, medicines, vaccines, travel, work or forms, not
    # a plea with no content ("what do i do?", "can someone call me?": review)
    care = _data().topics
    return any(t.lower() in care for c in parts for t in _tokens(c))
