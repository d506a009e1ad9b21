"""The library engine's one error type."""

from mbcnav.errors import MbcnavError


class LibraryError(MbcnavError):
    """A bad article, glossary or synonym file, or a bad question: one plain sentence."""
