"""One criterion -> checks (serialisable dicts), with negation and scope.

Concept mentions and their ConText modifiers come from ``context``; numbers (age, ECOG,
Karnofsky, lines of therapy, time windows) are read with the regular expressions below.
A check says what must hold about the person for the criterion's condition to be true:
``{"type": "therapy", "value": "CDK4/6 inhibitor", "neg": False, "mode": "received"}``.
Whatever cannot be mapped yields no check, and the criterion stays ``unknown``.
"""

from __future__ import annotations

import re

from mbcnav.trials import health_problems
from mbcnav.trials.adjuvant import adjuvant_reading
from mbcnav.trials.age_sex import age_check, sex_check, women_subject
from mbcnav.trials.alternatives import mark_unchecked_alternatives
from mbcnav.trials.asides import (
    drop_asides,
)
from mbcnav.trials.concept_checks import word_checks
from mbcnav.trials.conditional_parts import mark_conditional_parts
from mbcnav.trials.conjugates import join_conjugates
from mbcnav.trials.context import Mention, mentions_many
from mbcnav.trials.cues import (
    _DEFINES,
    _DEFINITION,
    _DRUG_NAIVE,
    _IF,
    _IF_PREMISE,
    _LAB,
    _LAB_PREMISE,
    _MARKER_SUBJECT,
    _OPTIONAL_PARTNER,
    _PARTNER,
    _PREMISE,
    _PREMISE_NOT,
    _SOLE_SITES,
    _TRAILING_IF,
    _sentence,
    or_declined,
)
from mbcnav.trials.durations import duration_check
from mbcnav.trials.her2 import her2_list_start, her2_scores, with_named
from mbcnav.trials.labs import backwards, lab_checks
from mbcnav.trials.line_checks import lines_checks
from mbcnav.trials.mention_check import from_mention
from mbcnav.trials.mention_scope import Reading, not_a_rule
from mbcnav.trials.modality import blank_brackets
from mbcnav.trials.options import ways_in
from mbcnav.trials.pneumonitis import bare as pneumonitis_bare
from mbcnav.trials.population import subtype_list
from mbcnav.trials.radiation import radiation_scope
from mbcnav.trials.reading import _own_words
from mbcnav.trials.receptors import er_low_wording
from mbcnav.trials.set_aside import plain_words, set_aside
from mbcnav.trials.sites import bone_as_population, own_clause, sites_named
from mbcnav.trials.split import Criterion
from mbcnav.trials.subgroups import mark_subgroups
from mbcnav.trials.wording import rx

# a sentence on what counts as a lesion to measure ("... are not acceptable as target lesions",
# "are considered non-measurable")
_NOT_TARGET = re.compile(
    r"\b(?:(?:is|are)\s+)?not\s+(?:acceptable|considered|eligible|allowed|counted|used|valid)\s+as\s+"
    r"(?:target|measurable|index)\s+lesions?|\b(?:is|are)\s+(?:considered\s+)?non-?measurable\b|"
    r"\bcannot\s+be\s+(?:used\s+as\s+|selected\s+as\s+)?(?:target|measurable)\s+lesions?",
    re.I,
)
# a limit written as a multiple of the upper limit of normal, for a test the engine may not read
# ("alkaline phosphatase > 2.5 x N*")
_ULN_MULTIPLE = re.compile(r"\d\s*(?:x|×|times)\s*(?:the\s+)?(?:n\b|uln\b|upper\s+limit)", re.I)
# the premise of a looser blood-test limit: "in case of", "in patients with", "if there are"
_SITE_PREMISE = re.compile(
    r"(?:\bin\s+(?:the\s+)?case\s+of|\bin\s+(?:patients|subjects|participants)\s+with|"
    r"\bfor\s+(?:patients|subjects|participants)\s+with|\bif(?:\s+there\s+(?:are|is))?|"
    r"\bwith)\s+(?:known\s+)?$",
    re.I,
)


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


#: a trailing subject named by a treatment: "... required for patients on warfarin"
_FOR_PATIENTS_ON = re.compile(
    r"\bfor\s+(?:patients|participants|subjects|those|people|women|men|anyone)\s+(?:who\s+are\s+|"
    r"who\s+)?(?:on|taking|receiving|using|treated\s+with|take|receive|use)\s+(?:[\w/-]+\s+){0,2}$",
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


def _said(check: dict) -> tuple:
    """What a check is about, for telling an ask from a denial of the same thing."""
    return (check["type"], check["value"], frozenset(check.get("genes") or ()))


def _way(ways: list[int], at: int | None) -> int:
    """Which whole way in (options.ways_in) a check sits in; 0 when the criterion has one."""
    return sum(1 for w in ways if at is not None and at >= w)


def _rules_out_count(text: str, at: int | None) -> bool:
    """Words that rule out the people a count names ("Patients who have received 2 or more lines
    are not eligible"), in the count's own clause: not past a full stop or a semicolon, nor in a
    bracket opened after it ("...progression during or after most recent therapy); locally
    advanced disease must not be amenable to resection (patients who are considered suitable for
    surgical ... techniques ... are not eligible)": CAPItello-291, session 31 tuning set 84)."""
    for m in rx("lines.ruled_out").finditer(text):
        if at is None:
            return True
        lo, hi = sorted((at, m.start()))
        # (first review: a closed bracket, an abbreviation's dot and "Such patients are not
        # eligible" after a full stop stay in the clause; a bracket opened after "not eligible"
        # that holds the count is the count's own)
        between = _ABBREVIATION.sub("  ", blank_brackets(text[lo:hi]))
        if (such := _SUCH_PATIENTS.search(between)) and re.match(r"\s*(?:[.;]|$)", text[m.end() :]):
            # "... for metastatic disease. Such patients are not eligible." and nothing more
            # (final review: "Such patients are not eligible if they progressed within 3
            # months" is another rule)
            between = between[: such.start()] + " " * (len(between) - such.start())
        if re.search(r"[.;]", between):
            continue
        if m.start() > at and between.count("(") > between.count(")"):
            continue
        return True
    return False


#: an abbreviation's dot inside a sentence (before a lower-case word, a digit, a bracket or a
#: comma): "(i.e. third line or later)", "e.g. a taxane"
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|vs|approx|incl)\.(?=\s*[a-z0-9(,])")
#: the start of a last sentence that only names the people counted before it
_SUCH_PATIENTS = re.compile(
    r"[.;]\s+(?:such|these|those)\s+(?:patients|participants|subjects)\s*$",
    re.I,
)


#: brain spread as the subject of what must be true of it ("Brain metastases must have been
#: treated and stable for 4 weeks", "Brain lesion/s has/have been radically resected")
_BRAIN_SUBJECT = re.compile(
    r"^\W*(?:(?:any|all|known|existing|the|such)\s+)?(?:brain|cns|cerebral|intracranial)\s+"
    r"(?:metastas[ie]s|lesions?(?:/s)?|mets|disease|involvement)\s+(?:\w+/)?(?:has|have|must|should|"
    r"are|is|were|was|need|will|shall)\b(?!\s+not\b)",
    re.I,
)

#: what only says the brain spread is there or can be measured ("Brain metastases must be
#: present on MRI", "... must be measurable", "... should be newly diagnosed or progressive"): a
#: need to have it, not a state for those who have it (review)
_BRAIN_EXISTS = re.compile(
    r"\s*(?:(?:must|should|need\s+to|have\s+to)\s+)?(?:be\s+|have\s+been\s+)?(?:present|measurable|"
    r"confirmed|documented|visible|evaluable|newly|new|progressive|progressing|untreated|"
    r"radiographically|at\s+least|\d)",
    re.I,
)


def checks_for(crit: Criterion, found: list[Mention]) -> list[dict]:
    """Every check one criterion implies (possibly none)."""
    text = crit.text
    out: list[dict] = []
    if (d := _DEFINITION.search(text)) and d.start() < 40:
        return out  # "Postmenopausal is defined as ...": a definition, not a requirement
    explain, conceded, defined, skip = set_aside(text)
    ruled = text[: defined[0][0]].ljust(len(text)) if defined else text
    found = [m for m in found if not any(a <= m.start < b for a, b in skip)]
    plain = plain_words(text, explain, conceded)
    out.extend(_person_checks(crit, plain))
    out.extend(_line_checks(crit, plain))
    labs = _blood_tests(crit, plain)
    out.extend(labs)
    found = _without_target_rules(plain, found)
    found = _without_limit_premises(plain, found, labs)
    out.extend(word_checks(crit, text, plain, found))
    pm, premise_end, trailing_if, defines = _premise(text)
    conditional = _IF.match(text)
    ways = ways_in(plain)
    has_lines = any(c["type"] == "lines" for c in out)
    scoped = has_lines or any(m.check == "therapy" for m in found)
    first_treatment = _first_treatment(text, found, out)
    lab = bool(_LAB.search(text))
    naive = [m for m in found if m.check == "therapy" and _DRUG_NAIVE.match(text[m.end :])]
    if naive:  # "alpelisib treatment-naive": that drug never given, not "no treatment at all"
        out = [c for c in out if c["type"] != "lines"]
        has_lines = False
    out.extend(
        _mention_checks(
            crit,
            found,
            has_lines,
            scoped,
            first_treatment,
            lab,
            naive,
            defined,
            ruled,
            premise_end,
            trailing_if,
            ways,
        )
    )
    out = _her2_list(plain, _no_or_low_her2(plain, out))
    out = _subtype_choice(crit, plain, out)
    out = join_conjugates(plain, drop_asides(plain, out))
    out = _declined_ways(crit, plain, out)
    out = _if_needed(crit, plain, out)
    out = _asks_over_denials(out, ways)
    out = _without_general(crit, out)
    _settle_premises(crit, text, out, pm, premise_end, defines)
    out = bone_as_population(crit.kind, plain, out)
    out = _sole_sites(plain, out)
    out = _without_hr_low(out)
    _mark_scope(plain, out)
    mark_unchecked_alternatives(plain, found, out, _LAB, crit.kind)
    if not conditional:
        mark_subgroups(plain, out)
    # other health problems an exclusion names ("Known HIV infection", "another malignancy
    # within 3 years"), settled by the record's conditions only when near-certain
    out.extend(health_problems.checks(text, crit.kind))
    _mark_conditional(text, crit.kind, out, conditional)
    mark_conditional_parts(plain, crit.kind, out)
    _mark_treatment_subjects(plain, out)
    return out


def _person_checks(crit: Criterion, plain: str) -> list[dict]:
    """Age, sex and length of an earlier line; women as an inclusion's subject when no sex rule."""
    out: list[dict] = []
    for fn in (age_check, sex_check, duration_check):
        if c := fn(plain):
            out.append(c)
    if crit.kind == "inclusion" and not any(c["type"] == "sex" for c in out):
        if c := women_subject(plain):
            out.append(c)
    return out


def _line_checks(crit: Criterion, plain: str) -> list[dict]:
    """The line counts, with their adjuvant reading; a floor on those ruled out is a ceiling."""
    out: list[dict] = []
    for c in (c | adjuvant_reading(plain, c.get("at")) for c in lines_checks(plain)):
        if (
            c["min"]
            and c["max"] is None
            and crit.kind == "inclusion"
            and _rules_out_count(plain, c.get("at"))
        ):
            c = {**c, "min": None, "max": c["min"] - 1}  # "... are not eligible": a ceiling
        out.append(c)
    return out


def _blood_tests(crit: Criterion, plain: str) -> list[dict]:
    """The blood-test limits: conditional under a premise, marked when a limit runs backwards."""
    labs = lab_checks(plain)
    if premise := _LAB_PREMISE.search(plain):
        # "GFR >= 60 for patients with creatinine above 1.5 x ULN": the limit binds only when the
        # premise holds, which a record rarely settles; the premise is no requirement itself
        labs = [{**c, "conditional": True} for c in labs if c.get("at", 0) < premise.start()]
    return [{**c, "backwards": True} if backwards(c, crit.kind) else c for c in labs]


def _without_target_rules(plain: str, found: list[Mention]) -> list[Mention]:
    """The mentions less the sites a sentence on target lesions names."""
    for lesion in _NOT_TARGET.finditer(plain):
        # "Bone metastases, leptomeningeal disease, ascites ... are not acceptable as target
        # lesions" (NCT01196455): what may be measured, not who may join
        lo = max(plain.rfind(". ", 0, lesion.start()), plain.rfind("; ", 0, lesion.start())) + 1
        found = [
            m
            for m in found
            if not (m.check in {"site", "brain"} and lo <= m.start < lesion.start())
        ]
    return found


def _without_limit_premises(plain: str, found: list[Mention], labs: list[dict]) -> list[Mention]:
    """The mentions less the sites named as the premise of a looser blood-test limit."""
    if labs or _ULN_MULTIPLE.search(plain):
        # "ASAT > 2.5 x N* (in case of liver metastases > 5 x N*)" (NCT01196455): the spread
        # named as the premise of a looser limit is no rule about spread
        found = [
            m
            for m in found
            if not (
                m.check == "site" and _SITE_PREMISE.search(plain[max(0, m.start - 40) : m.start])
            )
        ]
    return found


def _premise(text: str) -> tuple[re.Match | None, int, int | None, bool]:
    """The opening premise and its end, a trailing "if"'s end, and whether a marker defines it."""
    pm = _PREMISE.match(text) or _IF_PREMISE.match(text)
    premise_end = pm.end(1) if pm else -1
    ti = _TRAILING_IF.search(text)
    trailing_if = ti.end() if ti else None
    defines = False
    if premise_end < 0 and (d := _DEFINES.match(text)):
        premise_end = d.end(1)  # "MSI high tumor should have ...": a cohort defined by a marker
        defines = True
    return pm, premise_end, trailing_if, defines


def _first_treatment(text: str, found: list[Mention], out: list[dict]) -> int:
    """Where the first treatment (a therapy mention or a line count) is named."""
    # a setting named before any treatment is the person's disease ("Early-stage HR+ breast
    # cancer who have completed (neo)adjuvant chemotherapy", NCT05488145), not a treatment's scope
    return min(
        [m.start for m in found if m.check == "therapy"]
        + [c["at"] for c in out if c["type"] == "lines" and c.get("at") is not None]
        + [len(text)]
    )


def _mention_checks(
    crit: Criterion,
    found: list[Mention],
    has_lines: bool,
    scoped: bool,
    first_treatment: int,
    lab: bool,
    naive: list[Mention],
    defined: list[tuple[int, int]],
    ruled: str,
    premise_end: int,
    trailing_if: int | None,
    ways: list[int],
) -> list[dict]:
    """The checks the concept mentions give, one per thing said within one way in."""
    text = crit.text
    out: list[dict] = []
    seen: dict[tuple, dict] = {}  # each key's first check
    # the last therapy mention read: where it ends, its mode, its value
    prev_therapy, prev_mode, prev_value = None, None, ""
    for m in found:
        reading = Reading(text, crit.kind, has_lines, scoped, first_treatment, lab, prev_therapy)
        if not_a_rule(m, reading):
            continue
        c = from_mention(m, text, crit.kind)
        if c is None:
            continue
        if c.get("within_days") and defined:
            # the words of a definition do not give the rule before it a time window ("..., which
            # is defined as having relapsed ... within 12 months of completion")
            again = from_mention(m, ruled, crit.kind)
            c["within_days"] = again.get("within_days") if again else c["within_days"]
        if m in naive:
            c["neg"] = crit.kind == "inclusion"
        if _partner(crit, c, m, prev_therapy, prev_mode):
            c["partner"] = True  # "progressed on a CDK4/6i in combination with an AI": both
            c["partner_of"] = prev_value  # ... given together (therapy_check.together)
        if c["type"] == "therapy":
            prev_therapy, prev_mode, prev_value = m.end, c.get("mode"), c["value"]
        c["at"] = c.pop("gene_at", m.start)
        if c["type"] in {"receptor", "subtype"}:
            c.update(er_low_wording(text))
        _mark_in_premise(text, c, m, premise_end, trailing_if)
        key = (c["type"], c["value"], c.get("neg"), _way(ways, c["at"]))
        if key not in seen:
            seen[key] = c
            out.append(c)
        elif c["type"] == "therapy" and c.get("mode") == "progressed":
            _progressed_again(text, seen[key], m)
        elif (
            c["type"] == "therapy"
            and c.get("mode") == "received"
            and seen[key].get("mode") == "progressed"
            and re.search(
                r"\bor\s+(?:prior|previous|received|had|any|treatment\s+with|history\s+of)\b",
                text[seen[key]["at"] : m.start],
                re.I,
            )
        ):
            # growth on it, or having had it at all ("Progression on an aromatase inhibitor for
            # metastatic disease or prior adjuvant aromatase inhibitor": session 37 final
            # review): either way in is having had it
            seen[key]["mode"] = "received"
    return out


def _partner(
    crit: Criterion, c: dict, m: Mention, prev_therapy: int | None, prev_mode: str | None
) -> bool:
    """Whether a therapy mention names the drug given together with the therapy read before it."""
    text = crit.text
    return bool(
        c["type"] == "therapy"
        # "Any prior therapy with anthracycline + Herceptin concurrently" (NCT00043394): an
        # exclusion of the pair given together, not of either drug (twenty-second session)
        and (crit.kind == "exclusion" or prev_mode == "progressed")
        and prev_therapy is not None
        and _PARTNER.fullmatch(text[prev_therapy : m.start])
        and not _OPTIONAL_PARTNER.search(text[max(0, prev_therapy - 40) : m.start])
    )


def _mark_in_premise(
    text: str, c: dict, m: Mention, premise_end: int, trailing_if: int | None
) -> None:
    """Mark a check read in the rule's premise or after a trailing "if" as a premise."""
    if m.end <= premise_end or (trailing_if is not None and m.start >= trailing_if):
        c["premise"] = True
        if (
            m.end <= premise_end
            and c.get("neg")
            and c["type"] not in {"consent", "condition"}
            and not _PREMISE_NOT.search(text[:premise_end])
        ):
            c["neg"] = False  # "If ER+ ...: no more than 2 lines": the "no" is not the premise's
        if (
            trailing_if is not None
            and m.start >= trailing_if
            and c.get("neg")
            and c["type"] != "consent"  # "... should not take part if unlikely to comply"
        ):
            # a "not" before "if" does not reach into the condition
            c["neg"] = bool(re.search(r"\bnot?\b", text[trailing_if : m.start], re.I))


def _progressed_again(text: str, first: dict, m: Mention) -> None:
    """A drug first asked for as received and named again as grown on asks for growth on it."""
    # "must have received >= 1 prior aromatase inhibitor ... and must have had either
    # disease recurrence or disease progression on a prior aromatase inhibitor"
    # (NCT00217399: set 92): the drug named again as grown on asks for more than receipt
    # ... not when it is one way of several or a condition ("at least 4 cycles or 2 cycles
    # provided disease progression occurred while on taxane", NCT00477464; "if adjuvant,
    # must have had recurrence on ...": first review)
    between = text[first["at"] : m.start]
    after = re.split(r"[;.]", text[m.end :])[0]
    if (
        first.get("mode") == "received"
        and not _NOT_A_FURTHER_DEMAND.search(between)
        # one way or another ("Prior aromatase inhibitor in the adjuvant setting or progression on
        # an aromatase inhibitor for metastatic disease": session 37 review), not "either
        # recurrence or progression on ..."
        and not (
            re.search(r"\bor\s+(?:disease\s+)?(?:progress|relaps|recurr)", between, re.I)
            and not re.search(r"\beither\b", between, re.I)
        )
        # "(progression on it is not necessary)" (last review)
        and not re.search(r"\bnot\s+(?:necessary|required|needed|mandatory)\b", after, re.I)
    ):
        first["mode"] = "progressed"


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


def _subtype_choice(crit: Criterion, plain: str, out: list[dict]) -> list[dict]:
    """One choice among the subtypes an inclusion lists, in place of its subtype checks."""
    if crit.kind == "inclusion" and (options := subtype_list(plain)):
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


def _declined_ways(crit: Criterion, plain: str, out: list[dict]) -> list[dict]:
    """A treatment an inclusion also lets in the unable or unwilling for is one way in."""
    if crit.kind == "inclusion" and (declined := or_declined(plain)) is not None:
        # "Failed prior OR not a candidate for OR refused anthracycline- and taxane-containing
        # chemotherapy" (NCT00096057: set 62 read after it was measured): having had it is one
        # way in; not being able to have it, or declining it, are others a record cannot show
        a, b = declined
        # a bracket of its own speaks for the treatments it names, wherever the rule named
        # them first ("(prior anthracycline can be omitted if ...)")
        inside = plain[a:b].lower() if plain[a : a + 1] == "(" else ""
        # ... a pronoun for the list speaks for all of it ("(any of which can be omitted ...)":
        # review)
        every = bool(inside) and bool(
            re.search(
                r"\b(?:any|all|each|either)\s+of\s+(?:which|these|them)\b|\b(?:these|either)\b",
                inside,
            )
        )
        out = [
            {**c, "neg": False, "or_declined": True}
            if c["type"] == "therapy"
            and (
                a <= c.get("at", -1) < b
                or every
                or (inside and re.search(rf"\b{re.escape(str(c['value']).lower())}", inside))
            )
            else c
            for c in out
        ]
    return out


def _if_needed(crit: Criterion, plain: str, out: list[dict]) -> list[dict]:
    """A treatment an inclusion asks for only if needed ("if indicated") is allowed, not a need."""
    if crit.kind == "inclusion" and rx("modality.if_needed").search(plain):
        out = [
            {**c, "allowed": True, "within_days": None}
            if c["type"] == "therapy" and not c.get("neg")
            else c
            for c in out
        ]
    return out


def _asks_over_denials(out: list[dict], ways: list[int]) -> list[dict]:
    """The checks less the denials of what the same way in also asks for."""

    # a thing both asked for and denied keeps the ask; genes count apart ("PALB2 germline
    # mutation carrier, wild type BRCA1&2", NCT05232006: PALB2 changed, BRCA1/2 not)
    # ... within one whole way in ("... with a clinical diagnosis of IBC ...; OR has ... without
    # clinical diagnosis of IBC": each way its own, options.ways_in)
    def said_in_way(c: dict) -> tuple:
        return (_said(c), _way(ways, c.get("at")))

    # ... but a permission for another setting does not take back a denial ("No prior
    # chemotherapy ... for inoperable locally advanced or metastatic TNBC. Prior chemotherapy
    # ... in the neoadjuvant or adjuvant setting is allowable", NCT05609903: last session's
    # held-out set 89, read after it was measured)
    def other_setting(ask: dict, denial: dict) -> bool:
        return bool(
            ask.get("allowed")
            and ask.get("setting")
            and denial.get("setting")
            and ask["setting"] != denial["setting"]
        )

    both = {
        said_in_way(d)
        for d in out
        if d.get("neg")
        for c in out
        if "neg" in c
        and not c["neg"]
        and said_in_way(c) == said_in_way(d)
        and not other_setting(c, d)
    }
    return [c for c in out if not (c.get("neg") and said_in_way(c) in both)]


def _without_general(crit: Criterion, out: list[dict]) -> list[dict]:
    """The checks less a bare "breast cancer" and consent, when they say less than the rest."""
    bc = [c for c in out if c["type"] == "condition" and c["value"] == "breast cancer"]
    if len(out) > 1 or crit.kind == "exclusion" or any(c["neg"] for c in bc):
        # "breast cancer" qualified by other words ("T4 breast cancer", "no other breast cancer")
        out = [c for c in out if c not in bc]
    if len(out) > 1:
        out = [c for c in out if c["type"] != "consent"]
    return out


def _settle_premises(
    crit: Criterion,
    text: str,
    out: list[dict],
    pm: re.Match | None,
    premise_end: int,
    defines: bool,
) -> None:
    """Mark whom the rule is for as a premise; with nothing else asked, the premise is the rule."""
    if_then = pm is not None and not _PREMISE.match(text)  # "If no measurable disease, then ..."
    # "Patients with known brain metastases must have completed any radiotherapy ..."
    # (NCT07311993): brain spread is a condition some people meet, never the population of the
    # whole study; "Patients with known germline or somatic mutations of BRCA1 or BRCA2"
    # (NCT05536128) is that population. A clause that says "are excluded" (NCT01534598) is an
    # exclusion, not a premise.
    for c in out:  # "Patients with de novo stage IV OMBC must ...": whom the rule is for
        if c["type"] == "de_novo" and 0 <= c.get("at", premise_end) < premise_end:
            c["premise"] = True
    if (
        crit.kind == "inclusion"
        and (said := _BRAIN_SUBJECT.match(text))
        and not _BRAIN_EXISTS.match(text[said.end() :])
    ):
        # "Brain lesion/s has/have been radically resected" (NCT00842998, a list under "patients
        # with CNS involvement are eligible provided that"): what must be true of brain spread,
        # for those who have it (session 32, tuning set 87)
        for c in out:
            if c["type"] == "brain" and not c.get("neg") and c.get("at", -1) < said.end():
                c["premise"] = True
    premise = pm.group(1) if pm else ""
    excluded = bool(
        re.search(r"\b(?:are|is|be)\s+(?:excluded|not\s+eligible|ineligible)\b", premise, re.I)
    )
    if all(c.get("premise") for c in out) and not defines and not if_then:
        # nothing required beyond the premise: the rest is real, only not checkable, so the
        # premise is the requirement, except "premenopausal women must take goserelin", brain
        # spread and "Patients with de novo stage IV OMBC must have a controlled primary
        # tumour" (NCT05377047): a subgroup, as a relapse after early cancer is the other one
        for c in out:
            if not (
                c["type"] in ("menopause", "de_novo") or (c["type"] == "brain" and not excluded)
            ):
                c.pop("premise", None)


def _sole_sites(plain: str, out: list[dict]) -> list[dict]:
    """One check of the sites named as the sole sites, in place of their site checks."""
    sole = _SOLE_SITES.search(plain)
    if sole:
        named = [c for c in out if c["type"] in ("site", "brain") and not c.get("neg")]
        if named:  # "Brain and liver metastases are the sole sites": those sites and no other
            out = [c for c in out if c not in named]
            values = {"brain" if c["type"] == "brain" else c["value"] for c in named}
            # every site the sentence names, not only those with a check ("bone and liver")
            values |= sites_named(own_clause(plain, sole.start()))
            out.append(
                {"type": "sites_only", "values": sorted(values), "at": named[0].get("at", 0)}
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


def _mark_scope(plain: str, out: list[dict]) -> None:
    """Add the body part of a radiotherapy check and whether a pneumonitis check is bare."""
    for c in out:  # "Prior brain radiotherapy": the body part, or exceptions left to the team
        if c["type"] == "therapy" and c["value"] == "radiation":
            c.update(radiation_scope(plain))
        elif c["type"] == "condition" and c["value"] == "pneumonitis":
            # "History of or current ILD or pneumonitis": a bare history is settled by a note; a
            # window, a grade or the steroids it needed stay with the study team (pneumonitis.py)
            c["bare"] = pneumonitis_bare(plain)


def _mark_conditional(text: str, kind: str, out: list[dict], conditional: re.Match | None) -> None:
    """Mark every check conditional under an "If ...", a marker subject no check reads or an
    inclusion's lead-in to a list of tumor types that names no breast cancer (an exclusion's
    lead-in keeps its force: review)."""
    marker_subject = _MARKER_SUBJECT.match(text)
    if marker_subject and any(c.get("at", len(text)) < marker_subject.end() for c in out):
        marker_subject = None  # a check reads the marker: the premise decides (review)
    if kind == "inclusion" and _FOLLOWING_TYPES.match(text) and not _BREAST.search(text):
        # "The following tumor types if tissues tests positive for CCND1 amplification;"
        # (NCT01037790: session 36, tuning set 99): a rule for the tumor types listed after it,
        # which may not include the person's; never a clear "not met"
        for c in out:
            c.pop("premise", None)
            c["conditional"] = True
    if (conditional or marker_subject) and not any(c.get("premise") for c in out):
        for c in out:  # "If ..., then ...": a premise we cannot check; never a clear "not met"
            c["conditional"] = True


def _mark_treatment_subjects(plain: str, out: list[dict]) -> None:
    """Mark a treatment that names whom the rule is for ("for patients on warfarin") a premise."""
    for c in out:
        # "Stable INR required for patients on warfarin" (NCT00499525: held-out set 92, read
        # after it was measured): the drug names whom the rule is for
        if c["type"] == "therapy" and _FOR_PATIENTS_ON.search(plain[: c.get("at", 0)]):
            c["premise"] = True


#: a lead-in to a list of tumor types in the items after it, with the condition they must meet
#: ("The following tumor types if ..."), not one that says they are kept out
_FOLLOWING_TYPES = re.compile(
    r"^\W*(?:the\s+)?following\s+(?:tumou?r\s+types?|tumou?rs|cancers?|cancer\s+types?|"
    r"histolog\w+|diseases?|indications?)\s+(?:if|when|provided|whose|that|with)\b"
    r"(?![^.;]*\b(?:exclu\w*|not\s+(?:be\s+)?(?:eligible|permitted|allowed)|ineligible|prohibited)\b)",
    re.I,
)
_BREAST = re.compile(r"\bbreast\b|\btnbc\b|\bm?bc\b|mammary", re.I)

#: words between two namings of a drug that make the second one way of several or a condition
#: (a sentence break is still an "and": final review)
_NOT_A_FURTHER_DEMAND = re.compile(
    r"\b(?:if|provided|unless|when|whose|who|except|otherwise|without)\b|\bor\s+\d", re.I
)


def parse_criteria(criteria: list[Criterion]) -> list[dict]:
    """Parse many criteria at once: [{"kind", "text", "number", "checks"}, ...]; "option" holds
    the words the checks were read from when they differ from the text."""
    own = [_own_words(c) for c in criteria]
    found = mentions_many([c.text for c in own])
    out = []
    for c, o, f in zip(criteria, own, found, strict=True):
        d = {**c.to_dict(), "checks": checks_for(o, f)}
        if o.text != c.text:
            d["option"] = o.text
        out.append(d)
    return out
