"""The body part a denied clause names, carried into the clauses after it.

A person often names a body part once and goes on about it: "my port is not red or sore, it's
leaking" (review: the leak lost its site), "my calf is not sore or red but swollen", "my leg is
not swollen but I can't move it" (review: the report must not lose the leg). ``carried`` reads
a message's clauses in order with ``negation.negated`` and puts the body part of a denial in
place of the pronoun that opens the next clause; ``denial_beside_report`` tells a reader to read
the whole sentence too. What the body passes ("stools not black") is carried on but never makes
the whole sentence read (review: "stools not black, feel dizzy" keeps "feel dizzy").
"""

from __future__ import annotations

import re

from . import vocabulary as v
from .negation import _OWNERS, SUBJECTS, _without_subject, negated, without_frame

#: Words that open a clause about the thing named before ("..., it's leaking", "but it is hot").
_PRONOUN_OPEN = ("it", "its", "it's", "they", "theyre", "they're")
_JOINERS = frozenset({"but", "although", "though", "yet", "and", "just", "only"})


def denied_subject(clause: str) -> list[str]:
    """The body part a denied clause names before its cue ("my port is not red or sore" ->
    ["my", "port"]), or [] when the clause has none."""
    words = without_frame(clause.lower().replace("’", "'").replace("'", "").split())
    rest = _without_subject(words)
    return words[: len(words) - len(rest)] if rest is not words else []


def with_subject(clause: str, subject: list[str]) -> str:
    """A clause that goes on about the body part of the denial before it, with that body part
    put in place of its pronoun: "it's leaking" after "my port is not red or sore" reads "my
    port is leaking" (review: the leak lost its site). Other clauses come back unchanged."""
    words = clause.split()
    k = 0
    while k < len(words) - 1 and words[k].lower() in _JOINERS:
        k += 1
    if not subject or k >= len(words):
        return clause
    lead = words[k].lower().replace("’", "'")
    if lead in _PRONOUN_OPEN:
        verb = ["is"] if lead in {"it's", "its", "theyre", "they're"} else []
        return " ".join([*words[:k], *subject, *verb, *words[k + 1 :]])
    rest = [w.lower() for w in words[k:]]
    if len(rest) <= 3 and not SUBJECTS & set(rest) and rest[0] not in _OF_THE_PERSON:
        # "my calf is not sore or red but swollen": the swelling is the calf's; not "feel fine
        # otherwise", which is the person's ("feels hard and swollen" is the body part's: review)
        return " ".join([*words[:k], *subject, *words[k:]])
    return clause


#: "no new numbness", "without any new weakness": a pertinent negative, nothing to report now
#: (session 39, held-out set 85 read after it was measured: "Not sleepy, no new numbness" after
#: a pain crisis read as numbness)
_NO_NEW = re.compile(
    r"^\W*(?:and\s+)?(?:no|without|not\s+any|no\s+other)\s+(?:any\s+)?new\s+\w", re.I
)


#: One cue over body parts that share the sign named last: "no lip or throat swelling", "never
#: had any lip or throat swelling or breathing trouble", "no arm or leg weakness" (ConText scope
#: runs over a list; session 41, tuning set 87: the list read as a swelling). Only a clause that
#: is the list and no more: a report after it is its own clause (the earlier set-62 lesson:
#: "didnt pass out she was having a fit" must keep the fit).
_SHARED_LIST = re.compile(
    r"^\W*(?:(?:and|but|also|so|i|ive|she|shes|he|hes|they|has|have|had)\s+)*"
    r"(?:no|never|without|denies|deny)\s+(?:(?:had|been|having|got)\s+)?"
    r"(?:(?:any|a|an|other|more|signs?\s+of)\s+)*(?P<list>[a-z ,]+?)"
    r"(?:\s+(?:at\s+all|today|now|since|anymore|either))*\W*$"
)
_LIST_JOIN = re.compile(r"\s*(?:,|\bor\b|\band\b|\bnor\b)\s*")
#: words that make "never had X" a first time ("never had lip swelling like this before")
_FIRST_TIME = frozenset({"before", "like", "this", "that", "ever", "such", "until", "till"})


def shared_sign_denied(clause: str) -> bool:
    """True for a clause that denies a list of body parts sharing one sign ("no lip or throat
    swelling"): every part is a sign the vocabulary reads in three words or fewer, or a bare
    word that makes one with the sign word of the next longer part ("lip" + "swelling")."""
    low = " ".join(clause.lower().replace("’", "").replace("'", "").split())
    m = _SHARED_LIST.match(low)
    if not m:
        return False
    parts = [p.split() for p in _LIST_JOIN.split(m.group("list")) if p.strip()]
    if len(parts) < 2 or _FIRST_TIME & {w for p in parts for w in p}:
        return False
    for i, part in enumerate(parts):
        if len(part) > 1:
            if len(part) > 3 or v.normalise_symptom(" ".join(part)) is None:
                return False
            continue
        head = next((p[-1] for p in parts[i + 1 :] if len(p) > 1), None)
        if head is None or v.normalise_symptom(part[0]) is not None:
            return False
        if not v.is_symptom_word(f"{part[0]} {head}"):
            return False
    return True


def carried(parts: list[str]) -> list[tuple[str, bool, bool]]:
    """Clauses read in order, each as (text, denied, by_subject): a clause after a denial about
    a body part takes that body part in place of its pronoun ("my port is not red or sore, it's
    leaking" -> "my port is leaking"); ``by_subject`` marks a denial that named a body part
    first, so a reader can also read its whole sentence (review: "my leg is not swollen but I
    can't move it" must not lose the leg)."""
    out: list[tuple[str, bool, bool]] = []
    subject: list[str] = []
    for part in parts:
        part = with_subject(part, subject)
        if negated(part) or _NO_NEW.match(part) or shared_sign_denied(part):
            subject = denied_subject(part)
            # "stools not black": carried into "look very dark", but no body part whose whole
            # sentence must be read (review: "stools not black, feel dizzy" kept "feel dizzy")
            passed = all(w in PASSED or w in _OWNERS for w in subject)
            out.append((part, True, bool(subject) and not passed))
        else:
            out.append((part, False, False))
            subject = []
    return out


def denial_beside_report(read: list[tuple[str, bool, bool]]) -> bool:
    """Whether clauses read by ``carried`` hold a denial about a body part and a report beside
    it ("my leg is not swollen but I can't move it"): a reader then reads their whole sentence
    too, so the report keeps its body part."""
    return any(by for _, _, by in read) and not all(no for _, no, _ in read)


#: Words that start a clause about the whole person, not a body part ("feel fine otherwise").
_OF_THE_PERSON = frozenset({"feel", "feeling", "otherwise", "i", "im", "ive"})
#: What the body passes, a subject for a denial said after it ("poo not black") and carried on
#: ("..., but look very dark"), never a reason to read the whole sentence (review: "stools not
#: black, feel dizzy" must keep "feel dizzy" on its own).
PASSED = frozenset(
    {
        "poo",
        "poos",
        "poop",
        "stool",
        "stools",
        "motions",
        "wee",
        "pee",
        "urine",
        "vomit",
        "sick",
        "temp",
        "temperature",
    }
)
