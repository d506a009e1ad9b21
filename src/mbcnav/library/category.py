"""Category questions about a drug: "is tamoxifen an AI?", "is Enhertu chemo?".

The answer is the passage that says what kind of drug it is: a passage whose heading
defines ("What are SERMs and SERDs?") the drug's own class (from the drug names in
``synonyms.yaml`` / the patient engine's ``drugs.yaml``) and that names the drug. It is
shown first; the passages the search finds for the kind the person asked about ("AI")
follow, so both sides are shown. Such a passage cannot win by search: it rarely holds the
asked kind's words. Issue 15, fourth pass.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from mbcnav.library.shapes import _drugs_named, focus_named
from mbcnav.library.vocabulary import analyse, synonyms

ASKS_KIND = re.compile(r"^\W*(?:is|are|isn'?t|aren'?t)\b", re.I)
# words after the drug's name that ask for a kind: "a/an ...", "a kind of", "considered"
KIND_WORDS = {"a", "an", "kind", "type", "form", "considered", "classed", "counted", "one"}
# kinds of treatment a person may name without an article ("is Enhertu chemo?")
KINDS = ("chemotherapy", "hormone therapy", "targeted therapy", "immunotherapy", "biologic")


def category_drug(asked: str) -> str:
    """The generic name of the drug an "is <drug> a <kind>?" question asks about, or ""."""
    if not ASKS_KIND.match(asked):
        return ""
    syn = synonyms()
    said = syn.correct(asked).split()[1:]
    for name, drug in _longest_first(syn):
        size = len(name.split())
        if said[:size] != name.split() or len(said) == size:
            continue
        rest = said[size:]
        if rest[0] in KIND_WORDS:
            return drug.generic
        kinds = {k for d in syn.drugs.values() for k in d.classes} | set(KINDS)
        rest_stems = set(analyse(" ".join(rest)))
        expanded = {x for _, extra, _ in syn.expansions(" ".join(rest)) for x in analyse(extra)}
        if any(set(analyse(k)) <= rest_stems | expanded for k in kinds if analyse(k)):
            return drug.generic
        return ""
    return ""


def category_passages(index, asked: str) -> list[int]:
    """The passages (indices) that define the asked drug's own class and name it, best first."""
    generic = category_drug(asked)
    if not generic or generic not in focus_named(asked):
        return []
    classes = next(
        (d.classes for d in synonyms().drugs.values() if d.generic == generic and d.classes), ()
    )
    if not classes:
        return []
    named = np.array([generic in d for d in _drugs_named(index)], dtype=bool)
    best = named & _class_headings(index, classes)

    # a heading about the drug itself ("Is capecitabine (Xeloda) a chemo pill?") first, then
    # one that defines the class ("What are SERMs and SERDs?"); then in the library's order
    def order(i: int) -> tuple[bool, bool]:
        return generic not in focus_named(index.sections[i].heading), not index.defines[i]

    return sorted((int(i) for i in np.flatnonzero(best)), key=order)


@lru_cache(maxsize=64)
def _class_headings(index, classes: tuple[str, ...]) -> np.ndarray:
    """Per passage, whether its heading names one of the classes (worked out once per class)."""
    return np.array([_names_class(s.heading, classes) for s in index.sections], dtype=bool)


_LONGEST: dict[int, list] = {}


def _longest_first(syn) -> list:
    """The drug names, longest first (a brand of two words before a one-word name), kept
    per synonyms object (a Synonyms is not hashable)."""
    if id(syn) not in _LONGEST:
        _LONGEST.clear()
        _LONGEST[id(syn)] = sorted(syn.drugs.items(), key=lambda kv: -len(kv[0].split()))
    return _LONGEST[id(syn)]


def _names_class(heading: str, classes: tuple[str, ...]) -> bool:
    """Whether a heading names one of the classes (by its words or their synonyms)."""
    syn = synonyms()
    # drug names are left out: their classes would count ("hand-foot syndrome from capecitabine")
    padded = f" {syn.correct(heading)} "
    for name in syn.drugs:
        padded = padded.replace(f" {name} ", " ")
    said = set(analyse(padded))
    said |= {x for _, extra, _ in syn.expansions(padded) for x in analyse(extra)}
    return any(analyse(c) and set(analyse(c)) <= said for c in classes)
