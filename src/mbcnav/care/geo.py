"""Offline geocoding: a US ZIP code to the latitude/longitude of its centroid, and distances.

The centroids ship with the ``zipcodes`` package (no network). Distances are great-circle
("as the crow flies") miles, not driving distances.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from .errors import CareError

EARTH_RADIUS_MILES = 3958.8
_ZIP = re.compile(r"^(\d{5})(?:-\d{4})?$")


def normalise_zip(text: object) -> str:
    """'60611', ' 60611-1234 ' -> '60611'; anything else raises CareError."""
    raw = str(text or "").strip()
    match = _ZIP.match(raw)
    if not match:
        raise CareError(f"The ZIP code '{raw}' is not valid; write 5 digits, for example 60611.")
    return match.group(1)


@lru_cache(maxsize=1)
def _centroids() -> dict[str, tuple[float, float]]:
    import zipcodes  # imported here: it loads a large table

    table: dict[str, tuple[float, float]] = {}
    for row in zipcodes.list_all():
        try:
            table[row["zip_code"]] = (float(row["lat"]), float(row["long"]))
        except (KeyError, TypeError, ValueError):
            continue
    return table


def zip_point(zip_code: object) -> tuple[float, float]:
    """The (latitude, longitude) centroid of a US ZIP code, or CareError if it is unknown."""
    code = normalise_zip(zip_code)
    point = _centroids().get(code)
    if point is None:
        raise CareError(
            f"The ZIP code '{code}' is not in our list of US ZIP codes; check the number."
        )
    return point


def haversine_miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in miles between two (latitude, longitude) points in degrees."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))
