"""Topical scope: passages written for one audience or situation need support in the question.

An article about talking with children, scan worry, men with MBC or travel answers
questions that say so (a child, a scan, a man, a trip); so does a section on one
situation ("what is chemo brain?" answers questions about thinking or memory, not every
question that says "brain"). Rules name articles, or one section as "slug#anchor". Its passages also hold words
that many other questions use ("die", "worried", "treated"), and would otherwise win
them. ``data/audiences.yaml`` lists such articles with the words that show a question is
about their audience or situation; ``audience_factor(index, question)`` damps their
passages when the question (story included) names none of those words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from mbcnav.library.errors import LibraryError
from mbcnav.library.sourced import named_entries
from mbcnav.library.vocabulary import analyse, synonyms, words

AUDIENCES_FILE = Path(__file__).parent / "data" / "audiences.yaml"


@dataclass(frozen=True)
class AudienceRule:
    name: str
    articles: frozenset[str]  # article slugs, or "slug#anchor" for one section
    needs: frozenset[tuple[str, ...]]  # stems of each word or phrase ("chemo brain")
    damp: float
    # needs that are stop words ("who": a question about who does what), matched as words
    plain: frozenset[str] = frozenset()

    def covers(self, section) -> bool:
        return (
            section.article in self.articles
            or f"{section.article}#{section.anchor}" in self.articles
        )


def _fail(path: Path, problem: str) -> LibraryError:
    return LibraryError(f"Audience file {path.name}: {problem}.")


def read_rules(path: Path = AUDIENCES_FILE) -> tuple[AudienceRule, ...]:
    out = []
    for name, entry in named_entries(path, "rules", "rule", _fail):
        articles, needs, damp = entry.get("articles"), entry.get("needs"), entry.get("damp")
        if not isinstance(articles, list) or not articles:
            raise _fail(
                path, f"rule '{name}': 'articles' must be a list of article slugs (or slug#section)"
            )
        if not isinstance(needs, list) or not needs:
            raise _fail(path, f"rule '{name}': 'needs' must be a list of words")
        if not isinstance(damp, (int, float)) or not 0 < damp < 1:
            raise _fail(path, f"rule '{name}': 'damp' is {damp!r}; it must be between 0 and 1")
        stems = frozenset(tuple(analyse(str(w))) for w in needs if analyse(str(w)))
        plain = frozenset(" ".join(words(str(w))) for w in needs if not analyse(str(w)))
        if any(" " in w for w in plain):
            raise _fail(path, f"rule '{name}': a need made only of common words must be one word")
        out.append(
            AudienceRule(str(name), frozenset(map(str, articles)), stems, float(damp), plain)
        )
    return tuple(out)


@lru_cache(maxsize=1)
def rules() -> tuple[AudienceRule, ...]:
    return read_rules()


def _says(stems: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(stems[i : i + n]) == phrase for i in range(len(stems) - n + 1))


# "single with no kids", "I don't have children": a word said as absent names no audience
NEGATED = re.compile(
    r"\b(?:no|without|(?:do not|dont|don t|never|not) (?:have|had))\s+(?:any\s+|young\s+)?\w+"
)


def unsupported(question: str, all_rules=None) -> list[AudienceRule]:
    """The rules whose audience the question does not name (a phrase: its words in a row).

    A word said as absent ("no kids", "I don't have children") does not name it; a need that
    is a stop word ("who") is looked for among the question's words."""
    kept = NEGATED.sub(" ", synonyms().correct(question))
    said, plain = analyse(kept), set(words(kept))
    return [
        r
        for r in (all_rules if all_rules is not None else rules())
        if not any(_says(said, need) for need in r.needs) and not (r.plain & plain)
    ]


def audience_factor(index, question: str, all_rules=None) -> np.ndarray:
    """Per passage: the damp of its article's rule when the question lacks its words, else 1."""
    factor = np.ones(len(index.sections), dtype=np.float32)
    for rule in unsupported(question, all_rules):
        for i, section in enumerate(index.sections):
            if rule.covers(section):
                factor[i] = min(factor[i], rule.damp)
    return factor
