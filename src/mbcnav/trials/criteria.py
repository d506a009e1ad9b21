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
from mbcnav.trials.age_sex import age_check, sex_check, women_subject
from mbcnav.trials.alternatives import mark_unchecked_alternatives
from mbcnav.trials.asides import (
    drop_asides,
)
from mbcnav.trials.check_marks import (
    _mark_conditional,
    _mark_in_premise,
    _mark_scope,
    _mark_treatment_subjects,
    _premise,
    _settle_premises,
)
from mbcnav.trials.concept_checks import word_checks
from mbcnav.trials.conditional_parts import mark_conditional_parts
from mbcnav.trials.conjugates import join_conjugates
from mbcnav.trials.context import Mention, mentions_many
from mbcnav.trials.cues import (
    _DEFINITION,
    _DRUG_NAIVE,
    _LAB,
    _OPTIONAL_PARTNER,
    _PARTNER,
    _SOLE_SITES,
    or_declined,
)
from mbcnav.trials.cyp3a import cyp3a_check
from mbcnav.trials.durations import duration_check
from mbcnav.trials.line_checks import capital_or_parts
from mbcnav.trials.lines_and_labs import _blood_tests, _line_checks, _without_limit_premises
from mbcnav.trials.mention_check import from_mention
from mbcnav.trials.mention_scope import Reading, not_a_rule
from mbcnav.trials.options import ways_in
from mbcnav.trials.premise_cues import _IF
from mbcnav.trials.reading import _own_words
from mbcnav.trials.receptor_lists import (
    _her2_list,
    _no_or_low_her2,
    _subtype_choice,
    _without_hr_low,
    without_testing_words,
)
from mbcnav.trials.receptors import er_low_wording
from mbcnav.trials.set_aside import plain_words, set_aside
from mbcnav.trials.sites import bone_as_population, own_clause, sites_named
from mbcnav.trials.split import Criterion
from mbcnav.trials.subgroups import mark_subgroups
from mbcnav.trials.trial_history import participation_check
from mbcnav.trials.wording import rx

# a sentence on what counts as a lesion to measure ("... are not acceptable as target lesions",
# "are considered non-measurable")
_NOT_TARGET = re.compile(
    r"\b(?:(?:is|are)\s+)?not\s+(?:acceptable|considered|eligible|allowed|counted|used|valid)\s+as\s+"
    r"(?:target|measurable|index)\s+lesions?|\b(?:is|are)\s+(?:considered\s+)?non-?measurable\b|"
    r"\bcannot\s+be\s+(?:used\s+as\s+|selected\s+as\s+)?(?:target|measurable)\s+lesions?",
    re.I,
)


def _said(check: dict) -> tuple:
    """What a check is about, for telling an ask from a denial of the same thing."""
    return (check["type"], check["value"], frozenset(check.get("genes") or ()))


def _capital_ways(text: str) -> list[int]:
    """Where each way after a capital "OR" starts, in one plain sentence (line_checks.
    capital_or_parts): the same thing said again in another way is that way's own check
    ("Has locally recurrent inoperable breast cancer not previously treated with chemotherapy
    ... OR has metastatic breast cancer not previously treated with chemotherapy", NCT02819518:
    session 41, tuning set 114), so options._either_or can weigh each way."""
    return [m.end() for m in re.finditer(r" OR ", text)] if capital_or_parts(text) else []


def _way(ways: list[int], at: int | None) -> int:
    """Which whole way in (options.ways_in) a check sits in; 0 when the criterion has one."""
    return sum(1 for w in ways if at is not None and at >= w)


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
    pm, premise_end, trailing_if, defines, if_then = _premise(text)
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
            sorted({*ways, *_capital_ways(plain)}),
        )
    )
    out = _her2_list(plain, _no_or_low_her2(plain, without_testing_words(plain, out)))
    out = _subtype_choice(crit, plain, out)
    out = join_conjugates(plain, drop_asides(plain, out))
    out = _declined_ways(crit, plain, out)
    out = _if_needed(crit, plain, out)
    out = _asks_over_denials(out, ways)
    out = _without_general(crit, out)
    _settle_premises(crit, text, out, pm, premise_end, defines, if_then)
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
    if c := participation_check(plain, crit.kind):
        out.append(c)
    if c := cyp3a_check(plain, crit.kind):
        out.append(c)
    if crit.kind == "inclusion" and not any(c["type"] == "sex" for c in out):
        if c := women_subject(plain):
            out.append(c)
    return out


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
