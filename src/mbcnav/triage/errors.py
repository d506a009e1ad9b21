"""The one error type of the triage engine."""

from mbcnav.errors import MbcnavError


class TriageError(MbcnavError):
    """A broken triage rules file or bad triage input (one plain sentence naming the field)."""
