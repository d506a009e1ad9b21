"""The groups a person sees trials in, from a trial's registry status and its fit.

Order on a patient page: trials a person may be able to join, trials that might fit (with the
number of things to check), trials the record rules out, trials for another situation (another
subtype or setting, from the trial's own title, conditions and cohort headings), and trials that
are closed (completed, terminated, withdrawn, suspended or of unknown status), which are never
offered as trials to join.
"""

from __future__ import annotations

OPEN = {"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE"}
RUNNING = {"ACTIVE_NOT_RECRUITING"}

ORDER = ("join", "check", "ruled_out", "other", "closed")

LABELS = {
    "join": "You may be able to join",
    "check": "Might fit: things to check",
    "ruled_out": "Ruled out by your record",
    "other": "For another situation",
    "closed": "Closed to new patients",
}

STATUS_WORDS = {
    "RECRUITING": "Recruiting",
    "NOT_YET_RECRUITING": "Not yet recruiting",
    "ENROLLING_BY_INVITATION": "Enrolling by invitation only",
    "ACTIVE_NOT_RECRUITING": "Active, not recruiting",
    "COMPLETED": "Completed",
    "TERMINATED": "Stopped early (terminated)",
    "WITHDRAWN": "Withdrawn before enrolling anyone",
    "SUSPENDED": "Suspended",
    "UNKNOWN": "Status unknown (not updated by the study)",
    "AVAILABLE": "Available (expanded access)",
}


def status_key(status: str) -> str:
    return (status or "UNKNOWN").upper().replace(" ", "_").replace(",", "")


def is_open(status: str) -> bool:
    """Open to new patients now or soon (recruiting, not yet recruiting, by invitation)."""
    return status_key(status) in OPEN


def status_words(status: str) -> str:
    key = status_key(status)
    return STATUS_WORDS.get(key, key.replace("_", " ").capitalize())


def group_of(summary: dict, status: str) -> str:
    """One of ORDER. ``summary`` is match.summarise's dict (fit, other, ...)."""
    if not is_open(status):
        return "closed"
    if summary.get("other"):
        return "other"
    if summary["fit"] == "unlikely":
        return "ruled_out"
    if summary["fit"] == "likely":
        return "join"
    return "check"
