"""``mbcnav ask "QUESTION"``: cited answers from the project's own library (no internet)."""

from __future__ import annotations

import json
import textwrap

import click


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
    from mbcnav.library.answer import ask  # imported here: other commands start faster

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
    if not result.confident:
        click.echo(textwrap.fill(result.message, width=88))
        click.echo("")
    for n, a in enumerate(result.answers, start=1):
        about = f" (about “{a.side}”)" if a.side else ""
        label = "Related: " if n > 1 and result.confident and not a.side else ""
        click.echo(f"{n}. {label}{a.title}: {a.heading}{about}")
        if a.sentence:
            click.echo(
                textwrap.fill(
                    f">> {a.sentence}", width=88, initial_indent="   ", subsequent_indent="      "
                )
            )
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
    for other in result.also_asked:
        click.echo(f"You also asked (ask it on its own): {other}")
    for name, url in result.medicines:
        click.echo(f"Medicines guide: {name}: {url}")
    click.echo("This is general information. Talk with your care team about your own situation.")
