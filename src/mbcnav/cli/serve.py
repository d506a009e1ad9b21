"""``mbcnav serve``: migrate, load the bundled content and a demo account, and serve."""

from __future__ import annotations

import os
import sys

import click

from .options import setup_django

DEMO_EMAIL = "demo@example.org"
DEMO_PASSWORD = "demo-password-mbc"


def prepare(demo: bool = True) -> list[str]:
    """Everything `serve` does before serving; returns lines to print. Idempotent."""
    setup_django()
    from django.core.management import call_command

    from mbcnav.web.core import setup

    call_command("migrate", interactive=False, verbosity=0)
    from mbcnav.web.checkins.repair import repair_untriaged

    notes = setup.load_bundled_content()
    repaired = repair_untriaged()  # check-ins a crash left without triage
    if repaired:
        notes.append(f"Triaged {repaired} check-in days that had no triage level.")
    if demo:
        notes.append(setup.load_demo(DEMO_EMAIL, DEMO_PASSWORD))
    return notes


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--workers", default=2, show_default=True, type=int, help="gunicorn worker processes."
)
@click.option(
    "--demo/--no-demo",
    default=True,
    show_default=True,
    help="Create the demo account with a demo record.",
)
@click.option(
    "--reminders/--no-reminders",
    default=True,
    show_default=True,
    help="Run the reminder worker (mbcnav worker) beside the web server.",
)
def command(host: str, port: int, workers: int, demo: bool, reminders: bool) -> None:
    """Set up the database (SQLite by default) and serve the app on http://HOST:PORT/,
    with the reminder worker beside it."""
    os.environ["MBCNAV_WORKER"] = "1" if reminders else "0"
    os.environ.setdefault("MBCNAV_SITE_URL", f"http://{host}:{port}")
    for line in prepare(demo):
        click.echo(line)
    click.echo(f"\nMBC Navigator is running at http://{host}:{port}/")
    if demo:
        click.echo(
            f"Sign in as {DEMO_EMAIL} with the password {DEMO_PASSWORD} to see a demo record."
        )
    click.echo("Press Ctrl+C to stop.\n")
    sys.stdout.flush()
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    os.execv(
        gunicorn,
        [
            gunicorn,
            "--config",
            "python:mbcnav.web.gunicorn_conf",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
        ],
    )
