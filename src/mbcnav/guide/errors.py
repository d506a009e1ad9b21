"""The one error type of the visit guide engine."""

from mbcnav.errors import MbcnavError


class GuideError(MbcnavError):
    """A bad guide rules file or a bad request to the guide engine.

    The message is one plain sentence naming the file, the rule and the field,
    the value and what is allowed.
    """
