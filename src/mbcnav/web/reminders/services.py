"""Reminders for the web: schedules tied to current treatments, taken/skipped marks, adherence.

Other apps use ``adherence_lines(owner, today)`` (summary, visit guide) and
``export_rows(owner)`` (own your data).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from mbcnav.patient import PatientFileError
from mbcnav.patient import schedule as sched
from mbcnav.patient.drugs import drug as lookup
from mbcnav.patient.usual import usual_for
from mbcnav.web.record.models import Treatment

from .models import CalendarFeed, DoseMark, MedicineSchedule, Outbox, ReminderSettings


def local_today(owner, now: dt.datetime | None = None) -> dt.date:
    now = now or timezone.now()
    return now.astimezone(ReminderSettings.for_owner(owner).zone).date()


def current_medicines(owner, today: dt.date) -> list[tuple[Treatment, str]]:
    """(treatment, drug) for each drug of a systemic treatment not ended by ``today``."""
    out = []
    for t in Treatment.objects.filter(owner=owner, type="systemic"):
        if t.end and t.end < today:
            continue
        out.extend((t, name) for name in t.drugs or [])
    return out


def suggestion(drug_name: str) -> dict | None:
    usual = usual_for(drug_name)
    if usual is None:
        return None
    return {"fields": usual.fields, "summary": usual.summary, "source": usual.source}


def add_schedule(owner, treatment: Treatment, drug_name: str, data: dict) -> MedicineSchedule:
    """A new schedule for one drug of a current treatment; bad input raises PatientFileError.
    The drug's earlier active schedule for the same treatment is ended (one plan at a time)."""
    schedule = sched.parse(data, today=dt.date.today())
    usual = usual_for(drug_name)
    from_usual = usual is not None and all(
        sched.to_dict(schedule).get(k) == sched.to_dict(usual.schedule(schedule.start)).get(k)
        for k in ("pattern", "days_on", "days_off", "every_weeks", "cycle_days", "cycle_length")
    )
    with transaction.atomic():
        for old in MedicineSchedule.objects.filter(
            owner=owner, treatment=treatment, drug=drug_name, ended__isnull=True
        ):
            old.end(schedule.start - dt.timedelta(days=1), "a new schedule replaced it")
        return MedicineSchedule.objects.create(
            owner=owner,
            treatment=treatment,
            drug=drug_name,
            plan=sched.to_dict(schedule),
            from_usual=from_usual,
        )


def mark(row: MedicineSchedule, day: dt.date, at: dt.time, status: str, reason: str, today):
    """Mark one dose taken or skipped (again: the new mark replaces the old)."""
    if status not in ("taken", "skipped"):
        raise PatientFileError(f"A dose can be marked taken or skipped; you chose {status}.")
    if day > today:
        raise PatientFileError(f"The dose on {day} is still to come; mark it on the day.")
    if (day, at) not in set(row.schedule.doses(day, day)):
        raise PatientFileError(f"{row.drug} has no dose on {day} at {at:%H:%M} in this schedule.")
    reason = (reason or "").strip()[:200] if status == "skipped" else ""
    DoseMark.objects.update_or_create(
        schedule=row,
        day=day,
        at=at,
        defaults={"owner": row.owner, "status": status, "reason": reason},
    )


def doses_around(row: MedicineSchedule, today: dt.date, back: int = 7, ahead: int = 7):
    """Recent and coming doses with their marks, newest first."""
    marks = {(m.day, m.at): m for m in row.marks.all()}
    doses = row.schedule.doses(today - dt.timedelta(days=back), today + dt.timedelta(days=ahead))
    return [
        {"day": d, "at": t, "mark": marks.get((d, t)), "due": d <= today}
        for d, t in reversed(doses)
    ]


def adherence(row: MedicineSchedule, today: dt.date) -> list[dict]:
    """Per cycle (or per month without cycles), doses taken, skipped and not marked so far."""
    if row.never_started:
        return []
    schedule = row.schedule
    marks = {(m.day, m.at): m for m in row.marks.all()}
    groups: OrderedDict[str, dict] = OrderedDict()
    for day, at in schedule.doses(schedule.start, today):
        number = schedule.cycle_of(day)
        label = f"Cycle {number}" if number else day.strftime("%B %Y")
        g = groups.setdefault(
            label, {"label": label, "taken": 0, "skipped": 0, "unmarked": 0, "reasons": []}
        )
        m = marks.get((day, at))
        key = m.status if m else "unmarked"
        g[key] += 1
        if m and m.status == "skipped" and m.reason:
            g["reasons"].append(f"{day:%b %d}: {m.reason}")
    return list(groups.values())


def glance(owner, today: dt.date) -> list[dict]:
    """For the record page: each active schedule's current cycle (or month) so far."""
    out = []
    for row in MedicineSchedule.objects.filter(owner=owner, ended__isnull=True):
        groups = adherence(row, today)
        if groups:
            out.append({"drug": row.drug, **groups[-1]})
    return out


def adherence_lines(owner, today: dt.date, days: int = 90) -> list[str]:
    """Plain sentences about doses recorded as skipped in the last ``days`` days, with reasons."""
    since = today - dt.timedelta(days=days)
    lines = []
    for row in MedicineSchedule.objects.filter(owner=owner):
        skipped = list(row.marks.filter(status="skipped", day__gte=since, day__lte=today))
        if not skipped:
            continue
        reasons = sorted({m.reason for m in skipped if m.reason})
        why = f" (reason given: {'; '.join(reasons)})" if reasons else ""
        n = len(skipped)
        lines.append(
            f"{row.drug}: {n} dose{'s' if n != 1 else ''} recorded as skipped since {since}{why}."
        )
    return lines


def skipped_for_guide(owner, today: dt.date, days: int = 90) -> list | None:
    """(drug, doses skipped, reasons) per schedule for the visit guide; None without schedules."""
    rows = list(MedicineSchedule.objects.filter(owner=owner))
    if not rows:
        return None
    since = today - dt.timedelta(days=days)
    out = []
    for row in rows:
        marks = list(row.marks.filter(status="skipped", day__gte=since, day__lte=today))
        if marks:
            out.append((row.drug, len(marks), sorted({m.reason for m in marks if m.reason})))
    return out


def end_for_treatment(treatment: Treatment, deleted: bool = False) -> None:
    """Ending, changing or removing a line of therapy ends its schedules."""
    rows = MedicineSchedule.objects.filter(treatment=treatment, ended__isnull=True)
    for row in rows:
        if deleted:
            row.end(timezone.localdate(), "the treatment was removed from the record")
        elif treatment.end:
            row.end(treatment.end, "the treatment ended")
        elif row.drug not in (treatment.drugs or []):
            row.end(timezone.localdate(), "the treatment changed")


def _plain(value):
    """A value for the JSON export: dates as ISO text, related rows (a many-to-many list, such
    as the caregivers' shares that stopped copies) as their ids."""
    if isinstance(value, list):
        return [getattr(x, "pk", x) for x in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def move_to_new_treatments(owner, mapping: dict) -> None:
    """Re-link active schedules of re-created treatments ({old pk: new row}) before the old rows
    go; the new row's end date or changed drugs still end them."""
    rows = MedicineSchedule.objects.filter(
        owner=owner, treatment_id__in=list(mapping), ended__isnull=True
    )
    for row in rows:
        new = mapping[row.treatment_id]
        row.treatment = new
        row.save(update_fields=["treatment"])
    for new in {t.pk: t for t in mapping.values()}.values():
        end_for_treatment(new)


def export_rows(owner) -> dict:
    def rows(qs, exclude=("owner",)):
        out = []
        for row in qs:
            d = model_to_dict(row, exclude=list(exclude))
            out.append({k: _plain(x) for k, x in d.items()})
        return out

    prefs = ReminderSettings.objects.filter(owner=owner)
    feed = CalendarFeed.objects.filter(owner=owner, token__isnull=False).exists()
    return {
        "settings": rows(prefs, ("owner", "id")),
        "medicine_schedules": rows(MedicineSchedule.objects.filter(owner=owner)),
        "dose_marks": rows(DoseMark.objects.filter(owner=owner)),
        "calendar_feed": {"active": feed},  # the secret address itself is not exported
        "emails": rows(
            Outbox.objects.filter(owner=owner),
            ("owner", "body", "unsubscribe", "claimed_by", "lease_until"),
        ),
    }


def known_drug(name: str) -> str:
    found = lookup(name or "")
    return found.name if found else name
