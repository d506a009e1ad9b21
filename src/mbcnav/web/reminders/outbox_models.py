"""The email outbox: one row per reminder to one person, unique per (person, kind, occurrence).

The worker (``worker.py``) claims a row with a lease before sending, so two workers or a
restarted one never send the same reminder twice; a failed send goes back to the queue with
a growing delay, and is marked failed after ``MAX_ATTEMPTS``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

MAX_ATTEMPTS = 6


class Outbox(models.Model):
    STATUSES = [
        ("queued", "queued"),
        ("sending", "sending"),
        ("sent", "sent"),
        ("failed", "failed"),
    ]

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200, unique=True)  # person:kind:occurrence:recipient
    kind = models.CharField(max_length=20)
    occurrence = models.CharField(max_length=80)
    recipient = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    unsubscribe = models.URLField(max_length=500)
    status = models.CharField(max_length=8, choices=STATUSES, default="queued")
    attempts = models.PositiveSmallIntegerField(default=0)
    next_try = models.DateTimeField()
    lease_until = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["next_try", "id"]
        indexes = [models.Index(fields=["status", "next_try"])]
