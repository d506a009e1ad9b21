"""Adding to a record without rewriting it, and keeping schedules when a record is replaced.

``add_items(owner, before, after, actor, what)``: ``after`` is ``before`` (the record as
``export_patient`` gave it) with some facts added (the import review's accepted items, or a
merge that only adds). Only the difference is written, in one transaction: the profile fields
that changed, new biomarkers, new list rows. Every other row stays as it is, with the columns
the patient file does not carry (a site's scan response, a check-in's triage level, a
biomarker's test date) and the medicine schedules tied to its treatments.

``treatments_recreated`` is sent by ``services.import_patient`` (which replaces every row by
design) with ``mapping={old treatment pk: new Treatment row}`` for treatments re-created with
the same type, drugs and start, before the old rows are deleted, so that other apps (the
reminders) can move what hangs on the old row to the new one.
"""

from __future__ import annotations

import json
from collections import Counter

from django.db import transaction
from django.dispatch import Signal

from mbcnav.patient import dump, parse
from mbcnav.web.core.models import audit

from . import adapter
from .models import Biomarker, Profile, Treatment

#: sent with ``owner`` and ``mapping`` ({old pk: new Treatment}) inside the import's transaction
treatments_recreated = Signal()

#: patient-file list -> model
LIST_MODELS = {key: model for key, (model, _build) in adapter.LISTS.items()}


def _key(item) -> str:
    return json.dumps(item, sort_keys=True)


def add_items(owner, before: dict, after: dict, actor, *, what: str, today=None) -> int:
    """Write only what ``after`` adds to ``before``; returns how many facts were written."""
    old, new = parse(before, today=today), parse(after, today=today)
    old_file, new_file = dump(old), dump(new)
    rows = adapter.rows_from_patient(owner, new)
    changed = {
        k: x for k, x in adapter.profile_fields(new).items() if adapter.profile_fields(old)[k] != x
    }
    markers = [b for b in rows[Biomarker] if b.marker not in old.biomarkers]
    to_create: dict = {Biomarker: markers}
    for key, model in LIST_MODELS.items():
        have = Counter(_key(x) for x in old_file.get(key, []))
        fresh = []
        for item, row in zip(new_file.get(key, []), rows[model], strict=True):
            if have[_key(item)] > 0:
                have[_key(item)] -= 1
            else:
                fresh.append(row)
        to_create[model] = fresh
    count = len(changed) + sum(len(x) for x in to_create.values())
    if not count:
        return 0
    with transaction.atomic():
        if changed:
            profile, _ = Profile.objects.get_or_create(owner=owner)
            for field, value in changed.items():
                setattr(profile, field, value)
            profile.save(update_fields=list(changed))
        for model, new_rows in to_create.items():
            if new_rows:
                model.objects.bulk_create(new_rows)
        audit(actor, owner, "import", what)
    return count


def same_treatment(row: Treatment) -> tuple:
    return (row.type, tuple(row.drugs or ()), row.start)


def replace_treatments(owner, new_rows: list[Treatment]) -> None:
    """Create ``new_rows``, tell listeners which old rows they re-create, delete the old rows."""
    old = list(Treatment.objects.filter(owner=owner))
    Treatment.objects.bulk_create(new_rows)
    saved = Treatment.objects.filter(owner=owner).exclude(pk__in=[t.pk for t in old])
    free = {}
    for row in saved.order_by("id"):
        free.setdefault(same_treatment(row), []).append(row)
    mapping = {}
    for row in old:
        matches = free.get(same_treatment(row))
        if matches:
            mapping[row.pk] = matches.pop(0)
    if mapping:
        treatments_recreated.send(sender=Treatment, owner=owner, mapping=mapping)
    Treatment.objects.filter(pk__in=[t.pk for t in old]).delete()
