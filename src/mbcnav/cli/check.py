"""``mbcnav check PATIENT_FILE``: validate a patient file and show what we understand."""

from __future__ import annotations

import click

from mbcnav.patient import summarize

from .options import date_option, echo_json, json_option, load_patient, today


@click.command("check")
@click.argument("patient_file", type=click.Path(dir_okay=False))
@json_option
@date_option
def command(patient_file: str, as_json: bool, as_of) -> None:
    """Validate PATIENT_FILE (YAML or JSON, format mbcnav-patient/1)."""
    patient = load_patient(patient_file)
    result = summarize(patient, today(as_of))
    if as_json:
        echo_json(result)
        return
    click.echo(render_text(patient.name, result))


def render_text(name: str | None, r: dict) -> str:
    out = [f"The file is valid{f' ({name})' if name else ''}."]
    out.append(
        f"Subtype: {r['subtype']} (HER2 {r['her2_category']}{', ER-low' if r['er_low'] else ''})."
    )
    if r["de_novo"] is True:
        out.append("Metastatic at first diagnosis (de novo).")
    elif r["de_novo"] is False:
        gap = r["months_to_recurrence"]
        out.append(
            "A recurrence" + (f", {gap:g} months after the first diagnosis." if gap else ".")
        )
    out.append("Sites: " + (", ".join(r["sites"]) if r["sites"] else "none recorded") + ".")
    if r.get("biomarkers"):
        out.append("Biomarkers: " + "; ".join(f"{k} {v}" for k, v in r["biomarkers"].items()) + ".")
    if r["lines"]:
        out.append("Lines of therapy for metastatic disease:")
        for ln in r["lines"]:
            span = f"{ln['start']} to {ln['end']}" if ln["end"] else f"since {ln['start']}"
            why = f", stopped: {ln['stop_reason']}" if ln["stop_reason"] else ""
            months = f", {ln['months']:g} months" if ln["months"] is not None else ""
            out.append(
                f"  {ln['number']}. {' + '.join(ln['drugs'])} ({', '.join(ln['classes']) or 'class unknown'}); {span}{months}{why}"
            )
    else:
        out.append("No lines of therapy for metastatic disease recorded.")
    cur = r["current_treatment"]
    if cur:
        extra = f"; supportive: {', '.join(cur['supportive'])}" if cur["supportive"] else ""
        out.append(f"Current treatment: {', '.join(cur['drugs']) or 'supportive only'}{extra}.")
    for w in r["warnings"]:
        out.append(f"Note: {w}")
    return "\n".join(out)
