"""A sourced rules file of the library (audiences, question types): a mapping with an ``as_of``
date, a ``source`` and a non-empty list of named entries, each refused in one sentence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mbcnav.library.errors import LibraryError


def named_entries(
    path: Path, key: str, what: str, fail: Callable[[Path, str], LibraryError]
) -> list[tuple[str, dict]]:
    """[(name, entry)] from the list under ``key``; ``what`` names one entry in messages."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise fail(path, f"cannot be read ({err})") from None
    if not isinstance(data, dict):
        raise fail(path, "must be a mapping")
    for field in ("as_of", "source"):
        if not data.get(field):
            raise fail(path, f"field '{field}' is missing")
    raw = data.get(key)
    if not isinstance(raw, list) or not raw:
        raise fail(path, f"field '{key}' must be a list of {what}s")
    out = []
    for entry in raw:
        name = entry.get("name") if isinstance(entry, dict) else None
        if not name:
            raise fail(path, f"every {what} needs a name")
        out.append((str(name), entry))
    return out
