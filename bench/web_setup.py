"""The in-process Django set-up the web page benchmarks share: a throw-away data folder,
production-like settings (DEBUG off), the database migrated and one bench person."""

from __future__ import annotations

import os
import tempfile


def bench_person():
    """Set Django up on a fresh temporary database; (a new bench user, the data folder to
    remove at the end)."""
    folder = tempfile.mkdtemp(prefix="mbcnav-bench-")
    os.environ.update(
        {
            "MBCNAV_DATA_DIR": folder,
            "ALLOWED_HOSTS": "testserver",
            "DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": "mbcnav.web.settings",
        }
    )
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    user = User.objects.create_user(username="bench@example.org", email="bench@example.org")
    return user, folder
