"""Guards against hostile input files, shared by the patient and FHIR engines.

A file a person uploads may be built to hurt the server rather than to hold a record: nesting
100,000 levels deep (Python's parsers recurse), numbers with thousands of digits (Python's
int-string limit), ``NaN``/``Infinity``/``1e999`` (not numbers a record can hold, and not valid
JSON on the way out), or NUL characters (PostgreSQL refuses them, SQLite keeps them). These
helpers read JSON and YAML with those limits and walk the result once; each problem is one
sentence in the person's words, which the calling engine wraps in its own error type.
Plain Python: no Django, no engine imports.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import yaml

#: Deepest nesting a file may have. A patient file needs 4 levels, a FHIR bundle about 10.
MAX_DEPTH = 64


class Hostile(ValueError):
    """One sentence saying what is wrong; ``field`` names where, when known."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


TOO_DEEP = (
    f"the file nests sections more than {MAX_DEPTH} levels deep, which no record needs; "
    "check you chose the right file."
)
TOO_LONG_NUMBER = (
    "the file holds a number with thousands of digits, which no record needs; "
    "check you chose the right file."
)

NO_ALIASES = (
    "the file repeats a section with a YAML alias (*name), which a record does not need; "
    "write the values out in full."
)


def load_json(text: str) -> Any:
    """``json.loads`` that turns runaway nesting and giant integers into ``Hostile``;
    ``json.JSONDecodeError`` (bad syntax) passes through for the caller's own sentence."""
    try:
        return json.loads(text)
    except RecursionError:
        raise Hostile(TOO_DEEP) from None
    except json.JSONDecodeError:
        raise
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise Hostile(TOO_LONG_NUMBER) from None


class DepthLimit:
    """Mixin for a PyYAML loader: refuse nesting deeper than ``MAX_DEPTH`` while composing
    (PyYAML's composer recurses once a level), refuse aliases (``*name``, which can make a
    tree of billions of nodes from a few lines), and keep an impossible date such as
    ``0000-00-00`` as its text, so the reader can name the field."""

    _depth = 0

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # PyYAML looks constructors up in a per-class table, not by method name.
        cls.add_constructor("tag:yaml.org,2002:timestamp", DepthLimit._timestamp)

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):  # "billion laughs": a few lines, an endless tree
            raise Hostile(NO_ALIASES)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise Hostile(TOO_DEEP)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def _timestamp(self, node):
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(self, node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


def load_yaml(text: str, loader: type) -> Any:
    """``yaml.load`` with ``loader`` (a ``DepthLimit`` subclass); giant integers and runaway
    nesting become ``Hostile``; ``yaml.YAMLError`` passes through."""
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 (loader is a SafeLoader subclass)
    except RecursionError:
        raise Hostile(TOO_DEEP) from None
    except (yaml.YAMLError, Hostile):
        raise
    except ValueError:
        raise Hostile(TOO_LONG_NUMBER) from None


def _name(part: str) -> str:
    """A field name fit for one sentence: no line breaks or control characters, not too long."""
    clean = "".join(ch if ch.isprintable() else " " for ch in part)
    clean = " ".join(clean.split())
    return clean if len(clean) <= 40 else clean[:39] + "…"


def _where(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{_name(part)}" if out else _name(part))
    return out


def check(data: Any) -> None:
    """Walk ``data`` once (no recursion) and raise ``Hostile`` for the first nesting deeper than
    ``MAX_DEPTH``, non-finite number or text holding a NUL character."""
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise Hostile(TOO_DEEP)
        where = _where(path) or "file"
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and "\x00" in key:
                    raise Hostile(
                        f"{where}: a field name holds a NUL character (an invisible "
                        "zero byte), which is not allowed; remove it.",
                        where,
                    )
                if isinstance(key, str) and (c := _CONTROL.search(key)):
                    raise Hostile(f"{where}: a field name {_control(c.group(0))}", where)
                stack.append((item, (*path, str(key))))
        elif isinstance(value, list):
            stack.extend((item, (*path, i)) for i, item in enumerate(value))
        elif isinstance(value, str) and "\x00" in value:
            raise Hostile(
                f"{where}: the text holds a NUL character (an invisible zero byte), "
                "which is not allowed; remove it.",
                where,
            )
        elif isinstance(value, str) and (c := _CONTROL.search(value)):
            raise Hostile(f"{where}: the text {_control(c.group(0))}", where)
        elif isinstance(value, float) and not math.isfinite(value):
            raise Hostile(f"{where}: {not_finite(value)}", where)


# invisible control characters other than tab and line breaks (C0, DEL, C1 such as U+0085,
# which YAML reads as a line break): they do not survive a save and load unchanged
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _control(ch: str) -> str:
    return (
        f"holds an invisible control character (U+{ord(ch):04X}), which is not allowed; remove it."
    )


def not_finite(value: float) -> str:
    """The sentence for a NaN or infinite number (``1e999`` reads as infinity)."""
    what = "NaN (not a number)" if math.isnan(value) else "an endless number (infinity)"
    return f"{what} is not allowed; give an ordinary number."
