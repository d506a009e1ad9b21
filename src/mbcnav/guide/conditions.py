"""The small condition vocabulary of the guide rules, compiled at load time.

A condition is written in ``rules.yaml`` as one of:

- ``"fact_name"``: true when that fact of the situation is truthy (a non-empty
  list, ``True``, a non-zero number);
- ``"not fact_name"``: true when it is falsy (``None``, ``False``, ``[]``, ``0``);
- ``{fact: NAME, equals: V}``, ``{fact: NAME, in: [V, ...]}``,
  ``{fact: NAME, at_least: N}``, ``{fact: NAME, at_most: N}``: comparisons; a
  fact that is ``None`` (not known) never satisfies a comparison;
- ``{all: [COND, ...]}``, ``{any: [COND, ...]}``, ``{not: COND}``;
- a list ``[COND, ...]``: all of them (the usual form of a rule's ``when``).

Names may be facts of ``names.FACTS`` or named ``definitions`` of the file
(conditions themselves, written once and reused by several rules).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Mapping[str, Any]], bool]

COMPARATORS = ("equals", "in", "at_least", "at_most")


class ConditionError(ValueError):
    """A badly written condition; the rule loader adds file, rule and field."""


def compile_condition(spec: Any, known: Mapping[str, Check | None]) -> Check:
    """Turn a condition written in YAML into a function of the situation facts.

    ``known`` maps every allowed name to ``None`` (a fact, read from the
    situation) or to a compiled definition.
    """
    if isinstance(spec, str):
        return _compile_name(spec, known)
    if isinstance(spec, list):
        if not spec:
            raise ConditionError("an empty list of conditions is not allowed")
        parts = [compile_condition(item, known) for item in spec]
        return lambda facts: all(part(facts) for part in parts)
    if isinstance(spec, dict):
        return _compile_mapping(spec, known)
    raise ConditionError(
        f"{spec!r} is not a condition; write a fact name, a list or a mapping "
        "with 'fact', 'all', 'any' or 'not'"
    )


def _compile_name(text: str, known: Mapping[str, Check | None]) -> Check:
    words = text.strip()
    negate = words.startswith("not ")
    name = words[4:].strip() if negate else words
    check = _lookup(name, known)
    if negate:
        return lambda facts: not check(facts)
    return check


def _lookup(name: str, known: Mapping[str, Check | None]) -> Check:
    if name not in known:
        allowed = ", ".join(sorted(known))
        raise ConditionError(f"unknown fact {name!r}; known facts: {allowed}")
    definition = known[name]
    if definition is not None:
        return definition
    return lambda facts: bool(facts.get(name))


def _compile_mapping(spec: dict, known: Mapping[str, Check | None]) -> Check:
    keys = set(spec)
    for combinator in ("all", "any"):
        if keys == {combinator}:
            items = spec[combinator]
            if not isinstance(items, list) or not items:
                raise ConditionError(f"'{combinator}' takes a non-empty list of conditions")
            parts = [compile_condition(item, known) for item in items]
            if combinator == "all":
                return lambda facts: all(part(facts) for part in parts)
            return lambda facts: any(part(facts) for part in parts)
    if keys == {"not"}:
        inner = compile_condition(spec["not"], known)
        return lambda facts: not inner(facts)
    if "fact" in keys:
        return _compile_comparison(spec, known)
    raise ConditionError(
        f"a condition mapping takes 'fact' (with one of {', '.join(COMPARATORS)}), "
        f"'all', 'any' or 'not', not {', '.join(sorted(map(str, keys)))}"
    )


def _compile_comparison(spec: dict, known: Mapping[str, Check | None]) -> Check:
    name = spec["fact"]
    if not isinstance(name, str) or name not in known or known[name] is not None:
        allowed = ", ".join(sorted(k for k, v in known.items() if v is None))
        raise ConditionError(f"unknown fact {name!r} in a comparison; known facts: {allowed}")
    ops = [key for key in spec if key != "fact"]
    if len(ops) != 1 or ops[0] not in COMPARATORS:
        raise ConditionError(
            f"a comparison on {name!r} takes exactly one of {', '.join(COMPARATORS)}"
        )
    op, target = ops[0], spec[ops[0]]
    if op in ("at_least", "at_most"):
        if isinstance(target, bool) or not isinstance(target, int | float):
            raise ConditionError(f"'{op}' on {name!r} needs a number, not {target!r}")
        if op == "at_least":
            return lambda facts: _number(facts.get(name)) is not None and facts[name] >= target
        return lambda facts: _number(facts.get(name)) is not None and facts[name] <= target
    if op == "in":
        if not isinstance(target, list) or not target:
            raise ConditionError(f"'in' on {name!r} needs a non-empty list of values")
        choices = tuple(target)
        return lambda facts: facts.get(name) is not None and facts.get(name) in choices
    return lambda facts: facts.get(name) is not None and facts.get(name) == target


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value
