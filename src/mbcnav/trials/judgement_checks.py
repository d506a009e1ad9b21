"""Checks on clinical judgements a record rarely settles: a visceral crisis, and no standard
treatment left ("for which no standard therapy is available", "standard options exhausted")."""

from __future__ import annotations

from mbcnav.trials import standard_options
from mbcnav.trials.facts import PatientFacts


def options_exhausted(f: PatientFacts) -> tuple[bool | None, str, str]:
    """A trial for people with no standard treatment left. Metastatic breast cancer has a
    standard first-line treatment in every subtype (NCCN Guidelines for Patients), so before a
    first treatment for metastatic disease has ended (or shown growth) some remain; after that,
    whether any is left is the oncologist's call; the record's standard treatments not yet had
    (``standard_options.left``) are named so the person knows what to ask."""
    growing = bool(f.growing_now and f.growing_now[0])
    if f.setting == "metastatic" and f.therapies_known and f.lines_done == 0 and not growing:
        return (
            False,
            "This study is for people who have used up the standard treatments. Your record shows "
            "no treatment for metastatic disease that has ended yet, and metastatic breast cancer "
            "has standard first treatments.",
            "",
        )
    # a standard treatment of the person's subtype they have not had (standard_options.py): said,
    # so the person knows what to ask, but never a "not met" (review: the list is kept by hand,
    # and nurses' labels differ on whether one option left means "not yet")
    if remaining := standard_options.left(f):
        shown = (
            f"a standard treatment you have not had yet: {remaining[0]}"
            if len(remaining) == 1
            else f"standard treatments you have not had yet: {remaining[0]}, and {remaining[1]}"
        )
        return (
            None,
            "This study is for people who have used up the standard treatments. Your record "
            f"shows {shown}. Whether {'it suits' if len(remaining) == 1 else 'they suit'} you "
            "is your oncologist's call.",
            "Ask your oncologist whether standard treatments remain for you",
        )
    return (
        None,
        "Whether any standard treatment is left for you is your oncologist's call.",
        "Ask your oncologist whether standard treatments remain for you",
    )


def no_evidence_of_disease(f: PatientFacts) -> tuple[bool | None, str, str]:
    """No sign of cancer on tests (NED): the latest scan or visit in the record says so, or it
    says the cancer is there (growing, stable or shrinking) while the record holds metastatic
    disease; otherwise not known."""
    if f.latest_status == "ned":
        return True, "Your latest scan result in the record says no evidence of disease.", ""
    if f.latest_status in {"progression", "stable", "regression"} and f.setting == "metastatic":
        said = {
            "progression": "growth",
            "stable": "stable disease",
            "regression": "shrinking disease",
        }
        return (
            False,
            f"Your latest scan result in the record shows {said[f.latest_status]}; this study "
            "is for people whose tests show no sign of cancer (no evidence of disease).",
            "",
        )
    return (
        None,
        "Whether tests show no evidence of disease is not in your record.",
        "Your latest scan report",
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
