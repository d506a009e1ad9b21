"""Criterion-level judging on free-text notes (the TrialGPT label set), without any LLM.

Structured checks (``criteria`` + ``match``) decide what they can; the rest is decided by
how much of the criterion's wording the note covers (stemmed content words, with ConText
negation in the note), under the closed-world reading TrialGPT's annotators used: a
condition a complete note would mention and does not is taken as absent.
"""

from __future__ import annotations

import re
from functools import cache

from mbcnav.trials import note_rules, vitals
from mbcnav.trials.context import mentions
from mbcnav.trials.criteria import checks_for
from mbcnav.trials.facts import PatientFacts, from_note
from mbcnav.trials.match import verdict
from mbcnav.trials.split import Criterion

LABELS = {
    "inclusion": ("included", "not included"),
    "exclusion": ("not excluded", "excluded"),
}
NEI = "not enough information"
NA = "not applicable"
_BOILER = set(
    """patient patients subject subjects participant participants must have has had with without
    who which that the a an of in on for to or and be is are was were will would should can
    may any all other than diagnosis diagnosed history known current currently prior previous
    evidence clinical clinically study trial criteria criterion eligible inclusion exclusion
    following defined least one two more less years year age aged old within months month days
    day weeks week time per as by at from this these those such e.g i.e etc not no none
    significant severe disease disorder condition documented confirmed ability able willing
    require required requiring receive received receiving treatment therapy use using
    suspicion suspected state""".split()
)
_TEST_WORDS = re.compile(
    r"\b(?:test|testing|score|level|levels|count|clearance|ratio|titer|assay|scan|biopsy|"
    r"culture|mri|ct|ecg|ekg|fev1|gfr|hba1c|serum|plasma|urine|\d+\s*(?:mg|ml|g/dl|mmol|%|mm))",
    re.I,
)
_CONSENT = re.compile(
    r"consent|assent|comply|complian|willing|cooperat|available for|attend|"
    r"(?:able|ability) to (?:understand|follow|comprehend|undergo|provide|attend|read|swallow)|physically able",
    re.I,
)
_PROCEDURAL = re.compile(
    r"\b(?:images?|time points?|opted out|be contacted|previously (?:enrolled|participated) in(?:to)? this study|"
    r"withdrawn from|will not be (?:invited|recruited|contacted)|dead on arrival|randomly selected|"
    r"patients listed|general practitioners)\b",
    re.I,
)
_NEGATED_START = re.compile(
    r"^\W*(?:no|not|none|without|absence of|free of|have not|has not|never|negative for)\b", re.I
)


@cache
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@cache
def _synonym_rx() -> list[tuple[re.Pattern, str]]:
    from mbcnav.trials.patterns import load

    out = []
    for group in load().synonyms:
        alts = sorted(group[1:], key=len, reverse=True)
        out.append(
            (re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alts) + r")\b", re.I), group[0])
        )
    return out


def _normalise(text: str) -> str:
    for rx, canon in _synonym_rx():
        text = rx.sub(canon, text)
    return text


# Exclusions about the expected course (prognosis, survival, timing of study steps): a note
# records the present, so it cannot settle them.
_FUTURE = re.compile(
    r"\bwill not survive|\bexpected to (?:recover|die|survive)|\bmoribund\b|life expectancy|"
    r"\brandomi[sz]ed (?:by|within)|\bdischarge\b",
    re.I,
)
# Menstrual, sexual and fertility history or wishes of a woman of reproductive age.
_REPRO_HISTORY = re.compile(
    r"fertility|menstrua|sexual(?:ly)? (?:active|intercourse|activity)|intercourse", re.I
)
_TREATMENT = re.compile(
    r"radiotherap|radiation|irradiat|chemotherap|\bdrugs?\b|medication|medicine|therap|treatment|"
    r"vaccin|transfusion|immunoglobulin",
    re.I,
)
_NO_TREATMENT = re.compile(
    r"\b(?:takes|taking|on) no (?:medications|medicines|drugs)|no (?:past|previous|prior) medical "
    r"(?:history|problems)|no (?:previous|prior) treatment",
    re.I,
)


def _test_reported(criterion: str, note_terms: frozenset[str]) -> bool:
    """A criterion that names a test (ECG, CT, a lab) is settled only if the note reports it."""
    tests = [m.group(0) for m in _TEST_WORDS.finditer(_normalise(criterion))]
    return all((stems := _terms(t)) and all(x in note_terms for x in stems) for t in tests)


def _terms(text: str) -> list[str]:
    text = _normalise(text)
    words = [
        w for w in re.findall(r"[a-z][a-z0-9\-]+", text.lower()) if w not in _BOILER and len(w) > 2
    ]
    words += [  # "ST-segment" also answers to "segment"
        p for w in words if "-" in w for p in w.split("-") if len(p) > 2 and p not in _BOILER
    ]
    return _stemmer().stemWords(words)


_NOTE_NEG = re.compile(
    r"\b(?:denies|denied|no|not|without|negative for|absence of|free of|never)\b", re.I
)


def _affirmed(note: str) -> str:
    """The note without the words a negation cue governs ("She denies smoking, diabetes.")."""
    out = []
    for sentence in re.split(r"(?<=[.;])\s+|\n", note):
        m = _NOTE_NEG.search(sentence)
        out.append(sentence[: m.start()] if m else sentence)
    return " ".join(out)


@cache
def _note_view(note: str) -> tuple[PatientFacts, frozenset[str]]:
    return from_note(note), frozenset(_terms(_affirmed(note)))


_ALTERNATIVES = re.compile(r"\bor\b|,|/|;|\bsuch as\b|\bincluding\b|\band/or\b", re.I)


def any_alternative(criterion: str, note_terms: frozenset[str]) -> bool:
    """Whether one alternative of a list criterion ("cough or shortness of breath") is all in the note.

    Parenthesised definitions ("obesity (BMI>25)") are left out, as in ``_bare``: the named
    condition is what a note mentions. A criterion that is one condition plus a definition
    counts as a single alternative."""
    bare = _bare(criterion)
    parts = [p for p in _ALTERNATIVES.split(bare) if p.strip()]
    if len(parts) < 2 and bare == criterion:
        return False
    for part in parts:
        terms = _terms(part)
        if terms and len(terms) <= 4 and all(t in note_terms for t in terms):
            return True
    return False


def coverage(criterion: str, note_terms: frozenset[str]) -> float:
    terms = _terms(criterion)
    if not terms:
        return 0.0
    return sum(1 for t in terms if t in note_terms) / len(terms)


_PREGNANCY = re.compile(
    r"pregnan|lactat|childbearing|child-bearing|nursing|breast-?feeding|lactif", re.I
)
_REPRODUCTIVE = re.compile(
    r"childbearing|child-bearing|nursing|lactat|breast-?feeding|lactif|contracept", re.I
)


_MEASURE = re.compile(
    r"\b(?:serum |total |estimated )?(creatinine|gfr|glomerular filtration|bmi|body mass index|weigh\w*|"
    r"hematocrit|haematocrit|h(?:a)?emoglobin|platelets?|neutrophils?|blood counts?|bilirubin|alkaline phosphatase|"
    r"\balt\b|\bast\b|albumin|potassium|sodium|glucose|hba1c|inr|fev1|ejection fraction)\b",
    re.I,
)


_LEAD = re.compile(
    r"^\W*(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:who\s+)?(?:with|has|have|having)\s+"
    r"(?:an?\s+|the\s+)?",
    re.I,
)


def _bare(criterion: str) -> str:
    """The criterion without its parenthesised definitions ("Renal impairment (creatinine > 3)"):
    the named condition is what a note would mention; the lab value only defines it."""
    return re.sub(r"\([^)]*(?:\)|$)", " ", criterion)


def _measurement_unknown(criterion: str, note: str) -> bool:
    """An exclusion that is a bare measurement threshold ("BMI greater than 35") the note lacks."""
    head = " ".join(_LEAD.sub("", _bare(criterion)).split()[:6])
    m = _MEASURE.search(head)
    return (
        bool(m)
        and re.search(
            r"\d|upper limit of normal|\buln\b|times (?:the )?(?:upper|normal)", criterion, re.I
        )
        is not None
        and not re.search(re.escape(m.group(1)[:5]), note, re.I)
    )


def _pregnancy(facts: PatientFacts, kind: str, criterion: str) -> str | None:
    """Pregnancy criteria: not applicable to men, children and women past 60; else by wording."""
    if not _PREGNANCY.search(criterion):
        return None
    if facts.sex == "male" or (facts.age is not None and (facts.age < 12 or facts.age >= 60)):
        return NA
    if facts.pregnant:
        if re.search(r"pregnan", criterion, re.I) and not re.search(
            r"\bnot (?:be )?pregnant|non-?pregnant|negative|\bno\b", criterion, re.I
        ):
            return _holds(kind, True)  # "Pregnant women at 20-30 weeks": the group she is in
        return LABELS[kind][1]  # "not pregnant", "pregnant or lactating", contraception rules
    if kind == "exclusion":
        return NEI if _REPRODUCTIVE.search(criterion) else LABELS[kind][0]
    return LABELS[kind][0] if re.search(r"\bnot pregnant|non-?pregnant", criterion, re.I) else NEI


def _holds(kind: str, condition: bool) -> str:
    """The label when a criterion's condition holds (or not): an inclusion is met when it holds,
    an exclusion applies when it holds."""
    yes, no = LABELS[kind]
    if kind == "inclusion":
        return yes if condition else no
    return no if condition else yes


def _note_rules(kind: str, criterion: str, facts: PatientFacts, note_terms) -> str | None:
    """The free-text rules of ``note_rules`` in order; None when none of them decides."""
    yes, no = LABELS[kind]
    if kind == "inclusion":
        if note_rules.age_range(criterion, facts.age) is False:
            return no
        if (meno := note_rules.menopause(criterion, facts.note, facts.sex, facts.age)) is not None:
            return yes if meno else no
        if note_rules.negated_contradicted(criterion, note_terms, _terms):
            return no
        if note_rules.severity(criterion, facts.note, _terms) is False:
            return no
        if (undergo := note_rules.undergoing(criterion, note_terms, _terms)) is not None:
            return yes if undergo else no
    if (dur := note_rules.duration(criterion, facts.note, _terms)) is not None:
        return NEI if dur == "unknown" else _holds(kind, dur)
    return None


def judge(note: str, kind: str, criterion: str) -> str:
    """One TrialGPT label for (note, criterion)."""
    kind = (kind or "").lower()
    criterion = criterion or ""
    if kind not in LABELS:
        kind = "inclusion"
    facts, note_terms = _note_view(note)
    crit = Criterion(kind, criterion, 1)
    checks = checks_for(crit, mentions(criterion))
    if not any(c["type"] in {"age", "sex"} for c in checks) and (
        label := _pregnancy(facts, kind, criterion)
    ):
        return label
    res = verdict({"kind": kind, "text": criterion, "checks": checks}, facts)
    yes, no = LABELS[kind]
    if res["verdict"] == "met":
        return yes
    if res["verdict"] == "not met":
        return no
    if _CONSENT.search(criterion) and kind == "inclusion":
        return yes
    if (label := _note_rules(kind, criterion, facts, note_terms)) is not None:
        return label
    if _PROCEDURAL.search(criterion):
        return NA  # about the study's own procedures, not about the person
    if (vital := vitals.holds(criterion, note, facts.age)) is not None:
        return _holds(kind, vital)
    cov = coverage(criterion, note_terms)
    if kind == "inclusion" and _NEGATED_START.search(criterion) and cov < 0.5:
        if _TREATMENT.search(criterion) and not _NO_TREATMENT.search(note):
            return NEI  # notes list diagnoses, not every past treatment: silence settles nothing
        return yes  # "No history of X" and the note does not mention X (closed world)
    if kind == "inclusion":
        if (cov >= 0.5 or any_alternative(criterion, note_terms)) and _test_reported(
            criterion, note_terms
        ):
            return yes
        return NEI
    if _FUTURE.search(criterion):
        return NEI  # a note records the present, not the expected course
    if (
        _REPRO_HISTORY.search(criterion)
        and facts.sex == "female"
        and (facts.age is None or facts.age < 60)
    ):
        return NEI  # menstrual, sexual and fertility details are seldom in a clinical note
    bare = _bare(criterion)
    if (_TEST_WORDS.search(bare) and coverage(bare, note_terms) >= 0.3) or _measurement_unknown(
        criterion, note
    ):
        return NEI
    if cov >= 0.75:
        return no  # the excluding condition is stated in the note
    return yes
