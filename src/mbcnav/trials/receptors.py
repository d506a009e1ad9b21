"""How a receptor criterion words ER-low (1-10%): counted with ER-negative, or left out by a 10%
floor."""

from __future__ import annotations

import re

from mbcnav.trials.wording import rx


def er_low_wording(text: str) -> dict:
    """How a receptor criterion treats ER-low (1-10%): {"er_low_ok": True} when it counts ER-low
    with ER-negative ("ER < 10%", "ER-low allowed"), {"er_min10": True} when ER must be >= 10%,
    {"er_below_1": True} when ER-negative is set at under 1% (so ER-low is not triple-negative).

    ER-low is reported as ER-positive but often behaves like ER-negative disease (ASCO/CAP,
    "Estrogen and Progesterone Receptor Testing in Breast Cancer: ASCO/CAP Guideline Update",
    J Clin Oncol 2020, https://ascopubs.org/doi/10.1200/JCO.19.02309, read 2026-11-21,
    as of 2026-11-21), so trials differ on where they put it."""
    out = {}
    if rx("er_low.counts_as_negative").search(text):
        out["er_low_ok"] = True
    if rx("er.at_least_10").search(text) and re.search(r"\b(?:er|estrogen)", text, re.I):
        out["er_min10"] = True
    if not out.get("er_low_ok") and any(_of_er(text, m) for m in rx("er.below_1").finditer(text)):
        # "triple negative is defined as <1% expression for ER ...", said in ER's own clause
        # (not "PR < 1%", "HER2 ... <1% of cells", "PD-L1 CPS <1": review)
        out["er_below_1"] = True
    return out


_MARKER = re.compile(
    r"\b(?:er|estrogen|oestrogen|pr|pgr|progesterone|her-?2|erbb2|pd-?l1|cps|tps|ki-?67|ar|androgen)\b",
    re.I,
)
_FOR_ER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:for|of|in)\s+(?:the\s+)?(?:er|estrogen|oestrogen)\b", re.I
)


def _of_er(text: str, m: re.Match) -> bool:
    """Whether the "< 1%" at ``m`` is said of ER: ER named right after it ("<1% expression for
    estrogen receptor"), or the last marker named before it in its clause is ER ("ER < 1%"; not
    "ER-negative, PR < 1%", "HER2 ... <1% of cells", "PD-L1 CPS <1")."""
    if _FOR_ER.match(text[m.end() :]):
        return True
    clause = re.split(r"[;(),]|\.\s", text[: m.start()])[-1]
    if _ER_AND_PR.search(clause):
        return True  # "ER and PR < 1%", "ER/PR <1%"
    before = _MARKER.findall(clause)
    return bool(before) and before[-1].lower() in {"er", "estrogen", "oestrogen"}


_ER_AND_PR = re.compile(
    r"\b(?:er|estrogen|oestrogen)\s*(?:and|/|or|&)\s*(?:pr|pgr|progesterone)\b(?:\s+receptors?)?"
    r"(?:\s+(?:expression|staining))?\s*(?:\(\w+\))?\s*$",
    re.I,
)
