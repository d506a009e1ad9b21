"""medspacy ConText over criteria: concept mentions with negation, exception and scope.

A blank spaCy pipeline with spaCy's sentencizer (not PyRuSH), medspacy's target matcher
fed with the concepts of ``patterns.yaml`` and ConText with its default rules plus the
eligibility rules of ``patterns.yaml`` ("are excluded", "unless", "progressed on"...).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import cache

from mbcnav.trials.patterns import load


@dataclass(frozen=True)
class Mention:
    concept: str
    check: str
    value: str
    text: str
    start: int  # character offsets in the criterion
    end: int
    modifiers: frozenset[str]  # ConText categories, e.g. NEGATED_EXISTENCE, EXCEPTION


@cache
def pipeline():
    import loguru

    loguru.logger.disable("PyRuSH")
    loguru.logger.disable("medspacy")
    import medspacy
    from medspacy.context import ConTextRule
    from medspacy.ner import TargetRule

    nlp = medspacy.load(medspacy_disable=["medspacy_pyrush"])
    nlp.add_pipe("sentencizer", first=True)
    pats = load()
    rules = []
    for c in pats.concepts.values():
        for i, p in enumerate(c.patterns):
            rules.append(TargetRule(f"{c.id}#{i}", c.id, pattern=p))
    nlp.get_pipe("medspacy_target_matcher").add(rules)
    ctx = [
        ConTextRule(r["literal"], r["category"], direction=r.get("direction", "BIDIRECTIONAL"))
        for r in pats.context
    ]
    nlp.get_pipe("medspacy_context").add(ctx)
    return nlp


def _mentions(doc) -> list[Mention]:
    concepts = load().concepts
    out = []
    for ent in doc.ents:
        c = concepts.get(ent.label_)
        if c is None:
            continue
        mods = frozenset(m.category for m in ent._.modifiers)
        out.append(Mention(c.id, c.check, c.value, ent.text, ent.start_char, ent.end_char, mods))
    return out


def mentions(text: str) -> list[Mention]:
    """Concept mentions of one criterion, each with its ConText modifier categories."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # medspacy's empty default matcher (W036)
        return _mentions(pipeline()(text.lower()))


def mentions_many(texts: list[str], batch_size: int = 64) -> list[list[Mention]]:
    """Same as ``mentions`` for many criteria at once (spaCy's ``pipe``)."""
    nlp = pipeline()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return [_mentions(doc) for doc in nlp.pipe([t.lower() for t in texts], batch_size=batch_size)]
