"""Triage: read the latest symptom check-in in the context of the whole record.

``triage(patient, as_of)`` evaluates every bundled rule (``rule.BUNDLED``: ``data/rules*.yaml`` and the other files) on every
entry of the latest check-in (all ``symptoms[]`` entries with the latest date on
or before ``as_of``) and returns a ``TriageResult``: the most severe level wins,
and every reason is listed, most severe first.

How rules combine for one symptom entry:
- specific rules (``fallback: false``) all fire when they match; among rules that
  share a ``group``, only the most severe one is kept (the first on a tie);
- fallback rules are tried in file order and the first that matches fires, but
  only when it says more than the specific rules did (a higher level);
- check-in rules (``scope: check-in``, e.g. blood tests) fire once per check-in;
- an entry that reports no symptom but asks a question (or any reported entry that meets no
  rule and asks one) meets the own-words emergency and crisis lists first, then the question
  rules (``scope: question``, data/unread.yaml);
- then the semantic red-flag net (``semantic.py``) reads the person's own words of the entry
  and adds a reason for each red-flag concept they sound like above the level the rules gave
  the entry (it never lowers a level).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from mbcnav.patient.checkin import words_of
from mbcnav.patient.days import human
from mbcnav.patient.model import Patient, Symptom

from . import care_questions, hospice, semantic
from . import context as contextlib
from .conditions import matches
from .context import is_reported
from .rule import RANK, Rule, Source, load_rules

# Words used in a reason when a rule's text names a fact the condition did not record.
DEFAULT_FACTS = {
    "drug": "one of your cancer medicines",
    "site": "where the cancer has spread",
    "lab": "a recent blood test",
    "temperature_c": "a raised",
    "count_per_day": "several",
    "also": "another symptom",
    "words": "a symptom in your own words",
}
NO_CHECKIN = "No symptom check-in on or before {day}: nothing to assess."
NOTHING = (
    "Nothing you reported needs action now. Keep checking in, and tell your team "
    "at your next visit about anything new."
)


@dataclass(frozen=True)
class Reason:
    symptom: str
    level: str
    why: str
    rule: str
    do: str
    sources: tuple[Source, ...]

    def to_json(self) -> dict:
        return {"symptom": self.symptom, "level": self.level, "why": self.why}


@dataclass(frozen=True)
class TriageResult:
    level: str
    advice: str
    reasons: tuple[Reason, ...]
    as_of: date
    checkin_date: date | None

    @property
    def checkin_age_days(self) -> int | None:
        """Days between the check-in read and the as-of date (None without a check-in)."""
        return None if self.checkin_date is None else (self.as_of - self.checkin_date).days

    def to_json(self) -> dict:
        """The ``mbcnav triage --json`` shape (docs/cli.md)."""
        return {
            "level": self.level,
            "advice": self.advice,
            "reasons": [r.to_json() for r in self.reasons],
        }


def _reason(rule: Rule, label: str, facts: dict) -> Reason:
    values = {**DEFAULT_FACTS, **facts, "symptom": label}
    return Reason(
        symptom=label,
        level=rule.level,
        why=rule.explanation.format_map(values),
        rule=rule.name,
        do=rule.do.format_map(values),
        sources=rule.sources,
    )


def _fired(entry: Symptom, rules, ctx) -> list[tuple[Rule, dict]]:
    """Every specific rule that fires on ``entry``, with the facts it used."""
    fired: list[tuple[Rule, dict]] = []
    for rule in rules:
        facts: dict = {}
        if not rule.fallback and matches(rule.when, entry, ctx, facts):
            fired.append((rule, facts))
    return fired


def _specific(entry: Symptom, rules, ctx) -> list[tuple[Rule, dict]]:
    """The specific rules that fire on ``entry``; of those sharing a group, the most severe
    (the first on a tie)."""
    fired = _fired(entry, rules, ctx)
    kept: list[tuple[Rule, dict]] = []
    for rule, facts in fired:
        rivals = [r for r, _ in fired if rule.group and r.group == rule.group]
        best = max(rivals, key=lambda r: r.rank) if rivals else rule
        if best is rule:
            kept.append((rule, facts))
    return kept


def _first_fallback(entry: Symptom, rules, ctx, above: int) -> list[tuple[Rule, dict]]:
    """The first fallback rule that matches, when it says more than ``above`` (a rank)."""
    for rule in rules:
        if rule.fallback:
            facts: dict = {}
            if matches(rule.when, entry, ctx, facts):
                return [(rule, facts)] if rule.rank > above else []
    return []


def _reasons(entry: Symptom, kept, label: str | None = None) -> list[Reason]:
    words = {"words": f"“{w}”"} if (w := words_of(entry.note)) else {}
    return [
        _reason(rule, label or rule.symptom or entry.symptom, {**words, **facts})
        for rule, facts in kept
    ]


def _entry_reasons(entry: Symptom, rules: tuple[Rule, ...], ctx) -> list[Reason]:
    mine = [r for r in rules if r.scope == "symptom"]
    kept = _specific(entry, mine, ctx)
    top = max((r.rank for r, _ in kept), default=0)
    kept += _first_fallback(entry, mine, ctx, top)
    top = max((r.rank for r, _ in kept), default=0)
    hits = semantic.hits(words_of(entry.note), top)
    return _reasons(entry, kept, entry.symptom) + [_sounds_like(entry.symptom, h) for h in hits]


#: Rule groups of events rather than symptoms (data/families.yaml, drug_risks.yaml): read in an
#: entry that says no symptom too (a medicine taken twice; a child home with chickenpox; a
#: strong pain medicine running out)
EVENT_GROUPS = frozenset({"poisoning", "exposure", "supply"})


def _question_reasons(entry: Symptom, rules: tuple[Rule, ...], ctx) -> list[Reason]:
    """An entry that reports no symptom but asks a question ("do I take two today? feel fine"):
    the own-words emergency and crisis lists come first, whatever the severity given ("I have
    chest pain, should I call?"); otherwise the question rules (scope "question", data/unread.yaml)
    send it to the team, so a question never vanishes as "nothing to report". An entry that
    meets no question rule gives only the events its words tell (``EVENT_GROUPS``)."""
    asked = replace(entry, severity=None)
    # an event told in words stands whatever the person feels: a medicine taken twice by
    # mistake with "I feel fine so far" (session 34, tuning set 74), a child who got into pills
    happened = _specific(asked, [r for r in rules if r.group in EVENT_GROUPS], ctx)
    questions = [r for r in rules if r.scope == "question"]
    answer = _specific(asked, questions, ctx)
    if not answer:
        return _reasons(entry, happened)
    own = [r for r in rules if r.scope == "symptom" and r.group == "own-words"]
    # every own-words list the words meet ("crushing chest pain and I want to end it all":
    # the crisis line and 911 both)
    # (an event keeps the question's own reason beside it: "... as usual, I forgot to ask about
    # my rash" still asks about the rash; first review)
    return _reasons(entry, (_fired(asked, own, ctx) or answer) + happened)


def _sounds_like(label: str, hit: semantic.Hit) -> Reason:
    """A reason from the semantic red-flag net (``semantic.py``): it only ever raises."""
    concept = hit.concept
    return Reason(
        symptom=label,
        level=concept.level,
        why=f"Your words “{hit.clause}” sound like {concept.sounds_like}. {concept.why}",
        rule=f"sounds-like-{concept.name}",
        do=concept.do,
        sources=concept.sources,
    )


def _hospice_first(reasons: list[Reason], ctx) -> list[Reason]:
    """Under hospice care (the person's own words say so), the signs the hospice team is there
    for (confusion, drowsiness, restlessness, pain, eating and drinking less) go to the hospice
    team's 24-hour line now (``data/hospice.yaml``); every other sign keeps its 911 advice."""
    if not any(r.level == "emergency" for r in reasons):
        return reasons
    if not hospice.under_hospice([words_of(e.note) for e in ctx.checkin]):
        return reasons
    if any(r.level == "emergency" and not hospice.routed(r.rule) for r in reasons):
        return reasons  # another sign still needs 911
    rule = hospice.hospice_rule()
    moved = [
        replace(
            r,
            level="urgent",
            why=f"{r.why} {rule.why}",
            do=rule.do,
            sources=r.sources + rule.sources,
        )
        for r in reasons
        if r.level == "emergency"
    ]
    # first among the same-day calls, so the advice names the hospice line
    return moved + [r for r in reasons if r.level != "emergency"]


def triage(patient: Patient, as_of: date, rules: tuple[Rule, ...] | None = None) -> TriageResult:
    """Assess the latest check-in on or before ``as_of`` in the context of the record."""
    rules = load_rules() if rules is None else rules
    ctx = contextlib.build(patient, as_of)
    if not ctx.checkin:
        return TriageResult("none", NO_CHECKIN.format(day=human(as_of)), (), as_of, None)
    reasons: list[Reason] = []
    for entry in ctx.checkin:
        if is_reported(entry):
            # an entry that meets no rule ("temp was 37.1 ... just checking thats ok on
            # enhertu?") still carries its question: it goes to the team (triage set 56)
            found = _entry_reasons(entry, rules, ctx)
            if care_questions.only_asks(entry) and not any(
                not r.rule.startswith(("unread-symptom", "sounds-like-")) for r in found
            ):
                # words nothing reads that only ask about care ("can i have my flu jab at the
                # chemist this week?"): a question for the team, unless a word rule hears more
                # (a veiled plan, an oxygen reading, a child's poisoning); the semantic net does
                # not decide here, as it hears "running low on my pills" as keeping pills aside
                # (H168)
                found = []
            reasons.extend(found or _question_reasons(entry, rules, ctx))
    if any(is_reported(e) for e in ctx.checkin):
        for rule in rules:
            facts = {}
            if rule.scope == "check-in" and matches(rule.when, None, ctx, facts):
                reasons.append(_reason(rule, rule.symptom, facts))
    for entry in ctx.checkin:
        if not is_reported(entry):
            reasons.extend(_question_reasons(entry, rules, ctx))
    reasons = _hospice_first(reasons, ctx)
    unique = list({(r.symptom, r.level, r.why): r for r in reasons}.values())
    unique.sort(key=lambda r: -RANK[r.level])  # stable: rule order within a level
    if not unique:
        return TriageResult("none", NOTHING, (), as_of, ctx.checkin[0].date)
    top = unique[0]
    return TriageResult(top.level, top.do, tuple(unique), as_of, ctx.checkin[0].date)
