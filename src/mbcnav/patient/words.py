"""Loads data/words.yaml: the synonyms people write, mapped to the spec's canonical words."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml


class WordsError(ValueError):
    """The bundled words file is malformed (a bug in the project, not bad user input)."""


def fold(text: object) -> str:
    """Fold case, spaces, underscores and dashes so that synonyms compare equal."""
    return re.sub(r"[\s_\-]+", " ", str(text).strip().lower()).strip()


@cache
def _raw() -> dict:
    text = resources.files("mbcnav.patient").joinpath("data/words.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or "as_of" not in data:
        raise WordsError("patient/data/words.yaml: needs an as_of date and one section per field")
    return data


def table(section: str, canonical: tuple[str, ...], *, open_ended: bool = False) -> dict[str, str]:
    """Folded word -> canonical word for one field: the canonical words plus their synonyms.

    Every synonym must map to one of ``canonical`` (checked here, at import).
    """
    synonyms = _raw().get(section)
    if not isinstance(synonyms, dict):
        raise WordsError(f"patient/data/words.yaml: section {section!r} is missing")
    out = {fold(c): c for c in canonical}
    for word, canon in synonyms.items():
        if canon not in canonical and not open_ended:
            raise WordsError(
                f"patient/data/words.yaml: {section}.{word} maps to {canon!r}, which is not one of {canonical}"
            )
        if fold(word) != str(word):
            raise WordsError(
                f"patient/data/words.yaml: {section}.{word!r} must be written folded as {fold(word)!r}"
            )
        out[str(word)] = canon
    return out
