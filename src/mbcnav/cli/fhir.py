"""``mbcnav fhir export|import``: move a record to and from FHIR R4 / mCODE bundles."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import click
import yaml

from mbcnav.fhir import export_bundle, import_file, merge_records, validate_bundle
from mbcnav.fhir.errors import FhirError
from mbcnav.patient import load

from .options import date_option, echo_json, json_option, load_patient, today


def _write_atomically(path: str, text: str) -> None:
    """Write next to the target, then rename: a failure never leaves half a file."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise FhirError(
            f"The output folder {str(directory)!r} cannot be written ({err.strerror})."
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise FhirError(f"The file {path!r} cannot be written ({err.strerror}).") from None


@click.group("fhir")
def command() -> None:
    """Export a record as a FHIR R4 (mCODE) bundle, or import one."""


@command.command("export")
@click.argument("patient_file", type=click.Path(dir_okay=False))
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the bundle JSON to this file instead of standard output.",
)
def export_command(patient_file: str, out: str | None) -> None:
    """Write PATIENT_FILE as a FHIR R4 Bundle (mCODE STU4 profiles where they exist)."""
    bundle = export_bundle(load_patient(patient_file))
    validate_bundle(bundle)
    text = json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"
    if out:
        _write_atomically(out, text)
        click.echo(f"Wrote {len(bundle['entry'])} FHIR resources to {out}.", err=True)
    else:
        click.echo(text, nl=False)


@command.command("import")
@click.argument("bundle", type=click.Path(dir_okay=False))
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="The patient file (YAML) to write.",
)
@click.option(
    "--user",
    "email",
    default=None,
    help="Import into the record of this web account instead (atomic: all or nothing).",
)
@click.option(
    "--merge",
    is_flag=True,
    help="Add to the existing record (--out file or --user account) instead of replacing it.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Refuse the whole bundle if any resource fails FHIR R4 validation.",
)
@json_option
@date_option
def import_command(
    bundle: str, out: str | None, email: str | None, merge: bool, strict: bool, as_json: bool, as_of
) -> None:
    """Read a FHIR R4 BUNDLE (mCODE or US Core) into a patient file (--out) or a web account's
    record (--user), and report each resource."""
    if bool(out) == bool(email):
        raise click.UsageError("give exactly one of --out PATIENT_FILE or --user EMAIL.")
    day = today(as_of)
    record, report = import_file(bundle, today=day, strict=strict)
    if email:
        _import_into_account(email, record, merge, day)
        if as_json:
            echo_json({"user": email, **report.as_dict()})
        else:
            click.echo(report.text())
            click.echo(f"Imported the record into the account {email}.")
        return
    if merge and Path(out).exists():
        from mbcnav.patient import dump

        record = merge_records(dump(load(out, today=day)), record, today=day)
    _write_atomically(out, yaml.safe_dump(record, sort_keys=False, allow_unicode=True))
    if as_json:
        echo_json({"out": out, **report.as_dict()})
    else:
        click.echo(report.text())
        click.echo(f"Wrote the record to {out}.")


def _import_into_account(email: str, record: dict, merge: bool, day) -> None:
    from mbcnav.patient import parse

    from .options import setup_django

    setup_django()
    from django.contrib.auth import get_user_model

    from mbcnav.web.record import services

    owner = get_user_model().objects.filter(username=email.strip().lower()).first()
    if owner is None:
        raise FhirError(f"--user: there is no account with the email {email!r}.")
    if merge:  # adds only: the rows already there (and their schedules) stay as they are
        current = services.export_patient(owner)
        combined = merge_records(current, record, today=day)
        services.add_items(
            owner, current, combined, None, what="FHIR bundle (command line)", today=day
        )
        return
    services.import_patient(
        owner, parse(record, today=day), None, what="FHIR bundle (command line)"
    )
