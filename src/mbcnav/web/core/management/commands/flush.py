"""Django's ``flush``, able to empty the append-only audit log: it deletes the audit events
first under the ``ERASE_ALL`` permit the database triggers accept (migration 0002), then flushes
as usual. Tests that use real transactions flush after each test."""

from django.core.management.commands.flush import Command as Flush
from django.db import DEFAULT_DB_ALIAS, transaction

from mbcnav.web.core.models import ERASE_ALL, AuditErasure, AuditEvent


class Command(Flush):
    def handle(self, **options):
        database = options.get("database") or DEFAULT_DB_ALIAS
        if not options.get("interactive", True):
            self._empty_audit_log(database)
        return super().handle(**options)

    @staticmethod
    def _empty_audit_log(database):
        with transaction.atomic(using=database):
            AuditErasure.objects.using(database).create(subject_id=ERASE_ALL)
            AuditEvent.objects.using(database).all()._raw_delete(database)
            AuditErasure.objects.using(database).all().delete()
