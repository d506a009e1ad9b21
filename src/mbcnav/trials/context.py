"""medspacy ConText over criteria: concept mentions with negation, exception and scope.

A blank spaCy pipeline: spaCy's sentencizer (not PyRuSH), a small target component that
marks the concepts of ``patterns.yaml`` (one compiled regular expression per concept,
longest match wins) and medspacy's ConText with its default rules plus the eligibility
rules of ``patterns.yaml`` ("are excluded", "unless", "progressed on"...).
"""

from __future__ import annotations

import re
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
def _regexes() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple(
        (c.id, re.compile("|".join(f"(?:{p})" for p in c.patterns), re.I))
        for c in load().concepts.values()
    )


def _mark_targets(doc):
    from spacy.util import filter_spans

    spans = []
    for cid, rx in _regexes():
        for m in rx.finditer(doc.text):
            if m.end() > m.start():
                span = doc.char_span(m.start(), m.end(), label=cid, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
    doc.ents = filter_spans(spans)
    return doc


@cache
def pipeline():
    import loguru

    loguru.logger.disable("PyRuSH")
    loguru.logger.disable("medspacy")
    import medspacy
    from medspacy.context import ConTextRule
    from spacy.language import Language

    if "mbcnav_trial_targets" not in Language.factories:
        Language.component("mbcnav_trial_targets", func=_mark_targets)
    nlp = medspacy.load(
        medspacy_disable=["medspacy_pyrush", "medspacy_target_matcher", "medspacy_context"]
    )
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("mbcnav_trial_targets", after="sentencizer")
    context = nlp.add_pipe("medspacy_context", config={"rules": None})
    ctx = [
        ConTextRule(r["literal"], r["category"], direction=r.get("direction", "BIDIRECTIONAL"))
        for r in load().context
    ]
    # a rule of ours replaces medspaCy's default rule with the same words ("any other" is a
    # negation in clinical notes, not in criteria)
    ours = {r.literal.lower() for r in ctx}
    defaults = ConTextRule.from_json(context.DEFAULT_RULES_FILEPATH)
    context.add([r for r in defaults if r.literal.lower() not in ours] + ctx)
    return nlp


def _restated(text: str, prev: Mention, ent, check: str) -> bool:
    """ "next generation selective estrogen receptor degrader (SERDs)": a short abbreviation in
    brackets right after a mention of the same kind names that mention again, not a second one."""
    return (
        text[prev.end : ent.start_char].strip() == "("
        and text[ent.end_char : ent.end_char + 2].strip()[:1] == ")"
        and len(ent.text) <= 8
        and " " not in ent.text
        and check == prev.check
    )


_NON_BEFORE = re.compile(r"\bnon-\s?$")
# a label, a colon, "no" and more words of the same clause (sixteenth session, tuning set 38)
# (not "no restriction on ...", "no more than one ...": a limit, not a denial; second review)
_LABEL_NO = re.compile(
    r"^\W*(?P<label>[^:;.]{2,60}?):\s*no\b(?!\s+(?:restrictions?|limits?|limitations?|more|fewer|"
    r"less|maximum|minimum|upper|lower|requirements?|specific|cap)\b)(?=\s+\w)(?P<clause>[^;.]*)",
    re.I,
)


def _mentions(doc) -> list[Mention]:
    concepts = load().concepts
    out = []
    label = _LABEL_NO.match(doc.text)
    for ent in doc.ents:
        c = concepts.get(ent.label_)
        if c is None:
            continue
        if out and _restated(doc.text, out[-1], ent, c.check):
            continue
        mods = frozenset(m.category for m in ent._.modifiers)
        if label:
            # "Previous therapy: No previous exposure to anthracycline ..." (NCT00364754): the
            # "no" after a label negates its own clause, not the label (medspaCy reads ": no"
            # backwards, as notes write "Fever: no"); "Brain metastases: no" keeps that reading
            if ent.start_char < label.end("label"):
                mods -= {"NEGATED_EXISTENCE"}
            elif ent.start_char < label.end("clause"):
                mods |= {"NEGATED_EXISTENCE"}
        if _NON_BEFORE.search(doc.text[max(0, ent.start_char - 5) : ent.start_char]):
            # "non-TNBC HER2-negative breast cancer" (NCT04504916): "non-" denies the word it is
            # joined to, and only that word (sixteenth session, tuning set 38)
            mods |= {"NEGATED_EXISTENCE"}
        out.append(Mention(c.id, c.check, c.value, ent.text, ent.start_char, ent.end_char, mods))
    return out


def mentions(text: str) -> list[Mention]:
    """Concept mentions of one criterion, each with its ConText modifier categories."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return _mentions(pipeline()(text.lower()))


def mentions_many(texts: list[str], batch_size: int = 64) -> list[list[Mention]]:
    """Same as ``mentions`` for many criteria at once (spaCy's ``pipe``)."""
    nlp = pipeline()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return [
            _mentions(doc) for doc in nlp.pipe([t.lower() for t in texts], batch_size=batch_size)
        ]
