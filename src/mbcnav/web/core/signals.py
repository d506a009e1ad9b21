"""Deleting an account deletes its audit events: the user's ``pre_delete`` writes the permit the
database triggers look for (migration 0002), ``post_delete`` removes it, both inside the
deletion's transaction. Any other delete or update of audit rows is refused by the database."""

from __future__ import annotations

from .models import AuditErasure


def permit(sender, instance, using, **kwargs):
    AuditErasure.objects.using(using).create(subject_id=instance.pk)


def revoke(sender, instance, using, **kwargs):
    AuditErasure.objects.using(using).filter(subject_id=instance.pk).delete()
