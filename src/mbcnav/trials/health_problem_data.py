"""The data file of the other health problems that exclusion criteria name
(``data/health_problems.yaml``, issue 14): each problem's term, name, question and patterns, and
the wordings that qualify a mention (history, active, windows, exceptions, doubt, ...), checked
when loaded. Read by health_problem_reading.py, judged by health_problems.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml

from mbcnav.trials.errors import TrialsError
from mbcnav.trials.wording import check_as_of

WHERE = "trials/data/health_problems.yaml"
KEYS = ("term", "name", "ask", "patterns", "unsure", "source")
WORDINGS = (
    "history",
    "active",
    "uncontrolled",
    "uncontrolled_detail",
    "past_detail",
    "window",
    "exception",
    "hiv_controlled",
    "hiv_treated",
    "open",
    "cancer_open",
    "nyha",
    "skin_exception",
    "in_situ_exception",
    "skin_kind",
    "in_situ_kind",
    "broad_exception",
    "this_cancer",
    "doubt",
    "other_person",
    "anchor_today",
    "anchor_metastatic",
)


@dataclass(frozen=True)
class Problem:
    term: str
    name: str
    ask: str
    rx: re.Pattern
    unsure: re.Pattern | None
    # the record's term also takes in words the `unsure` words name (patient/data/conditions.yaml
    # lists "TIA" as a synonym of stroke): an entry with no detail may be that kind, never a yes
    broad: bool = False


@dataclass(frozen=True)
class Data:
    problems: tuple[Problem, ...]
    words: dict[str, re.Pattern]


def _compile(where: str, raw: object) -> re.Pattern:
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) and x for x in raw):
        raise TrialsError(f"{where} must be a list of regular expressions.")
    try:
        return re.compile("|".join(f"(?:{x})" for x in raw), re.I)
    except re.error as e:
        raise TrialsError(f"{where} holds a broken regular expression ({e}).") from None


def _problem(n: int, raw: object) -> Problem:
    where = f"{WHERE}: problem {n}"
    if not isinstance(raw, dict):
        raise TrialsError(f"{where} must be a mapping.")
    for key in ("term", "name", "ask", "patterns", "source"):
        if not raw.get(key):
            raise TrialsError(f"{where} is missing the field '{key}'.")
    if unknown := set(raw) - set(KEYS):
        raise TrialsError(f"{where} has an unknown field '{sorted(unknown)[0]}'.")
    src = raw["source"]
    if not isinstance(src, dict) or not all(
        src.get(k) for k in ("publisher", "title", "url", "read")
    ):
        raise TrialsError(f"{where} needs a source with publisher, title, url and read.")
    if not str(src["url"]).startswith("https://"):
        raise TrialsError(f"{where}: the source url must be an https address.")
    for key in ("term", "name", "ask"):
        if not isinstance(raw[key], str):
            raise TrialsError(f"{where}: '{key}' must be text.")
    return Problem(
        term=raw["term"],
        name=raw["name"],
        ask=raw["ask"],
        rx=_compile(f"{where}: 'patterns'", raw["patterns"]),
        unsure=_compile(f"{where}: 'unsure'", raw["unsure"]) if "unsure" in raw else None,
    )


def validate(raw: object) -> Data:
    """The checked file; a broken one gives one sentence naming the problem and field."""
    if not isinstance(raw, dict) or not isinstance(raw.get("problems"), list):
        raise TrialsError(f"{WHERE} must hold a mapping with as_of, problems and wordings.")
    check_as_of(raw, WHERE)
    problems = tuple(_problem(n, p) for n, p in enumerate(raw["problems"], 1))
    terms = [p.term for p in problems]
    if len(set(terms)) != len(terms):
        raise TrialsError(f"{WHERE}: a term is listed twice.")
    words = raw.get("wordings")
    if not isinstance(words, dict):
        raise TrialsError(f"{WHERE} must hold 'wordings'.")
    if missing := [w for w in WORDINGS if w not in words]:
        raise TrialsError(f"{WHERE}: the wording '{missing[0]}' is missing.")
    if unknown := set(words) - set(WORDINGS):
        raise TrialsError(f"{WHERE}: the wording '{sorted(unknown)[0]}' is not known.")
    return Data(problems, {k: _compile(f"{WHERE}: wording '{k}'", words[k]) for k in WORDINGS})


def broad_names(p: Problem) -> list[str]:
    """The record's names of ``p.term`` (synonyms, label) that its ``unsure`` words match: words
    that the record reads as the term with no detail, so the detail can never show them."""
    from mbcnav.patient.conditions import vocabulary

    if p.unsure is None:
        return []
    vocab = vocabulary()
    term = vocab.by_term.get(p.term)
    if term is None:
        return []
    names = [*term.synonyms, term.label, term.term]
    return [n for n in names if p.unsure.search(n)]


@cache
def load() -> Data:
    text = resources.files("mbcnav.trials").joinpath("data/health_problems.yaml").read_text("utf-8")
    data = validate(yaml.safe_load(text))
    # load-time check: an `unsure` word the record keeps as a synonym (no detail) cannot leave
    # the check open by the detail, so every bare entry of that term stays open instead
    problems = tuple(replace(p, broad=bool(broad_names(p))) for p in data.problems)
    return Data(problems, data.words)


def wording(name: str) -> re.Pattern:
    """The compiled wording ``name`` of the data file."""
    return load().words[name]
