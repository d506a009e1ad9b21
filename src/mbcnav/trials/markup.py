"""Registry text as a person should read it: markdown escapes, bullets and enum words cleaned.

ClinicalTrials.gov stores descriptions and criteria as markdown (``\\<``, ``\\>=``, ``\\*``,
``* item``, ``**bold**``) and some fields as enum words (``NOT_APPLICABLE``,
``ACTIVE_NOT_RECRUITING``). ``plain_text`` turns both into plain words for pages and the CLI;
the stored record keeps the registry's text unchanged.
"""

from __future__ import annotations

import html
import re

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>=~|^&%$@/:;,'\"])")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_BULLET = re.compile(r"^[ \t]*(?:[*+\-•]|\d{1,2}[.)])[ \t]+", re.M)
_ENUM = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_SPACES = re.compile(r"[ \t]{2,}")

#: Enum words whose plain form is not just the lower-cased words.
ENUM_WORDS = {
    "NOT_APPLICABLE": "not applicable",
    "NA": "not applicable",
    "NON_RANDOMIZED": "not randomized",
    "SINGLE_GROUP": "single group",
    "ACTIVE_NOT_RECRUITING": "active, not recruiting",
    "ENROLLING_BY_INVITATION": "enrolling by invitation",
    "EARLY_PHASE1": "early phase 1",
    "PHASE1": "phase 1",
    "PHASE2": "phase 2",
    "PHASE3": "phase 3",
    "PHASE4": "phase 4",
    "OUTCOMES_ASSESSOR": "outcomes assessor",
    "CARE_PROVIDER": "care provider",
    "PLACEBO_COMPARATOR": "placebo comparator",
    "ACTIVE_COMPARATOR": "active comparator",
    "NO_INTERVENTION": "no intervention",
    "SHAM_COMPARATOR": "sham comparator",
    "DIETARY_SUPPLEMENT": "dietary supplement",
    "DIAGNOSTIC_TEST": "diagnostic test",
    "COMBINATION_PRODUCT": "combination product",
}


def enum_words(value: str) -> str:
    """'NOT_APPLICABLE' -> 'not applicable'; 'PHASE1' -> 'phase 1'; other text unchanged."""
    v = str(value or "").strip()
    if v in ENUM_WORDS:
        return ENUM_WORDS[v]
    if _ENUM.fullmatch(v) or (v.isupper() and v.isalpha() and len(v) > 3):
        return v.replace("_", " ").lower()
    return v


def plain_text(text: str, bullets: str = "• ") -> str:
    """Registry markdown to plain text: escapes undone, bold marks dropped, list markers
    replaced by ``bullets``, enum words written as words, runs of blank lines collapsed."""
    if not text:
        return ""
    s = html.unescape(str(text)).replace("\r\n", "\n").replace("\r", "\n")
    s = _ESCAPE.sub(r"\1", s)
    s = _BOLD.sub(r"\2", s)
    s = _BULLET.sub(bullets, s)
    s = _ENUM.sub(lambda m: ENUM_WORDS.get(m.group(0), m.group(0).replace("_", " ").lower()), s)
    s = _BLANKS.sub("\n\n", s)
    return _SPACES.sub(" ", s).strip()


def one_line(text: str, limit: int = 0) -> str:
    """``plain_text`` on one line (bullets become "; "), cut at a word near ``limit`` if given."""
    s = plain_text(text, bullets="")
    s = re.sub(r"\s*\n+\s*", " ", s).strip()
    if limit and len(s) > limit:
        cut = s[:limit].rsplit(" ", 1)[0].rstrip(",;:")
        s = cut + "…"
    return s


_SENTENCE = re.compile(r"(?<=[a-z0-9)%][.!?])\s+(?=[A-Z(])")


def sentences(text: str) -> list[str]:
    """Plain sentences of a registry paragraph (a rough split, good enough for summaries)."""
    out = []
    for para in plain_text(text, bullets="").split("\n"):
        out += [x.strip() for x in _SENTENCE.split(para) if x.strip()]
    return out
