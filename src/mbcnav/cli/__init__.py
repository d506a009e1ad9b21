"""The ``mbcnav`` command line: a thin layer over the engines (docs/cli.md).

Exit codes: 0 success; 2 bad input (one sentence on stderr); 1 anything else.
Each command group lives in its own module exposing ``command``; ``COMMANDS`` lists them. A
module may also list in ``TOP_LEVEL`` commands that are registered at the top level as well.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from mbcnav.errors import MbcnavError

COMMANDS = (
    "check",
    "ask",
    "guide",
    "triage",
    "trials",
    "fhir",
    "record",
    "serve",
    "ops",
    "care",
    "worker",
)


_LOADED: set[str] = set()


class _Group(click.Group):
    """Turns every MbcnavError into one sentence on stderr and exit code 2.

    Command modules are imported when used, not at start-up (``mbcnav ask`` does not pay
    for the record, trials and FHIR imports); help and unknown names load them all."""

    def get_command(self, ctx, cmd_name):
        if cmd_name not in self.commands:
            if cmd_name in COMMANDS:
                _load(cmd_name)
            if cmd_name not in self.commands:  # an alias such as `import`: load every group
                _load_all()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx):
        _load_all()
        return super().list_commands(ctx)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MbcnavError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except (
            Exception
        ) as err:  # anything else: exit 1, one line (set MBCNAV_DEBUG=1 for the traceback)
            if os.environ.get("MBCNAV_DEBUG"):
                raise
            click.echo(
                f"Unexpected error: {err.__class__.__name__}: {err} (set MBCNAV_DEBUG=1 for details).",
                err=True,
            )
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mbcnav")
def main() -> None:
    """MBC Navigator: your metastatic breast cancer record, library, visit guide,
    symptom triage and trial finder, on your own machine."""


def _same_help_option_everywhere(command: click.Command) -> None:
    """-h and --help on every command, however it is invoked (click caches the option per command)."""
    command.context_settings.setdefault("help_option_names", ["-h", "--help"])
    for sub in getattr(command, "commands", {}).values():
        _same_help_option_everywhere(sub)


_same_help_option_everywhere(main)


def _load(name: str) -> None:
    """Register the command group of module ``mbcnav.cli.<name>`` (and its top-level aliases)."""
    if name in _LOADED:
        return
    _LOADED.add(name)
    try:
        module = importlib.import_module(f"mbcnav.cli.{name}")
    except ModuleNotFoundError as err:  # a command group not built yet must not break the rest
        if err.name != f"mbcnav.cli.{name}":
            raise
        return
    for command in (
        module.command,
        *(getattr(module, a) for a in getattr(module, "TOP_LEVEL", ())),
    ):
        main.add_command(command)  # e.g. `mbcnav import` beside `mbcnav record import`
        _same_help_option_everywhere(command)


def _load_all() -> None:
    for name in COMMANDS:
        _load(name)


def _entry_command() -> str | None:
    """The command named on the command line when this process is the ``mbcnav`` program
    (``mbcnav ask ...`` or ``python -m mbcnav.cli ask ...``); None otherwise."""
    program = os.path.basename(sys.argv[0]) if sys.argv else ""
    if program not in {"mbcnav", "__main__.py"}:
        return None
    first = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    return first if first in COMMANDS else None


# A process that runs one command (the `mbcnav` program) loads only that command's module;
# anything else that imports the CLI (tests, the docs generator, other code) gets every command
# registered at import, with -h on each, as before.
if _entry_command() is None:
    _load_all()
