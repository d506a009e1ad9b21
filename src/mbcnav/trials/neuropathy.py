"""Nerve damage (peripheral neuropathy) by grade against the record, which most chemotherapy and
ADC trials limit ("Has peripheral neuropathy of Grade >1", "Grade ≥ 2 peripheral neuropathy").

The record holds it two ways: a symptom check-in ("numbness and tingling", moderate, feet) and a
note that gives the grade ("grade 2 sensory neuropathy persists"). A note's grade is the
clinician's; a check-in's severity maps to a grade the way PRO-CTCAE severity maps to CTCAE
(mild 1, moderate 2, severe 3), and only a recent check-in counts. A limit named as an exception
("toxicities resolved to grade 1, except alopecia and grade 2 neuropathy") is no rule about
neuropathy (twenty-seventh session: last session's held-out set 70, read after it was measured)."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mbcnav.trials.facts import PatientFacts

#: how long a symptom check-in, and a note, speak for the person's state
RECENT_DAYS = 90
NOTE_DAYS = 120
_SEVERITY_GRADE = {"mild": 1, "moderate": 2, "severe": 3, "very severe": 3}
#: check-in symptom names that are nerve damage in the hands or feet
_SYMPTOM = re.compile(r"neuropath|numb|tingl|pins\s+and\s+needles", re.I)
#: where chemotherapy nerve damage is felt: numbness in an armpit or an upper arm is more often
#: from surgery or lymphoedema (review); a check-in with no place given is taken as it is
_HANDS_FEET = re.compile(
    r"\b(?:hands?|feet|foot|fingers?|fingertips?|toes?|soles?|palms?|ankles?|wrists?)\b", re.I
)

_NEURO = (
    r"(?:(?:peripheral|sensory|motor|sensory\s+or\s+motor|chemotherapy[- ]induced)\s+)?"
    r"neuropath(?:y|ies)"
)
_CMP = r"≥|>=|=>|>|≤|<=|=<|<"


def _grade(k: str) -> str:
    """ "≥ grade 2", "grade ≥ 2", "CTCAE grade 2 or higher": the comparison, the grade and "or
    higher" / "or less"."""
    return (
        rf"(?:(?P<{k}o1>{_CMP})\s*)?(?:ctcae\s+(?:v(?:ersion)?\s*[\d.]+\s+)?)?grade\s*"
        rf"(?:(?P<{k}o2>{_CMP})\s*)?(?P<{k}n>[0-4])\b"
        rf"(?:\s*(?:or|and/or)\s+(?:(?P<{k}up>higher|greater|above|worse|more(?:\s+severe)?)|"
        rf"(?P<{k}down>less|lower|below|better)))?"
    )


#: "neuropathy of Grade >1", "neuropathy ≥ grade 2", "Grade ≥ 2 peripheral neuropathy",
#: "> grade 1 neuropathy", "grade 2 or higher sensory neuropathy"
_LIMIT = re.compile(
    rf"\b{_NEURO}\s*(?:\([^()]{{0,40}}\)\s*)?"
    rf"(?:(?:of|at|with|(?:must|should|shall)\s+be|is|are)\s+)?{_grade('a')}"
    rf"|{_grade('b')}\s+(?:\w+\s+)?{_NEURO}",
    re.I,
)
#: a limit for some cohorts or arms only ("for Parts C and D cohorts with cisplatin",
#: NCT04389632), or weighed case by case ("will be evaluated on a case-by-case basis after
#: consultation", NCT03518606): it cannot rule a person out from the record
_HEDGED = re.compile(
    r"\b(?:cohorts?|arms?|parts?\s+[a-z0-9]\b|case[- ]by[- ]case|consult\w*|discretion|"
    r"evaluated|discuss\w*|may\s+(?:be|still|qualify)|permitted|allowed|acceptable|"
    r"exceptions?|qualify|eligible|unless|if)\b",
    re.I,
)
_EXCEPT = re.compile(
    r"\b(?:except(?:\s+for)?|other\s+than|excluding|exception\s+of|apart\s+from|but\s+not|"
    r"besides|excepting|however)\b[^.;]*$",
    re.I,
)
#: an upper limit: in an exclusion it says what is still allowed ("neuropathy grade ≤ 2 ... are
#: acceptable", NCT04266912; "Subjects with ≤ Grade 2 neuropathy are an exception", NCT04572451)
_AT_MOST = re.compile(r"≤|<=|=<|<|\bor\s+(?:less|lower|below|better)\b", re.I)
_DENIED_BEFORE = re.compile(
    r"\b(?:no|absence\s+of|without|free\s+of|must\s+not\s+have|not\s+have|none)\b[^,]*$", re.I
)
_EXCLUDED_AFTER = re.compile(
    r"[^.;]{0,40}\b(?:are|is|will\s+be)\s+(?:excluded|ineligible|not\s+eligible)\b", re.I
)
#: a note that tells the grade: "grade 2 sensory neuropathy", "neuropathy (grade 1)"
_NOTE_GRADE = re.compile(
    rf"\b(?:g|grade\s*)(?P<a>[1-4])\s+(?:\w+\s+){{0,2}}?{_NEURO}"
    rf"|\b{_NEURO}[^.;]{{0,20}}?\bgrade\s*(?P<b>[1-4])\b",
    re.I,
)
_NOTE_DENIED = re.compile(r"\b(?:no|not|without|resolved|denies|negative)\b", re.I)
#: a sentence about the course, a past grade or a risk says nothing of the grade now (review)
_NOTE_COURSE = re.compile(
    r"\b(?:resolved|resolving|improved|improving|previously|was|were|history|prior|risk|"
    r"counsel\w*|discuss\w*|possible|watch\w*|monitor\w*|if)\b",
    re.I,
)


def limit_check(text: str, kind: str = "exclusion") -> dict | None:
    """The check a neuropathy grade limit in a criterion asks for: {"type": "neuropathy",
    "op": ">=" | "<=", "grade": n}; None when the text names none, or names it as an exception."""
    for m in _LIMIT.finditer(text):
        if _EXCEPT.search(text[max(0, m.start() - 120) : m.start()]):
            continue
        if kind == "exclusion" and _AT_MOST.search(m.group(0)):
            continue  # "... sensory neuropathy grade ≤ 2 ... are acceptable": an allowance
        k = "a" if m.group("an") is not None else "b"
        op = m.group(k + "o1") or m.group(k + "o2") or ""
        n = int(m.group(k + "n"))
        check: dict = {"type": "neuropathy", "value": "neuropathy", "at": m.start()}
        sentence = re.split(r"[.;]\s", text[: m.start()])[-1]
        if kind == "inclusion" and (
            _DENIED_BEFORE.search(sentence) or _EXCLUDED_AFTER.match(text[m.end() :])
        ):
            check["neg"] = True  # "No peripheral neuropathy > grade 1": the person must not have it
        if _HEDGED.search(text):
            check["conditional"] = True  # a cohort's rule or a case-by-case call: never a "no"
        if op == ">":
            return {**check, "op": ">=", "grade": n + 1}
        if op in ("≥", ">=", "=>") or m.group(k + "up"):
            return {**check, "op": ">=", "grade": n}
        if op == "<":
            return {**check, "op": "<=", "grade": n - 1}
        if op in ("≤", "<=", "=<") or m.group(k + "down"):
            return {**check, "op": "<=", "grade": n}
        return None  # "grade 2 neuropathy" with no limit word: which grades count is unclear
    return None


def from_record(symptoms, notes: list[tuple[date | None, str]], as_of: date):
    """(grade, what it came from) from the newest note that gives a grade or the newest recent
    check-in of numbness or tingling in the hands or feet; None when the record tells neither."""
    found: list[tuple[date, int, int, str]] = []  # (day, source rank, grade, words)
    for day, note in notes:
        if day is None or not 0 <= (as_of - day).days <= NOTE_DAYS:
            continue
        for sentence in re.split(r"[.;\n]", note):
            grades = list(_NOTE_GRADE.finditer(sentence))
            if not grades or _NOTE_COURSE.search(sentence):
                continue
            m = grades[-1]  # "improved from grade 2 to grade 1": the last one said
            if not _NOTE_DENIED.search(sentence[: m.start()][-30:]):
                grade = int(m.group("a") or m.group("b"))
                found.append((day, 1, grade, f"a note of {day:%d %b %Y} gives grade {grade}"))
    for s in symptoms:
        if (
            _SYMPTOM.search(s.symptom or "")
            and s.severity in _SEVERITY_GRADE
            and s.date
            and 0 <= (as_of - s.date).days <= RECENT_DAYS
            and (not s.location or _HANDS_FEET.search(s.location))
        ):
            grade = _SEVERITY_GRADE[s.severity]
            where = f" in your {s.location}" if s.location else ""
            found.append(
                (
                    s.date,
                    0,
                    grade,
                    f"you reported {s.severity} {s.symptom}{where} on {s.date:%d %b %Y} "
                    f"(about grade {grade})",
                )
            )
    if not found:
        return None
    _day, _rank, grade, words = max(found)
    return grade, words


def holds(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """Whether the person's neuropathy is within the grade the check names."""
    settle = "The grade of any numbness or tingling, checked by the study team"
    if f.neuropathy is None:
        return None, "Your record does not give a grade of nerve damage (neuropathy).", settle
    grade, words = f.neuropathy
    said = f"Nerve damage (neuropathy): {words}."
    if c["op"] == ">=":
        return grade >= c["grade"], said, ""
    return grade <= c["grade"], said, ""
