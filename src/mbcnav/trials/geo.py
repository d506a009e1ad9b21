"""Distance from the person's ZIP code to the nearest recruiting trial site (miles)."""

from __future__ import annotations

import math
from functools import cache

from mbcnav.trials.errors import TrialsError
from mbcnav.trials.record import Trial

EARTH_RADIUS_MILES = 3958.8
OPEN_SITE = {"", "RECRUITING", "NOT_YET_RECRUITING", "AVAILABLE", "ENROLLING_BY_INVITATION"}


def haversine_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(a))


@cache
def zip_point(zip_code: str) -> tuple[float, float]:
    """(lat, lon) centroid of a US ZIP code, from the zipcodes package."""
    import zipcodes

    code = str(zip_code).strip()[:5]
    try:
        found = zipcodes.matching(code)
    except (TypeError, ValueError) as err:
        raise TrialsError(
            f"postal_code '{zip_code}' is not a US ZIP code; write 5 digits such as 60611."
        ) from err
    if not found:
        raise TrialsError(
            f"postal_code '{zip_code}' is not a known US ZIP code; write 5 digits such as 60611."
        )
    return float(found[0]["lat"]), float(found[0]["long"])


def nearest_site(trial: Trial, point: tuple[float, float]) -> dict | None:
    """The closest open site with a geoPoint: {"facility", "city", "state", "miles"} or None."""
    best = None
    for s in trial.locations:
        if s.lat is None or s.lon is None or s.status.upper() not in OPEN_SITE:
            continue
        miles = haversine_miles(point[0], point[1], s.lat, s.lon)
        if best is None or miles < best["miles"]:
            best = {
                "facility": s.facility,
                "city": s.city,
                "state": s.state,
                "miles": round(miles, 1),
            }
    return best
