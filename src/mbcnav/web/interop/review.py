"""The one review step for imports (FHIR file and patient portal): stage, list, accept, discard.

A staged import is a valid record dict kept apart from the person's record. The review page
lists what it would add (``mbcnav.fhir.review.proposals``); accepting writes only the chosen
items, in one transaction, through ``record.add_items``: only the chosen rows are created and
only the chosen profile fields set; every other row (its extra columns, its schedules) stays.
"""

from __future__ import annotations

from django.db import transaction

from mbcnav.fhir import FhirError
from mbcnav.fhir.review import accept as accept_items
from mbcnav.fhir.review import proposals
from mbcnav.web.core.models import audit
from mbcnav.web.record import services as record

from .models import PendingImport


def stage(owner, incoming: dict, report, source: str, actor) -> PendingImport:
    pending, _ = PendingImport.objects.update_or_create(
        owner=owner,
        defaults={
            "source": source[:120],
            "record": incoming,
            "report": report.as_dict() if hasattr(report, "as_dict") else dict(report or {}),
            "created_by": actor if getattr(actor, "is_authenticated", False) else None,
        },
    )
    return pending


def pending_for(owner) -> PendingImport | None:
    return PendingImport.objects.filter(owner=owner).first()


def items_for(owner, pending: PendingImport) -> list:
    return proposals(record.export_patient(owner), pending.record)


def accept(owner, actor, ids: list[str]) -> int:
    """Add the chosen items to the record (all or nothing); returns how many were added."""
    with transaction.atomic():
        pending = PendingImport.objects.select_for_update().filter(owner=owner).first()
        if pending is None:
            raise FhirError(
                "There is nothing waiting for review; it was already accepted or set aside."
            )
        current = record.export_patient(owner)
        offered = {p.id for p in proposals(current, pending.record) if p.kind == "new"}
        chosen = [i for i in ids if i in offered]
        if not chosen:
            return 0
        combined = accept_items(current, pending.record, chosen)
        record.add_items(
            owner, current, combined, actor, what=f"{len(chosen)} items from {pending.source}"
        )
        if not any(p.kind == "new" for p in proposals(combined, pending.record, today=None)):
            pending.delete()  # nothing left to offer
    return len(chosen)


def discard(owner, actor) -> bool:
    deleted, _ = PendingImport.objects.filter(owner=owner).delete()
    if deleted:
        audit(actor, owner, "other", "import set aside without changes")
    return bool(deleted)
