"""Report spellings of receptors, sites and treatment settings: the category plus the detail.

``ER 95% strong`` -> (positive, 95%, strong); ``IHC 2+, ISH amplified (ratio 2.4)`` ->
(IHC 2+ ISH+, ratio 2.4); ``mediastinal lymph nodes`` -> (lymph nodes, mediastinal);
``2L`` -> (metastatic, line 2). Each function returns ``None`` as the category when the words
are not one the file allows, so the reader can answer with one sentence.
Thresholds: ASCO/CAP ER/PR testing guideline 2020 (ER/PR 1-100% positive, 1-10% ER-low, <1%
negative; Allred 0-2 negative) and HER2 testing guideline 2023 update (IHC 0 / >0 <1+ ultralow /
1+ / 2+ with ISH / 3+), as of 2026-12-02.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import vocabulary as v
from .words import fold

INTENSITIES = ("weak", "moderate", "strong")
SETTING_DETAILS = ("recurrent", "locally advanced", "unresectable", "palliative", "maintenance")
#: Site words that are only another spelling of the canonical site (no detail to keep).
_PLAIN_SITES = frozenset(
    "bones lungs pulmonary hepatic cns nodes node nodal lymph node lymph nodes pleural peritoneal "
    "ovaries ovarian cutaneous osseous skeletal leptomeninges lmd leptomeningeal disease".split(" ")
) | {"lymph node", "lymph nodes", "leptomeningeal disease"}
_SITE_TAIL = re.compile(r"\s+(metastas[ie]s|mets?|lesions?|involvement|disease|deposits?|spread)$")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


@dataclass(frozen=True)
class Stain:
    category: str | None
    percent: str | None = None
    intensity: str | None = None
    allred: int | None = None


def _percent(text: str) -> tuple[str | None, float | None, str]:
    """('95%', 95.0, rest) / ('<1%', 0.5, rest) / ('10-20%', 20.0, rest); the highest value decides."""
    m = re.search(r"(<|>|≤|≥|<=|>=)?\s*(\d+(?:\.\d+)?)\s*(?:(?:-|to)\s*(\d+(?:\.\d+)?))?\s*%", text)
    if not m:
        return None, None, text
    op, low, high = m.group(1), float(m.group(2)), m.group(3)
    top = float(high) if high else low
    if top > 100 or low > top:
        return "bad", None, text
    shown = (
        f"{low:g}-{top:g}%"
        if high
        else f"{(op or '').replace('≤', '<=').replace('≥', '>=')}{low:g}%"
    )
    value = top - 0.5 if op in ("<", "≤", "<=") and not high else top
    return shown, value, text[: m.start()] + " " + text[m.end() :]


def stain(kind: str, value: object) -> Stain:
    """ER or PR as a report writes it: words, a percentage, an intensity, an Allred score."""
    if value is None:
        return Stain(None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = f"{value}%"
    text = str(value).strip().lower()
    shown, pct, rest = _percent(text)
    if shown == "bad":
        return Stain(None)
    allred = None
    if m := re.search(r"\ballred\s*(?:score\s*)?[:=]?\s*(\d)(?:\s*/\s*8)?\b", rest):
        allred = int(m.group(1))
        rest = rest[: m.start()] + " " + rest[m.end() :]
    intensity = None
    if m := re.search(r"\b(weak(?:ly)?|moderate(?:ly)?|intermediate|strong(?:ly)?)\b", rest):
        word = m.group(1)
        intensity = "moderate" if word == "intermediate" else re.sub(r"ly$", "", word)
        rest = rest[: m.start()] + " " + rest[m.end() :]
    rest = re.sub(r"\b(staining|stain|nuclear|intensity|of cells|cells|tumou?r)\b", " ", rest)
    rest = re.sub(r"[\s,;()]+", " ", rest).strip()
    rest = re.sub(rf"^{kind}\s*(?=[+-]|$)", f"{kind}", rest) if rest else rest
    word = None
    if rest and rest not in (kind, "positive", f"{kind} positive"):
        word = (v.normalise_er if kind == "er" else v.normalise_pr)(rest)
        if word is None and rest.startswith(kind + " "):
            word = (v.normalise_er if kind == "er" else v.normalise_pr)(rest[len(kind) + 1 :])
        if word is None and rest in ("low positive", "er low", "low"):
            word = "low" if kind == "er" else None
        if word is None:
            return Stain(None)
    elif rest:
        word = "positive"
    if pct is not None:
        category = "negative" if pct < 1 else "low" if pct <= 10 and kind == "er" else "positive"
    elif allred is not None:
        category = "negative" if allred <= 2 else "positive"
    else:
        category = word
    if category is None:
        return Stain(None)
    return Stain(category, shown, intensity, allred)


def her2(value: object) -> tuple[str | None, float | None, float | None]:
    """HER2 IHC/ISH wording -> (canonical result, ISH ratio, mean copy number)."""
    if value is None:
        return None, None, None
    text = str(value).strip().lower()
    ratio = copies = None
    if m := re.search(r"(?:her2\s*/\s*cep17\s*)?ratio\s*(?:of\s*)?[:=]?\s*(\d+(?:\.\d+)?)", text):
        ratio = float(m.group(1))
        text = text[: m.start()] + " " + text[m.end() :]
    if m := re.search(
        r"(?:(?:mean\s*)?(?:her2\s*)?(?:copy number|copies|signals)(?:\s*per cell)?|cn)\s*(?:of\s*)?[:=]?\s*(\d+(?:\.\d+)?)",
        text,
    ):
        copies = float(m.group(1))
        text = text[: m.start()] + " " + text[m.end() :]
    text = re.sub(r"\(\s*\)|\(\s*[,;]?\s*\)", " ", text)
    text = re.sub(r">\s*0\s*(?:but\s*)?(?:<|less than)\s*1\+?", "0+", text)
    text = re.sub(r"\b(?:group\s*[1-5])\b", " ", text)
    canon = v.normalise_her2(text)
    if canon is None and ratio is not None and copies is not None:
        # IHC 2+ with only the numbers: ASCO/CAP group 1 (ratio >= 2 and >= 4 copies) is
        # amplified, group 5 (ratio < 2 and < 4 copies) is not; groups 2-4 need the team's reading.
        if ratio >= 2 and copies >= 4:
            canon = v.normalise_her2(f"{text} ish amplified")
        elif ratio < 2 and copies < 4:
            canon = v.normalise_her2(f"{text} ish not amplified")
    return canon, ratio, copies


def site(value: object) -> tuple[str | None, str | None]:
    """A metastatic site as written -> (canonical site, detail or None)."""
    if value is None:
        return None, None
    text = fold(value)
    text = _SITE_TAIL.sub("", text).strip()
    if canon := v.normalise_site(text):
        return canon, None if text in _PLAIN_SITES or text == canon else text
    parts = [p.strip() for p in re.split(r"\s*(?:/|,|\band\b|&|\+)\s*", text) if p.strip()]
    if len(parts) > 1:
        found = [site(p) for p in parts]
        sites = {s for s, _ in found}
        if len(sites) == 1 and None not in sites:
            details = [d for _, d in found if d]
            return found[0][0], ", ".join(dict.fromkeys(details)) or None
        return None, None
    clean = " ".join(re.sub(r"[()\[\]:;,]", " ", text).split())
    words = clean.split(" ")
    for order in ("tail", "head"):  # "mediastinal lymph nodes", then "liver segment 7"
        for cut in range(1, len(words)):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            canon = v.normalise_site(tail if order == "tail" else head)
            if canon:
                kept = [w for w in (head, tail) if not (w in _PLAIN_SITES or w == canon)]
                return canon, " ".join(kept) or None
    return None, None


def setting(value: object) -> tuple[str | None, str | None, int | None]:
    """A treatment setting as written -> (neoadjuvant | adjuvant | metastatic, detail, line)."""
    if value is None:
        return None, None, None
    text = fold(value)
    line = None
    patterns = (
        r"\b(\d)(?:st|nd|rd|th)?\s*(?:line|l)\b",
        r"\bline\s*(?:of therapy\s*)?(\d)\b",
        rf"\b({'|'.join(_ORDINALS)})\s*line\b",
    )
    for rx in patterns:
        if m := re.search(rx, text):
            line = int(_ORDINALS.get(m.group(1), m.group(1)))
            text = (text[: m.start()] + " " + text[m.end() :]).strip()
            break
    if line == 0:
        return None, None, None
    detail = None
    for word, rx in (
        ("recurrent", r"\brecurr(?:ent|ence)\b"),
        ("locally advanced", r"\blocally advanced\b"),
        ("unresectable", r"\b(?:unresectable|inoperable|non resectable)\b"),
        ("palliative", r"\bpalliative\b"),
        ("maintenance", r"\bmaintenance\b"),
    ):
        if re.search(rx, text):
            detail = detail or word
            text = re.sub(rx, " ", text)
    text = re.sub(r"\b(setting|disease|therapy|treatment|for|in|the|of|or)\b", " ", text)
    text = " ".join(text.split())
    canon = v.normalise_setting(text) if text else None
    if text and canon is None:
        return None, None, None
    if canon is None and (detail or line):
        canon = "metastatic"
    if line and canon != "metastatic":
        return None, None, None
    return canon, detail, line
