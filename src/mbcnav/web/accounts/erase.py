"""What deleting an account also removes (issue 16, item 10).

The sign-in throttle (django-axes) keeps the email typed, the client address and the browser of
every attempt, and the reset limits keep a hash of the email: an account's deletion removes
those rows too. On SQLite, deleted rows are overwritten (``secure_delete``, settings.py) and
the write-ahead log, which still holds the old pages, is folded in and emptied at once.
"""

from __future__ import annotations

import logging

from django.db import OperationalError, connection, transaction

from . import limits

log = logging.getLogger(__name__)


def forget(*names: str) -> None:
    """Delete the lock-out and rate-limit rows of these usernames / email addresses."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for name in {n for n in names if n}:
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            model.objects.filter(username__iexact=name).delete()
        limits.forget(name)


def checkpoint() -> None:
    """SQLite: copy the WAL into the database and truncate it, so deleted text is not kept in
    the log until some later checkpoint. Nothing to do on PostgreSQL."""
    if connection.vendor != "sqlite":
        return
    transaction.on_commit(_truncate)  # at once, unless an outer transaction is still open


def _truncate() -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except OperationalError:  # a reader holds the log: the next checkpoint empties it
        log.warning("Could not empty the SQLite write-ahead log after an account deletion.")
