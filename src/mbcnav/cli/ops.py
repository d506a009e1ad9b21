"""Operator commands: ``mbcnav ops backup|restore|deploy-check`` (also top-level aliases)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import click

from mbcnav.errors import MbcnavError

from .options import setup_django

TOP_LEVEL = ("backup_command", "restore_command", "deploy_check_command")


class OpsError(MbcnavError):
    """A backup, restore or deployment check could not be done."""


def _db():
    setup_django()
    from django.db import connection

    return connection


def _pg_env(settings: dict) -> tuple[list[str], dict]:
    import os

    args = [
        "--host",
        settings.get("HOST") or "localhost",
        "--port",
        str(settings.get("PORT") or 5432),
        "--username",
        settings.get("USER") or "postgres",
        "--dbname",
        settings["NAME"],
    ]
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return args, env


def backup(target: Path) -> str:
    conn = _db()
    vendor, db = conn.vendor, conn.settings_dict
    from mbcnav.web.config import private_dir, private_file

    target = Path(target)
    if not target.parent.exists():
        private_dir(target.parent)
    private_file(target)  # 0600 before any byte is written: a backup holds everything
    if vendor == "sqlite":
        src = sqlite3.connect(db["NAME"])
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)  # SQLite's online backup: consistent while the app is running
        src.close()
        dst.close()
    elif vendor == "postgresql":
        if not shutil.which("pg_dump"):
            raise OpsError("pg_dump is not installed; install the PostgreSQL client tools.")
        args, env = _pg_env(db)
        done = subprocess.run(
            ["pg_dump", "--format=custom", "--file", str(target), *args],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise OpsError(
                f"pg_dump failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}."
            )
    else:
        raise OpsError(
            f"backups of a {vendor} database are not supported; use SQLite or PostgreSQL."
        )
    return f"Backed up the {vendor} database to {target}."


def restore(source: Path) -> str:
    source = Path(source)
    if not source.exists():
        raise OpsError(f"backup file {str(source)!r} does not exist.")
    conn = _db()
    vendor, db = conn.vendor, conn.settings_dict
    if vendor == "sqlite":
        try:
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            src.execute("select count(*) from sqlite_master").fetchone()
        except sqlite3.DatabaseError:
            raise OpsError(
                f"{str(source)!r} is not a SQLite backup made by 'mbcnav backup'."
            ) from None
        conn.close()
        dst = sqlite3.connect(db["NAME"])
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
    elif vendor == "postgresql":
        if not shutil.which("pg_restore"):
            raise OpsError("pg_restore is not installed; install the PostgreSQL client tools.")
        conn.close()
        args, env = _pg_env(db)
        done = subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *args,
                str(source),
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise OpsError(
                f"pg_restore failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}."
            )
    else:
        raise OpsError(
            f"restores into a {vendor} database are not supported; use SQLite or PostgreSQL."
        )
    return f"Restored the {vendor} database from {source}."


def deploy_problems() -> list[str]:
    """Our own production checks, beside Django's `check --deploy`."""
    setup_django()
    from django.conf import settings

    from mbcnav.web import config

    problems = []
    if not config.get("SECRET_KEY"):
        problems.append("SECRET_KEY is not set in the environment (a generated key file is used).")
    if settings.DEBUG:
        problems.append("DEBUG is on; set DEBUG=0.")
    if not settings.SECURE:
        problems.append("SECURE is off; serve over HTTPS behind a proxy and set SECURE=1.")
    if settings.SECURE and not settings.MBCNAV_TRUSTED_PROXIES:
        problems.append(
            "SECURE is on (so a proxy is in front) but MBCNAV_TRUSTED_PROXIES is empty: sign-in "
            "throttling sees every client as the proxy; list the proxy's address."
        )
    if set(settings.ALLOWED_HOSTS) <= {"127.0.0.1", "localhost"}:
        problems.append("ALLOWED_HOSTS only lists loopback names; add the site's host name.")
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        problems.append(
            "The database is SQLite; multi-user deployments should use PostgreSQL (DATABASE_URL)."
        )
    for item in settings.MBCNAV_SMART_PORTALS:
        if not item["fhir_base"].startswith("https://"):
            problems.append(
                f"The patient portal {item['name']!r} in MBCNAV_SMART_PORTALS has a FHIR address "
                "that is not https; portal sign-ins would be refused."
            )
    site_problem = config.site_url_problem(settings.MBCNAV_SITE_URL)
    if site_problem and not settings.DEBUG:
        problems.append(site_problem)
    if settings.EMAIL_BACKEND.endswith("console.EmailBackend"):
        problems.append(
            "Email goes to the console; set EMAIL_BACKEND and SMTP settings so password resets arrive."
        )
    return problems


@click.group("ops")
def command() -> None:
    """Operator tasks: backups, restores and deployment checks."""


@command.command("backup")
@click.argument("target", type=click.Path(dir_okay=False))
def backup_command(target: str) -> None:
    """Copy the whole database to TARGET (SQLite online backup, or pg_dump)."""
    click.echo(backup(Path(target)))


@command.command("restore")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore_command(source: str, yes: bool) -> None:
    """Replace the database with the backup in SOURCE."""
    if not yes:
        click.confirm(
            "This replaces every record in the database with the backup. Continue?", abort=True
        )
    click.echo(restore(Path(source)))


@command.command("repair")
def repair_command() -> None:
    """Triage check-ins that have no triage level (left by a crash) and alert navigators."""
    setup_django()
    from mbcnav.web.checkins.repair import repair_untriaged

    click.echo(f"Triaged {repair_untriaged()} check-in days that had no triage level.")


@command.command("reminders")
@click.option("--failed", "show_failed", is_flag=True, help="List the failed emails and why.")
def reminders_command(show_failed: bool) -> None:
    """Reminder emails in the outbox: how many are queued, being sent, sent and failed."""
    setup_django()
    from mbcnav.web.reminders.models import Outbox
    from mbcnav.web.reminders.worker import counts, not_ready

    reason = not_ready()
    if reason:
        click.echo(f"Not queuing reminder emails: {reason}")
    for status, n in counts().items():
        click.echo(f"{status}: {n}")
    if show_failed:
        for row in Outbox.objects.filter(status="failed"):
            click.echo(f"- {row.key} after {row.attempts} tries: {row.last_error}")


@command.command("deploy-check")
def deploy_check_command() -> None:
    """Django's `check --deploy` plus MBC Navigator's own production checks; exit 1 on problems."""
    setup_django()
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    failed = False
    try:
        call_command("check", deploy=True, fail_level="WARNING")
    except SystemCheckError as err:
        click.echo(str(err), err=True)
        failed = True
    problems = deploy_problems()
    for p in problems:
        click.echo(f"- {p}", err=True)
    if failed or problems:
        raise SystemExit(1)
    click.echo("Deployment checks passed.")
