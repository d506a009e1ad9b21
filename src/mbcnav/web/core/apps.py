from django.apps import AppConfig


def _private_sqlite_files(sender, connection, **kwargs):
    """Keep a SQLite database's WAL and SHM files 0600 too (a database made before issue 16 may
    have left them world-readable; SQLite gives new ones the database file's mode)."""
    if connection.vendor != "sqlite":
        return
    import os

    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name.startswith("file:") or name == ":memory:":
        return
    for suffix in ("", "-wal", "-shm"):
        try:
            os.chmod(name + suffix, 0o600)
        except OSError:  # not there yet, or not ours
            pass


class Config(AppConfig):
    name = "mbcnav.web.core"
    label = "core"

    def ready(self):
        from django.conf import settings
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_delete, pre_delete

        from . import signals

        connection_created.connect(_private_sqlite_files, dispatch_uid="mbcnav-private-sqlite")
        user = settings.AUTH_USER_MODEL
        pre_delete.connect(signals.permit, sender=user, dispatch_uid="mbcnav-audit-permit")
        post_delete.connect(signals.revoke, sender=user, dispatch_uid="mbcnav-audit-revoke")
