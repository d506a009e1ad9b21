"""The visit guide: questions for the next appointment, from the person's situation.

``visit_guide(patient, as_of)`` reads the validated rules, computes the
situation on ``as_of`` and returns a ``GuideResult``: one question per rule group
that applies, highest priority first, with no two questions alike.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mbcnav.guide import situation as situation_module
from mbcnav.guide.errors import GuideError
from mbcnav.guide.names import FALLBACK
from mbcnav.guide.rule import RULES_FILE, Rule, load_rules


@dataclass(frozen=True)
class Question:
    text: str
    topic: str
    why: str
    article: str | None
    rule: str
    priority: int
    sources: tuple = ()
    as_of: date | None = None  # when the rule's content was last reviewed

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "topic": self.topic,
            "why": self.why,
            "article": self.article,
            "rule": self.rule,
            "sources": [source.to_dict() for source in self.sources],
            "as_of": self.as_of.isoformat() if self.as_of else None,
        }


@dataclass(frozen=True)
class GuideResult:
    date: date
    questions: tuple[Question, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        """The `mbcnav guide --json` shape (spec/cli.md).

        Beside the spec's keys: top-level ``as_of`` (the day the guide was written
        for) and, per question, ``rule``, ``sources`` and ``as_of`` (the day the
        rule's content was last reviewed).
        """
        return {
            "questions": [question.to_dict() for question in self.questions],
            "as_of": self.date.isoformat(),
        }

    @property
    def topics(self) -> list[str]:
        return [question.topic for question in self.questions]


class _Words(string.Formatter):
    """Fills a template from the situation's words, with safe fallbacks."""

    def __init__(self, words: dict[str, str]):
        self.words = words

    def get_value(self, key, args, kwargs):
        value = self.words.get(key)
        if value:
            return value
        return FALLBACK.get(key, "not recorded")


def visit_guide(
    patient,
    as_of: date | None = None,
    rules_file: Path | str = RULES_FILE,
    skipped: list | None = None,
) -> GuideResult:
    """The questions for ``patient``'s next visit, as things stand on ``as_of`` (default today).
    ``skipped``: (drug, doses skipped, reasons) from the person's medicine schedules, if any."""
    if as_of is None:
        as_of = date.today()
    if not isinstance(as_of, date):
        raise GuideError(f"The guide date must be a date YYYY-MM-DD, not {as_of!r}.")
    ruleset = load_rules(Path(rules_file))
    found = situation_module.build(patient, as_of, ruleset.settings, skipped)
    fired = sorted(
        (rule for rule in ruleset.rules if rule.applies(found.facts)),
        key=lambda rule: rule.priority,
    )
    questions: list[Question] = []
    groups: set[str] = set()
    texts: set[str] = set()
    for rule in fired:
        question = _question(rule, found.words)
        key = _normal(question.text)
        if rule.group in groups or key in texts:
            continue
        groups.add(rule.group)
        texts.add(key)
        questions.append(question)
    return GuideResult(date=as_of, questions=tuple(questions))


def _question(rule: Rule, words: dict[str, str]) -> Question:
    fill = _Words(words)
    why = fill.format(rule.why)
    return Question(
        text=fill.format(rule.text),
        topic=rule.topic,
        why=why[0].upper() + why[1:],
        article=rule.article,
        rule=rule.name,
        priority=rule.priority,
        sources=rule.sources,
        as_of=rule.as_of,
    )


def _normal(text: str) -> str:
    return " ".join(text.lower().split())
