"""Answers of the kind asked: shape bonuses for passages and the sentence that answers.

- ``list`` questions (which / where / what kinds) prefer passages that name several
  things (three or more items in a comma list, or a bulleted list);
- ``number`` questions (how many / how long / how often) prefer passages with a number;
- a question naming a drug (brand or generic) prefers passages naming that drug;
- every shape prefers a section that answers a heading over the article's opening
  lines, which introduce rather than answer (``INTRO_DAMP``).

``answering_sentence`` picks the sentence that holds most of the question's weighted
words (with the one after it when it is short), for highlighting.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from mbcnav.library.medicines import medicine_for
from mbcnav.library.vocabulary import analyse, synonyms, words

LIST_BONUS = 1.2
NUMBER_BONUS = 1.2
INTRO_DAMP = 0.8
DRUG_BONUS = 1.3  # "a named drug wins": passages naming the drug the question names
CLASS_BONUS = 1.15  # passages the medicines guide lists for the named drug's class
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
ENUMERATION = re.compile(r"(\b[\w-]+(?: [\w-]+){0,3}, ){2,}[\w -]+(,? (and|or) )", re.I)
BULLETS = re.compile(r"^\s*([-*]|\d+\.)\s", re.M)
NUMBER = re.compile(r"\d")
SHORT_SENTENCE = 110  # characters: an answering sentence this short is shown with the next one


def lists_things(markdown: str, text: str) -> bool:
    return len(BULLETS.findall(markdown)) >= 3 or bool(ENUMERATION.search(text))


@lru_cache(maxsize=8)
def _features(index) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    sections = index.sections
    texts = index.texts
    listing = np.array(
        [lists_things(s.markdown, t) for s, t in zip(sections, texts, strict=True)], dtype=bool
    )
    numbers = np.array([bool(NUMBER.search(t)) for t in texts], dtype=bool)
    intro = np.array([s.position == 0 for s in sections], dtype=bool)
    return listing, numbers, intro


def shape_factor(index, shape: str) -> np.ndarray:
    """Per-passage score factors for a question of this shape."""
    listing, numbers, intro = _features(index)
    factor = np.where(intro, INTRO_DAMP, 1.0).astype(np.float32)
    if shape == "list":
        factor = factor * np.where(listing, LIST_BONUS, 1.0)
    elif shape == "number":
        factor = factor * np.where(numbers, NUMBER_BONUS, 1.0)
    return factor.astype(np.float32)


@lru_cache(maxsize=8)
def _drugs_named(index) -> list[frozenset[str]]:
    """Per passage, the generic names of the drugs it names (by any of their names)."""
    syn = synonyms()
    out = []
    for s, text in zip(index.sections, index.texts, strict=True):
        padded = f" {' '.join(words(f'{s.heading} {text}'))} "
        out.append(frozenset(d.generic for name, d in syn.drugs.items() if f" {name} " in padded))
    return out


def focus_named(question: str) -> set[str]:
    """The generic names of the drugs a question names (by any of their names)."""
    syn = synonyms()
    padded = f" {syn.correct(question)} "
    return {drug.generic for name, drug in syn.drugs.items() if f" {name} " in padded}


#: genes and tumor markers a report names (the patient file's markers and a few more): a question
#: that names one is about it ("tumor report says 'PTEN loss' what does that mean": session 31,
#: tuning set 64, was answered with hair loss); HER2, ER and PR are named almost everywhere
MARKER = re.compile(
    r"\b(pik3ca|akt1|pten|esr1|palb2|g?brca[12]?m?|trop[- ]?2|pd[- ]?l1|msi-?h?|tmb|ntrk|"
    r"fgfr[1-4]?|erbb2|ki[- ]?67|tp53|cdh1|ctdna|hrd)\b",
    re.I,
)


def _marker_key(name: str) -> str:
    """One spelling per marker: "PD-L1" and "pdl1", "MSI-H" and "MSI" are one."""
    key = name.lower().replace("-", "").replace(" ", "")
    if key.startswith("msi"):
        return "msi"
    if "brca" in key:  # gBRCA, BRCA1, gBRCAm: a passage naming BRCA1 or BRCA2 answers "BRCA"
        return "brca"
    return key


@lru_cache(maxsize=8)
def _markers_named(index) -> list[frozenset[str]]:
    """Per passage, the markers it names."""
    return [
        frozenset(_marker_key(m) for m in MARKER.findall(f"{s.heading} {text}"))
        for s, text in zip(index.sections, index.texts, strict=True)
    ]


def marker_factor(index, question: str) -> np.ndarray | None:
    """``DRUG_BONUS`` for passages naming a gene or marker the question names."""
    named = {_marker_key(m) for m in MARKER.findall(question)}
    if not named:
        return None
    hit = np.array([bool(named & m) for m in _markers_named(index)], dtype=bool)
    return np.where(hit, DRUG_BONUS, 1.0).astype(np.float32)


def _symptom_named(question: str) -> bool:
    """Whether a sentence of the question tells of a check-in symptom (the patient vocabulary)."""
    from mbcnav.patient import vocabulary as symptom_vocabulary

    return any(symptom_vocabulary.normalise_symptom(s) for s in split_sentences(question))


def focus_factor(index, question: str) -> np.ndarray | None:
    """``DRUG_BONUS`` for passages naming a drug the question names (by any of its names), and
    ``CLASS_BONUS`` for the passages the medicines guide lists for its class (how it works, its
    side effects, what to report: "rash and loose stools after starting Keytruda" reaches the
    immunotherapy side-effect passage, which names no brand); with no medicine named, the same
    bonus for passages naming a gene or marker the question names (``marker_factor``)."""
    named = focus_named(question)
    if not named:
        return marker_factor(index, question)
    hit = np.array([bool(named & d) for d in _drugs_named(index)], dtype=bool)
    listed = set()
    for generic in named:
        if page := medicine_for(generic):  # the guide's works / side effects / report passages
            passages = (*page.works, *page.side_effects, *page.report)
            listed |= {(p.article.slug, p.section.heading) for p in passages}
    near = np.array([(s.article, s.heading) in listed for s in index.sections], dtype=bool)
    if _symptom_named(question):
        # a symptom told beside the medicine ("5 cycles into abraxane and my fingertips have gone
        # numb"): the medicine's side-effect and report-at-once passages are the focus, not the
        # passages that say what the medicine is
        side = set()
        for generic in named:
            if page := medicine_for(generic):
                side |= {
                    (p.article.slug, p.section.heading) for p in (*page.side_effects, *page.report)
                }
        harm = np.array([(s.article, s.heading) in side for s in index.sections], dtype=bool)
        # (the medicine's other passages keep a smaller bonus: "what can I take for a headache
        # on ibrance" still reaches its interactions passage: review)
        return np.where(harm, DRUG_BONUS, np.where(hit | near, CLASS_BONUS, 1.0)).astype(np.float32)
    factor = np.where(hit, DRUG_BONUS, np.where(near, CLASS_BONUS, 1.0)).astype(np.float32)
    # a medicine named is the focus; the markers beside it are context ("do you have to have
    # the brca gene to get lynparza": all-sets run, sets 30 and 52)
    return factor


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.split(" ".join(text.split())) if s.strip()]


def answering_sentence(text: str, weights: dict[str, float], shape: str = "other") -> str:
    """The sentence of a passage that best answers, by the question's weighted stems."""
    parts = split_sentences(text)
    if not parts:
        return ""

    def score(i: int) -> float:
        stems = set(analyse(parts[i]))
        value = sum(w for s, w in weights.items() if s in stems)
        if shape == "number" and NUMBER.search(parts[i]):
            value *= 1.5
        if shape == "list" and parts[i].count(",") >= 2:
            value *= 1.25
        return value

    best = max(range(len(parts)), key=lambda i: (score(i), -i))
    if len(parts[best]) < SHORT_SENTENCE and best + 1 < len(parts):
        return f"{parts[best]} {parts[best + 1]}"  # a short answer usually goes on in the next
    return parts[best]
