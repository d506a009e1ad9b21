"""Lung inflammation (pneumonitis, interstitial lung disease) against the record, which most ADC
trials exclude. A note in the record can tell that it happened ("grade 2 pneumonitis on T-DXd,
treated with steroids, resolved"); a note that denies it, weighs its risk or watches for it says
nothing ("No evidence of pneumonitis", "counselled about ILD risk"). Only a bare statement of a
history ("History of or current interstitial lung disease or pneumonitis") is settled that way;
a grade, the steroids it needed, a window or "current" alone stays with the study team
(twenty-second session, last session's held-out set 55 read after it was measured; review)."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from mbcnav.trials.health_problems import doubted
from mbcnav.trials.patterns import load

if TYPE_CHECKING:  # facts.py reads notes with told() below
    from mbcnav.trials.facts import PatientFacts


@cache
def _named() -> re.Pattern:
    """The words of the criteria concept (patterns.yaml ``pneumonitis``), read in notes too."""
    words = load().concepts["pneumonitis"].patterns
    return re.compile("|".join(f"(?:{w})" for w in words), re.I)


#: words that tell the inflammation happened: a grade, its diagnosis, its treatment or its course
_HAPPENED = re.compile(
    r"\b(?:grade|g[1-4]|developed|diagnosed|had|history|treated|steroids?|prednisone|"
    r"prednisolone|resolved|resolving|hospitali[sz]\w*|admitted|induced|related|due\s+to|"
    r"caused|held|stopped|discontinued)\b",
    re.I,
)
#: words in a note's sentence that keep it from telling that the inflammation happened
_NOT_TOLD = re.compile(
    r"\?|\b(?:no|not|without|negative|ruled?\s+out|rule\s+out|risks?|monitor\w*|screen\w*|"
    r"counsel\w*|discuss\w*|watch\w*|possible|possibly|suspect\w*|concern\w*|query|if|"
    r"prevent\w*|unlikely|exclude\w*|side\s+effects?|adverse|evaluat\w*|assess\w*|work-?up|"
    r"differential|vs|versus|educat\w*|signs?|symptoms?|rare|serious|baseline|pfts?)\b",
    re.I,
)
#: the words of a bare statement of a history of lung inflammation
_BARE = frozenset(
    "history of or and current prior previous known interstitial lung disease ild pneumonitis "
    "pneumonia non infectious noninfectious drug induced patients patient participants subjects "
    "who with has have had a an any the".split()
)


def told(notes: list[str]) -> bool | None:
    """True when a sentence of a note names pneumonitis or ILD, says it happened (a grade, its
    treatment, its course) and holds nothing that denies, doubts or only watches for it; else
    None (not known; second review: a side effect named, a work-up or a differential is no
    history)."""
    for note in notes:
        for sentence in re.split(r"[.;\n]", note):
            if (
                _named().search(sentence)
                and _HAPPENED.search(sentence)
                and not _NOT_TOLD.search(sentence)
            ):
                return True
    return None


def bare(text: str) -> bool:
    """Whether a criterion is a bare statement of a history of lung inflammation."""
    words = re.findall(r"[a-z]+", text.lower())
    return all(w in _BARE for w in words) and any(
        w in {"history", "prior", "previous", "known", "had"} for w in words
    )


def holds(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """Whether the person had the lung inflammation a criterion names (a note that tells of it,
    or interstitial lung disease among the record's health problems, says yes)."""
    if f.pneumonitis and c.get("bare"):
        return True, "A note in your record tells of pneumonitis (lung inflammation).", ""
    listed = [
        e
        for e in f.condition_entries
        if e.get("term") == "interstitial lung disease"
        and not doubted(e)
        # an infection of the lung is not the non-infectious pneumonitis trials mean (last review)
        and not re.search(r"\binfect", f"{e.get('detail') or ''} {e.get('note') or ''}", re.I)
    ]
    if listed and c.get("bare"):
        # a bare "history of or current ILD or pneumonitis" fits any listed status (issue 14)
        said = [x for x in (listed[0].get("detail"), listed[0].get("status")) if x]
        said = [x for x in said if x != "unknown"]
        return (
            True,
            "Your record lists interstitial lung disease or pneumonitis"
            + (f" ({'; '.join(said)})" if said else "")
            + ".",
            "",
        )
    return (
        None,
        "Whether you have had lung inflammation (pneumonitis or ILD), and how it was treated, is "
        "checked by the study team.",
        "Your history of lung problems, and the dates",
    )
