"""Readers: turn one pattern match (and its sentence) into proposed facts.

Each reader gets the match and returns ``[(field, value, start, end)]`` (offsets in the whole
text). The wording rules reuse the patient engine's spellings: ASCO/CAP ER/PR 2020 thresholds
(``spellings``), the protein-change reading of ``markers.changes`` and its gene names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mbcnav.patient import markers

Found = list[tuple[str, object, int, int]]
READERS: dict[str, Callable[[re.Match, dict], Found]] = {}


def reader(fn):
    READERS[fn.__name__] = fn
    return fn


def _num(text: str) -> float | int:
    value = float(text)
    return int(value) if value == int(value) else value


_PCT = re.compile(r"(<|>|≤|≥|<=|>=|less than|greater than)?\s*(\d+(?:\.\d+)?)\s*(?:(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*)?%")
_INTENSITY = re.compile(r"\b(weak(?:ly)?|moderate(?:ly)?|intermediate|strong(?:ly)?)\b", re.I)


def _stain(kind: str, m: re.Match) -> Found:
    tail = m.group("tail")
    at = m.start("tail")
    low = tail.lower()
    out: Found = []
    pct = None
    if p := _PCT.search(tail):
        op, a, b = p.group(1), float(p.group(2)), p.group(3)
        if b is None and op in ("<", "≤", "<=", "less than") and a <= 1:
            pct = 0
        elif a <= 100 and (b is None or float(b) <= 100):
            pct = _num(b) if b else _num(a)
        if pct is not None:
            out.append((f"{kind}_percent", pct, at + p.start(), at + p.end()))
    elif a := re.search(r"\ballred\s*(?:score\s*)?[:=]?\s*(\d)(?:\s*/\s*8)?", low):
        pct = None
        allred = int(a.group(1))
    if i := _INTENSITY.search(tail):
        word = i.group(1).lower()
        word = "moderate" if word == "intermediate" else re.sub(r"ly$", "", word)
        out.append((f"{kind}_intensity", word, at + i.start(), at + i.end()))
    word = None
    if re.match(r"\s*[:=]?\s*\(?\s*-\s*(?!\w)|\s*[:=]?\s*(?:negative|neg)\b", low) or re.search(r"\bnegative\b", low):
        word = "negative"
    elif re.search(r"\blow(?:[ -]positive)?\b", low) and kind == "er":
        word = "low"
    elif re.match(r"\s*[:=]?\s*\(?\s*\+|\s*[:=]?\s*(?:positive|pos)\b", low) or re.search(r"\bpositive\b", low):
        word = "positive"
    if pct is not None:
        category = "negative" if pct < 1 else ("low" if kind == "er" and pct <= 10 else "positive")
    elif word is None and "allred" in low and (a := re.search(r"allred\s*(?:score\s*)?[:=]?\s*(\d)", low)):
        category = "negative" if int(a.group(1)) <= 2 else "positive"
    else:
        category = word
    if category:
        out.append((kind, category, m.start(), m.end()))
    return out


@reader
def stain_er(m: re.Match, ctx: dict) -> Found:
    return _stain("er", m)


@reader
def stain_pr(m: re.Match, ctx: dict) -> Found:
    return _stain("pr", m)


_ISH = re.compile(r"\b(?:[fcsd]?ish|in[ -]situ hybridi[sz]ation|dual probe|her2\s*/\s*cep17)\b", re.I)


@reader
def her2(m: re.Match, ctx: dict) -> Found:
    """IHC score after the HER2 name; ISH result after an ISH word; the HER2/CEP17 ratio."""
    text, s0 = ctx["sentence"], ctx["sentence_start"]
    out: Found = []
    after = m.end("label") - s0
    ish = _ISH.search(text)
    ihc_zone = text[after : ish.start()] if ish and ish.start() > after else text[after:]
    if not re.match(r"\s*/\s*cep17", text[after:], re.I):
        if s := re.search(r"(?<![\d.])([0-3])\s*\+|\b(?:score|ihc)\s*(?:of|is|:|=)?\s*([0-3])\b(?![.\d])|^\s*(?:\(ihc\))?\s*[:=]?\s*(?:negative|neg)?\s*\(?\s*(0)\b(?![.\d])", ihc_zone, re.I):
            score = next(g for g in s.groups() if g is not None)
            out.append(("her2_ihc", f"{score}+" if score != "0" else "0", s0 + after + s.start(), s0 + after + s.end()))
        elif re.search(r"\bultra-?low\b|>\s*0\s*(?:but\s*)?<\s*1\+?", ihc_zone, re.I):
            pass
    if ish:
        zone = text[ish.end() :]
        z0 = s0 + ish.end()
        if r := re.search(r"\b(not amplified|non-?amplified|no amplification|negative|equivocal|amplified|positive)\b", zone, re.I):
            word = r.group(1).lower()
            value = {"negative": "not amplified", "positive": "amplified", "no amplification": "not amplified"}.get(word, word)
            value = "not amplified" if value.startswith("non") else value
            out.append(("her2_ish", value, z0 + r.start(), z0 + r.end()))
    if r := re.search(r"\bratio\s*(?:of|is|was|:|=)?\s*(\d+(?:\.\d+)?)", text, re.I):
        out.append(("her2_ratio", _num(r.group(1)), s0 + r.start(), s0 + r.end()))
    return out


@reader
def percent(m: re.Match, ctx: dict) -> Found:
    a, b = m.group("value"), m.groupdict().get("high")
    return [(ctx["field"], _num(b) if b else _num(a), m.start(), m.end())]


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "1": 1, "2": 2, "3": 3}


@reader
def grade(m: re.Match, ctx: dict) -> Found:
    before = ctx["text"][max(0, m.start() - 20) : m.start()].lower()
    if re.search(r"nuclear|dcis|in situ", before + m.group(0).lower()):
        return []
    if m.groupdict().get("score"):
        score = int(m.group("score"))
        if not 3 <= score <= 9:
            return []
        return [("grade", 1 if score <= 5 else 2 if score <= 7 else 3, m.start(), m.end())]
    return [("grade", _ROMAN[m.group("value").lower()], m.start(), m.end())]


@reader
def word(m: re.Match, ctx: dict) -> Found:
    """The pattern's ``value`` as the fact (histology words, MSI words, response words)."""
    return [(ctx["field"], ctx["value"], m.start(), m.end())]


@reader
def number(m: re.Match, ctx: dict) -> Found:
    return [(ctx["field"], _num(m.group("value")), m.start(), m.end())]


def _gene(symbol: str) -> str | None:
    symbol = symbol.upper()
    if symbol in ("HER2", "HER-2", "NEU"):
        return "ERBB2"
    gene, _ = markers.marker_of(symbol)
    return gene if gene and gene not in ("PD-L1", "MSI", "TMB") and len(gene) >= 3 else None


@reader
def variant(m: re.Match, ctx: dict) -> Found:
    gene = _gene(m.group("gene"))
    found = markers.changes(m.group("change"))
    protein = [c for c in found if not c.startswith("c.") and not c.startswith("exon")]
    if not gene or not protein:
        return []
    return [("variants", {"gene": gene, "protein": protein[0]}, m.start(), m.end())]


@reader
def amplification(m: re.Match, ctx: dict) -> Found:
    out: Found = []
    for g in re.finditer(r"\b(?:HER-?2|[A-Z][A-Z0-9]{1,9})\b", m.group("genes")):
        gene = _gene(g.group(0))
        if gene:
            at = m.start("genes") + g.start()
            out.append(("amplifications", gene, at, at + len(g.group(0))))
    return out


_SCORING = {"cps": "CPS", "combined positive score": "CPS", "tps": "TPS", "tc": "TPS",
            "tumor proportion score": "TPS", "tumour proportion score": "TPS", "ic": "IC",
            "immune cell": "IC", "immune cells": "IC", "immune cell score": "IC"}  # fmt: skip
_ASSAY = re.compile(r"\b(22C3|SP142|SP263|28-8|73-10)\b", re.I)


@reader
def pd_l1(m: re.Match, ctx: dict) -> Found:
    text, s0 = ctx["sentence"], ctx["sentence_start"]
    rest = text[m.end("label") - s0 :]
    r0 = m.end("label")
    sc = re.search(r"\b(CPS|TPS|TC|IC|combined positive score|tumou?r proportion score|immune cells?(?: score)?)\b", rest, re.I)
    if not sc:
        return []
    scoring = _SCORING[re.sub(r"\s+", " ", sc.group(1).lower()).replace("tumour", "tumor")]
    near = rest[sc.end() : sc.end() + 40]
    v = re.search(r"^\s*(?:\([A-Z]+\))?\s*(?:score\s*)?(?:of|is|was|:|=)?\s*(<|>|≥|≤|<=|>=)?\s*(\d+(?:\.\d+)?)\s*%?", near, re.I)
    start = r0 + sc.start()
    if not v:
        back = rest[max(0, sc.start() - 25) : sc.start()]
        v = re.search(r"(<|>|≥|≤)?\s*(\d+(?:\.\d+)?)\s*%?\s*\(?\s*$", back)
        if not v:
            return []
    out: Found = [("pd_l1", {"value": _num(v.group(2)), "scoring": scoring,
                             "assay": (a.group(1).upper() if (a := _ASSAY.search(text)) else None)},
                   start, r0 + sc.end() + (v.end() if v.string is near else 0))]  # fmt: skip
    return out

