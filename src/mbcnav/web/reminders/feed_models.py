"""The secret address of a person's calendar feed: renewable, revocable."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models


class CalendarFeed(models.Model):
    """``token`` is the secret in the feed's address; None once revoked (the address 404s)."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created = models.DateTimeField(auto_now=True)

    def renew(self) -> str:
        self.token = secrets.token_urlsafe(32)
        self.save()
        return self.token

    def revoke(self) -> None:
        self.token = None
        self.save()

    @classmethod
    def for_owner(cls, user) -> CalendarFeed:
        return cls.objects.get_or_create(owner=user)[0]
