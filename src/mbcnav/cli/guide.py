"""``mbcnav guide PATIENT_FILE``: questions for the next visit (docs/cli.md)."""

from __future__ import annotations

import click

from mbcnav.guide import GuideResult, visit_guide

from .options import date_option, echo_json, json_option, load_patient, today


@click.command("guide")
@click.argument("patient_file", type=click.Path(dir_okay=False))
@json_option
@date_option
def command(patient_file: str, as_json: bool, as_of) -> None:
    """Write the questions for the next visit from PATIENT_FILE (YAML or JSON).

    Each question says why it was raised and links a library article. The
    questions open a conversation with the care team; they are not advice to
    start or stop any treatment.
    """
    patient = load_patient(patient_file)
    result = visit_guide(patient, today(as_of))
    if as_json:
        echo_json(result.to_dict())
        return
    click.echo(render_text(result))


def render_text(result: GuideResult) -> str:
    if not result.questions:
        return (
            f"No questions were raised from your record on {result.date.isoformat()}. "
            "You can still bring your own questions to the visit."
        )
    out = [f"Questions for your next visit ({result.date.isoformat()}):", ""]
    for number, question in enumerate(result.questions, start=1):
        out.append(f"{number}. {question.text}")
        out.append(f"   Why: {question.why}")
        if question.article:
            out.append(f"   Read more: /library/{question.article}/")
        out.append("")
    out.append("These questions are for talking with your care team; they are not medical advice.")
    out.append("A symptom that cannot wait? Run `mbcnav triage` or call your care team now.")
    return "\n".join(out)
