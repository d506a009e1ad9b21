"""Medicine schedules tied to a treatment of the record, and the person's taken/skipped marks."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mbcnav.patient import schedule as sched


class MedicineSchedule(models.Model):
    """When one medicine is taken: the engine's schedule (``plan``) for one drug of a treatment.

    Ending or deleting the treatment ends the schedule (``signals.py``); an ended schedule is
    kept, read-only, for the adherence history.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    treatment = models.ForeignKey(
        "record.Treatment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    drug = models.CharField(_("medicine"), max_length=120)
    plan = models.JSONField(default=dict)
    from_usual = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    ended = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["ended", "drug", "id"]

    @property
    def schedule(self) -> sched.Schedule:
        plan = dict(self.plan)
        if self.ended and (not plan.get("end") or plan["end"] > self.ended.isoformat()):
            plan["end"] = max(self.ended.isoformat(), plan["start"])
        return sched.parse(plan)

    @property
    def never_started(self) -> bool:
        """Ended (e.g. replaced) before its first day: it has no doses at all."""
        return self.ended is not None and self.ended.isoformat() < self.plan["start"]

    @property
    def active(self) -> bool:
        return self.ended is None

    def end(self, day: date, reason: str) -> None:
        if self.ended is None:
            self.ended, self.end_reason = day, reason
            self.save(update_fields=["ended", "end_reason"])


class DoseMark(models.Model):
    STATUSES = [("taken", _("taken")), ("skipped", _("skipped"))]

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    schedule = models.ForeignKey(MedicineSchedule, on_delete=models.CASCADE, related_name="marks")
    day = models.DateField()
    at = models.TimeField()
    status = models.CharField(max_length=8, choices=STATUSES)
    reason = models.CharField(_("why"), max_length=200, blank=True)
    marked = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["day", "at"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "day", "at"], name="one_mark_per_dose")
        ]
