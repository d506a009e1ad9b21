"""The directory's records (cancer centers, organizations) and their validation.

Every record is checked when it is read; a problem raises CareError with one sentence naming
the file, the entry and the field, e.g. "In centers.yaml, entry 3 (yale-cancer-center), the
field 'zip' is '651', but it must be a 5-digit US ZIP code."
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .errors import CareError

DESIGNATIONS = ("comprehensive", "cancer center", "basic lab")
CATEGORIES = (
    "emotional",
    "financial",
    "practical",
    "caregiver",
    "research participation",
    "second opinions",
    "helpline",
    "education",
)
STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY GU VI AS MP".split()
)
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ZIP = re.compile(r"^\d{5}$")
_PHONE = re.compile(r"^\d{3}-\d{3}-\d{4}$")
_URL = re.compile(r"^https://[^\s/$.?#][^\s]*$")


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    url: str
    read: date


@dataclass(frozen=True)
class Center:
    id: str
    name: str
    city: str
    state: str
    zip: str
    latitude: float
    longitude: float
    coordinates_from: str
    website: str
    designation: str
    source: Source
    as_of: date
    phone: str | None = None
    description: str = ""
    origin: str = "shipped"  # "shipped" (data file) or "editor" (added in the admin)

    @property
    def sees_patients(self) -> bool:
        """Basic laboratory centers do research only and do not treat patients."""
        return self.designation != "basic lab"

    @property
    def point(self) -> tuple[float, float]:
        return (self.latitude, self.longitude)


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    website: str
    categories: tuple[str, ...]
    description: str
    source: Source
    as_of: date
    phone: str | None = None
    origin: str = "shipped"
    extra: dict = field(default_factory=dict, compare=False, hash=False)


class _Entry:
    """Reads the fields of one raw entry, raising CareError that names file, entry and field."""

    def __init__(self, raw: object, where: str, index: int):
        self.where, self.index = where, index
        ident = raw.get("id") if isinstance(raw, dict) else None
        self.label = f"entry {index}" + (f" ({ident})" if ident else "")
        if not isinstance(raw, dict):
            raise CareError(
                f"In {where}, {self.label} is not a mapping of fields; write it as 'field: value' lines."
            )
        self.raw = raw

    def fail(self, name: str, value: object, allowed: str) -> CareError:
        return CareError(
            f"In {self.where}, {self.label}, the field '{name}' is {value!r}, but it must be {allowed}."
        )

    def text(
        self, name: str, required: bool = True, pattern: re.Pattern | None = None, allowed: str = ""
    ) -> str | None:
        value = self.raw.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise CareError(
                    f"In {self.where}, {self.label}, the field '{name}' is missing; it is required."
                )
            return None
        if isinstance(value, int) and not isinstance(value, bool) and name == "zip":
            value = f"{value:05d}"
        if not isinstance(value, str):
            raise self.fail(name, value, "text")
        value = " ".join(value.split())
        if pattern is not None and not pattern.match(value):
            raise self.fail(name, value, allowed)
        return value

    def choice(self, name: str, allowed: tuple[str, ...]) -> str:
        value = self.text(name)
        if value not in allowed:
            raise self.fail(name, value, "one of " + ", ".join(allowed))
        return value

    def number(self, name: str, low: float, high: float) -> float:
        value = self.raw.get(name)
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not low <= value <= high
        ):
            raise self.fail(name, value, f"a number from {low} to {high}")
        return float(value)

    def day(self, name: str, raw: dict | None = None, prefix: str = "") -> date:
        value = (self.raw if raw is None else raw).get(name)
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(prefix + name, value, "a date written YYYY-MM-DD") from None

    def source(self) -> Source:
        raw = self.raw.get("source")
        if not isinstance(raw, dict):
            raise CareError(
                f"In {self.where}, {self.label}, the field 'source' is missing; every entry needs a source (publisher, title, url, read)."
            )
        parts = {}
        for key in ("publisher", "title", "url"):
            value = raw.get(key)
            if not isinstance(value, str) or not value.strip():
                raise CareError(
                    f"In {self.where}, {self.label}, the field 'source.{key}' is missing; it is required."
                )
            parts[key] = value.strip()
        if not _URL.match(parts["url"]):
            raise self.fail("source.url", parts["url"], "an https:// address")
        return Source(read=self.day("read", raw, "source."), **parts)

    def as_of(self) -> date:
        if self.raw.get("as_of") is None:
            raise CareError(
                f"In {self.where}, {self.label}, the field 'as_of' is missing; every entry needs the date its facts are current as of."
            )
        return self.day("as_of")


def parse_center(raw: object, where: str, index: int, origin: str = "shipped") -> Center:
    e = _Entry(raw, where, index)
    return Center(
        id=e.text("id", pattern=_ID, allowed="lower-case words joined by hyphens"),
        name=e.text("name"),
        city=e.text("city"),
        state=e.choice("state", tuple(sorted(STATES))),
        zip=e.text("zip", pattern=_ZIP, allowed="a 5-digit US ZIP code"),
        latitude=e.number("latitude", 17.0, 72.0),
        longitude=e.number("longitude", -180.0, -64.0),
        coordinates_from=e.text("coordinates_from"),
        website=e.text("website", pattern=_URL, allowed="an https:// address"),
        phone=e.text(
            "phone", required=False, pattern=_PHONE, allowed="a phone number written 800-555-0100"
        ),
        designation=e.choice("designation", DESIGNATIONS),
        description=e.text("description", required=False) or "",
        source=e.source(),
        as_of=e.as_of(),
        origin=origin,
    )


def parse_organization(
    raw: object, where: str, index: int, origin: str = "shipped"
) -> Organization:
    e = _Entry(raw, where, index)
    categories = e.raw.get("categories")
    if not isinstance(categories, list) or not categories:
        raise e.fail(
            "categories", categories, "a list with at least one of " + ", ".join(CATEGORIES)
        )
    for category in categories:
        if category not in CATEGORIES:
            raise e.fail("categories", category, "one of " + ", ".join(CATEGORIES))
    return Organization(
        id=e.text("id", pattern=_ID, allowed="lower-case words joined by hyphens"),
        name=e.text("name"),
        website=e.text("website", pattern=_URL, allowed="an https:// address"),
        phone=e.text(
            "phone", required=False, pattern=_PHONE, allowed="a phone number written 800-555-0100"
        ),
        categories=tuple(dict.fromkeys(categories)),
        description=e.text("description"),
        source=e.source(),
        as_of=e.as_of(),
        origin=origin,
    )
