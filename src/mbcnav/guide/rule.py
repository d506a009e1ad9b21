"""Guide rules as data: the ``Rule`` dataclass and the validated loader of ``rules.yaml``.

Every problem in the file is reported as a ``GuideError`` whose one sentence
names the file, the rule (or section) and the field, the value and what is
allowed. See ``data/rules.yaml`` for the format.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from mbcnav.guide.conditions import Check, ConditionError, compile_condition
from mbcnav.guide.errors import GuideError
from mbcnav.guide.names import FACTS, PLACEHOLDERS

RULES_FILE = Path(__file__).parent / "data" / "rules.yaml"
FORMAT = "mbcnav-guide-rules/1"

# The `topic` vocabulary of `mbcnav guide` (spec/cli.md).
TOPICS = (
    "understanding-diagnosis", "biopsy", "biomarker-testing", "treatment-options",
    "next-treatment", "side-effects", "clinical-trials", "second-opinion",
    "scans-and-monitoring", "palliative-care", "bone-health", "brain",
    "emotional-support", "costs-and-insurance", "daily-life", "care-team",
    "goals-of-care", "genetic-counseling",
)  # fmt: skip

# Library article slugs a question may link to (mbcnav.library).
ARTICLES = (
    "what-is-mbc", "de-novo-and-recurrence", "where-it-spreads", "bone-metastases",
    "brain-metastases", "diagnosis-and-biopsy", "second-opinions", "subtypes",
    "biomarker-testing", "treatment-goals", "hormone-therapy", "targeted-therapy",
    "her2-targeted-therapy", "chemotherapy-and-adcs", "immunotherapy", "bone-health",
    "lines-of-therapy", "palliative-care-and-hospice", "response-words",
    "scans-and-tumor-markers", "side-effects", "emergencies", "living-with-mbc",
    "care-team", "support-and-caregivers", "advance-care-planning",
    "costs-and-insurance", "clinical-trials", "survival-numbers",
)  # fmt: skip

TOP_KEYS = {"format", "as_of", "settings", "sources", "definitions", "rules"}
RULE_KEYS = {"name", "group", "priority", "topic", "when", "text", "why", "article",
             "sources", "as_of", "rationale"}  # fmt: skip
REQUIRED_RULE_KEYS = ("name", "priority", "topic", "when", "text", "why", "sources")
SOURCE_KEYS = {"publisher", "title", "url", "read"}
SETTINGS = {"recent_checkin_days": int, "unusual_sites": list}
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    url: str
    read: date

    def to_dict(self) -> dict:
        return {"publisher": self.publisher, "title": self.title, "url": self.url,
                "read": self.read.isoformat()}  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """One situation -> one question for the next visit."""

    name: str
    group: str  # rules of one group give at most one question (the highest priority)
    priority: int  # 1 = ask first
    topic: str
    when: Check = field(repr=False, compare=False)
    text: str  # question template, placeholders from names.PLACEHOLDERS
    why: str  # one-sentence template naming the fact that raised the question
    article: str | None
    sources: tuple[Source, ...]
    as_of: date
    rationale: str | None = None

    def applies(self, facts: Mapping[str, Any]) -> bool:
        return self.when(facts)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    settings: dict
    as_of: date
    path: Path


@lru_cache(maxsize=8)
def load_rules(path: Path | str = RULES_FILE) -> RuleSet:
    """Read and validate a rules file (cached per path)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise GuideError(f"The guide rules file {path} cannot be read ({err.strerror}).") from err
    except yaml.YAMLError as err:
        raise GuideError(f"The guide rules file {path.name} is not valid YAML ({err}).") from err
    return parse_rules(data, path)


def parse_rules(data: Any, path: Path) -> RuleSet:
    """Validate the content of a rules file (``data``) read from ``path``."""
    fail = _failer(path.name)
    if not isinstance(data, dict):
        fail("the file", "top level", data, "a mapping with 'rules'")
    extra = sorted(set(data) - TOP_KEYS)
    if extra:
        fail("the file", extra[0], data[extra[0]], f"one of {', '.join(sorted(TOP_KEYS))}")
    if data.get("format") != FORMAT:
        fail("the file", "format", data.get("format"), f"'{FORMAT}'")
    as_of = _date(data.get("as_of"), lambda v: fail("the file", "as_of", v, "a date YYYY-MM-DD"))
    settings = _settings(data.get("settings") or {}, fail)
    sources = _sources(data.get("sources"), fail)
    known: dict[str, Check | None] = {name: None for name in FACTS}
    for name, spec in (data.get("definitions") or {}).items():
        if name in known:
            fail(f"definition '{name}'", "name", name, "a name that is not already a fact")
        known[name] = _condition(spec, known, fail, f"definition '{name}'", "condition")
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        fail("the file", "rules", raw_rules, "a non-empty list of rules")
    rules, seen = [], set()
    for index, raw in enumerate(raw_rules, start=1):
        rule = _rule(raw, index, as_of, sources, known, fail)
        if rule.name in seen:
            fail(f"rule '{rule.name}'", "name", rule.name, "a name used by no other rule")
        seen.add(rule.name)
        rules.append(rule)
    return RuleSet(rules=tuple(rules), settings=settings, as_of=as_of, path=path)


def _failer(filename: str) -> Callable[..., None]:
    def fail(where: str, fieldname: str, value: Any, allowed: str) -> None:
        shown = repr(value) if not isinstance(value, str) else f"'{value}'"
        if len(shown) > 80:
            shown = shown[:77] + "..."
        raise GuideError(
            f"In {filename}, {where} has {fieldname} = {shown}, but it must be {allowed}."
        )

    return fail


def _date(value: Any, bad: Callable[[Any], None]) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    bad(value)
    raise AssertionError  # bad() always raises


def _settings(raw: Any, fail: Callable[..., None]) -> dict:
    if not isinstance(raw, dict):
        fail("the file", "settings", raw, "a mapping")
    for key, value in raw.items():
        if key not in SETTINGS:
            fail("settings", key, value, f"one of {', '.join(SETTINGS)}")
        if not isinstance(value, SETTINGS[key]) or isinstance(value, bool):
            fail("settings", key, value, "a whole number" if SETTINGS[key] is int else "a list")
    return dict(raw)


def _sources(raw: Any, fail: Callable[..., None]) -> dict[str, Source]:
    if not isinstance(raw, dict) or not raw:
        fail("the file", "sources", raw, "a mapping of source ids to {publisher, title, url, read}")
    sources = {}
    for key, entry in raw.items():
        where = f"source '{key}'"
        if not isinstance(entry, dict):
            fail(where, "value", entry, "a mapping with publisher, title, url and read")
        for name in sorted(SOURCE_KEYS | set(entry)):
            if name not in SOURCE_KEYS:
                fail(where, name, entry[name], f"one of {', '.join(sorted(SOURCE_KEYS))}")
            if name not in entry or entry[name] in (None, ""):
                fail(where, name, entry.get(name), "given")
        if not str(entry["url"]).startswith("https://"):
            fail(where, "url", entry["url"], "an https:// address")
        read = _date(entry["read"], lambda v, w=where: fail(w, "read", v, "a date YYYY-MM-DD"))
        sources[key] = Source(str(entry["publisher"]), str(entry["title"]), str(entry["url"]), read)
    return sources


def _condition(spec: Any, known, fail, where: str, fieldname: str) -> Check:
    try:
        return compile_condition(spec, known)
    except ConditionError as err:
        fail(where, fieldname, spec, f"a valid condition ({err})")
        raise AssertionError from err


def _template(value: Any, fail, where: str, fieldname: str, ending: str) -> str:
    if not isinstance(value, str) or not value.strip():
        fail(where, fieldname, value, "a non-empty text")
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
    except ValueError as err:
        fail(where, fieldname, value, f"a text whose {{placeholders}} are well formed ({err})")
        raise AssertionError from err
    for name in names:
        if name not in PLACEHOLDERS:
            fail(where, fieldname, value,
                 f"a text using only the placeholders {', '.join(sorted(PLACEHOLDERS))}"
                 f" (not '{name}')")  # fmt: skip
    if not value.rstrip().endswith(ending):
        fail(where, fieldname, value, f"a text that ends with '{ending}'")
    if fieldname == "why" and re.search(r"[.!?]\s+[A-Z]", value.strip()[:-1]):
        fail(where, fieldname, value, "one sentence")
    return value.strip()


def _rule(raw: Any, index: int, file_as_of: date, sources, known, fail) -> Rule:
    if not isinstance(raw, dict):
        fail(f"rule {index}", "value", raw, "a mapping")
    name = raw.get("name")
    where = f"rule '{name}'" if isinstance(name, str) else f"rule {index}"
    for key in sorted(raw):
        if key not in RULE_KEYS:
            fail(where, key, raw[key], f"one of {', '.join(sorted(RULE_KEYS))}")
    for key in REQUIRED_RULE_KEYS:
        if raw.get(key) in (None, "", []):
            fail(where, key, raw.get(key), "given")
    if not isinstance(name, str) or not NAME.match(name):
        fail(where, "name", name, "lower-case words joined by hyphens")
    group = raw.get("group", name)
    if not isinstance(group, str) or not NAME.match(group):
        fail(where, "group", group, "lower-case words joined by hyphens")
    priority = raw["priority"]
    if isinstance(priority, bool) or not isinstance(priority, int) or not 1 <= priority <= 100:
        fail(where, "priority", priority, "a whole number from 1 (ask first) to 100")
    if raw["topic"] not in TOPICS:
        fail(where, "topic", raw["topic"], f"one of {', '.join(TOPICS)}")
    article = raw.get("article")
    if article is not None and article not in ARTICLES:
        fail(where, "article", article, f"null or one of {', '.join(ARTICLES)}")
    refs = raw["sources"]
    if not isinstance(refs, list):
        fail(where, "sources", refs, "a list of source ids")
    for ref in refs:
        if ref not in sources:
            fail(where, "sources", ref, f"one of the ids under 'sources' ({', '.join(sources)})")
    as_of = file_as_of
    if "as_of" in raw:
        as_of = _date(raw["as_of"], lambda v: fail(where, "as_of", v, "a date YYYY-MM-DD"))
    rationale = raw.get("rationale")
    if rationale is not None and not isinstance(rationale, str):
        fail(where, "rationale", rationale, "a text")
    return Rule(
        name=name,
        group=group,
        priority=priority,
        topic=raw["topic"],
        when=_condition(raw["when"], known, fail, where, "when"),
        text=_template(raw["text"], fail, where, "text", "?"),
        why=_template(raw["why"], fail, where, "why", "."),
        article=article,
        sources=tuple(sources[ref] for ref in refs),
        as_of=as_of,
        rationale=rationale,
    )
