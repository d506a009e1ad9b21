"""FHIR for the web: export a person's record as a bundle, import a bundle into it (atomically)."""

from __future__ import annotations

from datetime import date

from mbcnav.fhir import export_bundle, import_bundle, merge_records
from mbcnav.fhir.report import ImportReport
from mbcnav.patient import parse
from mbcnav.web.record import services as record


def bundle_for(owner) -> dict:
    return export_bundle(record.patient_for(owner))


def import_into(
    owner, data, actor, *, replace: bool, today: date | None = None, max_entries: int | None = None
) -> ImportReport:
    """Read the bundle fully in memory, then write the whole record in one transaction.

    ``replace`` swaps the record for the bundle's contents; otherwise the bundle is merged into the
    existing record (existing values win; lists gain only new items), so importing the same bundle
    twice changes nothing the second time. A bad bundle raises FhirError and changes nothing.
    """
    limit = {"max_entries": max_entries} if max_entries else {}
    incoming, report = import_bundle(data, today=today, **limit)
    if replace:
        record.import_patient(owner, parse(incoming, today=today), actor, what="FHIR bundle")
        return report
    current = record.export_patient(owner)
    combined = merge_records(current, incoming, today=today)
    record.add_items(
        owner, current, combined, actor, what="FHIR bundle", today=today
    )  # adds, rewrites nothing
    return report
