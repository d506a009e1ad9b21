"""Grade-based triage for every symptom term, from data/grades.yaml.

``grade(entry)`` turns a check-in entry's PRO-CTCAE words into a grade from 0 to 3,
the way CTCAE grades are read (1 mild, 2 moderate, 3 severe or stopping self-care):
the highest of its severity, frequency and interference words and, for diarrhea and
vomiting, the number of times a day (CTCAE v5 thresholds in grades.yaml). ``None``
when the entry gives none of these.

``rule_entries()`` builds, for every term of the symptom vocabulary, the rules that
say what grade 3 and grade 2 of that term mean (levels from grades.yaml), in the
rules-file format, so they are validated and evaluated like every other rule. They
are fallbacks: they speak only when no specific rule said as much. grades.yaml must
name every vocabulary term once, so no term can be left without a rule.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from mbcnav.patient import symptoms as vocab
from mbcnav.patient.model import Symptom

from .errors import TriageError

FILE = "grades.yaml"
SEVERITY = {"none": 0, "mild": 1, "moderate": 2, "severe": 3, "very severe": 3}
FREQUENCY = {"never": 0, "rarely": 1, "occasionally": 1, "frequently": 2, "almost constantly": 3}
INTERFERENCE = {"not at all": 0, "a little bit": 1, "somewhat": 2, "quite a bit": 2, "very much": 3}
LEVELS = ("emergency", "urgent", "routine")
KEYS = ("grade3", "grade2", "sources")

TEXT = {
    ("grade3", "emergency"): (
        "You reported {symptom} that is severe. At this level it can be dangerous and needs care right away.",
        "Call 911 or go to the emergency department now.",
    ),
    ("grade3", "urgent"): (
        "You reported {symptom} that is severe or stops you from doing daily things. At this level "
        "(about CTCAE grade 3) it should be treated without waiting, and your team may change a medicine.",
        "Call your oncology team's 24-hour line now; do not wait for your next visit.",
    ),
    ("grade3", "routine"): (
        "You reported {symptom} at a high level. It is hard to live with but is not a danger sign on its own.",
        "Tell your team by message or at your next visit; they can suggest ways to ease it.",
    ),
    ("grade2", "emergency"): (
        "You reported {symptom}. Even at a moderate level this can be a sign of a serious problem.",
        "Call 911 or go to the emergency department now.",
    ),
    ("grade2", "urgent"): (
        "You reported moderate {symptom}. For this symptom a moderate level (about CTCAE grade 2) "
        "already needs your team's advice today.",
        "Call your oncology team's 24-hour line now.",
    ),
    ("grade2", "routine"): (
        "You reported moderate {symptom} (about CTCAE grade 2). It is not a danger sign on its own, "
        "but your team can often help, and two or more moderate problems together need a call.",
        "Send your team a message today; call them now if it gets worse or other symptoms join it.",
    ),
}


def grade(entry: Symptom) -> int | None:
    """The entry's grade from 0 to 3, or None when it gives no word or count to grade."""
    found = [
        table[word]
        for table, word in (
            (SEVERITY, entry.severity),
            (FREQUENCY, entry.frequency),
            (INTERFERENCE, entry.interference),
        )
        if word is not None and word in table
    ]
    limits = table_data()["count_grades"].get(entry.symptom)
    if limits and entry.count_per_day is not None:
        n = entry.count_per_day
        found.append(3 if n >= limits[3] else 2 if n >= limits[2] else 1 if n > 0 else 0)
    return max(found) if found else None


def _fail(field: str, value: object, allowed: str) -> TriageError:
    return TriageError(f"{FILE}, field '{field}': {value!r} is not allowed; {allowed}.")


def check(raw: object) -> dict:
    """Validate grades.yaml: every vocabulary term once, levels, sources, count thresholds."""
    if not isinstance(raw, dict) or not isinstance(raw.get("terms"), dict) or not raw.get("as_of"):
        raise TriageError(f"{FILE}: needs as_of, sources, default, count_grades and terms.")
    names = set(vocab.vocabulary().names)
    for name, spec in raw["terms"].items():
        if name not in names:
            raise _fail(f"terms.{name}", name, "use a term of the symptom vocabulary")
        if not isinstance(spec, dict):
            raise _fail(f"terms.{name}", spec, "write a mapping such as {grade3: urgent}")
        for key, level in spec.items():
            if key not in KEYS:
                raise _fail(f"terms.{name}.{key}", key, "use one of: " + ", ".join(KEYS))
            if key != "sources" and level not in LEVELS:
                raise _fail(f"terms.{name}.{key}", level, "use one of: " + ", ".join(LEVELS))
    missing = sorted(names - set(raw["terms"]))
    if missing:
        raise _fail(
            "terms", missing[0], "every symptom term needs an entry (an empty {} means the default)"
        )
    for key in ("grade3", "grade2"):
        if raw.get("default", {}).get(key) not in LEVELS:
            raise _fail(
                f"default.{key}",
                raw.get("default", {}).get(key),
                "use one of: " + ", ".join(LEVELS),
            )
    for name, limits in raw.get("count_grades", {}).items():
        if name not in names or not isinstance(limits, dict) or set(limits) != {2, 3}:
            raise _fail(f"count_grades.{name}", limits, "write {2: n, 3: m} for a vocabulary term")
    return raw


@cache
def table_data() -> dict:
    text = resources.files("mbcnav.triage").joinpath("data", FILE).read_text(encoding="utf-8")
    return check(yaml.safe_load(text))


def rule_entries() -> list[dict]:
    """The generated grade rules (two per term), in the rules-file format."""
    raw = table_data()
    default = raw["default"]
    sources = raw["sources"]
    out = []
    for term in vocab.vocabulary().names:
        spec = raw["terms"][term] or {}
        keys = spec.get("sources", default["sources"])
        for key, gte in (("grade3", 3), ("grade2", 2)):
            level = spec.get(key, default[key])
            why, do = TEXT[(key, level)]
            out.append(
                {
                    "name": f"{key}-{term}",
                    "level": level,
                    "fallback": True,
                    "when": {"all": [{"symptom": [term]}, {"grade": {"gte": gte}}]},
                    "explanation": why,
                    "do": do,
                    "sources": [sources[k] for k in keys],
                    "as_of": raw["as_of"],
                }
            )
    return out
