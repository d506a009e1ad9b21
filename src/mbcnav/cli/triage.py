"""``mbcnav triage PATIENT_FILE``: how soon to get help for the latest symptom check-in."""

from __future__ import annotations

import click

from mbcnav.triage import TriageResult, triage

from .options import date_option, echo_json, json_option, load_patient, today

STALE_DAYS = 2  # a check-in older than this is flagged in the text output

HEADINGS = {
    "emergency": "EMERGENCY: get help now.",
    "urgent": "URGENT: call your oncology team now.",
    "routine": "ROUTINE: tell your team at your next visit or by message.",
    "none": "Nothing that needs action.",
}


@click.command("triage")
@click.argument("patient_file", type=click.Path(dir_okay=False))
@json_option
@date_option
def command(patient_file: str, as_json: bool, as_of) -> None:
    """Read the latest symptom check-in in PATIENT_FILE and say how soon to get help."""
    patient = load_patient(patient_file)
    result = triage(patient, today(as_of))
    if as_json:
        echo_json(result.to_json())
        return
    click.echo(render_text(result))


def render_text(result: TriageResult) -> str:
    out = [HEADINGS[result.level], result.advice]
    if result.checkin_date:
        age = result.checkin_age_days
        note = (
            f" ({age} days ago: check in again if things have changed)"
            if age and age > STALE_DAYS
            else ""
        )
        out.append(f"Check-in read: {result.checkin_date.isoformat()}{note}.")
    if result.reasons:
        out.append("")
        out.append("Why:")
        for r in result.reasons:
            out.append(f"  [{r.level}] {r.symptom}: {r.why}")
            if r.do != result.advice:
                out.append(f"      What to do: {r.do}")
    out.append("")
    out.append("This is not a diagnosis. If you feel very unwell, call 911 whatever this says.")
    return "\n".join(out)
