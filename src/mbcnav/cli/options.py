"""Options and parameter types shared by the commands."""

from __future__ import annotations

import json
from datetime import date

import click

from mbcnav.patient import Patient, load


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date; write it as YYYY-MM-DD.", param, ctx)


def date_option(f):
    return click.option(
        "--date",
        "as_of",
        type=IsoDate(),
        default=None,
        help="Take this day as 'today' (YYYY-MM-DD) so results are reproducible.",
    )(f)


def json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON (see docs/cli.md).")(f)


def today(as_of: date | None) -> date:
    return as_of or date.today()


def load_patient(path: str) -> Patient:
    """Load a patient file; errors become PatientFileError (exit 2) via the group."""
    return load(path)


def echo_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def setup_django() -> None:
    """Configure Django for commands that touch the web database (import/export --user, serve...)."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mbcnav.web.settings")
    django.setup()
