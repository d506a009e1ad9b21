"""The audit log: who viewed or changed what. Append-only (no update, no delete)."""

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
