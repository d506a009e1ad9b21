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


_PCT = re.compile(
    r"(<|>|≤|≥|<=|>=|less than|greater than)?\s*(\d+(?:\.\d+)?)\s*(?:(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*)?%"
)
_INTENSITY = re.compile(r"\b(weak(?:ly)?|moderate(?:ly)?|intermediate|strong(?:ly)?)\b", re.I)


def _stain(kind: str, m: re.Match) -> Found:
    tail = m.group("tail")
    at = m.start("tail")
    low = tail.lower()
    out: Found = []
    pct = None
    if (p := _PCT.search(tail)) and not re.match(
        r"\s*(?:nuclei|of)?\s*(?:\(|,)?\s*h-?score", tail[p.end() :].lower()
    ):
        op, a, b = p.group(1), float(p.group(2)), p.group(3)
        if op:  # "<1%", ">90%": the category only (the number is a bound, not a reading)
            pct = (
                0
                if a <= 1 and op in ("<", "≤", "<=", "less than")
                else 100
                if op[0] in ">≥g"
                else None
            )
        elif a <= 100 and (b is None or float(b) <= 100):
            pct = _num(b) if b else _num(a)
        if pct is not None and not op:
            out.append((f"{kind}_percent", pct, at + p.start(), at + p.end()))
    ranged = re.search(
        r"\b(weak|moderate|intermediate|strong)\w*\s*(?:to|-|–|/)\s*(weak|moderate|intermediate|strong)",
        low,
    )
    if (i := _INTENSITY.search(tail)) and not ranged:
        word = i.group(1).lower()
        word = "moderate" if word == "intermediate" else re.sub(r"ly$", "", word)
        out.append((f"{kind}_intensity", word, at + i.start(), at + i.end()))
    word = None
    if re.match(r"\s*[:=]?\s*\(?\s*-\s*(?!\w)|\s*[:=]?\s*(?:negative|neg)\b", low) or re.search(
        r"\bnegative\b", low
    ):
        word = "negative"
    elif re.search(r"\blow(?:[ -]positive)?\b", low) and kind == "er":
        word = "low"
    elif re.match(r"\s*[:=]?\s*\(?\s*\+|\s*[:=]?\s*(?:positive|pos)\b", low) or re.search(
        r"\bpositive\b", low
    ):
        word = "positive"
    if pct is not None:
        category = "negative" if pct < 1 else ("low" if kind == "er" and pct <= 10 else "positive")
    elif (
        word is None
        and "allred" in low
        and (a := re.search(r"allred\s*(?:score\s*)?[:=]?\s*(\d)", low))
    ):
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


_ISH = re.compile(
    r"\b(?:[fcsd]?ish|in[ -]situ hybridi[sz]ation|dual probe|her2\s*/\s*cep17)\b", re.I
)


@reader
def her2(m: re.Match, ctx: dict) -> Found:
    """IHC score after the HER2 name; ISH result after an ISH word; the HER2/CEP17 ratio."""
    text, s0 = ctx["sentence"], ctx["sentence_start"]
    out: Found = []
    after = m.end("label") - s0
    ish = _ISH.search(text)
    ihc_zone = text[after : ish.start()] if ish and ish.start() > after else text[after:]
    if not re.match(r"\s*/\s*cep17", text[after:], re.I):
        if s := re.search(
            r"(?<![\d.])([0-3])\s*\+|\b(?:score|ihc)\s*(?:of|is|:|=)?\s*([0-3])\b(?![.\d])|^\s*(?:\(ihc\))?\s*[:=]?\s*(?:negative|neg)?\s*\(?\s*(0)\b(?![.\d])",
            ihc_zone,
            re.I,
        ):
            score = next(g for g in s.groups() if g is not None)
            out.append(
                (
                    "her2_ihc",
                    f"{score}+" if score != "0" else "0",
                    s0 + after + s.start(),
                    s0 + after + s.end(),
                )
            )
        elif re.search(r"\bultra-?low\b|>\s*0\s*(?:but\s*)?<\s*1\+?", ihc_zone, re.I):
            pass
    zone, z0 = (text[ish.end() :], s0 + ish.end()) if ish else (text[after:], s0 + after)
    if ish or (_ISH.search(ctx["text"]) and re.search(r"amplifi", zone, re.I)):
        if r := re.search(
            r"\b(not amplified|non-?amplified|no amplification|(?:gene )?amplification (?:not detected|detected|present)|negative|equivocal|amplified|positive)\b",
            zone,
            re.I,
        ):
            word = re.sub(r"^gene ", "", r.group(1).lower())
            value = {"negative": "not amplified", "positive": "amplified", "no amplification": "not amplified",
                     "amplification not detected": "not amplified", "amplification detected": "amplified",
                     "amplification present": "amplified"}.get(word, word)  # fmt: skip
            value = "not amplified" if value.startswith("non") else value
            out.append(("her2_ish", value, z0 + r.start(), z0 + r.end()))
    if r := re.search(
        r"\bratio\s*(?:\(?HER-?2\s*/\s*CEP\s*17\)?)?[\s.:=]*(?:of|is|was)?\s*(\d+(?:\.\d+)?)",
        text,
        re.I,
    ):
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
    if m.groupdict().get("loss"):
        return [("variants", {"gene": gene, "protein": "loss"}, m.start(), m.end())] if gene else []
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
        if gene == "ERBB2" and _ISH.search(ctx["sentence"]):
            continue
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
    """A PD-L1 score: the scoring word (CPS, TPS, IC) and the number next to it, in a report that
    names PD-L1; the assay from the same sentence, else the first one the report names."""
    if not re.search(r"\bPD-?L1\b|programmed death", ctx["text"], re.I):
        return []
    scoring = _SCORING[re.sub(r"\s+", " ", m.group("scoring").lower()).replace("tumour", "tumor")]
    text = ctx["text"]
    near = text[m.end() : min(m.end() + 40, ctx["sentence_start"] + len(ctx["sentence"]))]
    v = re.match(
        r"\s*(?:\((?:CPS|TPS|IC|TC)\))?\s*(?:score\s*)?(?:of|is|was|:|=)?\s*(<|>|≥|≤|<=|>=)?\s*(\d+(?:\.\d+)?)\s*%?",
        near,
        re.I,
    )
    if not v or (
        v.group(1)
        and v.group(1)[0] in ">≥"
        and re.search(
            r"threshold|cut-?off|positive \(|eligib", near + text[m.start() - 30 : m.start()], re.I
        )
    ):
        return []
    assay = _ASSAY.search(ctx["sentence"]) or _ASSAY.search(text)
    value = {
        "value": _num(v.group(2)),
        "scoring": scoring,
        "assay": assay.group(1).upper() if assay else None,
    }
    return [("pd_l1", value, m.start(), m.end() + v.end())]
