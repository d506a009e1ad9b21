"""Rate limits for emails strangers can trigger (sign-up, password reset).

Each row is one request that was let through: a kind ("reset-address", "reset-client", ...),
a key (the SHA-256 of the email address, never the address itself, or the client address) and
when. Rows older than the longest window are removed as new ones come in.
"""

from django.db import models


class RateEvent(models.Model):
    kind = models.CharField(max_length=20)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["kind", "key", "at"])]
