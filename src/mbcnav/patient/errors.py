"""The patient engine's one error type."""

from mbcnav.errors import MbcnavError


class PatientFileError(MbcnavError):
    """A patient file (or record) is invalid: the message names the field, the value and what is allowed."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field
