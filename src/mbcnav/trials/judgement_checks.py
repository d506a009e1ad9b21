"""Checks on clinical judgements a record rarely settles: a visceral crisis, and no standard
treatment left ("for which no standard therapy is available", "standard options exhausted")."""

from __future__ import annotations

from mbcnav.trials.facts import PatientFacts


def options_exhausted(f: PatientFacts) -> tuple[bool | None, str, str]:
    """A trial for people with no standard treatment left. Metastatic breast cancer has a
    standard first-line treatment in every subtype (NCCN Guidelines for Patients), so before a
    first treatment for metastatic disease has ended (or shown growth) some remain; after that,
    whether any is left is the oncologist's call."""
    growing = bool(f.growing_now and f.growing_now[0])
    if f.setting == "metastatic" and f.therapies_known and f.lines_done == 0 and not growing:
        return (
            False,
            "This study is for people who have used up the standard treatments. Your record shows "
            "no treatment for metastatic disease that has ended yet, and metastatic breast cancer "
            "has standard first treatments.",
            "",
        )
    return (
        None,
        "Whether any standard treatment is left for you is your oncologist's call.",
        "Ask your oncologist whether standard treatments remain for you",
    )


def visceral_crisis(f: PatientFacts) -> tuple[bool | None, str, str]:
    """Organ failure from fast-growing spread: only a note in the record that says so counts."""
    if f.visceral_crisis:
        return True, "A note in your record describes a visceral crisis.", ""
    return (
        None,
        "Whether there is a visceral crisis (organs failing because of the cancer) is not in your record.",
        "Your oncologist's assessment",
    )
