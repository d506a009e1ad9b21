"""Issue 16 (security review), item 5: the data folder is private to the server's user (0700) and
the SQLite database, its WAL and SHM files, the secret key and backups are 0600, even under a
permissive umask (0022 gives 0644 files by default)."""

import os
import stat
import subprocess
import sys

import pytest

from .test_data_safety import IS_PG, env_for, run

pytestmark = pytest.mark.skipif(IS_PG, reason="file modes of the SQLite files")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_data_folder_database_wal_and_backups_are_private(tmp_path):
    data = tmp_path / "data"
    env = env_for(data)
    old = os.umask(0o022)
    try:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "django",
                "migrate",
                "--settings=mbcnav.web.settings",
                "-v",
                "0",
            ],
            env=env,
            check=True,
            timeout=300,
        )
        # a write keeps the WAL and SHM files in place while we look at them
        script = (
            "import os, django, stat; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
            "'mbcnav.web.settings'); django.setup()\n"
            "from django.contrib.auth.models import User\n"
            "User.objects.create_user('x@example.org', 'x@example.org', 'pw-long-enough-1')\n"
            "from django.db import connection\n"
            "name = connection.settings_dict['NAME']\n"
            "for suffix in ('', '-wal', '-shm'):\n"
            "    print(suffix or 'db', oct(stat.S_IMODE(os.stat(str(name) + suffix).st_mode)))\n"
        )
        shown = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        run("backup", str(data / "backups" / "b.sqlite3"), env=env)
    finally:
        os.umask(old)
    assert mode(data) == 0o700
    assert dict(zip(shown[::2], shown[1::2], strict=True)) == {
        "db": "0o600",
        "-wal": "0o600",
        "-shm": "0o600",
    }
    assert mode(data / "mbcnav.sqlite3") == 0o600
    assert mode(data / "secret_key") == 0o600
    assert mode(data / "backups" / "b.sqlite3") == 0o600
    assert mode(data / "backups") == 0o700
