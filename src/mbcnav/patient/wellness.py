"""Does a typed check-in say "nothing to report"? A small classifier kept as data.

``data/all_is_well.yaml`` lists the cue words ("fine", "no probs"), what a denial may deny and
still mean "no symptoms" ("no side effects"), sign-offs and emoji, and the everyday words a
well clause may hold. ``reading(text, is_read, is_denial)`` returns:

- ``"well"``: every clause says all is well or denies a symptom ("all fine no probs",
  "had a good week, no fever no runs no sickness", "nothin to report x");
- ``"remark"``: at least one clause says all is well and the others are words nothing reads
  ("feeling great, walked the dog 5k"); the caller keeps those words as a mild unread symptom,
  so the triage's red-flag word lists still see them;
- ``None``: anything else, read as usual (one clause read as a symptom is enough).

The patient engine cannot see the triage rules, so ``is_read`` / ``is_denial`` come from the
caller (the vocabulary and the ConText negation of ``checkin``).
"""

from __future__ import annotations

import re
from importlib import resources

import yaml

_DATA = yaml.safe_load(
    resources.files("mbcnav.patient").joinpath("data/all_is_well.yaml").read_text(encoding="utf-8")
)
CUES = frozenset(str(w) for w in _DATA["cues"])
OBJECTS = frozenset(str(w) for w in _DATA["objects"])
SIGNOFFS = frozenset(str(w) for w in _DATA["signoffs"])
WORDS = frozenset(str(w) for w in _DATA["words"]) | CUES | OBJECTS | SIGNOFFS
#: Words that make unread words a possible complaint rather than a remark ("except my back").
COMPLAINT = frozenset(str(w) for w in _DATA["complaint"])
#: A medicine that works ("the tablets work"): a noun and a verb of these lists.
RELIEF_NOUNS = frozenset(str(w) for w in _DATA["relief_nouns"])
RELIEF_VERBS = frozenset(str(w) for w in _DATA["relief_verbs"])
#: Negations that keep "the pills don't work" a complaint.
_NO_RELIEF = frozenset(
    {"no", "not", "never", "nothing", "dont", "doesnt", "didnt", "arent", "isnt", "wont", "cant"}
)
#: Negation cues that start a denial; "not"/"no" right before a cue cancel it ("not great").
DENY = ("no", "not", "never", "without", "nothing")
#: Words between a negation and a cue that do not change it ("not too good", "no real problems").
SOFT = frozenset({"too", "so", "very", "really", "that", "all", "a", "any", "real", "feeling"})
#: A cue in these phrases is no cue ("could be better", "been better").
UNWELL = re.compile(
    r"\b(?:could be|been|had|seen|felt) (?:better|worse)\b|\bnot (?:\w+ )?(?:up to|on) "
)
#: Words after which the rest of a denial is a new denial ("no fever no runs").
RUN_ON = re.compile(r"\s+(?=(?:no|nor|not|never)\s)")


def _words(clause: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", clause.lower().replace("’", "").replace("'", ""))


def _cue_denied(words: list[str]) -> bool:
    for i, w in enumerate(words):
        if w in CUES and w not in ("nothing", "nothin", "nowt", "nada"):
            j = i - 1
            while j >= 0 and words[j] in SOFT:
                j -= 1
            if j >= 0 and words[j] in ("no", "not", "never", "isnt", "wasnt", "arent", "aint"):
                return True
    return False


def is_well_clause(clause: str) -> bool:
    """A clause made only of listed words, holding a cue that no negation cancels."""
    words = [w for w in _words(clause) if w not in SIGNOFFS]
    if not words or UNWELL.search(" ".join(words)) or _cue_denied(words):
        return False
    if _relief(words):
        return True
    if not any(w in CUES for w in words) and not _denies_object(words):
        return False
    return all(w in WORDS or w.isdigit() for w in words)


def _relief(words: list[str]) -> bool:
    """ "the tablets work", "anti-sickness pills help": a medicine that works, nothing denied."""
    return (
        any(w in RELIEF_NOUNS for w in words)
        and any(w in RELIEF_VERBS for w in words)
        and not any(w in _NO_RELIEF for w in words)
        and all(w in WORDS or w in RELIEF_NOUNS or w in RELIEF_VERBS for w in words)
    )


def _denies_object(words: list[str]) -> bool:
    """ "no probs", "no new symptoms", "no side effects this cycle": a denial of no symptom."""
    return bool(words) and words[0] in DENY and any(w in OBJECTS for w in words[1:4])


def pieces(clause: str) -> list[str]:
    """A clause split before each later negation cue ("no fever no runs" -> two denials)."""
    return [p for p in RUN_ON.split(clause.strip()) if p.strip()]


def reading(text: str, clauses, is_read, is_denial) -> str | None:
    """'well', 'remark' or None (see the module docstring). ``clauses`` splits the text."""
    well = remark = 0
    for clause in clauses(text):
        words = [w for w in _words(clause) if w not in SIGNOFFS]
        if not words:
            continue
        parts = pieces(" ".join(words))
        if all(is_well_clause(p) or is_denial(p) for p in parts):
            well += any(is_well_clause(p) for p in parts)
            continue
        if is_read(clause) or any(w in COMPLAINT for w in words):
            return None  # a symptom or a possible complaint: read it as usual
        remark += 1
    if not well:
        return None
    return "remark" if remark else "well"
