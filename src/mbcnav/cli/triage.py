"""``mbcnav triage PATIENT_FILE``: how soon to get help for the latest symptom check-in."""

from __future__ import annotations

import dataclasses

import click

from mbcnav.patient import parse
from mbcnav.patient.model import Patient
from mbcnav.triage import TriageError, TriageResult, triage
from mbcnav.triage.follow_up import answers, questions_for, unread_words

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
@click.option(
    "--yes",
    "yes",
    multiple=True,
    metavar="QUESTION",
    help="Answer yes to a follow-up question (its name, as listed) for the latest check-in; repeatable.",
)
@json_option
@date_option
def command(patient_file: str, yes: tuple[str, ...], as_json: bool, as_of) -> None:
    """Read the latest symptom check-in in PATIENT_FILE and say how soon to get help.

    When the check-in holds words the app could not read, the red-flag follow-up questions are
    listed; answer them with --yes NAME (the file is not changed).
    """
    patient = load_patient(patient_file)
    day = today(as_of)
    result = triage(patient, day)
    if yes:
        if result.checkin_date is None:
            raise click.UsageError(
                "--yes answers a check-in, and the file has none on or before that day."
            )
        try:
            added = parse(
                {"format": patient.format, "symptoms": answers(list(yes), result.checkin_date)}
            )
        except TriageError as err:
            raise click.UsageError(str(err)) from None
        patient = dataclasses.replace(patient, symptoms=(*patient.symptoms, *added.symptoms))
        result = triage(patient, day)
    follow = _follow_up(patient, result)
    if as_json:
        echo_json({**result.to_json(), **({"follow_up": follow} if follow else {})})
        return
    click.echo(render_text(result, follow))


def _follow_up(patient: Patient, result: TriageResult) -> dict | None:
    day = result.checkin_date
    questions = questions_for(patient, day, result) if day else ()
    if not questions:
        return None
    return {
        "unread": unread_words(patient, day),
        "questions": [{"name": q.name, "ask": q.ask} for q in questions],
    }


def render_text(result: TriageResult, follow: dict | None = None) -> str:
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
    if follow:
        out.append("")
        out.append(
            "Some words could not be read: " + "; ".join(f'"{w}"' for w in follow["unread"]) + "."
        )
        out.append("To be safe, is any of these happening now? Answer with --yes NAME:")
        for q in follow["questions"]:
            out.append(f"  {q['name']}: {q['ask']}")
    out.append("")
    out.append("This is not a diagnosis. If you feel very unwell, call 911 whatever this says.")
    return "\n".join(out)
