"""Generate docs/cli.md from the commands' own --help text (run: python -m mbcnav.cli.docs)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mbcnav.cli import main

INTRO = """# Command line

Generated from the commands' `--help` by `uv run python -m mbcnav.cli.docs`; a test fails when it
is out of date. The contract for the `--json` shapes and exit codes is in
[cli-contract.md](cli-contract.md): exit 0 on success, 2 on bad input (one sentence on stderr
naming the field, the value and what is allowed), 1 for anything else. `--date YYYY-MM-DD` sets
"today" so results are reproducible.
"""


def _walk(command: click.Command, path: list[str], parent: click.Context | None = None):
    """Each command with its context, built under its parent's (so options such as -h are inherited)."""
    ctx = command.make_context(
        path[-1],
        [],
        parent=parent,
        resilient_parsing=True,
        terminal_width=100,
        max_content_width=100,
    )
    yield path, command, ctx
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from _walk(command.commands[name], [*path, name], ctx)


def render() -> str:
    parts = [INTRO]
    for path, command, ctx in _walk(main, ["mbcnav"]):
        parts.append(f"## `{' '.join(path)}`\n\n```text\n{command.get_help(ctx).rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/cli.md")
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
