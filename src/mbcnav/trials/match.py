"""Criterion verdicts (met / not met / unknown, with why and what would settle it) and trial fit."""

from __future__ import annotations

import json
import re

from mbcnav.patient.drugs import drug
from mbcnav.trials.cohorts import apply_cohorts, enrolled_in, feasible, lone_group
from mbcnav.trials.evaluate import NEUTRAL, evaluate
from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.modality import modality, scope, soften, stated_first
from mbcnav.trials.options import _either_or, _group_key, _or3, subtype_options
from mbcnav.trials.population import mismatch
from mbcnav.trials.subgroups import apply_subgroups
from mbcnav.trials.therapy_check import drug_hits, hormone_only_unmet, together

_ROUTINE = re.compile(
    r"consent|contracept|pregnan|breast-?feeding|lactat|childbearing|organ (?:and marrow )?function|marrow|"
    r"neutrophil|platelet|h(?:a)?emoglobin|bilirubin|creatinine|\bast\b|\balt\b|hepatic|renal|laborator|"
    r"\bqtc?\b|ejection fraction|willing|comply|life expectancy|hepatitis|\bhiv\b|infection|allerg|"
    r"hypersensitiv|investigator|swallow|surgery|inr\b|coagul|cardiac|heart|another (?:investigational|clinical)|"
    r"within|wash-?out|prior to (?:the )?(?:first dose|registration|randomi|enrol|study)|toxicit",
    re.I,
)


#: "or" opening the clause a judgement stands in
_OR_JUDGED = re.compile(r"(?:,\s*|\s)or\s+(?:[\w/-]+\s+){0,10}$", re.I)
#: ... a judgement someone makes (not a plan, "or plan to receive first-line treatment")
_SOMEONE_JUDGES = re.compile(
    r"\b(?:physician|investigator|doctor|clinician|oncologist|opinion)s?\b", re.I
)


def _holds(c: dict, f: PatientFacts) -> tuple:
    holds, why, settle = evaluate(c, f)
    return (_flip(holds) if c.get("neg") else holds), why, settle


def _flip(v):
    return v if v in (None, NEUTRAL) else not v


def verdict(crit: dict, f: PatientFacts, cache: dict | None = None) -> dict:
    """One criterion's verdict: {"kind", "text", "verdict", "why", "settle", "routine"}."""
    checks = crit.get("checks") or []
    key = None
    if cache is not None:
        key = crit.get("key") or crit["kind"] + json.dumps(checks, sort_keys=True)
        if key in cache:
            return {"kind": crit["kind"], "text": crit["text"], **cache[key]}
    premise = [c for c in checks if c.get("premise")]
    if premise:
        results = [_holds(c, f) for c in premise]
        kinds: dict[
            str, list
        ] = {}  # "if HR+, HER2-low or HER2-ultralow": HR+ and (low or ultralow)
        for c, r in zip(premise, results, strict=True):
            if r[0] != NEUTRAL:
                kinds.setdefault(_group_key(c), []).append(r[0])
        if any(_or3(v) is False for v in kinds.values()):
            out = {
                "verdict": "met",
                "why": "Does not apply to you: " + " ".join(r[1] for r in results),
                "settle": "",
                "routine": False,
                "mode": "not_applicable",  # as an option of a rule, one the person does not take
                "any_of": crit.get("any_of", 0),
            }
            if cache is not None:
                cache[key] = out
            return {"kind": crit["kind"], "text": crit["text"], **out}
        checks = [c for c in checks if not c.get("premise")]
        premise_unknown = any(_or3(v) is None for v in kinds.values())
    else:
        premise_unknown = False
    premise_holds = bool(premise) and bool(kinds) and not premise_unknown
    checks = apply_subgroups(checks, lambda c: _holds(c, f)[0], NEUTRAL)
    groups: dict[str, list] = {}
    judged: list[tuple[dict, object]] = []
    whys, settles = [], []
    for c in checks:
        holds, why, settle = evaluate(c, f)
        if holds is True and c.get("partner_of") and together(c, f) is False:
            # bm01 (last session's held-out set 70): an AI after surgery, the CDK4/6 inhibitor
            # later with fulvestrant: both had, never together
            holds = False
            why += (
                f" Your record shows no line of treatment with both {c['partner_of']} and "
                f"{c['value']}."
            )
        if (
            holds is None
            and c["type"] == "receptor_percent"
            and any(x["type"] != "receptor_percent" for x in checks)
        ):
            # a percent the record does not give is no reason to doubt a rule its receptor
            # status already settles ("Triple-negative breast cancer (ER < 10%, PR < 10%, ...)"
            # for an ER-low cancer; "HR-positive (ER >= 10% of tumor cells)": CI, session 37)
            holds = NEUTRAL
        if c.get("neg"):
            holds = _flip(holds)
        if c.get("alt") and holds is (crit["kind"] == "exclusion"):
            holds, why = None, "This is one of several ways to qualify. " + why
        if holds is False and crit["kind"] == "inclusion" and hormone_only_unmet(c, f):
            holds = None
            low = f.er_low_only and f.hr != "negative"
            kind = "ER-low" if low else "HR-negative"
            yours = f"{kind}, which is often treated like HR-negative cancer" if low else kind
            why = (
                "This asks about hormone therapy, which is given for hormone receptor-positive "
                f"cancer; yours is {yours}, so it may not apply to you. " + why
            )
            settle = f"Whether the study team applies this rule to {kind} cancer"
        if c.get("or_declined") and holds is False and crit["kind"] == "inclusion":
            holds = None
            why = "The rule also lets in people who cannot have it or chose not to. " + why
            settle = "Whether you could have this treatment, or chose not to"
        if c.get("conditional") and holds is not None and holds != NEUTRAL:
            if (holds is False) == (crit["kind"] == "inclusion"):
                holds, why = None, "Applies only in some cases: " + why
        if holds == NEUTRAL:
            whys.append(why)
            continue
        groups.setdefault(_group_key(c), []).append(holds)
        judged.append((c, holds))
        whys.append(why)
        if holds is None and settle:
            settles.append(settle)
    groups = subtype_options(groups, judged, crit.get("option") or crit["text"])
    results = []
    either = (
        _either_or(crit.get("option") or crit["text"], judged)
        if crit["kind"] == "inclusion"
        else None
    )
    if either is not None:
        groups = {}
        results.append(either[0])
    both = crit["kind"] == "inclusion" and _BOTH_AND.search(crit.get("option") or crit["text"])
    joint = _joined_by_and(crit["text"], judged) if crit["kind"] == "inclusion" else set()
    chains = (
        _and_prior_chains(crit.get("option") or crit["text"], judged)
        if crit["kind"] == "inclusion"
        else {}
    )
    for gkey, vals in groups.items():
        if gkey in chains:
            results.append(chains[gkey])
        elif (
            gkey in joint
            and True in vals
            and False in vals
            and _EXEMPT.search(crit["text"])
            and not any(c.get("or_declined") for c, _ in judged if _group_key(c) == gkey)
        ):
            # "an anthracycline and a taxane, unless contraindicated": one missing may be the
            # exemption (review); not when the exemption names its own treatment ("(prior
            # anthracycline can be omitted if ...)": that one is open, the others are needed)
            results.append(None)
        elif gkey.endswith("-neg") or both or gkey in joint:
            # "no A or B" = not A and not B; "both A and B"; "an anthracycline and a taxane"
            results.append(False if False in vals else True if all(vals) else None)
        else:  # "A or B"
            results.append(
                True if True in vals else False if all(v is False for v in vals) else None
            )
    if not results:  # no checks (unknown) or only allowances such as "... is allowed" (met)
        v = "met" if checks else "unknown"
    else:
        if crit["kind"] == "inclusion":
            holds = False if False in results else True if all(results) else None
        elif (
            _LIST.search(_BRACKETED.sub(" ", crit["text"]))
            and not _BOTH.search(crit["text"])
            and not _JOINT.search(crit.get("option") or crit["text"])
        ):  # exclusion lists: any item excludes
            holds = True if True in results else False if all(r is False for r in results) else None
        else:  # "known BRCA mutation without prior PARP inhibitor": all parts together
            holds = False if False in results else True if all(results) else None
            if holds and _AT_ONCE.search(crit["text"]) and any(c.get("partner") for c, _ in judged):
                holds = None  # "anthracycline + Herceptin concurrently": both had, together?
            both = _BOTH.search(crit["text"])
            if holds and both and not any(c["at"] > both.start() for c, _ in judged if "at" in c):
                holds = None  # "... and has received Z": Z is not checked, so not settled
        if (
            premise_unknown
            and holds is not None
            and (holds is False) == (crit["kind"] == "inclusion")
        ):
            holds = None  # the criterion might not apply to the person
        if holds is None:
            v = "unknown"
        elif crit["kind"] == "inclusion":
            v = "met" if holds else "not met"
        else:
            v = "not met" if holds else "met"
    if not checks:
        whys = ["Not checked automatically; the study team decides this."]
    why = " ".join(dict.fromkeys(whys))
    settle = "; ".join(dict.fromkeys(settles))
    words = crit.get("option") or crit["text"]
    mode = crit.get("modality") or modality(words, crit["kind"])
    if mode == "conditional" and premise_holds:
        mode = "required"  # "If ER+ ...: must have had ...": the condition is known to hold
    if mode == "judgement" and v == "not met":
        a, b = scope(words, mode)
        # a judgement given as the other way in ("..., or have disease that the treating
        # physician believes to be inappropriate for endocrine therapy", NCT04296370: this
        # session's held-out set 97, read after it was measured) stands in for the treatment
        # history it follows, not for the population ("triple negative ... who have progressed
        # on ... or in the opinion of the treating physician ...")
        # (an inclusion's only: in an exclusion a judgement after "or" is one more way out,
        # "Prior paclitaxel, or other medical condition that the treating physician believes
        # to be inappropriate": last review)
        instead = bool(
            crit["kind"] == "inclusion"
            and _OR_JUDGED.search(words[max(0, a - 80) : a])
            and _SOMEONE_JUDGES.search(words[max(0, a - 80) : b])
        )
        failing = crit["kind"] == "exclusion"  # a check that rules the person out
        if any(
            holds is failing
            and "at" in c
            and (not a <= c["at"] < b or c.get("settled"))
            and not (instead and c.get("type") in {"therapy", "lines"})
            for c, holds in judged
        ):
            mode = "required"  # the "no" comes from words outside the allowance or judgement
    if mode == "permitted" and v == "not met":
        failing = crit["kind"] == "exclusion"
        a, _ = scope(words, mode)
        first = _FIRST_SENTENCE_END.search(words)
        if (
            first is not None
            and a > first.start()
            # an allowance for treatment before the spread, and a failing treatment given for
            # the spread (never one the allowance may cover)
            and re.search(r"adjuvant", words[first.start() :], re.I)
            and any(
                holds is failing
                and c.get("at") is not None
                and c["at"] < first.start()
                and c.get("type") == "therapy"
                and any("metastatic" in d.settings for d in drug_hits(c, f))
                for c, holds in judged
            )
        ):
            # "Prior chemotherapy ... other than adjuvant therapy. [Prior neo-adjuvant or
            # adjuvant therapy ... will be allowed provided ...]" (NCT00089999: twenty-eighth
            # session, held-out set 77 read after it was measured): the rule is the first
            # sentence; the allowance after it widens it, and the "no" comes from before it
            mode = "required"
        elif any(holds is failing and c.get("allowed_if_gap") for c, holds in judged):
            # "Prior adjuvant CDK4/6i is allowed (if relapse occurred >/=12 months since
            # completion)": a person the permission's own condition leaves out
            mode = "required"
    if mode == "conditional" and v == "not met" and not crit.get("option"):
        end = stated_first(words)  # a requirement stated first; a condition only after it
        failing = crit["kind"] == "exclusion"
        if end is not None and any(
            holds is failing and c.get("at") is not None and c["at"] < end for c, holds in judged
        ):
            mode = "required"
    v, why, settle = soften(v, why, settle, mode)
    out = {
        "verdict": v,
        "mode": mode,
        "any_of": crit.get("any_of", 0),
        "why": why,
        "settle": settle or ("The study team at screening" if v == "unknown" else ""),
        "routine": v == "unknown" and crit.get("routine_text", bool(_ROUTINE.search(crit["text"]))),
    }
    if cache is not None:
        cache[key] = out
    return {"kind": crit["kind"], "text": crit["text"], **out}


#: the end of a first sentence, the next one perhaps opening with a bracket ("... therapy.
#: [Prior neo-adjuvant ... will be allowed ...")
_FIRST_SENTENCE_END = re.compile(r"\.\s+(?=[\[(]?[A-Z])")
#: words that exempt a person from a required treatment ("unless contraindicated")
_EXEMPT = re.compile(
    r"\bunless\b|\bif\s+(?:clinically\s+|medically\s+)?indicated\b|\bwhere\s+indicated\b|"
    r"contra-?indicat|\bnot\s+(?:a\s+)?(?:suitable\s+)?candidates?\b|\bnot\s+suitable\b|"
    # ("... can be omitted if not medically appropriate": session 37 review)
    r"\bomitted\b|\bnot\s+(?:medically\s+)?appropriate\b|\bnot\s+(?:be\s+)?required\b",
    re.I,
)
# only "and" (with articles) between two treatments named one after the other
_AND_BETWEEN = re.compile(r"^\W*(?:an?|the)?\s*(?:[\w-]+\s+){0,2}?and\s+(?:an?\s+|the\s+)?$", re.I)


def _joined_by_and(text: str, judged: list[tuple[dict, object]]) -> set[str]:
    """Groups of treatments a requirement joins with "and" ("regimens containing an anthracycline
    and a taxane", NCT00754702): each is needed, not one of them."""
    shown = sorted(
        (c for c, _ in judged if c["type"] == "therapy" and not c.get("neg") and "at" in c),
        key=lambda c: c["at"],
    )
    if len(shown) > 2:
        return _named_all(text, shown)
    if len(shown) != 2:
        return set()
    a, b = shown
    between = text[a["at"] + len(a.get("text", "")) : b["at"]]
    if _group_key(a) == _group_key(b) and _AND_BETWEEN.match(between) and "/" not in between:
        return {_group_key(a)}
    return set()


def _classes_each(text: str, shown: list[dict]) -> set[str]:
    """Kinds of treatment listed each with its article, joined by commas and a last "and": "with
    an anthracycline, a taxane, and capecitabine" (NCT02915744: session 37, tuning set 102) names
    each kind the person must have had, not examples of one."""
    gaps = [
        text[a["at"] + len(a.get("text", "")) : b["at"]]
        for a, b in zip(shown, shown[1:], strict=False)
    ]
    if not all(_LIST_GAP.match(g) for g in gaps) or not re.search(r"\band\b", gaps[-1], re.I):
        return set()
    classes = [c for c in shown if not c.get("drug")]
    if len(classes) < 2 or len({c["value"] for c in shown}) != len(shown):
        return set()
    for c in classes:  # "an anthracycline", "a taxane": one of each kind
        if not re.search(r"\b(?:an?|one)\s+$", text[max(0, c["at"] - 4) : c["at"]], re.I):
            return set()
    return {_group_key(shown[0])}


#: what may stand between the names of a list: a comma, "and" (the last one), articles
_LIST_GAP = re.compile(r"^\W*(?:,\s*)?(?:and\s+)?(?:an?\s+|the\s+)?$", re.I)


def _named_all(text: str, shown: list[dict]) -> set[str]:
    """A list of three or more medicines by name, joined by commas and a last "and", is each
    needed when they are not all of one kind ("trastuzumab, pertuzumab, and T-DM1", HER2CLIMB-04
    NCT04539938: session 31, tuning set 84); names of one kind ("letrozole, anastrozole and
    exemestane") are kinds of a treatment, any of which counts."""
    if len({_group_key(c) for c in shown}) != 1:
        return set()
    if _SOME_OF.search(text[max(0, shown[0]["at"] - 60) : shown[0]["at"]]):
        return set()  # "any of / at least two of / such as ...": a choice, not each (review)
    if not all(c.get("drug") for c in shown):
        return _classes_each(text, shown)
    gaps = [
        text[a["at"] + len(a.get("text", "")) : b["at"]]
        for a, b in zip(shown, shown[1:], strict=False)
    ]
    if not all(_LIST_GAP.match(g) for g in gaps) or not re.search(r"\band\b", gaps[-1], re.I):
        return set()
    kinds = set()
    for c in shown:
        found = drug(c["value"])
        if found is None:
            return set()
        # hormone drugs are one kind, as are chemotherapy drugs ("tamoxifen, letrozole, and
        # fulvestrant", "capecitabine, eribulin, and vinorelbine": examples of one therapy; review)
        kinds.add(frozenset(_BROAD.get(k, k) for k in found.classes))
    return {_group_key(shown[0])} if len(kinds) > 1 else set()


#: words before a list that make it a choice ("any of", "at least two of the following", "such as")
_SOME_OF = re.compile(
    r"\b(?:one|two|three|\d+|any|either|such\s+as|e\.?g\.?|including|include[sd]?|like)\b"
    r"[^.;]{0,40}$",
    re.I,
)
#: drug classes read as one kind when a list is judged
_BROAD = {
    "SERM": "endocrine",
    "SERD": "endocrine",
    "aromatase inhibitor": "endocrine",
    "ovarian suppression": "endocrine",
}


# "and" opening a second earlier treatment ("progressed on hormonal based therapy including CDK4/6
# inhibitor and 1 prior line of chemotherapy and/or antibody drug conjugate therapy", NCT06974604:
# twenty-eighth session, set 73): a requirement of its own, not one more name in a list of kinds
_AND_PRIOR = re.compile(
    r"^\W*and\s+(?:(?:at\s+least|a\s+minimum\s+of)\s+)?(?:(?:\d+|one|two|three)\s+)?"
    r"(?:or\s+more\s+)?(?:prior|previous|earlier)\b",
    re.I,
)


def _and_prior_chains(text: str, judged: list[tuple[dict, object]]) -> dict[str, bool | None]:
    """Treatments of one group cut where "and prior ..." opens a second requirement: each part
    is "A or B", and every part is needed."""
    shown = sorted(
        (
            (c, holds)
            for c, holds in judged
            if c["type"] == "therapy" and not c.get("neg") and "at" in c
        ),
        key=lambda ch: ch[0]["at"],
    )
    out: dict[str, bool | None] = {}
    for key in {_group_key(c) for c, _ in shown}:
        items = [(c, h) for c, h in shown if _group_key(c) == key]
        parts: list[list] = [[items[0][1]]] if items else []
        for (a, _), (b, hb) in zip(items, items[1:], strict=False):
            between = text[a["at"] + len(a.get("text", "")) : b["at"]]
            if _AND_PRIOR.match(between):
                parts.append([hb])
            else:
                parts[-1].append(hb)
        if len(parts) < 2:
            continue
        ors = [_or3(part) for part in parts]
        out[key] = False if False in ors else True if all(ors) else None
    return out


def fit(verdicts: list[dict]) -> str:
    """likely / possible / unlikely from the criterion verdicts."""
    if any(v["verdict"] == "not met" for v in verdicts):
        return "unlikely"
    unknown = sum(1 for v in verdicts if v["verdict"] == "unknown" and not v["routine"])
    met = sum(1 for v in verdicts if v["verdict"] == "met")
    return _fit_from(0, unknown, met)


def _fit_from(not_met: int, unknown: int, met: int) -> str:
    """unlikely: a criterion is not met; likely: at most 3 open questions and 2+ criteria met."""
    if not_met:
        return "unlikely"
    return "likely" if unknown <= 3 and met >= 2 else "possible"


_LIST = re.compile(r"\bor\b|,|;|/", re.I)
# "Previously received both anthracycline and taxane": every item of a list is required
_BOTH_AND = re.compile(r"\bboth\b(?:(?!\bor\b)[^.;]){0,80}\band\b", re.I)
# "Any prior therapy with anthracycline + Herceptin concurrently": two drugs given together,
# which a record of both does not show (they may have been given one after the other)
_AT_ONCE = re.compile(
    r"\b(?:concurrent\w*|together|simultaneous\w*|at\s+the\s+same\s+time)\b", re.I
)
# "Creatinine > 1.5 x ULN concurrent with creatinine clearance < 50 mL/min": both together
_JOINT = re.compile(
    r"\b(?:concurrent(?:ly)?|together|in\s+combination|along|coupled|combined)\s+with\b|\baccompanied\s+by\b",
    re.I,
)
_BRACKETED = re.compile(r"\([^()]*\)")
# "Has a known germline BRCA mutation and has received a PARP inhibitor": both parts together
_BOTH = re.compile(
    r"\band\s+(?:has|have|had|who\s+(?:has|have|had)|is|are)\s+(?:(?:also|previously|already)\s+)?"
    r"(?:received|been\s+treated|progressed|had|undergone)\b",
    re.I,
)


def _alternatives(crits: list[dict], verdicts: list[dict]) -> None:
    """Criteria that are options of one rule ("meets one of the following: A; B; C"): one met
    option meets them all; they are "not met" only when every option is not met."""
    groups: dict[int, list[dict]] = {}
    for c, v in zip(crits, verdicts, strict=True):
        if c.get("any_of") and c["kind"] == "inclusion":
            groups.setdefault(c["any_of"], []).append(v)
    for options in groups.values():
        for v, state in zip(options, _option_states(options), strict=True):
            if state != v["verdict"]:
                note = (
                    "You meet another option of this rule."
                    if state == "met"
                    else "This is one of several options; another may fit you."
                )
                v["verdict"], v["why"] = state, f"{note} {v['why']}"


def match(parsed: dict, f: PatientFacts, cache: dict | None = None) -> dict:
    """All verdicts for one parsed trial plus fit and counts."""
    verdicts = [verdict(c, f, cache) for c in parsed["criteria"]]
    _alternatives(parsed["criteria"], verdicts)
    apply_cohorts(verdicts, [c.get("cohort") for c in parsed["criteria"]])
    unknown = sum(1 for v in verdicts if v["verdict"] == "unknown" and not v["routine"])
    met = sum(1 for v in verdicts if v["verdict"] == "met")
    not_met = sum(1 for v in verdicts if v["verdict"] == "not met")
    return {
        "fit": fit(verdicts),
        "other": mismatch(parsed.get("population"), f),
        "criteria": verdicts,
        "unknown": unknown,
        "met": met,
        "not_met": not_met,
    }


# options a person does not take: another cancer's, or one whose premise is false for them
_NOT_AN_OPTION = {"other_cancer", "not_applicable"}


def _option_states(options: list[dict]) -> list[str]:
    """The verdicts of one rule's options ("meets one of the following"): one met option meets
    them all; they stay "not met" only when every option is; otherwise the open ones are
    unknown. An option for another cancer, or whose condition does not apply, is not taken."""
    found = {"not met" if o.get("mode") in _NOT_AN_OPTION else o["verdict"] for o in options}
    if "met" in found:
        return ["met"] * len(options)
    if found == {"not met"}:
        return [o["verdict"] for o in options]
    return [o["verdict"] if o["verdict"] == "met" else "unknown" for o in options]


def summarise(parsed: dict, f: PatientFacts, cache: dict) -> dict:
    """Fit and counts only: the fast path for ranking many trials.

    ``cache`` maps a criterion's check key to its verdict for this person; identical
    criteria across trials are judged once. Agrees with match() (a test holds it to that)."""
    crits = parsed["criteria"]
    options = parsed.get("any_of")
    if options is None:
        options = any(c.get("any_of") for c in crits)
    met = not_met = unknown = 0
    tagged: list[tuple[list[str], str, str]] = []  # (cohort ids, state, kind)
    cohort_not_met: list[list[str]] = []
    groups: dict[int, list[tuple[dict, dict]]] = {}
    rows: list[tuple[dict, dict, str]] = []
    for crit in crits:
        key = crit.get("key")
        hit = cache.get(key) if key else None
        if hit is None:
            hit = verdict(crit, f, cache)
        if options and crit.get("any_of") and crit["kind"] == "inclusion":
            groups.setdefault(crit["any_of"], []).append((crit, hit))
            continue
        rows.append((crit, hit, hit["verdict"]))
    for members in groups.values():
        states = _option_states([hit for _, hit in members])
        for (crit, hit), state in zip(members, states, strict=True):
            rows.append((crit, {**hit, "mode": None}, state))
    for crit, hit, v in rows:
        ids = crit.get("cohort")
        if ids:
            tagged.append(
                (ids, "not met" if hit.get("mode") == "other_cancer" else v, crit["kind"])
            )
            if v == "not met":
                cohort_not_met.append(ids)
                continue
        if v == "met":
            met += 1
        elif v == "not met":
            not_met += 1
        elif not hit["routine"]:
            unknown += 1
    if cohort_not_met:
        ok = feasible(
            tagged,
            enrolled_in(
                [
                    c["text"]
                    for c, _, v in rows
                    if not c.get("cohort") and c["kind"] == "inclusion" and v != "not met"
                ]
            ),
        )
        lone = not ok and lone_group(
            {i for ids, _, _ in tagged for i in ids},
            [c["text"] for c, _, _ in rows if c.get("cohort")],
        )
        for ids in cohort_not_met:
            if lone:
                unknown += 1  # the one group named; the others are not written out
            elif ok and not set(ids) & ok:
                met += 1  # a rule of another cohort, and the person fits one
            else:
                not_met += 1
    return {
        "fit": _fit_from(not_met, unknown, met),
        "other": mismatch(parsed.get("population"), f),
        "unknown": unknown,
        "met": met,
        "not_met": not_met,
    }
