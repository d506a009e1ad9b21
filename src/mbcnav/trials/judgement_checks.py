"""Checks on clinical judgements a record rarely settles: a visceral crisis, no standard
treatment left ("for which no standard therapy is available", "standard options exhausted"), and
growth now ("Clinical or radiographic evidence of disease progression")."""

from __future__ import annotations

from datetime import date

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


#: sites of spread that are no organ a visceral crisis could fail in (bone marrow failure is
#: not among the sites a record lists, so bone alone is read as no organ)
_NOT_ORGANS = frozenset({"bone", "lymph nodes", "chest wall", "skin"})


_LOW_COUNTS = {"platelets": 50.0, "hemoglobin": 8.0, "anc": 1.0}


def _marrow_failing(f: PatientFacts) -> bool:
    """Bone spread may fill the marrow (a crisis without an organ site): unless the blood counts
    are on file and none is at CTCAE grade 3 (platelets < 50, hemoglobin < 8 g/dL, neutrophils
    < 1.0), it cannot be ruled out (review)."""
    if "bone" not in f.sites:
        return False
    return any(t not in f.labs or f.labs[t]["value"] < low for t, low in _LOW_COUNTS.items())


def visceral_crisis(f: PatientFacts) -> tuple[bool | None, str, str]:
    """Organ failure from fast-growing spread: only a note in the record that says so counts."""
    if f.visceral_crisis:
        return True, "A note in your record describes a visceral crisis.", ""
    if f.sites_known and f.sites and set(f.sites) <= _NOT_ORGANS and not _marrow_failing(f):
        # a crisis is organ failure (ABC 5 consensus); spread only to bone, lymph nodes or the
        # chest wall and skin is no organ (twenty-sixth session, tuning set 69)
        return (
            False,
            f"Your record lists spread to {', '.join(f.sites)} only, not to organs such as the "
            "liver or lungs.",
            "",
        )
    return (
        None,
        "Whether there is a visceral crisis (organs failing because of the cancer) is not in your record.",
        "Your oncologist's assessment",
    )


#: How old a scan may be to say the cancer is not growing now (about three months: the usual
#: interval between scans on treatment for metastatic breast cancer, ESMO ABC guidelines).
RECENT_SCAN_DAYS = 90


def progressing_now(f: PatientFacts) -> tuple[bool | None, str, str]:
    """ "Clinical or radiographic evidence of disease progression" as a whole rule: growth now.
    The latest scan at least six weeks into the treatment going on now settles it (growth, or
    stable or shrinking disease on it); otherwise the study team decides."""
    if f.growing_now is None and f.latest_status == "progression":
        return True, "Your latest scan or visit in the record shows growth.", ""
    if f.growing_now is None:
        return (
            None,
            "Whether the cancer is growing now is not clear from your record.",
            "Your latest scan report",
        )
    growing, when = f.growing_now
    if growing:
        return True, f"Your scan of {when} shows growth.", ""
    today = date.fromisoformat(f.as_of) if f.as_of else date.today()
    if (today - date.fromisoformat(when)).days > RECENT_SCAN_DAYS:
        # an old scan cannot say what the cancer does now (review)
        return (
            None,
            f"Your latest scan, of {when}, showed the cancer stable or shrinking; whether it is "
            "growing now is for the study team.",
            "A recent scan report",
        )
    return (
        False,
        f"Your scan of {when} shows the cancer stable or shrinking on your current treatment.",
        "",
    )
