"""A person's reminder plan: their time zone and the weekly check-in they asked to be
reminded of. Medicine schedules (``schedules``) and email reminders build on it; the
calendar feed and the emails read the same row, so a person sets these things once.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
DEFAULT_TIME_ZONE = "America/New_York"


@functools.cache
def known_time_zones() -> frozenset[str]:
    """Every IANA zone name this machine knows (read once; a folder such as 'America' is not one)."""
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    """A time zone name from the IANA database, e.g. America/Chicago."""
    if not isinstance(value, str) or value not in known_time_zones():
        raise ValidationError(
            _("Time zone %(value)r is not one we know; choose one such as America/Chicago."),
            params={"value": value},
        )


class ReminderSettings(models.Model):
    """One row per person: where they live in time, and their weekly check-in."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=DEFAULT_TIME_ZONE, validators=[validate_time_zone]
    )
    checkin_weekday = models.PositiveSmallIntegerField(
        _("weekly check-in day"), null=True, blank=True, choices=WEEKDAYS
    )
    checkin_time = models.TimeField(_("check-in reminder time"), default=dt.time(18, 0))
    # Email reminders: each kind is opt-in; nothing is sent in quiet hours (local time).
    email_checkin = models.BooleanField(_("Email me when my weekly check-in is due"), default=False)
    email_appointment = models.BooleanField(
        _("Email me the day before an appointment"), default=False
    )
    email_questions = models.BooleanField(
        _("Email me my saved questions the day before a visit"), default=False
    )
    copy_caregivers = models.BooleanField(
        _("Send a copy to the caregivers I share my record with"), default=False
    )
    # Caregivers who stopped their own copies (their unsubscribe link names their share).
    copy_stopped = models.ManyToManyField(
        "record.Share",
        blank=True,
        related_name="+",
        verbose_name=_("caregivers who stopped copies"),
    )
    quiet_start = models.TimeField(_("quiet hours start"), default=dt.time(21, 0))
    quiet_end = models.TimeField(_("quiet hours end"), default=dt.time(8, 0))
    updated = models.DateTimeField(auto_now=True)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def weekly_checkin(self) -> bool:
        return self.checkin_weekday is not None

    def quiet_at(self, local: dt.time) -> bool:
        """Whether a local time of day falls in the quiet hours (which may span midnight)."""
        start, end = self.quiet_start, self.quiet_end
        if start == end:
            return False
        return start <= local < end if start < end else local >= start or local < end

    @classmethod
    def for_owner(cls, user) -> ReminderSettings:
        row, _created = cls.objects.get_or_create(owner=user)
        return row


from .feed_models import CalendarFeed  # noqa: E402
from .outbox_models import Outbox  # noqa: E402
from .schedule_models import DoseMark, MedicineSchedule  # noqa: E402

__all__ = ["CalendarFeed", "DoseMark", "MedicineSchedule", "Outbox", "ReminderSettings"]
