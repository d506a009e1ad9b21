"""Care and support: NCI-designated cancer centers near a ZIP code and support organizations.

Plain Python (no Django): data files in ``data/``, offline geocoding in ``geo``, search in
``directory``.
"""

from .directory import (
    NearbyCenter,
    center,
    centers,
    merge,
    nearest_centers,
    organization,
    organizations,
    read_centers,
    read_organizations,
)
from .errors import CareError
from .geo import haversine_miles, normalise_zip, zip_point
from .records import (
    CATEGORIES,
    DESIGNATIONS,
    Center,
    Organization,
    Source,
    parse_center,
    parse_organization,
)

__all__ = [
    "CATEGORIES",
    "DESIGNATIONS",
    "CareError",
    "Center",
    "NearbyCenter",
    "Organization",
    "Source",
    "center",
    "centers",
    "haversine_miles",
    "merge",
    "nearest_centers",
    "normalise_zip",
    "organization",
    "organizations",
    "parse_center",
    "parse_organization",
    "read_centers",
    "read_organizations",
    "zip_point",
]
