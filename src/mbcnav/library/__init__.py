"""The MBC library: sourced plain-language articles, a glossary, search and cited answers.

Plain Python (no Django). Main entry points:

    from mbcnav.library import ask, search, load_library, LibraryError
    ask("what is stage 4 breast cancer")  -> AskResult with cited passages
"""

from mbcnav.library.answer import Answer, AskResult, ask, for_you
from mbcnav.library.articles import Article, Library, Section, Source, load_library
from mbcnav.library.errors import LibraryError
from mbcnav.library.index import Hit, search

__all__ = [
    "Answer",
    "Article",
    "AskResult",
    "Hit",
    "Library",
    "LibraryError",
    "Section",
    "Source",
    "ask",
    "for_you",
    "load_library",
    "search",
]
