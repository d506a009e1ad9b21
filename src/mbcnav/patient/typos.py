"""Misspelt symptom words read as the word meant: "diarhea", "vommiting", "feaver", "swolen".

People type check-ins in a hurry, on a phone, often in a second language. A word is corrected
only when all of these hold, so that an ordinary word is never turned into a symptom:

- it is not a known word: neither an English word (the 160,000-word English frequency list of
  pyspellchecker, also with an apostrophe put back: "shouldnt", "theres") nor a word of the
  symptom vocabulary;
- it has at least ``MIN_LENGTH`` letters and the same first letter as the word it becomes;
- one word of the symptom vocabulary (names, synonyms, labels, whole-word keywords) is nearest,
  at most 1 edit away (2 when either word has 8 letters or more), with a swap of two letters
  counting as one edit (optimal string alignment distance);
- a two-edit reading has no rival: no other English word is within two edits ("metastic" may be
  "metastatic" as well as "metallic", so it stays as typed);
- it does not already begin with a word start the symptom keywords read ("bledder" is read by
  the stem "bled", so it is not turned into "bladder").

"never" stays "never" (an English word), "crampy" stays "crampy" (two edits from "cramps").
Hazard H73 in docs/safety.md; tests in tests/patient/test_typos.py.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spellchecker import SpellChecker

MIN_LENGTH = 5
_WORD = re.compile(r"[a-z]+")


def allowed_edits(a: str, b: str) -> int:
    """How many edits a misspelling of this length may hold."""
    return 2 if max(len(a), len(b)) >= 8 else 1


@cache
def _english() -> SpellChecker:
    return SpellChecker(language="en", distance=2)


def is_english(word: str) -> bool:
    """A word of the English list, or one with its apostrophe left out ("shouldnt")."""
    checker = _english()
    if word in checker:
        return True
    return any(f"{word[:i]}'{word[i:]}" in checker for i in range(1, len(word)))


def _alternatives(t) -> list[str]:
    """Every alternative of every slot of a term's keywords ("diarr", "walk", "drunk$")."""
    return [a for slots in t.keywords for slot in slots for a in slot]


@cache
def lexicon() -> tuple[str, ...]:
    """The words of the symptom vocabulary a misspelling may be read as: names, synonyms,
    labels, whole-word keywords and keyword starts that are English words."""
    from .symptoms import vocabulary

    words: set[str] = set()
    for t in vocabulary().terms:
        phrases = [t.term, t.label, *t.synonyms, *t.at]
        for a in _alternatives(t):
            if a.endswith("$"):
                phrases.append(a[:-1])
            elif "+" not in a and is_english(a):
                # word starts that are whole English words ("seizure") are words too
                phrases.append(a)
        for phrase in phrases:
            words.update(w for w in _WORD.findall(phrase.lower()) if len(w) >= MIN_LENGTH)
    return tuple(sorted(words))


@cache
def _known() -> frozenset[str]:
    return frozenset(lexicon())


@cache
def _stems() -> tuple[str, ...]:
    """Every word start the symptom keywords read ("bled", "unconscious", "diarr"): a word
    that already begins with one is read by the keywords as typed and is never changed."""
    from .symptoms import vocabulary

    out = set()
    for t in vocabulary().terms:
        unless = [a for slots in t.unless for slot in slots for a in slot]
        for alternative in (*_alternatives(t), *unless):
            first = alternative.split("+")[0]
            if not first.endswith("$") and len(first) >= 3:
                out.add(first)
    return tuple(sorted(out))


@cache
def _english_by_letter() -> dict[str, list[str]]:
    by: dict[str, list[str]] = {}
    for w in _english().word_frequency.dictionary:
        if w.isalpha():
            by.setdefault(w[0], []).append(w)
    return by


@lru_cache(maxsize=4096)
def correct(word: str) -> str:
    """``word`` (lower case), or the symptom word it is a misspelling of."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return word
    if word in _known() or is_english(word) or word.startswith(_stems()):
        return word
    found = process.extract(word, lexicon(), scorer=OSA.distance, score_cutoff=2, limit=None)
    near = [(dist, w) for w, dist, _ in found if w[0] == word[0] and dist <= allowed_edits(word, w)]
    if not near:
        return word
    best = min(d for d, _ in near)
    closest = {w for d, w in near if d == best}
    if len(closest) != 1:
        return word
    meant = closest.pop()
    if best == 2:
        rivals = process.extract(
            word,
            _english_by_letter().get(word[0], []),
            scorer=OSA.distance,
            score_cutoff=2,
            limit=2,
        )
        if any(w != meant for w, _, _ in rivals):
            return word
    return meant
