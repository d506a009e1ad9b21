"""Where uploaded report files live: MEDIA_ROOT/documents/<owner id>/<random name>.pdf, the
folders 0700 and the files 0600 (the data folder's rule for private files, web/config.py)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings

from mbcnav.web.config import private_dir, private_file


def folder(owner_id: int) -> Path:
    return private_dir(Path(settings.MEDIA_ROOT) / "documents" / str(int(owner_id)))


def save(owner_id: int, data: bytes) -> str:
    name = f"{secrets.token_hex(16)}.pdf"
    path = private_file(folder(owner_id) / name)
    with open(path, "wb") as fh:
        fh.write(data)
    return name


def path_of(owner_id: int, name: str) -> Path:
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise FileNotFoundError(name)
    return folder(owner_id) / name


def remove_file(sender, instance, **kwargs):
    if instance.stored:
        try:
            os.remove(path_of(instance.owner_id, instance.stored))
        except FileNotFoundError:
            pass
