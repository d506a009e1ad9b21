"""The audit log: who viewed or changed what. Append-only (no update, no delete).

Append-only twice over: ``save``/``delete`` of an instance raise ``PermissionError`` here, and
database triggers (migration 0002, SQLite and PostgreSQL) refuse any UPDATE or DELETE of
``core_auditevent`` rows, so queryset ``update()``/``delete()`` and raw SQL fail too. Two
exceptions: an event's actor may be set to NULL when the actor's account is deleted (the
``actor_label`` keeps who it was), and a person's own events may be deleted with their account,
which ``AuditErasure`` permits for the length of that deletion (see ``signals.py``).
"""

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    ACTIONS = [
        (a, a)
        for a in (
            "view",
            "create",
            "update",
            "delete",
            "import",
            "export",
            "share",
            "revoke",
            "sign-in",
            "other",
        )
    ]

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(
        max_length=254, help_text="The actor's email at the time, kept if the account is deleted."
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.CASCADE,
        related_name="audit_events",
        help_text="Whose record the action concerned.",
    )
    action = models.CharField(max_length=16, choices=ACTIONS)
    target = models.CharField(
        max_length=200, help_text="What was touched, e.g. 'record overview' or 'treatment 12'."
    )

    class Meta:
        ordering = ["-at", "-id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are append-only.")


#: ``AuditErasure.subject_id`` that permits deleting every event (``flush``, see
#: core/management/commands/flush.py).
ERASE_ALL = -1


class AuditErasure(models.Model):
    """A permit, inside one transaction, to delete the audit events of ``subject_id`` (an account
    being deleted) or of everyone (``ERASE_ALL``). The triggers look for it; nothing else does."""

    subject_id = models.BigIntegerField()


def audit(actor, subject, action: str, target: str) -> AuditEvent:
    """Record one action. ``actor`` may be anonymous (None); ``subject`` is the record owner."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user,
        actor_label=getattr(user, "email", "") or "anonymous",
        subject=subject,
        action=action,
        target=target[:200],
    )
