"""A triage rule and the loader that validates each bundled rules file (``BUNDLED``).

Every problem in the file is reported as a TriageError naming the file, the rule
and the field, e.g. ``rules.yaml: rule 'chest-pain', field 'level': 'urgnt' is not
allowed; use one of: emergency, urgent, routine, none.``
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from mbcnav.patient import vocabulary

from . import condition_schema, grading
from .errors import TriageError

LEVELS = ("emergency", "urgent", "routine", "none")  # most severe first
RANK = {level: len(LEVELS) - i for i, level in enumerate(LEVELS)}  # emergency 4 ... none 1
SCOPES = ("symptom", "check-in", "question")
PLACEHOLDERS = (
    "drug",
    "site",
    "lab",
    "temperature_c",
    "count_per_day",
    "also",
    "symptom",
    "words",
    "reading",
)
REQUIRED = ("name", "level", "when", "explanation", "do", "sources", "as_of")
OPTIONAL = ("group", "fallback", "scope", "symptom")
SOURCE_FIELDS = ("publisher", "title", "url", "read")
DEFAULT_FILE = "rules.yaml"
#: The bundled rule files, read in this order; grades.yaml adds two fallback rules per term.
BUNDLED = (
    "rules.yaml",
    "rules_chest_blood.yaml",
    "rules_gut_skin_mood.yaml",
    "rules_readings.yaml",
    "red_flags.yaml",
    "drug_risks.yaml",
    "combinations.yaml",
    "signs.yaml",
    "unread.yaml",
    "families.yaml",
    "families_body.yaml",
)
TOP_LEVEL = ("rules", "sources", "drug_sets")  # sources / drug_sets hold YAML anchors only


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    url: str
    read: date


@dataclass(frozen=True)
class Rule:
    name: str
    level: str
    when: dict
    explanation: str
    do: str
    sources: tuple[Source, ...]
    as_of: date
    group: str | None = None
    fallback: bool = False
    scope: str = "symptom"
    symptom: str | None = None  # the reason's label for check-in and question rules (e.g. a lab)

    @property
    def rank(self) -> int:
        return RANK[self.level]


def _date(value, where: str, field: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise TriageError(
            f"{where}, field '{field}': {value!r} is not allowed; write a date as YYYY-MM-DD."
        ) from None


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise TriageError(
            f"{where}, field '{key}': {value!r} is not allowed; write a non-empty sentence."
        )
    for _, field, _, _ in string.Formatter().parse(value):
        if field is not None and field not in PLACEHOLDERS:
            raise TriageError(
                f"{where}, field '{key}': placeholder {{{field}}} is not allowed; "
                f"use one of: {', '.join(PLACEHOLDERS)}."
            )
    return value.strip()


def _sources(value, where: str) -> tuple[Source, ...]:
    if not isinstance(value, list) or not value:
        raise TriageError(
            f"{where}, field 'sources': {value!r} is not allowed; give at least one source "
            "with publisher, title, url and read."
        )
    out = []
    for i, src in enumerate(value):
        for field in SOURCE_FIELDS:
            if not isinstance(src, dict) or not src.get(field):
                raise TriageError(
                    f"{where}, field 'sources[{i}].{field}': it is missing; every source "
                    "needs publisher, title, url and read."
                )
        if not str(src["url"]).startswith("https://"):
            raise TriageError(
                f"{where}, field 'sources[{i}].url': {src['url']!r} is not allowed; "
                "write an https:// address."
            )
        out.append(
            Source(
                str(src["publisher"]),
                str(src["title"]),
                str(src["url"]),
                _date(src["read"], where, f"sources[{i}].read"),
            )
        )
    return tuple(out)


def entry_where(
    entry: object, index: int, file: str, what: str, required: tuple, optional: tuple = ()
) -> str:
    """Check one entry of a triage data file is a mapping with every required field and no
    unknown one; returns how sentences name it ("rules.yaml: rule 'fever'")."""
    if not isinstance(entry, dict):
        raise TriageError(
            f"{file}: {what} #{index + 1} is not allowed; write each {what} as a mapping."
        )
    name = entry.get("name")
    where = f"{file}: {what} '{name}'" if name else f"{file}: {what} #{index + 1}"
    for field in required:
        if field not in entry:
            raise TriageError(
                f"{where}, field '{field}': it is missing; every {what} needs {', '.join(required)}."
            )
    for field in entry:
        if field not in required and field not in optional:
            raise TriageError(
                f"{where}, field '{field}': unknown field; allowed fields are "
                f"{', '.join(required + optional)}."
            )
    return where


def level_of(entry: dict, field: str, where: str, allowed: tuple[str, ...] = LEVELS) -> str:
    """A level field's value, or one sentence naming it and the levels allowed."""
    if entry[field] not in allowed:
        raise TriageError(
            f"{where}, field '{field}': {entry[field]!r} is not allowed; use one of: {', '.join(allowed)}."
        )
    return entry[field]


def parse_rule(entry: object, index: int, file: str, known_classes) -> Rule:
    where = entry_where(entry, index, file, "rule", REQUIRED, OPTIONAL)
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise TriageError(f"{where}, field 'name': {name!r} is not allowed; write a short name.")
    level = level_of(entry, "level", where)
    scope = entry.get("scope", "symptom")
    if scope not in SCOPES:
        raise TriageError(
            f"{where}, field 'scope': {scope!r} is not allowed; use one of: {', '.join(SCOPES)}."
        )
    if scope in ("check-in", "question") and not entry.get("symptom"):
        raise TriageError(
            f"{where}, field 'symptom': it is missing; a {scope} rule names what its reason is about."
        )
    fallback = entry.get("fallback", False)
    if not isinstance(fallback, bool):
        raise TriageError(
            f"{where}, field 'fallback': {fallback!r} is not allowed; write true or false."
        )
    if fallback and scope == "question":
        raise TriageError(
            f"{where}, field 'fallback': true is not allowed; a question rule fires when it matches."
        )
    condition_schema.check(entry["when"], where, "when", known_classes)
    return Rule(
        name=name.strip(),
        level=level,
        when=entry["when"],
        explanation=_text(entry, "explanation", where),
        do=_text(entry, "do", where),
        sources=_sources(entry["sources"], where),
        as_of=_date(entry["as_of"], where, "as_of"),
        group=entry.get("group"),
        fallback=fallback,
        scope=scope,
        symptom=entry.get("symptom"),
    )


def parse_rules(data: object, file: str = DEFAULT_FILE) -> tuple[Rule, ...]:
    """Validate the parsed YAML of a rules file and build its rules, in file order."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise TriageError(f"{file}: field 'rules': it is missing; the file needs a list of rules.")
    for key in data:
        if key not in TOP_LEVEL:
            raise TriageError(
                f"{file}: field '{key}': unknown top-level field; allowed are {', '.join(TOP_LEVEL)}."
            )
    known_classes = tuple(vocabulary.drug_table().classes)
    rules, seen = [], set()
    for i, entry in enumerate(data["rules"]):
        rule = parse_rule(entry, i, file, known_classes)
        if rule.name in seen:
            raise TriageError(
                f"{file}: rule '{rule.name}', field 'name': {rule.name!r} is not allowed; "
                "it is used by an earlier rule."
            )
        seen.add(rule.name)
        rules.append(rule)
    return tuple(rules)


def load_rules(path: str | Path | None = None) -> tuple[Rule, ...]:
    """Load and validate a rules file (default: every bundled file, ``BUNDLED``)."""
    if path is None:
        return _bundled()
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise TriageError(
            f"{path.name}: the file cannot be read as YAML ({err.__class__.__name__})."
        ) from None
    return parse_rules(data, path.name)


@cache
def _bundled() -> tuple[Rule, ...]:
    """Every bundled file and the generated grade rules; fallbacks last, in their order."""
    rules: list[Rule] = []
    for file in BUNDLED:
        text = resources.files("mbcnav.triage").joinpath("data", file).read_text(encoding="utf-8")
        rules.extend(parse_rules(yaml.safe_load(text), file))
    grades = parse_rules({"rules": grading.rule_entries()}, grading.FILE)
    specific = [r for r in rules if not r.fallback]
    fallbacks = [r for r in rules if r.fallback]
    out = (*specific, *grades, *fallbacks)
    names = [r.name for r in out]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise TriageError(f"triage rules: rule {twice[0]!r} is defined in two files.")
    return out


def _walk(cond, found: set, keys: set) -> None:
    ((key, value),) = cond.items()
    keys.add(key)
    if key == "symptom":
        found.update(value)
    elif key in ("all", "any"):
        for part in value:
            _walk(part, found, keys)
    elif key in ("not", "also"):
        _walk(value, found, keys)
    elif key == "count":
        _walk(value["of"], found, keys)


def symptoms_reading(attribute: str, rules: tuple[Rule, ...] | None = None) -> frozenset[str]:
    """The symptom terms named by a rule whose condition also reads ``attribute`` (e.g. "new").

    The check-in form asks a follow-up question only for the terms where it can change the level.
    """
    out: set[str] = set()
    for rule in load_rules() if rules is None else rules:
        found: set[str] = set()
        keys: set[str] = set()
        _walk(rule.when, found, keys)
        if attribute in keys:
            out |= found
    return frozenset(out)
