"""``mbcnav worker``: send reminder emails from the outbox (started by ``mbcnav serve``)."""

from __future__ import annotations

import datetime as dt

import click

from mbcnav.errors import MbcnavError

from .options import setup_django


class WorkerError(MbcnavError):
    """The worker was given a bad option."""


def _when(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise WorkerError(
            f"--now must be a date and time like 2026-12-07T18:30+00:00; you wrote {text}."
        ) from None
    if when.tzinfo is None:
        raise WorkerError(f"--now must include a time zone, like +00:00; you wrote {text}.")
    return when


@click.command("worker")
@click.option("--once", is_flag=True, help="One pass (plan and send what is due), then exit.")
@click.option("--interval", default=30.0, show_default=True, help="Seconds between passes.")
@click.option("--now", "now_text", default=None, help="Pretend it is this time (tests).")
@click.option("--parent", type=int, default=None, help="Exit when this process is gone.")
def command(once: bool, interval: float, now_text: str | None, parent: int | None) -> None:
    """Queue due reminders (check-ins, appointments, saved questions) and email them once."""
    now = _when(now_text)
    setup_django()
    from mbcnav.web.reminders import worker

    if once:
        reason = worker.not_ready()
        if reason:
            click.echo(f"Not queuing reminder emails: {reason}", err=True)
        queued, sent = worker.run_once(now or _now())
        click.echo(f"Queued {queued}, sent {sent}.")
        return
    try:
        worker.loop(interval, parent=parent, clock=(lambda: now) if now else None)
    except KeyboardInterrupt:  # Ctrl+C on `scripts/run` reaches the whole process group
        pass


def _now():
    from django.utils import timezone

    return timezone.now()
