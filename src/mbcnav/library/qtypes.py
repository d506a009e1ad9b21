"""Question types: the kind of answer asked for, and the headings that give it.

"Does Kisqali cause side effects?", "how long do drains stay in?", "can I run with
bone mets?", "how do I pay for it?", "what helps with ...?", "should I go to the ER?"
each want a passage of their own kind. ``data/question_types.yaml`` names each type
with a pattern for the asked clause and one for section headings; ``type_factor``
gives a small bonus to the passages whose heading fits the types a question has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from mbcnav.library.errors import LibraryError
from mbcnav.library.sourced import named_entries

TYPES_FILE = Path(__file__).parent / "data" / "question_types.yaml"


@dataclass(frozen=True)
class QuestionType:
    name: str
    asks: re.Pattern
    headings: re.Pattern
    bonus: float
    #: the question's subject is in the story: "can this wait till Monday?" asks about the
    #: symptoms told before it, so the story is searched at nearly the clause's weight
    story_is_subject: bool = False
    #: words the answer of this type holds that the question seldom says ("goals", "cure" for
    #: "why am I doing it, just to buy time?"), searched beside the question at ``ADDS_WEIGHT``
    adds: str = ""
    #: a medicine named in the question is its context, not its subject: "verzenio costs too
    #: much, does lilly have a program" asks about money (session 37, tuning set 78), so the
    #: named drug's own passages get no focus bonus
    drug_is_context: bool = False


def _fail(path: Path, problem: str) -> LibraryError:
    return LibraryError(f"Question types file {path.name}: {problem}.")


def _pattern(path: Path, name: str, key: str, raw) -> re.Pattern:
    if not isinstance(raw, str) or not raw.strip():
        raise _fail(path, f"type '{name}': '{key}' must be a regular expression")
    try:
        return re.compile(raw, re.I)
    except re.error as err:
        raise _fail(path, f"type '{name}': '{key}' is not a valid pattern ({err})") from None


def read_types(path: Path = TYPES_FILE) -> tuple[QuestionType, ...]:
    out = []
    for name, entry in named_entries(path, "types", "question type", _fail):
        bonus = entry.get("bonus")
        if not isinstance(bonus, (int, float)) or not 1 < bonus <= 2:
            raise _fail(path, f"type '{name}': 'bonus' is {bonus!r}; it must be above 1, at most 2")
        asks = _pattern(path, name, "asks", entry.get("asks"))
        headings = _pattern(path, name, "headings", entry.get("headings"))
        subject = entry.get("story_is_subject", False)
        if not isinstance(subject, bool):
            raise _fail(
                path, f"type '{name}': 'story_is_subject' is {subject!r}; use true or false"
            )
        adds = entry.get("adds", "")
        if not isinstance(adds, str):
            raise _fail(path, f"type '{name}': 'adds' is {adds!r}; write the words as one line")
        context = entry.get("drug_is_context", False)
        if not isinstance(context, bool):
            raise _fail(path, f"type '{name}': 'drug_is_context' is {context!r}; use true or false")
        out.append(
            QuestionType(str(name), asks, headings, float(bonus), subject, adds.strip(), context)
        )
    return tuple(out)


@lru_cache(maxsize=1)
def types() -> tuple[QuestionType, ...]:
    return read_types()


def types_of(asked: str, all_types=None) -> list[QuestionType]:
    """The types the asked clause has (none, one or several)."""
    return [t for t in (all_types if all_types is not None else types()) if t.asks.search(asked)]


def type_factor(index, asked: str, all_types=None) -> np.ndarray | None:
    """Per passage: the bonus of every type of the question its heading fits (None: no type)."""
    found = types_of(asked, all_types)
    if not found:
        return None
    factor = np.ones(len(index.sections), dtype=np.float32)
    for t in found:
        fits = [bool(s.position and t.headings.search(s.heading)) for s in index.sections]
        factor = factor * np.where(fits, t.bonus, 1.0).astype(np.float32)
    return factor


#: the weight of a type's own words (``QuestionType.adds``) against the asked clause's
ADDS_WEIGHT = 0.5


def added_words(asked: str) -> list[tuple[str, float]]:
    """The query parts a question's types add: their own words at ``ADDS_WEIGHT``."""
    return [(t.adds, ADDS_WEIGHT) for t in types_of(asked) if t.adds]


def drug_is_context(asked: str) -> bool:
    """Whether a type of the asked clause makes a named medicine its context (``cost``)."""
    return any(t.drug_is_context for t in types_of(asked))


def story_is_subject(asked: str) -> bool:
    """Whether a type of the asked clause takes its subject from the story."""
    return any(t.story_is_subject for t in types_of(asked))
