"""Criterion wordings read with regular expressions, kept as data (``data/wording.yaml``).

- ``validate(raw)``: every entry has what / pattern / source / examples; each pattern compiles,
  finds each ``match`` example and none of the ``no_match`` ones.
- ``rx(name)``: the compiled pattern (case-insensitive) of one entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

from mbcnav.trials.errors import TrialsError

WHERE = "trials/data/wording.yaml"
_SOURCE_FIELDS = ("publisher", "title", "url", "read")


@dataclass(frozen=True)
class Wording:
    name: str
    what: str
    pattern: re.Pattern
    source: dict


def _entry(name: str, raw: object, where: str) -> Wording:
    if not isinstance(raw, dict):
        raise TrialsError(f"{where}: wording '{name}' must be a mapping.")
    for key in ("what", "pattern", "source", "match"):
        if not raw.get(key):
            raise TrialsError(f"{where}: wording '{name}' is missing the field '{key}'.")
    src = raw["source"]
    if not isinstance(src, dict) or not all(src.get(k) for k in _SOURCE_FIELDS):
        raise TrialsError(
            f"{where}: wording '{name}' needs a source with publisher, title, url and read."
        )
    try:
        pattern = re.compile(str(raw["pattern"]), re.I)
    except re.error as exc:
        raise TrialsError(
            f"{where}: wording '{name}' has a pattern that does not compile ({exc})."
        ) from None
    for example in raw["match"]:
        if not pattern.search(str(example)):
            raise TrialsError(f"{where}: wording '{name}' does not find its example {example!r}.")
    for example in raw.get("no_match") or []:
        if pattern.search(str(example)):
            raise TrialsError(
                f"{where}: wording '{name}' finds {example!r}, listed under no_match."
            )
    return Wording(name, str(raw["what"]), pattern, dict(src))


def check_as_of(raw: dict, where: str) -> None:
    """A trials data file's ``as_of`` is a date (YYYY-MM-DD); one sentence otherwise."""
    try:
        date.fromisoformat(str(raw.get("as_of")))
    except ValueError:
        raise TrialsError(
            f"{where}: as_of {raw.get('as_of')!r} is not a date (YYYY-MM-DD)."
        ) from None


def validate(raw: object, where: str = WHERE) -> dict[str, Wording]:
    """The checked wordings by name; a broken file gives one sentence naming entry and field."""
    if not isinstance(raw, dict) or not isinstance(raw.get("wordings"), dict):
        raise TrialsError(f"{where} must hold a mapping with as_of and wordings.")
    check_as_of(raw, where)
    return {name: _entry(name, entry, where) for name, entry in raw["wordings"].items()}


@cache
def load() -> dict[str, Wording]:
    text = resources.files("mbcnav.trials").joinpath("data/wording.yaml").read_text("utf-8")
    return validate(yaml.safe_load(text))


def rx(name: str) -> re.Pattern:
    """The compiled pattern of the wording ``name``."""
    try:
        return load()[name].pattern
    except KeyError:
        raise TrialsError(f"The wording {name!r} is not in {WHERE}.") from None
