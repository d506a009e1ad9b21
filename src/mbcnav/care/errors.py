"""The one error type of the care engine."""

from mbcnav.errors import MbcnavError


class CareError(MbcnavError):
    """A broken directory file or bad care input (one plain sentence naming the field)."""
