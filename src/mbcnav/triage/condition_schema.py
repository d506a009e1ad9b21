"""Validation of the triage condition language (see ``conditions`` for what each key means).

``check`` raises TriageError naming the rule and the field when a condition in a rules file
is not one the engine can evaluate, so a typo in data fails at load, never at a check-in.
"""

from __future__ import annotations

import re

from . import doses, readings
from .conditions import COMPARISONS, NUMBERS, TEXTS, WORD_LISTS
from .context import STANDARD_UNITS
from .errors import TriageError

#: lower-case words, each may end with '*' (any ending); '...' between two words stands for up
#: to six other words ("veins ... stand* out")
PHRASE = re.compile(r"^[a-z0-9']+\*?(?: (?:\.\.\. )?[a-z0-9']+\*?)*$")
CHEMO_KINDS = (
    "taxane",
    "anthracycline",
    "antimetabolite",
    "platinum",
    "microtubule inhibitor",
    "vinca alkaloid",
    "alkylating agent",
)
DRUG_KEYS = ("class", "kind", "target", "name")
ATOMS = (
    *WORD_LISTS,
    "new",
    *NUMBERS,
    "sugar_reading",
    "reading",
    *TEXTS,
    "words",
    "asks",
    "dose",
    "grade",
    "also",
    "count",
    "on_drug",
    "lab",
    "all",
    "any",
    "not",
)


def _fail(where: str, field: str, value: object, allowed: str) -> TriageError:
    return TriageError(f"{where}, field '{field}': {value!r} is not allowed; {allowed}.")


def _check_words(where, field, value, allowed):
    if not isinstance(value, list) or not value:
        raise _fail(where, field, value, "write a list of one or more words")
    for word in value:
        if word not in allowed:
            raise _fail(where, field, word, "use one of: " + ", ".join(map(str, allowed)))


def _check_compare(where, field, value, keys, required=()):
    if not isinstance(value, dict):
        raise _fail(where, field, value, "write a mapping such as {gte: 38.0}")
    for key in required:
        if key not in value:
            raise _fail(where, f"{field}.{key}", None, "this key is required")
    if not any(k in value for k in COMPARISONS) and value.get("unknown") is not True:
        raise _fail(where, field, value, "give one of gte, gt, lte, lt (or unknown: true alone)")
    for key, v in value.items():
        if key not in (*COMPARISONS, *keys):
            raise _fail(
                where, f"{field}.{key}", key, "use one of: " + ", ".join((*COMPARISONS, *keys))
            )
        if key in COMPARISONS and (isinstance(v, bool) or not isinstance(v, (int, float))):
            raise _fail(where, f"{field}.{key}", v, "write a number")


def check(cond: object, where: str, field: str = "when", known_classes=()) -> None:
    """Raise TriageError naming ``where`` and the field when ``cond`` is not a valid condition."""
    if not isinstance(cond, dict) or len(cond) != 1:
        raise _fail(where, field, cond, "write a mapping with exactly one of: " + ", ".join(ATOMS))
    ((key, value),) = cond.items()
    sub = f"{field}.{key}"
    if key in WORD_LISTS:
        _check_words(where, sub, value, WORD_LISTS[key])
    elif key == "new":
        _check_words(where, sub, value, (True, False, "unknown"))
    elif key in NUMBERS or key == "sugar_reading":
        _check_compare(where, sub, value, ("unknown",))
    elif key == "reading":
        _check_compare(where, sub, value, ("unknown", "of"), required=("of",))
        if value["of"] not in readings.measures():
            raise _fail(
                where, f"{sub}.of", value["of"], "use one of: " + ", ".join(readings.measures())
            )
    elif key in TEXTS:
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v for v in value)
        ):
            raise _fail(where, sub, value, "write a list of phrases")
    elif key == "words":
        if not isinstance(value, list) or not value:
            raise _fail(where, sub, value, "write a list of phrases")
        for phrase in value:
            if not isinstance(phrase, str) or not PHRASE.match(phrase.strip().lower()):
                raise _fail(
                    where,
                    sub,
                    phrase,
                    "write lower-case words, each optionally ending with '*', with '...' between two words for a gap",
                )
    elif key == "dose":
        if value not in doses.KINDS:
            raise _fail(where, sub, value, "use one of: " + ", ".join(doses.KINDS))
    elif key == "asks":
        if not isinstance(value, bool):
            raise _fail(where, sub, value, "write true or false")
    elif key == "also" or key == "not":
        check(value, where, sub, known_classes)
    elif key == "grade":
        _check_compare(where, sub, value, ("unknown",))
    elif key == "count":
        _check_compare(where, sub, value, ("of",), required=("of",))
        check(value["of"], where, f"{sub}.of", known_classes)
    elif key in ("all", "any"):
        if not isinstance(value, list) or not value:
            raise _fail(where, sub, value, "write a list of conditions")
        for i, part in enumerate(value):
            check(part, where, f"{sub}[{i}]", known_classes)
    elif key == "on_drug":
        _check_on_drug(value, where, sub, known_classes)
    elif key == "lab":
        _check_compare(where, sub, value, ("test", "within_days"), required=("test", "within_days"))
        if value["test"] not in STANDARD_UNITS:
            raise _fail(
                where, f"{sub}.test", value["test"], "use one of: " + ", ".join(STANDARD_UNITS)
            )
        if not isinstance(value["within_days"], int) or value["within_days"] < 0:
            raise _fail(
                where, f"{sub}.within_days", value["within_days"], "write a whole number of days"
            )
    else:
        raise _fail(where, field, key, "use one of: " + ", ".join(ATOMS))


def _check_on_drug(value, where, field, known_classes):
    if not isinstance(value, dict) or not value:
        raise _fail(where, field, value, "write a mapping with class, kind, target or name")
    for key, v in value.items():
        if key == "unknown":
            if not isinstance(v, bool):
                raise _fail(where, f"{field}.unknown", v, "write true or false")
        elif key == "recent_days":
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise _fail(where, f"{field}.recent_days", v, "write a whole number of days")
        elif key == "class":
            _check_words(where, f"{field}.class", v, tuple(known_classes))
        elif key == "kind":
            _check_words(where, f"{field}.kind", v, CHEMO_KINDS)
        elif key in ("target", "name"):
            if not isinstance(v, list) or not v or not all(isinstance(x, str) for x in v):
                raise _fail(where, f"{field}.{key}", v, "write a list of names")
        else:
            raise _fail(
                where,
                f"{field}.{key}",
                key,
                "use one of: class, kind, target, name, unknown, recent_days",
            )
    if not any(k in value for k in DRUG_KEYS):
        raise _fail(where, field, value, "give at least one of class, kind, target, name")
