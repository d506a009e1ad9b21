"""The one base error type of MBC Navigator.

Every engine raises its own subclass (``PatientFileError``, ``LibraryError``, ...).
The web layer renders any ``MbcnavError`` as an error page; the CLI prints its
message as one sentence on stderr and exits with code 2.
"""


class MbcnavError(Exception):
    """Bad input or bad data: ``str(err)`` is one plain sentence for the person."""

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
