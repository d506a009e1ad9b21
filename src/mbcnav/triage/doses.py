"""Doses counted in a person's words, for the rules' ``dose`` condition.

Two readings, both about medicine already taken:

- ``over_daily_limit``: the tablets (or milligrams) of a medicine with a fixed most-a-day
  (``data/dose_limits.yaml``: acetaminophen) told as taken in a day add up to more than the
  most: "had 16 paracetamol today", "ive had about 12 co-codamol since this morning", "took 2 x
  500mg tylenol 6 times today", "took 1g paracetamol every 3 hours today", "took 6 paracetamol
  and 6 co-codamol today", "i took 5g of paracetamol today", "im on 12 paracetamol a day".
  A count needs a word of taking earlier in its sentence ("took", "had", "taking", "gave mum",
  "im on"); a count of tablets left, bought or asked about is none ("16 paracetamol left in the
  box", "can i take 10"). A strength in the words counts ("500mg", "1g", "2 x 500"), otherwise
  the product's usual tablet does. A count "every N hours" is counted over a day; a count over
  several days is shared out over them ("16 paracetamol over 2 days" is 8 a day); a range
  counts its top ("10-12"). Counts of the medicine in one message add up.
- ``more_than_meant``: "X instead of Y" or "X rather than Y" with X more than Y ("took 3 of my
  oxycodone at once instead of 1", "took 20mg instead of 10mg", "put on two fentanyl patches
  instead of one"); the rule says which medicines. How often is not how much ("6 times a day
  this week instead of 2" tells of pain needing more doses, read by the pain rules), and a
  question, a plan or a new prescription is no dose taken ("my oncologist told me to take 2
  instead of 1").

A clause that denies the taking ("didnt take", "never had more than") holds no count. Numbers
written in words are read as digits (``patient.spelled``, and "one" to "twenty" here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from mbcnav.patient.spelled import digits

from .errors import TriageError

FILE = "dose_limits.yaml"
KINDS = ("over_daily_limit", "more_than_meant")
_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_SMALL_WORD = re.compile(r"\b(" + "|".join(_SMALL[1:]) + r")\b")
_DOZEN = re.compile(r"\b(?:a|one)\s+dozen\b")
_NUMBER = r"(\d{1,4}(?:\.\d{1,2})?)"
_UNIT = r"(?:tablets?|tabs?|pills?|caplets?|capsules?|caps|gel\s*caps?|liquicaps?)"
#: a word of taking before a count, anywhere earlier in its sentence
_TAKEN = re.compile(
    r"\b(?:took|tookk|tooke|taken|taking|take|takes|had|having|has\s+had|swallowed|gave|given|giving|ate|eaten|"
    r"popped|used|using|(?:i\s*a?m|been|she\s*s|he\s*s|shes|hes|is|was)\s+on|injected|put\s+on)\b"
)
#: words that deny, cap, ask or plan ("didnt take 10", "no more than 8", "can i take 10")
#: words right before the word of taking that deny, ask or plan ("didnt take 10", "can i take
#: 10", "is it ok to take", "told me to take"); only in the taking word's own clause, so "not
#: feeling well, took 10 paracetamol today" is a count (final review, session 41)
_NOT_TAKEN = re.compile(
    r"\b(?:not|never|didnt|did\s+not|havent|have\s+not|hasnt|dont|do\s+not|wont|cant|cannot|"
    r"can|could|should|shall|may|might|would|will|want\s+to|going\s+to|gonna|planning\s+to|plan\s+to|"
    r"if|whether|safe\s+to|ok\s+to|okay\s+to|alright\s+to|fine\s+to|told\s+(?:me|her|him|us)\s+to|"
    r"asked\s+(?:me|her|him)\s+to|prescribed|how\s+many)\b(?:\s+(?:i|she|he|we|you|they|to|it|be|me|her|him))*\s*$"
)
#: a cap said of the count itself ("no more than 8", "up to 8", "max 8")
_CAP_BEFORE = re.compile(
    r"\b(?:no\s+more\s+than|not\s+more\s+than|up\s+to|max(?:imum)?(?:\s+of)?|at\s+most|limit\s+of|only)\s*$"
)
#: a new dose from the team, not one taken ("from now on", "new dose", "changed my dose")
_NEW_DOSE = re.compile(
    r"\b(?:from\s+now\s+on|new\s+dose|(?:changed?|increased?|upped|raised)\s+(?:my|her|his|the)\s+dose)\b"
)
#: an overdose long ago, not today ("back in 2015", "years ago")
_LONG_AGO = re.compile(
    r"\b(?:years?\s+ago|long\s+ago|back\s+in\s+(?:19|20)\d\d|in\s+(?:19|20)\d\d|when\s+i\s+was\s+(?:young|younger|a\s+teen\w*|a\s+student))\b"
)
#: tablets had but not taken ("16 paracetamol left", "in the box", "bought 32")
_NOT_SWALLOWED_AFTER = re.compile(
    rf"^\s*(?:{_UNIT}\s*)?(?:left|remaining|spare|at\s+home|in\s+(?:the|my|a)\s+(?:box|pack|packet|bottle|"
    r"house|cupboard|drawer|bag))\b"
)
_HAVE_BEFORE = re.compile(
    r"\b(?:have|has|got|bought|buy|ordered|collected|picked\s+up)\s+(?:about\s+|like\s+)?$"
)
#: a count (a range counts its top; "10+" counts 10), not a strength, time or frequency
_COUNT = re.compile(
    r"(?<![\d.,/:])(\d{1,3})(?:\s*(?:-|to|or)\s*(\d{1,3}))?\+?"
    r"(?!\s*(?:mg|g\b|grams?|mls?\b|mcg|%|units?|hours?|hrs?|h\b|mins?|minutes?|days?|weeks?|months?|"
    r"years?|yrs?|y\.?o\b|times|am\b|pm\b|o\s*clock|\d|\.\d|:\d|/\d|x\s*(?:a|per)\b))"
)
_AMOUNT = re.compile(r"(?<![\d.])(\d{1,5}(?:\.\d{1,2})?)\s*(mg|g|grams?)\b")
_TIMES = re.compile(
    r"(?:^[^.;!?]{0,50}?)?\b(\d{1,2})\s*(?:times|x)\s*(?:today|a\s+day|in\s+a\s+day|daily|per\s+day|in\s+24|"
    r"since|over\s+the\s+day|in\s+the\s+day|so\s+far|now|in\s+the\s+(?:last|past)\s+24)"
)
_PER_DAY = re.compile(r"^\s*(?:tablets?\s+)?(?:a|per|each)\s+day\b|^\s*daily\b")
_EVERY = re.compile(
    r"(?:^[^.;!?]{0,50}?)?(?:\bevery\s+(?:(\d{1,2})\s*)?(?:hours?|hrs?|h)\b|\b(\d)?\s*hourly\b)"
)
_DAYS = re.compile(
    r"^[^.;!?]{0,50}?\b(?:over|in|across|during|for)\s+(?:the\s+(?:last|past)\s+)?(\d{1,2})\s+days?\b"
)
_MORE = re.compile(
    r"\b(?:and|then|plus)\s+(?:\w+\s+){0,3}?(?:another\s+)?(\d{1,2})\s+(?:more|extra|this|at|in\s+the|later|tonight|again)\b"
    r"|\b(?:and|then|plus)\s+another\s+(\d{1,2})\b"
    r"|\bon\s+top\s+of\s+(?:my|the|her|his)?\s*(?:usual\s+)?(\d{1,2})\b"
)
#: more than two extra tablets (the NHS trust's leaflet: "more than 2 extra tablets": get help now)
_EXTRA = re.compile(r"\b(\d{1,2})\s+extra\b(?!\s*strength)")
#: another medicine between a count and the one counted ("took 4 ibuprofen and 10 paracetamol")
_OTHER_MEDICINES = re.compile(
    r"\b(?:ibuprofen|advil|nurofen|motrin|naproxen|aleve|aspirin|tramadol|oxycodone|morphine|"
    r"codeine|zopiclone|diazepam|ondansetron|letrozole|anastrozole|tamoxifen|vitamin\w*)\b"
)
_INSTEAD = re.compile(
    rf"\b{_NUMBER}(?!\s*(?:or\s+\d+\s+)?times)\s*(mls?|mg|mcg|units?|{_UNIT}|puffs?|patch(?:es)?|doses?)?"
    rf"(?![\d.])[^.;!?]{{0,60}}?\b(?:instead\s+of|rather\s+than)\s+(?:the\s+|my\s+|her\s+|his\s+|just\s+|only\s+|usual\s+)*"
    rf"{_NUMBER}(?![\d.])"
)
_SENTENCES = re.compile(r"[.;!?\n]+(?=\s|$)")


@dataclass(frozen=True)
class Medicine:
    name: str
    label: str
    words: tuple[str, ...]
    tablet_mg: float
    strengths: dict = field(default_factory=dict)
    most_mg_a_day: float = 0.0

    @property
    def pattern(self) -> re.Pattern:
        names = "|".join(
            re.escape(w).replace(r"\ ", r"[\s-]?")
            for w in sorted({*self.words, *self.strengths}, key=len, reverse=True)
        )
        return re.compile(rf"\b({names})s?\b")


def _fail(field_: str, value: object, allowed: str) -> TriageError:
    return TriageError(f"{FILE}, field '{field_}': {value!r} is not allowed; {allowed}.")


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
        strengths = item.get("strengths", {})
        if not isinstance(strengths, dict) or not all(
            isinstance(k, str) and k == k.lower() and isinstance(v, (int, float)) and 0 < v < 5000
            for k, v in strengths.items()
        ):
            raise _fail(
                f"{where}.strengths",
                strengths,
                "map lower-case product words to a tablet strength in mg",
            )
        name = item.get("name")
        if not isinstance(name, str) or not name:
            raise _fail(f"{where}.name", name, "write a name")
        out[name] = Medicine(
            name,
            item.get("label", name),
            tuple(words),
            float(item["tablet_mg"]),
            strengths,
            float(item["most_mg_a_day"]),
        )
    return out


@cache
def medicines() -> dict[str, Medicine]:
    text = resources.files("mbcnav.triage").joinpath("data", FILE).read_text(encoding="utf-8")
    return parse(yaml.safe_load(text))


def _plain(text: str) -> str:
    low = digits(" ".join(text.lower().replace("’", "'").replace("'", "").split()))
    low = re.sub(r"\bhalf\s+an?\b", "0.5", low)
    low = _DOZEN.sub("12", low)
    return _SMALL_WORD.sub(lambda m: str(_SMALL.index(m.group(1))), low)


def _sentences(low: str) -> list[str]:
    return [s for s in _SENTENCES.split(low) if s.strip()]


def _denied_or_asked(head: str) -> bool:
    """Whether the clause before the last word of taking in ``head`` (or its end, with none)
    denies, asks or plans ("didnt", "can i", "told me to"); only that clause counts."""
    taken = list(_TAKEN.finditer(head))
    cut = taken[-1].start() if taken else len(head)
    return bool(_NOT_TAKEN.search(re.split(r"[,;:]|\b(?:but|so|and|because|as)\b", head[:cut])[-1]))


def _taken_before(head: str) -> bool:
    """A word of taking before a count, and nothing that denies, asks or plans after it."""
    if not _TAKEN.search(head) or _NEW_DOSE.search(head) or _LONG_AGO.search(head):
        return False
    return not _denied_or_asked(head)


def _mg_in(sentence: str, med: Medicine, found: re.Match) -> float | None:
    """The milligrams of ``med`` one mention tells of as taken in a day, or None."""
    head = sentence[: found.start()]
    rest = sentence[found.end() :]
    if _NOT_SWALLOWED_AFTER.match(rest) or _LONG_AGO.search(sentence):
        return None
    # the words between the count and the medicine: at most four, no other medicine
    near = head[-60:]
    strength = None
    amount = None
    count = None
    if (
        (a := _AMOUNT.search(near))
        and not re.search(r"\d", near[a.end() :])
        and len(near[a.end() :].split()) <= 3
    ):
        # "5g of paracetamol", "1000 mg paracetamol", "1g paracetamol": an amount; a count before
        # it makes it the strength ("2 x 500mg tylenol", "2 500mg paracetamol")
        mg = float(a.group(1)) * (1000 if a.group(2).startswith("g") else 1)
        before = near[: a.start()]
        c = re.search(r"(?<![\d.])(\d{1,2})\s*(?:x\s*)?$", before)
        if c:
            count, strength, at = float(c.group(1)), mg, len(head) - len(near) + c.start()
        else:
            amount, at = mg, len(head) - len(near) + a.start()
    else:
        counts = [
            m
            for m in _COUNT.finditer(near)
            if len(near[m.end() :].split()) <= 5 and not _OTHER_MEDICINES.search(near[m.end() :])
        ]
        if not counts:
            # "paracetamol x 16", "paracetamol - took 16 today", "paracetamol, had 16 today"
            after = re.match(
                rf"\s*(?:{_UNIT}\s*)?(?:x\s*|[-,:]\s*(?:i\s+)?(?:took|had|taken)\s+(?:about\s+)?|(?=\d{{1,3}}\s*{_UNIT}))(\d{{1,3}})\b",
                rest,
            )
            if not after:
                return None
            count, at = float(after.group(1)), found.end() + after.start(1)
            if "x" in after.group(0) and re.match(
                r"\s*(?:today|since|in\s+24|so\s+far)", rest[after.end() :]
            ):
                at = -1  # "paracetamol x 16 today": a count of the day told as a tally
        else:
            c = counts[-1]
            if s := re.match(r"\s*(?:x\s*)?(\d{3,4})\b", near[c.end() :]):
                strength = float(s.group(1))
            count = float(max(int(c.group(1)), int(c.group(2) or 0)))
            at = len(head) - len(near) + c.start()
            if _HAVE_BEFORE.search(head[:at]) or (
                _CAP_BEFORE.search(head[:at])
                and not re.search(
                    r"\b(?:took|taken|had|having|taking)\s+(?:the\s+)?(?:max|maximum)\s*$",
                    head[:at],
                )
            ):
                return None
        if strength is None and (s := re.match(r"\s*(\d{3,4})\s*mg\b", rest)):
            strength = float(s.group(1))
    if (
        at >= 0
        and not _taken_before(sentence[:at])
        and not _taken_before(sentence[: found.start()])
    ):
        return None
    if amount is None:
        product = found.group(1).replace("-", " ")
        strength = strength or float(med.strengths.get(product, med.tablet_mg))
        amount = count * strength
    # how often, said after the medicine or between the count and it ("took 2 every 4 hours
    # since yesterday, paracetamol")
    between = sentence[at : found.start()] if at >= 0 else ""
    per_day = False
    if (times := _TIMES.match(rest)) or (times := _TIMES.search(between)):
        amount *= float(times.group(1))
        per_day = True
    elif (every := _EVERY.match(rest)) or (every := _EVERY.search(between)):
        amount *= 24 / max(1.0, float(every.group(1) or every.group(2) or 1))
        per_day = True
    elif _PER_DAY.match(rest):
        per_day = True  # "12 paracetamol a day for 5 days": already a day's count
    if not per_day and (days := _DAYS.match(rest)):
        amount /= max(1.0, float(days.group(1)))
    if (more := _MORE.search(rest[:60])) and not _OTHER_MEDICINES.search(rest[: more.start()]):
        extra = more.group(1) or more.group(2) or more.group(3)
        if extra:
            amount += float(extra) * (strength or med.tablet_mg)
    return amount


def over_daily_limit(text: str) -> tuple[str, str] | None:
    """(medicine label, words) when ``text`` tells of more of a medicine in a day than the most."""
    sentences = _sentences(_plain(text))
    for med in medicines().values():
        total, said = 0.0, ""
        for sentence in sentences:
            for found in med.pattern.finditer(sentence):
                mg = _mg_in(sentence, med, found)
                if mg:
                    total += mg
                    said = said or sentence.strip()
        if total > med.most_mg_a_day:
            return med.label, said[:120]
        for sentence in sentences:  # "took 3 extra paracetamol today"
            if med.pattern.search(sentence) and any(
                int(m.group(1)) > 2 and _taken_before(sentence[: m.start()])
                for m in _EXTRA.finditer(sentence)
            ):
                return med.label, sentence.strip()[:120]
    return None


def more_than_meant(text: str) -> str | None:
    """The words when ``text`` says more was taken than meant: "3 ... instead of 1"."""
    low = _plain(text)
    if _NEW_DOSE.search(low):
        return None  # "told me to take 2 instead of 1 from now on": a new dose
    for m in _INSTEAD.finditer(low):
        head = low[max(0, m.start() - 60) : m.start()]
        if (
            float(m.group(1)) > float(m.group(3))
            and not _denied_or_asked(head)
            and not _LONG_AGO.search(head)
        ):
            return m.group(0)
    return None
