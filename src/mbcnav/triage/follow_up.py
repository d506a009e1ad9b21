"""Follow-up questions for words the app could not read (``data/follow_up.yaml``).

A check-in typed in the person's own words may hold words no list reads ("other symptom").
The engine then errs upwards (urgent, unless a red-flag word list or sign family reads an
emergency), but words it does not know can still hide an emergency. Rather than guess, the
result asks the red-flag questions a triage nurse asks on every call; each "yes" is added to
the same day's check-in as the symptom it names and the day is triaged again by the same
rules. ``questions_for`` says when to ask, ``answers`` turns the ticked names into
patient-file symptom entries. Plain Python; the web page and the CLI are thin layers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

from mbcnav.patient import vocabulary
from mbcnav.patient.checkin import OTHER, words_of
from mbcnav.patient.model import Patient

from .engine import TriageResult
from .errors import TriageError
from .rule import Source, _date, _sources, _text, entry_where, level_of

FILE = "follow_up.yaml"
FIELDS = ("name", "ask", "adds", "at_least", "sources", "as_of")
ENTRY_FIELDS = ("symptom", "severity", "temperature_c")
#: The note a "yes" carries, so the record shows where the entry came from.
NOTE = "answered yes to: {ask}"


@dataclass(frozen=True)
class Question:
    name: str
    ask: str
    adds: tuple[dict, ...]
    at_least: str
    sources: tuple[Source, ...]
    as_of: date


def _question(entry: object, index: int) -> Question:
    where = entry_where(entry, index, FILE, "question", FIELDS)
    name, ask = _text(entry, "name", where), _text(entry, "ask", where)
    level_of(entry, "at_least", where)
    adds = entry["adds"]
    if not isinstance(adds, list) or not adds:
        raise TriageError(
            f"{where}, field 'adds': {adds!r} is not allowed; list at least one symptom entry."
        )
    for i, add in enumerate(adds):
        if not isinstance(add, dict) or set(add) - set(ENTRY_FIELDS) or "symptom" not in add:
            raise TriageError(
                f"{where}, field 'adds[{i}]': {add!r} is not allowed; give a symptom and only {', '.join(ENTRY_FIELDS)}."
            )
        if add["symptom"] not in vocabulary.SYMPTOMS:
            raise TriageError(
                f"{where}, field 'adds[{i}].symptom': {add['symptom']!r} is not a symptom the check-in knows."
            )
    return Question(
        name=name,
        ask=ask,
        adds=tuple(dict(a) for a in adds),
        at_least=entry["at_least"],
        sources=_sources(entry["sources"], where),
        as_of=_date(entry["as_of"], where, "as_of"),
    )


def parse_questions(text: str) -> tuple[Question, ...]:
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise TriageError(f"{FILE}: the file must hold a list under 'questions'.")
    out = tuple(_question(e, i) for i, e in enumerate(data["questions"]))
    names = [q.name for q in out]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise TriageError(
            f"{FILE}: question '{dupes[0]}' is listed twice; each name must be unique."
        )
    return out


@cache
def load_questions() -> tuple[Question, ...]:
    text = resources.files("mbcnav.triage").joinpath("data", FILE).read_text(encoding="utf-8")
    return parse_questions(text)


def unread_words(patient: Patient, day: date) -> list[str]:
    """The words of ``day``'s check-in that the vocabulary could not read (in order, once each)."""
    out = [
        words_of(s.note)
        for s in patient.symptoms
        if s.date == day and s.symptom == OTHER and s.severity != "none"
    ]
    return list(dict.fromkeys(w for w in out if w))


def questions_for(patient: Patient, day: date, result: TriageResult) -> tuple[Question, ...]:
    """The questions to ask after ``result`` for ``day``: all of them when the check-in holds
    unread words and the level is below emergency; none otherwise (nothing to settle)."""
    if result.level == "emergency" or result.checkin_date != day:
        return ()
    return load_questions() if unread_words(patient, day) else ()


def answers(names: list[str], day: date) -> list[dict]:
    """Patient-file symptom entries for the ticked question ``names`` (each once)."""
    known = {q.name: q for q in load_questions()}
    out: list[dict] = []
    for name in dict.fromkeys(names):
        question = known.get(name)
        if question is None:
            raise TriageError(
                f"The answer {name!r} is not one of the follow-up questions; "
                "answer only the questions listed with the result."
            )
        for add in question.adds:
            out.append(
                {"date": day.isoformat(), **add, "new": True, "note": NOTE.format(ask=question.ask)}
            )
    return out
