"""``mbcnav import`` / ``mbcnav export``: move a patient file in and out of a web account.

``command`` is the ``record`` group (``mbcnav record import|export``); ``import_command`` and
``export_command`` are the same commands for top-level registration (docs/cli.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import yaml

from mbcnav.patient import load

from .options import setup_django


def _user(email: str, create: bool = False):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    email = email.strip().lower()
    user = User.objects.filter(username=email).first()
    if user is None and create:
        user = User.objects.create_user(username=email, email=email)
        user.set_unusable_password()
        user.save()
    if user is None:
        raise click.BadParameter(
            f"there is no account with the email {email!r}; create it in the web app "
            "or add --create.",
            param_hint="--user",
        )
    return user


@click.command("import")
@click.argument("patient_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--user", "email", required=True, help="Email of the web account whose record is replaced."
)
@click.option(
    "--create", is_flag=True, help="Create the account (without a password) when it does not exist."
)
def import_command(patient_file: Path, email: str, create: bool) -> None:
    """Replace a web account's record with PATIENT_FILE (YAML or JSON, mbcnav-patient/1).

    The import is atomic: a bad file changes nothing and exits 2 with one sentence saying why.
    Care team, appointments, notes and shares are kept.
    """
    patient = load(patient_file)  # validate before touching the database
    setup_django()
    from mbcnav.web.record import services

    user = _user(email, create)
    services.import_patient(
        user, patient, None, what=f"patient file {patient_file.name} (command line)"
    )
    click.echo(
        f"Imported {patient_file} into the record of {user.email}: {len(patient.treatments)} treatments, "
        f"{len(patient.assessments)} scans, {len(patient.labs)} labs, {len(patient.symptoms)} check-in entries."
    )


@click.command("export")
@click.option("--user", "email", required=True, help="Email of the web account to export.")
@click.option(
    "--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
def export_command(email: str, fmt: str, output: Path | None) -> None:
    """Print a web account's record as a patient file (mbcnav-patient/1)."""
    setup_django()
    from mbcnav.web.core.models import audit
    from mbcnav.web.record import services

    user = _user(email)
    data = services.export_patient(user)
    text = (
        json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if fmt == "json"
        else yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    )
    audit(None, user, "export", f"patient file ({fmt}, command line)")
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@click.group("record")
def command() -> None:
    """Import or export the record of a web account."""


command.add_command(import_command)
command.add_command(export_command)
TOP_LEVEL = ("import_command", "export_command")

#: Also registered at the top level: `mbcnav import` and `mbcnav export` (docs/cli.md).
TOP_LEVEL = ("import_command", "export_command")
