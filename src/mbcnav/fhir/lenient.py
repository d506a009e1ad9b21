"""Reading a resource that fails FHIR R4 validation on a minor point.

Real bundles are often slightly out of spec: a missing ``status``, a field R4 does not have,
a date written ``2020-2-14``, a value given as plain text where a coded value belongs. Such a
resource is repaired on a copy, for the fields the importer reads, and each problem is named
in the import report. What counts as minor:

- a required field is missing (nothing is filled in; the readers do without it);
- a field R4 does not define (it is ignored);
- a date or date-time in the wrong shape (read as the day it plainly names, or left out
  when it names no real day, such as month 13);
- a coded value or quantity given as plain text or a number as text (read as that text or number);
- any other bad value in a field (that field is left out), except a reference that says whose
  or what the resource is about (``subject``, ``patient``, ``focus``, ``reasonReference``) or an
  ``extension``: those are never removed, so such a resource is skipped.

Not minor, so the resource is still left out whole: an unknown resource type, and problems
with the resource as a whole (such as two ``value[x]`` at once, which leaves it unclear which
value is meant). The repaired copy must pass validation apart from missing fields.
"""

from __future__ import annotations

import calendar
import copy
import re
from typing import Any

MAX_ROUNDS = 4
KEEP = ("resourceType", "id")  # never removed: the resource would no longer be itself
#: never removed wherever they are: whose the resource is (without ``subject`` the
#: wrong-patient check would be skipped), what it is about, and extensions (which can change
#: the meaning); a resource with a bad value here is skipped whole, with the reason
PROTECTED = frozenset({"subject", "patient", "focus", "reasonReference", "extension"})


def _errors(resource: dict) -> list[dict] | None:
    from fhir.resources.R4B import get_fhir_model_class
    from pydantic import ValidationError

    model = get_fhir_model_class(str(resource.get("resourceType")))
    try:
        model.model_validate(resource)
    except ValidationError as err:
        return err.errors()
    return None


def _date(text: Any) -> str | None:
    """'2020-2-14' -> '2020-02-14', '2019-08-20T10:00' -> '2019-08-20'; None if no real day."""
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:[T ].*)?\s*", str(text))
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month is None:
        return f"{year:04d}"
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        return f"{year:04d}-{int(month):02d}"
    if not 1 <= int(day) <= calendar.monthrange(year, int(month))[1]:
        return None
    return f"{year:04d}-{int(month):02d}-{int(day):02d}"


def _parent(resource: dict, loc: tuple) -> tuple[Any, Any] | None:
    node: Any = resource
    for step in loc[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    if isinstance(node, dict) and loc[-1] in node:
        return node, loc[-1]
    if isinstance(node, list) and isinstance(loc[-1], int) and loc[-1] < len(node):
        return node, loc[-1]
    return None


def _field(loc: tuple) -> str:
    return ".".join(str(x) for x in loc if not isinstance(x, int))


def _fix(resource: dict, error: dict) -> str | None:
    """Repair one problem in place; the sentence for the report, or None when not minor."""
    loc = tuple(x for x in error.get("loc", ()) if x != "__root__")
    kind, name = str(error.get("type", "")), _field(loc)
    if not loc:
        return None
    if kind.endswith("missing"):
        return f"the required field '{name}' is missing"
    if name.split(".")[0] in KEEP or PROTECTED & set(name.split(".")):
        return None
    where = _parent(resource, loc)
    if where is None:
        return None
    node, key = where
    value = node[key]
    if kind == "extra_forbidden":
        del node[key]
        return f"the field '{name}' is not part of FHIR R4 and was ignored"
    last = str(loc[-1])
    if isinstance(value, str) and re.search(
        r"(date|Date|DateTime|Instant|issued|start|end|authoredOn|recorded)$", last
    ):
        fixed = _date(value)
        if fixed and fixed != value:
            node[key] = fixed
            return f"the date '{value}' in '{name}' is not written the FHIR way; it was read as {fixed}"
        del node[key]
        return f"the date '{value}' in '{name}' is not a real date and was left out"
    if isinstance(value, str) and re.search(r"CodeableConcept$|^code$", last):
        node[key] = {"text": value}
        return f"'{name}' holds plain text ('{value}') instead of a coded value; the text was read"
    if isinstance(value, str) and last in ("valueInteger", "valueDecimal"):
        if re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", value):
            node[key] = int(value) if last == "valueInteger" and "." not in value else float(value)
            return f"'{name}' holds the number {value} written as text; the number was read"
    if isinstance(value, str) and last == "valueQuantity":
        node[key] = {"value": float(value)} if re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", value) else None
        if node[key] is not None:
            return f"'{name}' holds the number {value} written as text; the number was read"
    del node[key]
    return f"the value in '{name}' is not valid FHIR R4 and was left out"


def repair(resource: dict) -> tuple[dict, list[str]] | None:
    """(repaired copy, the problems in words) when every problem is minor; else None."""
    from fhir.resources.R4B import get_fhir_model_class

    try:
        get_fhir_model_class(str(resource.get("resourceType")))
    except (KeyError, ValueError, TypeError):
        return None  # not a FHIR R4 resource type: nothing to read leniently
    fixed = copy.deepcopy(resource)
    problems: list[str] = []
    for _ in range(MAX_ROUNDS):
        errors = _errors(fixed)
        if errors is None:
            return fixed, problems
        remaining = [e for e in errors if not str(e.get("type", "")).endswith("missing")]
        for e in errors:
            if str(e.get("type", "")).endswith("missing"):
                said = _fix(fixed, e)
                if said and said not in problems:
                    problems.append(said)
        if not remaining:
            return fixed, problems
        for e in reversed(remaining):  # later list items first, so indices stay right
            said = _fix(fixed, e)
            if said is None:
                return None
            problems.append(said)
    return None
