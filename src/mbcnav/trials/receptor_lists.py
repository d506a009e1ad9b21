"""Receptor and subtype lists in one criterion, each read as one check in place of those it covers.

A HER2 score list ("HER2 IHC 0, 1+ or 2+/ISH-") becomes one check of the scores it allows, "no or
low HER2" the categories it names, and an inclusion's list of subtypes one choice among them; HR-low
is dropped when the rule counts ER-low with the negatives. These passes only rewrite the receptor
and subtype checks the mentions gave, so they live apart from ``criteria``, which runs them.
"""

from __future__ import annotations

import re

from mbcnav.trials.cues import _sentence
from mbcnav.trials.her2 import her2_list_start, her2_scores, with_named
from mbcnav.trials.population import subtype_list
from mbcnav.trials.split import Criterion
from mbcnav.trials.subtype_phrases import one_refines_another

#: Words that turn a receptor list into what the rule is not about: "other than ER >= 1% and HER2
#: negative (IHC 0, ...)"; only receptor words may stand between the cue and the list ("other than
#: endocrine therapy for HER2-negative (IHC 0, ...)" is about the therapy: first review)
_OTHER_THAN = re.compile(r"\b(?:other\s+than|different\s+from|anything\s+but)\b", re.I)


_RECEPTOR_WORDS = re.compile(
    r"(?:\b(?:er|pr|pgr|hr|her-?2(?:/neu)?|estrogen|oestrogen|progesterone|hormone|receptors?|"
    r"positive|negative|pos|neg|low|ultralow|zero|and|or|and/or|ihc|ish|fish|status|expression|"
    r"i\.?e\.?|that\s+is|the|a|an|initial|primary|bc|breast|cancer|tumou?r|disease|cells?|staining|"
    r"of|in)\b|[\d%≥≤<>=+/,.()\-]|\s)*",
    re.I,
)


def _other_than_list(before: str) -> bool:
    """Whether the words before a HER2 list end with an "other than" cue that heads the list:
    only receptor words between the cue and the list."""
    cues = list(_OTHER_THAN.finditer(before))
    if not cues:
        return False
    after = before[cues[-1].end() :]
    # ... and the first word after it is a receptor word ("other than breast cancer, and
    # HER2-negative ..." is about another cancer: final review)
    first = re.match(
        r"[\s(]*(?:the\s+|an?\s+|i\.?e\.?,?\s+|initial\s+|primary\s+|bc\s+)*(\w[\w-]*)", after, re.I
    )
    return (
        _RECEPTOR_WORDS.fullmatch(after) is not None
        and first is not None
        and re.fullmatch(
            r"er|pr|pgr|hr|her-?2|estrogen|oestrogen|progesterone|hormone|receptors?",
            first.group(1),
            re.I,
        )
        is not None
    )


def _her2_categories(value: str) -> set[str]:
    """The HER2 categories a receptor check names ("her2-negative": zero, ultralow or low)."""
    named = value.removeprefix("her2-")
    return {"zero", "ultralow", "low"} if named == "negative" else {named}


def _her2_list(plain: str, out: list[dict]) -> list[dict]:
    """One check of the HER2 scores a list allows, in place of the HER2 checks it covers."""
    if (scores := her2_scores(plain)) is not None:  # "HER2 IHC 0, 1+ or 2+/ISH-": one list
        her2 = [c for c in out if c["type"] == "receptor" and c["value"].startswith("her2")]
        out = [c for c in out if c not in her2]
        at = her2_list_start(plain)  # "was never previously HER2-positive (IHC 3+ ...)", but
        same = [
            c for c in her2 if "at" not in c or _sentence(plain, c["at"]) == _sentence(plain, at)
        ]
        # not "... in the absence of HER2 positivity"; a denied category the list leaves out
        # anyway ("HER2-low (IHC 1+ or IHC 2+/ISH-) (IHC >0 <1+ not allowed)") denies only itself
        # ... nor one denied after a ";" ("No or low HER2 expression (IHC 0, 1+ or 2+/ISH-);
        # HER2-ultralow (IHC >0 <1+) is not allowed": session 36 final review)
        clause = _sentence(plain, max(at, 0), _CLAUSE_ENDS)
        neg = any(
            c.get("neg")
            and _her2_categories(c["value"]) & set(scores)
            and ("at" not in c or _sentence(plain, max(c["at"], 0), _CLAUSE_ENDS) == clause)
            for c in same
        )
        if at >= 0 and _other_than_list(re.split(r"\.\s|;", plain[:at])[-1]):
            # "a primary tumor showing a different pattern of receptors (i.e. initial BC other
            # than ER >= 1% and HER2 negative (IHC 0, 1+ or 2+/ISH negative)" (NCT06676436:
            # session 33, tuning set 90): the list names what the rule is not about
            neg = not neg
        if not neg:  # "HER2-positive (IHC 3+ ...) or HER2-low (IHC 1+ or 2+/ISH-)"
            scores = with_named(scores, same, plain)
        out.append(
            {"type": "receptor", "value": "her2-in", "allowed": scores, "neg": neg, "at": at}
        )
    return out


def _no_or_low_her2(plain: str, out: list[dict]) -> list[dict]:
    """ "No or low HER2 expression": an amount at most low, not a denial of low expression
    (session 36, an S1 left by the last session's review). The HER2 checks read inside the phrase
    become the categories it names (zero and ultralow, and low unless "very low"), denied only
    when the sentence says such tumors are not eligible; a score list after it then decides
    (``_her2_list``), and other HER2 rules of the sentence are left as they are (final review)."""
    for m in _NO_OR_LOW_HER2.finditer(plain):
        end = m.end()
        if bracket := re.match(r"\s*\([^()]*\)", plain[end:]):
            end += bracket.end()  # "(IHC 0, 1+ or 2+/ISH-)": the phrase's own scores
        inside = [
            c
            for c in out
            if c["type"] == "receptor"
            and c["value"].startswith("her2")
            and m.start() <= c.get("at", -1) < end
        ]
        out = [c for c in out if c not in inside]
        rest = re.split(r"[.;]", plain[m.end() :])[0]
        # (not "..., as HER2-positive tumors are excluded": another category's exclusion)
        ne = _NOT_ELIGIBLE.search(rest)
        neg = bool(ne) and not re.search(r"her-?2|erbb", rest[: ne.start()], re.I)
        if bracket and her2_scores(bracket.group(0)) is not None:
            # the bracket's own scores decide ("(IHC 0 or 1+)" leaves out 2+/ISH-)
            named = ["zero"]
        else:
            named = ["zero", "ultralow"] if m.group("very") else ["zero", "ultralow", "low"]
        out.extend(
            {"type": "receptor", "value": f"her2-{n}", "neg": neg, "at": m.start()} for n in named
        )
    return out


#: what closes a clause for ``_sentence``: a sentence end or a semicolon
_CLAUSE_ENDS = r"\.\s|;"


#: "no or low", "no, ultralow or low", "low or no", "none or low", "null or low", "zero or low"
#: HER2 (expression), said before or after HER2
_NO_OR_LOW_HER2 = re.compile(
    r"\b(?:(?:no|none|null|zero|absent|absence)(?:\s*,\s*ultra-?\s?low)?\s*(?:or|/)\s*"
    r"(?P<very>very\s+|ultra-?\s?)?low|low\s+(?:or|/)\s+(?:no|absent|null|zero))\s+"
    r"(?:(?:levels?\s+of\s+|expression\s+of\s+)?(?:her-?2|erbb-?2)\b(?:[- ]?(?:expressi\w+|status))?)"
    r"|\b(?:her-?2|erbb-?2)(?:\s+(?:expression|status))?\s*:?\s*(?:none|no|null|zero|absent)\s+or\s+low\b",
    re.I,
)


_NOT_ELIGIBLE = re.compile(
    r"\b(?:not\s+(?:be\s+)?eligible|ineligible|(?:are|is|will\s+be)\s+excluded|not\s+(?:be\s+)?"
    r"(?:allowed|permitted)|exclusionary)\b",
    re.I,
)


#: a receptor named only for how it will be tested: "ER, PR, and HER2 positivity would be
#: determined per institutional (local) testing" (NCT04901299: session 40, held-out set 113 read
#: after it was measured) asks for no status
_HOW_TESTED = re.compile(
    r"^[^.;]{0,40}?\b(?:would|will|shall|should|is|are|to|must|can|may)\s+be\s+(?:determined|assessed|"
    r"tested|evaluated|measured|performed|confirmed\s+(?:by|per|locally|centrally))\b",
    re.I,
)


def without_testing_words(plain: str, out: list[dict]) -> list[dict]:
    """The checks less receptor states named only for how they will be tested."""
    return [
        c
        for c in out
        if not (
            c["type"] == "receptor"
            and c.get("text")
            and re.search(r"positivity|status|expression", c["text"], re.I)
            and _HOW_TESTED.match(plain[c.get("at", 0) + len(c["text"]) :])
        )
    ]


#: a subtype the cancer had when first found, said of whom a note is for ("Note, participants
#: initially diagnosed with hormone receptor positive and/or HER2-positive breast cancer must have
#: histological confirmation of TNBC in a tumor biopsy ...", NCT06449222: session 41, from an
#: older set): not a subtype the study takes
_FIRST_DIAGNOSIS = re.compile(
    r"\b(?:initially|originally|previously|first|primarily)\s+diagnosed\s+(?:with|as(?:\s+having)?)\s+"
    r"[^.;]{0,120}?\bbreast\s+(?:cancer|carcinoma)",
    re.I,
)


def _subtype_choice(crit: Criterion, plain: str, out: list[dict]) -> list[dict]:
    """One choice among the subtypes an inclusion lists, in place of its subtype checks."""
    # (inclusions only: "Patients initially diagnosed with HER2-positive breast cancer" excludes them)
    first = (
        [
            (m.start(), m.end())
            for m in _FIRST_DIAGNOSIS.finditer(plain)
            # ... and only before a rule for those people ("... must have histological
            # confirmation of TNBC"); "must have been first diagnosed with HER2-positive breast
            # cancer" asks for it (final review)
            if re.match(
                r"\s*(?:\([^)]*\)\s*)?,?\s*(?:must|should|need|needs|are\s+required|will\s+need)\b",
                plain[m.end() :],
            )
        ]
        if crit.kind == "inclusion"
        else []
    )
    out = [
        c
        for c in out
        if not (
            c["type"] in {"receptor", "subtype"} and any(a <= c.get("at", -1) < b for a, b in first)
        )
    ]
    for a, b in first:
        plain = plain[:a] + " " * (b - a) + plain[b:]
    if (
        crit.kind == "inclusion"
        and (options := subtype_list(plain))
        and not one_refines_another(plain)
    ):
        sub = [c for c in out if c["type"] in {"receptor", "subtype"} and not c.get("premise")]
        if sub and not any(c.get("neg") for c in sub):  # one choice among the subtypes listed
            out = [c for c in out if c not in sub]
            at = min(c.get("at", 0) for c in sub)
            out.append(
                {
                    "type": "subtypes",
                    "value": "subtypes",
                    "options": options,
                    "neg": False,
                    "at": at,
                }
            )
    return out


def _without_hr_low(out: list[dict]) -> list[dict]:
    """The checks less HR-low when the rule counts ER-low with the negatives."""
    if any(c["type"] == "receptor" and c["value"] == "hr-low" for c in out) and any(
        c.get("value") in {"hr-negative", "triple-negative"} for c in out
    ):
        # "TNBC (ER/PgR <1%) or ER-low": ER-low counted with the negatives (er_low_wording),
        # not HR-low asked for on its own (NCT06099769)
        out = [c for c in out if c.get("value") != "hr-low"]
    return out
