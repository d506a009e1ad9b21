"""The triage engine: how soon to get help for the symptoms of the latest check-in.

Rules are data (``data/rules.yaml``, validated at load by ``rule.py``), written in
the small condition language of ``conditions.py`` and evaluated by ``engine.py``
against the whole record (drugs taken, sites, recent labs). Plain Python.
"""

from .engine import Reason, TriageResult, triage
from .errors import TriageError
from .rule import LEVELS, Rule, load_rules, parse_rules

__all__ = [
    "LEVELS",
    "Reason",
    "Rule",
    "TriageError",
    "TriageResult",
    "load_rules",
    "parse_rules",
    "triage",
]
