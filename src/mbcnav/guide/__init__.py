"""The visit guide engine: questions for the next appointment, written from the situation.

Plain Python (no Django, no CLI). Rules are data (``data/rules.yaml``), validated by
``rule.load_rules``; ``situation.build`` computes the facts they read.
"""

from mbcnav.guide.engine import GuideResult, Question, visit_guide
from mbcnav.guide.errors import GuideError
from mbcnav.guide.rule import TOPICS, Rule, load_rules

__all__ = ["GuideError", "GuideResult", "Question", "Rule", "TOPICS", "load_rules", "visit_guide"]
