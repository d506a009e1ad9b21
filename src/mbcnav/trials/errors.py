"""The one error type of the trials engine."""

from mbcnav.errors import MbcnavError


class TrialsError(MbcnavError):
    """Bad trial input, an unreachable registry or a broken trial store (one plain sentence)."""
