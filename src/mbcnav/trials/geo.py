"""Distance from the person's ZIP code to the nearest open trial site (miles).

A site is placed by its own geoPoint when the record gives one ("site"); a US site without one
by its ZIP code's centroid ("zip") or, without a ZIP code, by the centre of its city
("city": the mean of the city's ZIP centroids, only when they lie close together). Centroids
come from the ``zipcodes`` package (offline), indexed once per process. Sites outside the
US without a geoPoint, and sites with only a country, cannot be placed: their distance is
unknown (``None``), never guessed.
"""

from __future__ import annotations

import math
import statistics
from functools import cache, lru_cache

from mbcnav.trials.errors import TrialsError
from mbcnav.trials.record import Site, Trial

EARTH_RADIUS_MILES = 3958.8
OPEN_SITE = {"", "RECRUITING", "NOT_YET_RECRUITING", "AVAILABLE", "ENROLLING_BY_INVITATION"}
#: How a site was placed, from the most to the least precise.
LOCATED_BY = ("site", "zip", "city")
#: A city whose ZIP centroids spread wider than this (miles from their mean) is ambiguous.
CITY_SPREAD_MILES = 35.0

#: ClinicalTrials.gov writes US states in full; the ZIP table uses USPS codes.
US_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
    "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL",
    "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
    "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
    "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY",
    "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR",
    "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
    "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA",
    "washington": "WA", "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
    "puerto rico": "PR", "guam": "GU", "virgin islands": "VI", "american samoa": "AS",
    "northern mariana islands": "MP",
}  # fmt: skip
#: US territories that ClinicalTrials.gov lists as countries, with their USPS codes.
_COUNTRY_STATE = {"puerto rico": "PR", "guam": "GU", "virgin islands (u.s.)": "VI",
                  "u.s. virgin islands": "VI", "american samoa": "AS",
                  "northern mariana islands": "MP"}  # fmt: skip
#: ClinicalTrials.gov country names covered by US ZIP codes.
US_COUNTRIES = {"united states", *_COUNTRY_STATE}


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
    point = float(found[0]["lat"]), float(found[0]["long"])
    if point == (0.0, 0.0):
        raise TrialsError(
            f"postal_code '{zip_code}' has no known location; write the ZIP code of a street address."
        )
    return point


@cache
def _index() -> tuple[dict[str, tuple[float, float, str]], dict[tuple[str, str], list]]:
    """({ZIP: (lat, lon, state)}, {(CITY, ST): [(lat, lon)]}) for every US ZIP code, built once."""
    import zipcodes

    by_zip: dict[str, tuple[float, float, str]] = {}
    by_city: dict[tuple[str, str], list] = {}
    for row in zipcodes.list_all():
        try:
            lat, lon = float(row["lat"]), float(row["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if lat == 0.0 and lon == 0.0:  # a few rows carry no real centroid
            continue
        by_zip[row["zip_code"]] = (lat, lon, row["state"])
        if row.get("zip_code_type") != "MILITARY" and row.get("active", True):
            by_city.setdefault((row["city"].upper(), row["state"]), []).append((lat, lon))
    return by_zip, by_city


def warm() -> None:
    """Index the ZIP table now rather than on the first site without a geoPoint."""
    _index()


def _city_point(city: str, state: str) -> tuple[float, float] | None:
    """The centre of a city's ZIP centroids, or None if the city is unknown or ambiguous.

    ZIP centroids farther than ``CITY_SPREAD_MILES`` from their median are left out (a few
    ZIP codes carry a distant city name); when more than a tenth are, the name is ambiguous.
    """
    points = _index()[1].get((city.upper(), state))
    if not points:
        return None
    mid_lat = statistics.median(p[0] for p in points)
    mid_lon = statistics.median(p[1] for p in points)
    near = [p for p in points if haversine_miles(mid_lat, mid_lon, p[0], p[1]) <= CITY_SPREAD_MILES]
    if len(near) < 0.9 * len(points):
        return None
    return sum(p[0] for p in near) / len(near), sum(p[1] for p in near) / len(near)


def _state_code(country: str, state: str) -> str:
    state = state.strip()
    code = _COUNTRY_STATE.get(country) or US_STATES.get(state.lower(), "")
    return code or (state.upper() if len(state) == 2 and state.isalpha() else "")


@lru_cache(maxsize=65536)
def _fallback(country: str, zip_code: str, city: str, state: str) -> tuple | None:
    """(lat, lon, "zip" | "city") for a US site without a geoPoint, else None.

    A ZIP code in another state than the site's is not used; when the ZIP code and the city
    both place the site but more than ``CITY_SPREAD_MILES`` apart, the record contradicts
    itself and the site is not placed.
    """
    country = country.strip().lower()
    if country not in US_COUNTRIES:
        return None
    st = _state_code(country, state)
    by_zip = None
    code = zip_code.strip()[:5]
    if len(code) == 5 and code.isdigit():
        found = _index()[0].get(code)
        if found is not None and (not st or found[2] == st):
            by_zip = found[:2]
    if st == "DC":  # "Washington", "Washington D.C."...: one small city
        city = "Washington"
    by_city = _city_point(city.strip(), st) if st and city.strip() else None
    if by_zip and by_city:
        if haversine_miles(*by_zip, *by_city) > CITY_SPREAD_MILES:
            return None
        return by_zip[0], by_zip[1], "zip"
    if by_zip:
        return by_zip[0], by_zip[1], "zip"
    if by_city:
        return by_city[0], by_city[1], "city"
    return None


def site_point(site: Site) -> tuple[float, float, str] | None:
    """(lat, lon, how) where ``how`` is "site", "zip" or "city"; None when it cannot be placed."""
    if site.lat is not None and site.lon is not None:
        return site.lat, site.lon, "site"
    if not site.country or not (site.zip or site.city):
        return None
    return _fallback(site.country, site.zip or "", site.city or "", site.state or "")


def site_miles(site: Site, point: tuple[float, float]) -> tuple[float, str] | None:
    """(miles rounded to 0.1, how the site was placed) or None when the site cannot be placed."""
    where = site_point(site)
    if where is None:
        return None
    return round(haversine_miles(point[0], point[1], where[0], where[1]), 1), where[2]


def closest(trial: Trial, point: tuple[float, float]) -> tuple[Site, float, str] | None:
    """(site, miles, how it was placed) for the closest open site that can be placed, or None."""
    best = None
    for s in trial.locations:
        if s.status.upper() not in OPEN_SITE:
            continue
        where = site_point(s)
        if where is None:
            continue
        miles = haversine_miles(point[0], point[1], where[0], where[1])
        if best is None or miles < best[1]:
            best = (s, miles, where[2])
    return best


def nearest_site(trial: Trial, point: tuple[float, float]) -> dict | None:
    """The closest open site that can be placed, or None (``describe(closest(trial, point))``)."""
    return describe(closest(trial, point))


def describe(found: tuple[Site, float, str] | None) -> dict | None:
    """``closest``'s answer for pages: {"facility", "city", "state", "miles", "located_by"}
    where ``located_by`` is "site" (the record's geoPoint), "zip" (the site's ZIP centroid)
    or "city" (the city's centre); None stays None."""
    if found is None:
        return None
    s, miles, how = found
    return {
        "facility": s.facility,
        "city": s.city,
        "state": s.state,
        "miles": round(miles, 1),
        "located_by": how,
    }


def unplaced_reason(trial: Trial) -> str:
    """Why ``nearest_site`` found nothing: "no-sites", "no-open-sites", "country-only" (the
    record names countries only), "outside-us" (open sites abroad without a geoPoint) or
    "not-found" (a US city or ZIP code the offline table does not know)."""
    if not trial.locations:
        return "no-sites"
    open_sites = [s for s in trial.locations if s.status.upper() in OPEN_SITE]
    if not open_sites:
        return "no-open-sites"
    if all(not (s.city or s.zip) for s in open_sites):
        return "country-only"
    if all(s.country.strip().lower() not in US_COUNTRIES for s in open_sites):
        return "outside-us"
    return "not-found"
