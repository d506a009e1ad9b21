"""Readings typed in the person's own words: "sodium 129 on my bloods", "calcium was high,
11.9", "home blood pressure is 168/102", "pulse one hundred and twenty" (``data/readings.yaml``;
numbers in words are read as digits, ``patient.spelled``).

A reading is a measure word, at most four plain words ("was", "high", "on my"; seven before a
pair), then a number (or, for blood pressure, two numbers joined by "/" or "over"). A number outside the measure's
plausible range is not a reading of it ("calcium tablets 500"); a number under the measure's
``convert.below`` is in the other unit and is converted (calcium 2.98 mmol/L = 11.9 mg/dL). A
clause that denies ("no blood pressure problems") holds no reading. The rules ask with the
``reading`` condition (conditions.py): any reading in the words that meets the comparison
counts, so two readings err upwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml

from mbcnav.patient.checkin import clauses
from mbcnav.patient.negation import negated
from mbcnav.patient.spelled import digits

from .errors import TriageError

FILE = "readings.yaml"
# (four digits: a neutrophil count of 1500 cells/µL; a bare ".4" as a lab report prints it)
NUMBER = r"(\d{1,4}(?:\.\d{1,2})?|(?<!\d)\.\d{1,2})"
#: A later number in the same words: "neutrophils went from 1.8 to 0.6" (review)
THEN = re.compile(rf"\s*(?:to|->|now|and now|down to|then)\s+{NUMBER}(?![\d/]|\.\d)")
#: What follows a count or a dose, not a reading ("calcium 3 times a day", "potassium 2 tablets").
NOT_A_READING = (
    r"(?!\s*(?:times|x\b(?!\s*10)|a\s+day|per\b|tablets?|pills?|caps(?:ules)?|chews?|"
    r"mg\b(?!\s*/\s*d?l)|mcg\b|g\b(?!\s*/)|"  # "calcium 6.4 mg/dL" is a reading (review)
    # ("iu/l" and "units/l" after a number are a liver test's unit, not a dose: review)
    r"grams?|iu\b(?!\s*/\s*l)|units?\b(?!\s*/\s*l)|days?|weeks?|months?|hours?|hrs?|mins?|minutes?|years?|cycles?|doses?|"
    r"ago\b))"
)
#: A percentage is no reading of a measure in other units ("calcium 3%"); for a measure in %
#: (an oxygen level) it is the reading itself.
NOT_A_PERCENT = r"(?!\s*%)"
#: Not a plain word of the gap: another test's name ("neuts fine, lymphocytes 0.6" is no neutrophil
#: count) or a supplement ("calcium carbonate 1.5"); review
OTHER_WORD = (
    r"(?!(?:lymph\w*|wbc|hgb|hb|plts?|platelets?|mono\w*|eos\w*|baso\w*|neut\w*|anc|calcium|"
    r"sodium|potassium|creat\w*|glucose|sugars?|alt|ast|bili\w*|albumin|ha?emoglobin|temp\w*|bp|"
    r"pulse|sats|oxygen|carbonate|citrate|supplements?|tablets?|chews?|pills?|vitamin)\b)"
)
#: Plain words allowed between the measure word and its number ("was high", "came back at",
#: "(absolute)", "#"); a pair ("86 over 50") is specific enough to allow more ("the bp machine at
#: my mums says 86/50").
GAP = rf"(?:[\s,:=#()-]+{OTHER_WORD}(?:[a-z']+\b)){{0,4}}?[\s,:=#()-]*"
PAIR_GAP = r"(?:[\s:=-]+(?:[a-z']+\b)){0,7}?[\s,:=-]*"  # no comma between the words
#: A word before the measure that makes it another test, with other units and limits
OTHER_TEST_BEFORE = re.compile(r"\b(?:ioni[sz]ed|urine|urinary)\s*$")
#: A spoken hundred: "pulse one forty" is written "1 40" by text2num; after a measure word it is 140.
SPOKEN_HUNDRED = re.compile(r"\b1 ([1-9]\d)\b")


@dataclass(frozen=True)
class Measure:
    name: str
    unit: str
    pattern: re.Pattern
    low: float
    high: float
    below: float | None = None
    above: float | None = None  # a number above this is in the other unit (cells/µL)
    factor: float = 1.0
    pair: str | None = None  # "first" or "second" of "168/102"
    after: re.Pattern | None = (
        None  # a number then its unit: "122 bpm", "heart at 140 beats a minute"
    )
    words: tuple[str, ...] = ()
    # another measure's words that begin with one of this one's ("pulse ox" is the oxygen meter,
    # not a pulse), spaces and hyphens left out; set by ``parse``
    not_words: tuple[str, ...] = ()
    # for a pair ("168/102"): the plausible range of each number, from both measures of the pair
    pair_ranges: tuple[tuple[float, float], ...] = ()


def _measure(entry: object, i: int) -> Measure:
    where = f"{FILE}: measure {i + 1}"
    if not isinstance(entry, dict):
        raise TriageError(f"{where}: write a mapping.")
    for key in entry:
        if key not in ("name", "words", "unit", "convert", "range", "pair", "after"):
            raise TriageError(f"{where}, field '{key}': unknown field.")
    name, words, unit, span = (entry.get(k) for k in ("name", "words", "unit", "range"))
    if not isinstance(name, str) or not re.fullmatch(r"[a-z]+", name):
        raise TriageError(
            f"{where}, field 'name': {name!r} is not allowed; write a lower-case word."
        )
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        raise TriageError(f"{where}, field 'words': write a list of words.")
    if not isinstance(unit, str) or not unit:
        raise TriageError(f"{where}, field 'unit': write the unit the rules use.")
    if not (
        isinstance(span, list)
        and len(span) == 2
        and all(isinstance(x, int | float) for x in span)
        and span[0] < span[1]
    ):
        raise TriageError(f"{where}, field 'range': write [lowest, highest].")
    convert = entry.get("convert") or {}
    if convert and not (
        isinstance(convert, dict)
        and set(convert) in ({"below", "factor"}, {"above", "factor"})
        and all(isinstance(convert[k], int | float) for k in convert)
    ):
        raise TriageError(f"{where}, field 'convert': write below (or above) and factor (numbers).")
    pair = entry.get("pair")
    if pair not in (None, "first", "second"):
        raise TriageError(f"{where}, field 'pair': {pair!r} is not allowed; write first or second.")
    names = "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    tail = (
        rf"{NUMBER}\s*(?:/|\bover\b)\s*{NUMBER}(?!\d|\.\d)"
        if pair
        else rf"{NUMBER}(?![\d/]|\.\d){NOT_A_READING}{'' if unit == '%' else NOT_A_PERCENT}"
    )
    pattern = re.compile(rf"\b(?:{names})\b{PAIR_GAP if pair else GAP}{tail}")
    units = entry.get("after") or []
    if not isinstance(units, list) or not all(isinstance(w, str) and w for w in units):
        raise TriageError(f"{where}, field 'after': write a list of unit words.")
    after = None
    if units and not pair:
        alts = "|".join(re.escape(w.lower()) for w in sorted(units, key=len, reverse=True))
        after = re.compile(rf"(?<![\d./]){NUMBER}\s*(?:{alts})\b")
    return Measure(
        name=name,
        unit=unit,
        pattern=pattern,
        low=float(span[0]),
        high=float(span[1]),
        below=convert.get("below"),
        above=convert.get("above"),
        factor=float(convert.get("factor", 1.0)),
        pair=pair,
        after=after,
        words=tuple(w.lower() for w in words),
    )


def parse(data: object) -> dict[str, Measure]:
    """Validate the parsed YAML of the readings file (TriageError names the field)."""
    if not isinstance(data, dict) or not isinstance(data.get("measures"), list):
        raise TriageError(f"{FILE}: field 'measures': it is missing; write a list.")
    if not data.get("sources") or not data.get("as_of"):
        raise TriageError(f"{FILE}: fields 'sources' and 'as_of' are required.")
    out = {}
    for i, entry in enumerate(data["measures"]):
        m = _measure(entry, i)
        if m.name in out:
            raise TriageError(f"{FILE}: measure '{m.name}' is listed twice.")
        out[m.name] = m
    for name, m in out.items():
        others = [w for o in out.values() if o is not m for w in o.words]
        not_words = tuple(
            _squeezed(w)
            for w in others
            for own in m.words
            if re.match(rf"{re.escape(own)}[\s-]", w)
        )
        pair_ranges = tuple(
            (o.low, o.high)
            for kind in ("first", "second")
            for o in out.values()
            if m.pair and o.pair == kind and o.words == m.words
        )
        out[name] = replace(m, not_words=not_words, pair_ranges=pair_ranges)
    return out


def _squeezed(text: str) -> str:
    return re.sub(r"[\s-]+", "", text)


@cache
def measures() -> dict[str, Measure]:
    text = resources.files("mbcnav.triage").joinpath("data", FILE).read_text(encoding="utf-8")
    return parse(yaml.safe_load(text))


def values(text: str, of: str) -> list[float]:
    """Every reading of the measure ``of`` in ``text``, in the measure's unit."""
    m = measures()[of]
    low = SPOKEN_HUNDRED.sub(r"1\1", digits(" ".join(text.lower().replace("’", "'").split())))
    out = []
    found_all = [*m.pattern.finditer(low), *(m.after.finditer(low) if m.after else ())]
    seen: set[int] = set()  # "heart going at 122 bpm": one number, read by word and by unit
    for found in found_all:
        if _squeezed(found.group(0)).startswith(m.not_words):
            continue
        if found.start(1) in seen:
            continue
        seen.add(found.start(1))
        if m.pair:  # both numbers plausible and the top one above the bottom one
            pair = (float(found.group(1)), float(found.group(2)))
            if not (
                pair[0] > pair[1]
                and all(lo <= v <= hi for v, (lo, hi) in zip(pair, m.pair_ranges, strict=False))
            ):
                continue  # "took 88 over 2 days" is no blood pressure
        numbers = [float(found.group(2 if m.pair == "second" else 1))]
        if not m.pair and (later := THEN.match(low, found.end())):
            numbers.append(float(later.group(1)))
        before = low[: found.start()].rsplit(",", 1)[-1]
        if OTHER_TEST_BEFORE.search(before):
            continue  # "ionised calcium came back 1.28" is another test (review)
        if any(negated(c) for c in clauses(before + found.group(0))[-1:]):
            continue
        for number in numbers:
            if m.below is not None and number < m.below:
                number = round(number * m.factor, 1)
            if m.above is not None and number > m.above:
                number = round(number * m.factor, 2)
            if m.low <= number <= m.high:
                out.append(number)
    return out
