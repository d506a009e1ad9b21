"""``mbcnav ask "QUESTION"``: cited answers from the project's own library (no internet)."""

from __future__ import annotations

import json
import textwrap

import click

from mbcnav.library.answer import ask


@click.command("ask")
@click.argument("question")
@click.option(
    "--patient",
    "patient_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="A patient file (YAML or JSON): prefer passages for this person's subtype and sites.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (see docs/cli.md).")
@click.option("--top", type=int, default=3, show_default=True, help="How many passages to show.")
def command(question: str, patient_file: str | None, as_json: bool, top: int) -> None:
    """Answer QUESTION from the MBC library, with the sources of each passage."""
    patient = None
    if patient_file:
        from mbcnav.patient import load

        patient = load(patient_file)
    result = ask(question, patient=patient, top=top)
    if as_json:
        click.echo(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
        return
    if not result.answers:
        click.echo(result.message)
        return
    for n, a in enumerate(result.answers, start=1):
        click.echo(f"{n}. {a.title}: {a.heading}")
        for para in a.text.split("\n"):
            click.echo(
                textwrap.fill(para, width=88, initial_indent="   ", subsequent_indent="   ")
                if para
                else ""
            )
        click.echo(f"   Read more: {a.url}")
        for s in a.sources:
            click.echo(f'   Source: {s.publisher}, "{s.title}" ({s.url})')
        click.echo("")
    click.echo("This is general information. Talk with your care team about your own situation.")
