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
        ConTextRule(
            r["literal"],
            r["category"],
            pattern=r.get("pattern"),
            direction=r.get("direction", "BIDIRECTIONAL"),
            # a rule that modifies only concepts of some kinds ("not amenable to" says what the
            # disease is not fit for: a setting or a treatment, never the receptors after it)
            allowed_types=(
                {cid for cid, c in load().concepts.items() if c.check in r["only_checks"]}
                if r.get("only_checks")
                else None
            ),
        )
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


# a negation inside a relative clause ("locally recurrent inoperable, which cannot be treated
# with curative intent, or metastatic TNBC", NCT06103864: nineteenth session, last session's
# held-out set 46) describes the noun before it; a clause set off by commas ends at its comma
# ("Patients who had not received trastuzumab, chemotherapy and ...": a list, no aside)
_RELATIVE_BEFORE = re.compile(r",\s*(?:which|who)\s+(?:\w+\s+){0,2}$")


def _relative_negation(doc, ent, mod) -> bool:
    """Whether ``mod`` is a negation in an aside (", which cannot ...") that one comma and "or" /
    "and" close before ``ent``, and that names nothing of ``ent``'s kind (a list of the same kind
    after the negation, "who have not received fulvestrant, chemotherapy or ...", keeps it: review)."""
    start, end = mod.modifier_span
    trig = doc[start:end]
    if trig.end_char > ent.start_char:
        return False
    between = doc.text[trig.end_char : ent.start_char]
    if between.count(",") != 1 or not re.search(r",\s*(?:or|and)\b", between):
        return False
    if not _RELATIVE_BEFORE.search(doc.text[max(0, trig.start_char - 40) : trig.start_char]):
        return False
    concepts = load().concepts
    kind = concepts[ent.label_].check if ent.label_ in concepts else None
    if kind not in {"setting", "subtype", "receptor"}:
        # "which is not amenable to surgery, or radiotherapy": a treatment after the comma may
        # be the aside's own list; only the disease a person has is taken out (second review)
        return False
    aside_end = trig.end_char + between.index(",")
    return not any(
        trig.end_char <= other.start_char < aside_end
        and other.label_ in concepts
        and concepts[other.label_].check == kind
        for other in doc.ents
    )


_FOR_ANOTHER = re.compile(
    r"^\s*for\s+(?:(?:the|a|an|any|other)\s+)?(?:populations?|cohorts?|arms?|groups?|parts?|"
    r"sub-?stud(?:y|ies)|surgery|surgical|resection|radiation|radiotherapy|chemotherapy|"
    r"endocrine|hormon\w*|curative|local|standard|transplant\w*)\b(?![^.;]{0,40}\b(?:study|trial|protocol)\b)",
    re.I,
)


def _ban_past_semicolon(doc, ent, mod) -> bool:
    """Whether a ban written after ``ent`` ("... are not eligible") sits in a later clause that
    a semicolon opens with a subject of its own ("...; patients with only non-target lesions are
    not eligible"); a semicolon inside brackets or between the items of a list ("fulvestrant;
    everolimus; or a CDK4/6 inhibitor is not allowed") keeps the ban over them."""
    start, _ = mod.modifier_span
    at = doc[start].idx
    if at <= ent.end_char:
        return False
    between = _flat(doc.text[ent.end_char : at])
    if ";" not in between:
        return False
    tail = between[between.rindex(";") + 1 :]
    if re.match(r"\s*(?:or|and|and/or|nor)\b", tail, re.I):
        return False  # "fulvestrant; everolimus; or a CDK4/6 inhibitor is not allowed": a list
    return bool(_OWN_SUBJECT.match(tail) or _SUBJECT_NOUN_END.search(tail))


# "...; HER2-positive disease is not eligible", "...; HER2-positive tumours are ineligible for the
# present study": a clause naming a disease or people as its own subject (final review)
_SUBJECT_NOUN_END = re.compile(
    r"\b(?:disease|tumou?rs?|cancers?|carcinomas?|patients?|participants?|subjects?|women|men|"
    r"people|those)\s*$",
    re.I,
)
_OWN_SUBJECT = re.compile(
    r"\s*(?:patients?|participants?|subjects?|those|people|women|men|anyone|persons?)\b", re.I
)


def _ineligible_for_other(doc, mod) -> bool:
    """Whether a backward "are ineligible" / "are not eligible" names something else the people
    cannot have ("who are ineligible for Population 1 or 2", "not eligible for surgery"):
    then it describes them, and what it stands behind is asked for, not ruled out (NCT06745804,
    session 33, tuning set 90). Only a named group or treatment counts: "... are not eligible for
    this phase II trial" keeps its reading (first review)."""
    _, end = mod.modifier_span
    return bool(_FOR_ANOTHER.match(doc.text[doc[end - 1].idx + len(doc[end - 1].text) :]))


def _bracketed_negation(doc, ent, mod) -> bool:
    """Whether ``mod`` is a negation inside brackets that ``ent`` stands outside of: "active
    (without medical control or with clinical symptoms) brain metastasis", "archival tumor sample
    (or, if not available, a fresh biopsy sample) at a metastatic site" (twentieth session, last
    session's held-out set 50): words in brackets qualify their own words, not the rule's."""
    start, _ = mod.modifier_span
    at = doc[start].idx
    text = doc.text
    opened = text.rfind("(", 0, at)
    if opened < 0 or ")" in text[opened:at]:
        return False
    closed = text.find(")", at)
    if closed < 0 or "(" in text[at:closed]:
        return False
    return not (opened < ent.start_char < closed)


_NOT_REQUIRED = re.compile(r"\s+(?:\w+\s+)?(?:required|needed|necessary|mandatory)\b", re.I)
_LETS_IN = re.compile(
    r"\b(?:are|is|will\s+be)\s+(?:also\s+)?(?:eligible|allowed|permitted|included|acceptable)\b"
    r"|\bmay\s+(?:be\s+)?(?:enrolled|included|eligible|participate|have)\b",
    re.I,
)


def _negation_past_semicolon(doc, ent, mod) -> bool:
    """Whether a negation before ``ent`` sits in an earlier clause that a semicolon closes, the
    clause holding no list opened by a colon and ``ent``'s own clause saying something of its
    own ("... eligible for phase I but are not required to have HER2 analysis; HER2 positive
    breast cancer patients with leptomeningeal metastases ... are eligible", NCT01325207:
    held-out set 86, read after it was measured). A list after a colon ("must not have: active
    infection; brain metastases") keeps the negation over every item."""
    start, end = mod.modifier_span
    trig = doc[start:end]
    if trig.end_char > ent.start_char:
        return False
    between = _flat(doc.text[trig.end_char : ent.start_char])  # a bracket's ";" is its own
    if ";" not in between or ":" in between[: between.index(";")]:
        return False
    own = _flat(doc.text[trig.end_char + between.rindex(";") + 1 :])
    own = re.split(r"[;.]", own, maxsplit=1)[0]
    # a "not required to" is a permission for its own clause and never reaches past it; other
    # negations stop only at a clause that lets people in ("... are eligible", "may", "is
    # allowed"): a clause that repeats the ban ("leptomeningeal disease is also excluded"), a
    # condition ("HER2-positive disease must have been treated with ...") or a list item
    # ("brain metastases that are symptomatic") stays under it (last review)
    if _NOT_REQUIRED.match(doc.text, trig.end_char):
        return True
    return bool(_LETS_IN.search(own))


def _flat(text: str) -> str:
    """``text`` with its bracketed asides blanked, nested ones too (positions kept)."""
    while (flat := _BRACKETED.sub(lambda m: " " * len(m.group()), text)) != text:
        text = flat
    return text


_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


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
        mods = frozenset(
            m.category
            for m in ent._.modifiers
            if not (
                m.category == "NEGATED_EXISTENCE"
                and (
                    _relative_negation(doc, ent, m)
                    or _bracketed_negation(doc, ent, m)
                    or _negation_past_semicolon(doc, ent, m)
                )
            )
            # "HER2-low (IHC 1+ or IHC 2+/ISH-) (IHC >0 <1+ not allowed)": what a bracket does
            # not allow is its own words
            and not (m.category == "EXCLUDED" and _bracketed_negation(doc, ent, m))
            # "... HER2 negative breast adenocarcinoma who are ineligible for Population 1 or 2"
            and not (m.category == "EXCLUDED" and _ineligible_for_other(doc, m))
            # "At least one measurable lesion ...; patients with only non-target lesions are not
            # eligible": a backward ban does not reach past a semicolon (first review)
            and not (m.category == "EXCLUDED" and _ban_past_semicolon(doc, ent, m))
        )
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
