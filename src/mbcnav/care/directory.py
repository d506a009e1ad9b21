"""The care directory: cancer centers and support organizations shipped as data files.

``nearest_centers(zip)`` ranks centers by great-circle distance from the ZIP's centroid;
``organizations(category)`` lists support organizations. Editors' entries (made in the web
admin) are passed in as ``extra`` and replace shipped entries with the same id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import CareError
from .geo import haversine_miles, zip_point
from .records import (
    CATEGORIES,
    DESIGNATIONS,
    Center,
    Organization,
    parse_center,
    parse_organization,
)

DATA_DIR = Path(__file__).parent / "data"
CENTERS_FILE = DATA_DIR / "centers.yaml"
ORGANIZATIONS_FILE = DATA_DIR / "organizations.yaml"


@dataclass(frozen=True)
class NearbyCenter:
    center: Center
    miles: float


def _read_list(path: Path, key: str) -> list:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise CareError(f"The directory file {path} cannot be read ({err.strerror}).") from None
    except yaml.YAMLError as err:
        raise CareError(
            f"The directory file {Path(path).name} is not valid YAML ({err.__class__.__name__})."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise CareError(
            f"In {Path(path).name}, the top-level field '{key}' is missing; it must be a list of entries."
        )
    return data[key]


def _unique(entries: list, where: str) -> tuple:
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if entry.id in seen:
            raise CareError(
                f"In {where}, entry {number} ({entry.id}), the field 'id' repeats an earlier entry; ids must be unique."
            )
        seen.add(entry.id)
    return tuple(entries)


def read_centers(path: Path | str) -> tuple[Center, ...]:
    """Read and validate a centers file (any path)."""
    where = Path(path).name
    rows = _read_list(Path(path), "centers")
    return _unique([parse_center(row, where, n) for n, row in enumerate(rows, start=1)], where)


def read_organizations(path: Path | str) -> tuple[Organization, ...]:
    """Read and validate an organizations file (any path)."""
    where = Path(path).name
    rows = _read_list(Path(path), "organizations")
    return _unique(
        [parse_organization(row, where, n) for n, row in enumerate(rows, start=1)], where
    )


@lru_cache(maxsize=1)
def centers() -> tuple[Center, ...]:
    """The shipped NCI-designated cancer centers."""
    return read_centers(CENTERS_FILE)


@lru_cache(maxsize=1)
def all_organizations() -> tuple[Organization, ...]:
    """The shipped support organizations."""
    return read_organizations(ORGANIZATIONS_FILE)


def merge(shipped: Iterable, extra: Iterable = (), hidden: Iterable[str] = ()) -> list:
    """Shipped entries with editors' entries laid over them (same id replaces), minus hidden ids."""
    by_id = {entry.id: entry for entry in shipped}
    for entry in extra:
        by_id[entry.id] = entry
    for ident in hidden:
        by_id.pop(ident, None)
    return list(by_id.values())


def nearest_centers(
    zip_code: str,
    within_miles: float | None = None,
    limit: int | None = 10,
    *,
    designations: Iterable[str] | None = None,
    include_research_only: bool = False,
    extra: Iterable[Center] = (),
    hidden: Iterable[str] = (),
) -> list[NearbyCenter]:
    """Centers nearest to a ZIP code, closest first, with distances in miles (1 decimal).

    Research-only ("basic lab") centers, which do not see patients, are left out unless asked for.
    """
    if within_miles is not None and (isinstance(within_miles, bool) or not within_miles > 0):
        raise CareError(
            f"The distance '{within_miles}' is not valid; give a number of miles above 0."
        )
    if limit is not None and limit < 1:
        raise CareError(f"The limit '{limit}' is not valid; give a whole number of 1 or more.")
    wanted = set(designations) if designations else None
    for name in wanted or ():
        if name not in DESIGNATIONS:
            raise CareError(
                f"The designation '{name}' is not known; use one of {', '.join(DESIGNATIONS)}."
            )
    origin = zip_point(zip_code)
    found = []
    for center in merge(centers(), extra, hidden):
        if wanted is not None and center.designation not in wanted:
            continue
        if (
            not include_research_only
            and not center.sees_patients
            and not (wanted and center.designation in wanted)
        ):
            continue
        miles = haversine_miles(origin, center.point)
        if within_miles is None or miles <= within_miles:
            found.append(NearbyCenter(center, round(miles, 1)))
    found.sort(key=lambda hit: (hit.miles, hit.center.name))
    return found[:limit] if limit else found


def organizations(
    category: str | None = None, *, extra: Iterable[Organization] = (), hidden: Iterable[str] = ()
) -> list[Organization]:
    """Support organizations, optionally only those in one category, sorted by name."""
    if category is not None and category not in CATEGORIES:
        raise CareError(
            f"The category '{category}' is not known; use one of {', '.join(CATEGORIES)}."
        )
    found = [
        org
        for org in merge(all_organizations(), extra, hidden)
        if category is None or category in org.categories
    ]
    return sorted(found, key=lambda org: org.name.casefold())


def center(ident: str, *, extra: Iterable[Center] = (), hidden: Iterable[str] = ()) -> Center:
    for entry in merge(centers(), extra, hidden):
        if entry.id == ident:
            return entry
    raise CareError(f"The cancer center '{ident}' is not in the directory.")


def organization(
    ident: str, *, extra: Iterable[Organization] = (), hidden: Iterable[str] = ()
) -> Organization:
    for entry in merge(all_organizations(), extra, hidden):
        if entry.id == ident:
            return entry
    raise CareError(f"The organization '{ident}' is not in the directory.")
