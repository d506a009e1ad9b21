"""Doses counted in a person's words, for the rules' ``dose`` condition.

Two readings, both about medicine already taken:

- ``over_daily_limit``: a count of tablets of a medicine with a fixed most-a-day
  (``data/dose_limits.yaml``: acetaminophen) that goes over it: "had 16 paracetamol today",
  "ive had about 12 co-codamol since this morning", "took 2 x 500mg tylenol 6 times today".
  The count needs a word of taking before it ("took", "had", "swallowed", "gave her"); a
  strength in the words counts, otherwise the product's usual tablet does. A count over
  several days is shared out over them ("16 paracetamol over 2 days" is 8 a day).
- ``more_than_meant``: "X instead of Y" with X more than Y ("took 3 of my oxycodone at once
  instead of 1", "gave her 2 ml of oramorph instead of 0.5"); the rule says which medicines.
  How often is not how much: "6 times a day this week instead of 2" tells of pain needing more
  doses, which the pain rules read, not of one dose too many.

A clause that denies the taking ("didnt take", "never had more than") holds no count. Numbers
written in words are read as digits (``patient.spelled``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from mbcnav.patient.spelled import digits

from .errors import TriageError

FILE = "dose_limits.yaml"
KINDS = ("over_daily_limit", "more_than_meant")
_NUMBER = r"(\d{1,3}(?:\.\d{1,2})?)"
#: a word of taking, then at most three words before the count ("had about 12", "took like 10")
_TAKEN = re.compile(
    r"\b(?:took|taken|had|swallowed|gave|given|ate|eaten|popped|used|done)\b"
    r"(?:\s+(?:her|him|me|myself|herself|himself|them|about|around|like|maybe|roughly|nearly|"
    r"almost|over|at\s+least|more\s+than|a\s+total\s+of|all|in\s+total|total)){0,3}\s*$"
)
#: words that deny or cap the count ("didnt take 10", "no more than 8", "up to 8")
_NOT_TAKEN = re.compile(
    r"\b(?:not|never|didnt|did\s+not|havent|have\s+not|hasnt|no\s+more\s+than|up\s+to|max|"
    r"maximum|limit|only\s+allowed|allowed|can\s+i|could\s+i|should\s+i|safe\s+to)\b[^.;!?]*$"
)
_UNIT = r"(?:tablets?|tabs?|pills?|caplets?|capsules?|caps)"
_STRENGTH = re.compile(r"(\d{3,4})\s*mg\b|\b(1(?:\.5)?|0\.5)\s*g(?:rams?)?\b")
_TIMES = re.compile(
    r"^[^.;!?]{0,40}?\b(\d{1,2})\s*(?:times|x)\s+(?:today|a\s+day|in\s+a\s+day|daily|per\s+day|in\s+24)"
)
_DAYS = re.compile(
    r"^[^.;!?]{0,40}?\b(?:over|in|across|during)\s+(?:the\s+(?:last|past)\s+)?(\d{1,2})\s+days?\b"
)
_INSTEAD = re.compile(
    rf"\b{_NUMBER}(?!\s*(?:or\s+\d+\s+)?times)\s*(mls?|mg|units?|{_UNIT}|puffs?|patches?|doses?)?\b[^.;!?]{{0,60}}?\binstead\s+of\s+(?:the\s+|my\s+|her\s+|his\s+|just\s+)?{_NUMBER}\b"
)


@dataclass(frozen=True)
class Medicine:
    name: str
    label: str
    words: tuple[str, ...]
    tablet_mg: float
    smaller: dict
    most_mg_a_day: float

    @property
    def pattern(self) -> re.Pattern:
        names = "|".join(
            re.escape(w).replace(r"\ ", r"[\s-]?")
            for w in sorted(self.words, key=len, reverse=True)
        )
        return re.compile(rf"\b({names})s?\b")


def _fail(field: str, value: object, allowed: str) -> TriageError:
    return TriageError(f"{FILE}, field '{field}': {value!r} is not allowed; {allowed}.")


def parse(data: object) -> dict[str, Medicine]:
    """The medicines of ``dose_limits.yaml``; TriageError names the field of a bad entry."""
    if not isinstance(data, dict) or not isinstance(data.get("medicines"), list):
        raise _fail("medicines", data, "write a list of medicines")
    out = {}
    for i, item in enumerate(data["medicines"]):
        where = f"medicines[{i}]"
        if not isinstance(item, dict):
            raise _fail(where, item, "write a mapping")
        words = item.get("words")
        if (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w == w.lower() for w in words)
        ):
            raise _fail(f"{where}.words", words, "write a list of lower-case words")
        for key in ("tablet_mg", "most_mg_a_day"):
            v = item.get(key)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v < 100000:
                raise _fail(f"{where}.{key}", v, "write a number of milligrams above 0")
        smaller = item.get("smaller", {})
        if not isinstance(smaller, dict) or not all(
            k in words and isinstance(v, (int, float)) for k, v in smaller.items()
        ):
            raise _fail(
                f"{where}.smaller", smaller, "map words of this medicine to a tablet strength in mg"
            )
        name = item.get("name")
        if not isinstance(name, str) or not name:
            raise _fail(f"{where}.name", name, "write a name")
        out[name] = Medicine(
            name,
            item.get("label", name),
            tuple(words),
            float(item["tablet_mg"]),
            smaller,
            float(item["most_mg_a_day"]),
        )
    return out


@cache
def medicines() -> dict[str, Medicine]:
    text = resources.files("mbcnav.triage").joinpath("data", FILE).read_text(encoding="utf-8")
    return parse(yaml.safe_load(text))


def _plain(text: str) -> str:
    return digits(" ".join(text.lower().replace("’", "'").replace("'", "").split()))


def _count_before(low: str, at: int) -> tuple[float, float | None] | None:
    """The count (and strength, when written) just before a medicine word at ``at``: "12
    co-codamol", "16 x 500mg paracetamol", "10 of my paracetamol", "9 extra strength tylenol"."""
    head = low[max(0, at - 80) : at]
    m = re.search(
        rf"(?<![\d.]){_NUMBER}\s*(?:x\s*)?(?:(\d{{3,4}})\s*mg\s*|(1|1\.5|0\.5)\s*g\s+)?(?:{_UNIT}\s+)?(?:of\s+(?:my|her|his|the|their|those|them|these)?\s*)?"
        rf"(?:[a-z]+\s+){{0,2}}$",
        head,
    )
    if not m or re.search(r"\d", head[m.end(1) :].replace(m.group(2) or m.group(3) or "\0", "")):
        return None
    if re.match(r"\s*(?:mg|g|ml|mcg)\b", head[m.end(1) :]):
        return None  # "1000mg paracetamol" is a strength, not a count
    before = head[: m.start()]
    if not _TAKEN.search(before) or _NOT_TAKEN.search(before):
        return None
    grams = float(m.group(3)) * 1000 if m.group(3) else None
    return float(m.group(1)), (float(m.group(2)) if m.group(2) else grams)


def _count_after(low: str, end: int) -> tuple[float, float | None] | None:
    """ "paracetamol x 16", "paracetamol 500mg x 12" after a word of taking."""
    m = re.match(rf"\s*(?:(\d{{3,4}})\s*mg\s*)?(?:{_UNIT}\s*)?x\s*{_NUMBER}\b", low[end:])
    head = low[max(0, end - 80) : end]
    if (
        not m
        or not _TAKEN.search(re.sub(r"\s*\S+$", " ", head))
        and not re.search(r"\b(?:took|had|taken|swallowed)\b", head)
    ):
        return None
    if _NOT_TAKEN.search(head):
        return None
    return float(m.group(2)), (float(m.group(1)) if m.group(1) else None)


def over_daily_limit(text: str) -> tuple[str, str] | None:
    """(medicine label, words) when ``text`` tells of more tablets in a day than the most."""
    low = _plain(text)
    for med in medicines().values():
        for found in med.pattern.finditer(low):
            counted = _count_before(low, found.start()) or _count_after(low, found.end())
            if not counted:
                continue
            count, strength = counted
            rest = low[found.end() :]
            if strength is None and (s := _STRENGTH.search(rest[:25])):
                strength = float(s.group(1)) if s.group(1) else float(s.group(2)) * 1000
            strength = strength or float(
                med.smaller.get(found.group(1).replace("-", " "), med.tablet_mg)
            )
            if times := _TIMES.match(rest):
                count *= float(times.group(1))
            if days := _DAYS.match(rest):
                count /= max(1.0, float(days.group(1)))
            if count * strength > med.most_mg_a_day:
                return med.label, low[max(0, found.start() - 40) : found.end() + 20].strip()
    return None


def more_than_meant(text: str) -> str | None:
    """The words when ``text`` says more was taken than meant: "3 ... instead of 1"."""
    low = _plain(text)
    for m in _INSTEAD.finditer(low):
        if float(m.group(1)) > float(m.group(3)) and not _NOT_TAKEN.search(
            low[max(0, m.start() - 40) : m.start()]
        ):
            return m.group(0)
    return None
