"""Per-address and per-client limits on emails a stranger can make the site send.

``allow(kind, key, limit)`` says whether one more request of ``kind`` for ``key`` fits in the
last hour, and records it when it does. Email addresses are stored only as SHA-256 hashes
(``email_key``); deleting an account removes its rows (``forget``).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import RateEvent

WINDOW = timedelta(hours=1)


def email_key(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()


def allow(kind: str, key: str | None, limit: int) -> bool:
    key = (key or "unknown")[:64]
    now = timezone.now()
    with transaction.atomic():
        RateEvent.objects.filter(at__lt=now - WINDOW).delete()
        if RateEvent.objects.filter(kind=kind, key=key).count() >= limit:
            return False
        RateEvent.objects.create(kind=kind, key=key)
    return True


def allow_email(kind: str, email: str, client: str | None, per_address: int, per_client: int):
    """Both limits at once: the address (hashed) and the client address."""
    return allow(f"{kind}-client", client, per_client) and allow(
        f"{kind}-address", email_key(email), per_address
    )


def forget(email: str) -> None:
    RateEvent.objects.filter(key=email_key(email)).delete()
