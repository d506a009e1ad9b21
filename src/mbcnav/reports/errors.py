"""The reports engine's one error type."""

from mbcnav.errors import MbcnavError


class ReportError(MbcnavError):
    """A report cannot be read (no text layer, not a PDF, too large...): one sentence for the person."""
