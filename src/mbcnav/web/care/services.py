"""What the rest of the site asks of the care app: the current topic of the month, news and
events, and the directory with editors' entries laid over the shipped data."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from mbcnav.care import geo, parse_center, parse_organization

from .models import DirectoryEntry, Event, NewsItem, Status, TopicOfTheMonth


def current_topic() -> TopicOfTheMonth | None:
    """The latest published topic whose month is this month or earlier (None if there is none)."""
    today = timezone.localdate()
    return (
        TopicOfTheMonth.objects.published()
        .filter(month__lte=today)
        .order_by("-month", "-id")
        .first()
    )


def past_topics():
    today = timezone.localdate()
    return TopicOfTheMonth.objects.published().filter(month__lte=today).order_by("-month", "-id")


def news(limit: int = 5):
    return NewsItem.objects.published().filter(date__lte=timezone.localdate())[:limit]


def upcoming_events(limit: int = 5):
    return Event.objects.published().filter(date__gte=timezone.localdate())[:limit]


def entry_record(entry: DirectoryEntry):
    """An editor's entry as the engine's record, validated by the engine's own rules."""
    raw = {
        "id": entry.slug,
        "name": entry.name,
        "website": entry.website or None,
        "phone": entry.phone or None,
        "description": entry.description or None,
        "source": {
            "publisher": entry.source_publisher,
            "title": entry.source_title,
            "url": entry.source_url,
            "read": entry.source_read,
        },
        "as_of": entry.as_of,
    }
    where = f"the directory entry '{entry.name}'"
    if entry.kind == "center":
        point = geo.zip_point(entry.zip) if entry.zip else (None, None)
        raw.update(
            city=entry.city or None,
            state=(entry.state or "").upper() or None,
            zip=entry.zip or None,
            latitude=point[0],
            longitude=point[1],
            designation=entry.designation or None,
            coordinates_from=f"centroid of ZIP {entry.zip} (zipcodes package)",
        )
        return parse_center(raw, where, 1, origin="editor")
    raw["categories"] = [c.strip() for c in entry.categories.split(",") if c.strip()]
    return parse_organization(raw, where, 1, origin="editor")


@dataclass
class EditorLayer:
    centers: list = field(default_factory=list)
    hidden_centers: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    hidden_organizations: list = field(default_factory=list)

    def for_centers(self) -> dict:
        return {"extra": self.centers, "hidden": self.hidden_centers}

    def for_organizations(self) -> dict:
        return {"extra": self.organizations, "hidden": self.hidden_organizations}


def editor_layer() -> EditorLayer:
    """Published editors' entries; an entry that no longer validates is skipped, not shown."""
    layer = EditorLayer()
    for entry in DirectoryEntry.objects.filter(status=Status.PUBLISHED):
        center = entry.kind == "center"
        if entry.hide:
            (layer.hidden_centers if center else layer.hidden_organizations).append(entry.slug)
            continue
        try:
            record = entry_record(entry)
        except Exception:  # noqa: BLE001 - a broken entry must not break the directory
            continue
        (layer.centers if center else layer.organizations).append(record)
    return layer


@dataclass(frozen=True)
class SourcedPhone:
    """A registry phone with where this site read it: the bundled snapshot or a sync."""

    phone: object  # mbcnav.care.registry_phones.RegistryPhone
    origin: str  # "snapshot" or "sync"
    read: object  # date of the sync, or the snapshot's as-of date


def registry_phones(center) -> list[SourcedPhone]:
    """Phone numbers the stored ClinicalTrials.gov records give for study sites at ``center``."""
    from mbcnav.care.registry_phones import phones_for
    from mbcnav.web.trials.services import catalogue, data_dates

    cat = catalogue()
    snapshot = data_dates()["snapshot"]
    out = []
    for found in phones_for(center, cat.trials):
        synced_at, origin = cat.synced.get(found.nct_id, (None, ""))
        read = synced_at if origin == "sync" else snapshot
        out.append(SourcedPhone(found, origin or "snapshot", read))
    return out
