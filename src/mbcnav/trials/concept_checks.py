"""Checks read from a criterion's own words rather than from one concept mention: the menopause,
no brain spread ("extracranial"), de novo or recurrent spread, time since diagnosis, any treatment
ever, on treatment now, no evidence of disease, inflammatory breast cancer, growth now, a visceral
crisis, no standard treatment left, locoregional disease, ECOG or Karnofsky, neuropathy and the
progression and brain-treatment windows. ``criteria.checks_for`` adds them, in this order, before
the checks read from mentions."""

from __future__ import annotations

import re

from mbcnav.trials import brain_window, progression_window
from mbcnav.trials.context import Mention
from mbcnav.trials.cues import (
    _EVER_TREATED,
    _NOT_YET_TREATED,
    _ON_ANY_TREATMENT,
    BUT_KINDS,
    BUT_ONLY_KINDS,
    EVER_TREATED_BUT,
)
from mbcnav.trials.diagnosis_time import diagnosis_time_check
from mbcnav.trials.menopause import menopause_check
from mbcnav.trials.neuropathy import limit_check as neuropathy_limit
from mbcnav.trials.performance_status import _KARNOFSKY, ecog_allowed
from mbcnav.trials.population import ibc_checks
from mbcnav.trials.receptor_percent import percent_checks
from mbcnav.trials.set_aside import in_defining_bracket
from mbcnav.trials.split import Criterion
from mbcnav.trials.wording import rx

# "MBC, including de novo MBC patients": what follows "including" is one kind the criterion
# lets in, not a requirement (also "as well as", "such as"; within the clause; not "must also
# have de novo ...")
_INCLUDED = re.compile(
    r"\b(?:including|incl\.?|includes|as\s+well\s+as|such\s+as)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# "participants with de novo Stage IV disease are eligible" (NCT00567190, set 66): a way in that
# is allowed, not one that is required
_ALSO_ELIGIBLE = re.compile(
    r"^[^.;()]{0,40}?\b(?:are|is)\s+(?:also\s+)?(?:eligible|allowed|permitted|included)\b", re.I
)


# a class of treatment named with "no ... options left" (not every standard treatment)
# a symptom, complication or one site named before "no standard treatment left" words
_ONE_PROBLEM = re.compile(
    r"\b(?:brain|cns|leptomening\w*|bone|pain|hypercalc\w*|hot\s+flash\w*|flush\w*|nausea|vomit\w*|"
    r"symptoms?|effusions?|ascites|lymph\w*edema|neuropath\w*|infections?|an(?:a)?emia|fatigue|"
    r"itch\w*|rash\w*|diarrh\w*|mucositis|insomnia|depression|anxiety)\b",
    re.I,
)
_ONE_CLASS = re.compile(
    r"\b(?:endocrine|hormon\w*|anti-?her2|her2[- ]directed|chemo\w*|cytotoxic|targeted|cdk4/6|"
    r"parp|immuno\w*|local|surgical|radiation|radiotherapy)\b",
    re.I,
)


#: brain metastases let in on conditions before a "no evidence of disease": the words are theirs
_BRAIN_ALLOWED = re.compile(
    r"\b(?:brain|cns|cerebral|intracranial)\b[^.;]{0,60}\b(?:allowed|permitted|eligible|"
    r"accepted|acceptable)\b[^.;]*\b(?:provided|if|as\s+long\s+as|when)\b",
    re.I,
)


_NED_BESIDE = re.compile(
    r"\bpartial\s+(?:response|remission)|\bstable\s+disease|\b(?-i:PR|SD|CR)\b|\bmeasurable\b|"
    r"\bcohort\b|\bother\s+than\b|\bexcept\b|\boutside\b|\bin\s+the\s+(?:brain|liver|lungs?|bones?|"
    r"central|cns|breast|axilla|chest)|\bafter\s+(?:ablation|surgery|local|induction|resection)",
    re.I,
)
_OTHER_DISEASE_NED = re.compile(
    r"\b(?:other|prior|previous|second|another|past)\s+(?:\w+\s+)?(?:malignan\w*|cancers?|tumou?rs?)"
    r"|\bsurvivors?\b|\bthat\s+(?:disease|cancer|malignancy)\b|\b(?:malignan\w*|cancers?)\s+other\b",
    re.I,
)


def _clause_to(plain: str, found: re.Match) -> str:
    """The text up to a match and on to the end of its clause."""
    return plain[: found.end()] + re.split(r"[;.]|\band\b", plain[found.end() :])[0]


def _cure_only(clause: str) -> bool:
    """A clause about a cure alone (metastatic breast cancer has none), not one that names
    palliative treatment too."""
    return bool(re.search(r"\bcurative\b", clause, re.I)) and not re.search(
        r"\bpalliative\b", clause, re.I
    )


def word_checks(crit: Criterion, text: str, plain: str, found: list[Mention]) -> list[dict]:
    """The checks a criterion's own words give, in order (ECOG and Karnofsky read ``text``)."""
    checks = [
        menopause_check(plain),
        _extracranial(crit, plain, found),
        _de_novo(crit, plain),
        diagnosis_time_check(plain) if crit.kind == "inclusion" else None,
        _ever_treated(crit, plain),
        _on_treatment(crit, plain),
        _no_evidence_of_disease(crit, plain),
        *ibc_checks(plain),
        _progressing_now(crit, plain),
        _visceral_crisis(plain),
        _options_exhausted(crit, plain),
        _locoregional(crit, plain),
        _performance_status(text),
        neuropathy_limit(plain, crit.kind),
        progression_window.window_check(plain) if crit.kind == "inclusion" else None,
        # "brain metastases, treated within 12 weeks of study entry"
        brain_window.window_check(plain, crit.kind),
    ]
    # "ER and PR expression both =< 1%" (session 37)
    return [c for c in checks if c] + percent_checks(plain)


def _extracranial(crit: Criterion, plain: str, found: list[Mention]) -> dict | None:
    """No brain spread, from "extracranial" when no brain mention is read."""
    if (
        crit.kind == "inclusion"
        and (outside := rx("concept.extracranial").search(plain))
        and not any(m.check == "brain" for m in found)
    ):
        # "extracranial oligometastatic disease" (NCT04646564: twenty-sixth session, tuning set
        # 69): spread outside the skull, so no brain or leptomeningeal metastases
        return {
            "type": "brain",
            "value": "brain",
            "neg": True,
            "status": None,
            "allowed": False,
            "at": outside.start(),
        }
    return None


#: de novo as the other way of the same "or", after a recurrence: "(progressed following prior
#: therapy or de novo)" (NCT06705504: session 38, tuning set 105), "recurrent or de novo"
#: (a plain recurrence only: "Relapsed within 12 months of adjuvant endocrine therapy or de novo
#: metastatic disease" is two ways in, each with its own condition: review)
_OR_AFTER_RECURRENCE = re.compile(
    # (not a local one: "Locally recurrent or de novo metastatic breast cancer": final review)
    r"(?<!locally\s)(?<!local\s)(?<!locoregional\s)(?<!loco-regional\s)(?<!regional\s)"
    r"\b(?:recurr\w*|relaps\w*|progress\w*|metachronous)\b(?:\s+(?:disease|breast\s+cancer|cancer))?"
    r"(?:\s+(?:following|after|on)\s+(?:a\s+)?(?:prior|previous|earlier|(?:neo-?)?adjuvant)\s+"
    r"(?:therapy|treatment))?"
    r",?\s+(?:or|and/or)\s+(?:(?:as|a|an|with)\s+)?$",
    re.I,
)


def _de_novo(crit: Criterion, plain: str) -> dict | None:
    """Spread found at diagnosis (de novo) or a recurrence (metachronous)."""
    if (
        (novo := rx("concept.de_novo").search(plain))
        and not re.search(r"\bor\b[^.;]{0,30}\brecurr", plain, re.I)
        and not _OR_AFTER_RECURRENCE.search(plain[max(0, novo.start() - 80) : novo.start()])
        and not _INCLUDED.search(plain[max(0, novo.start() - 60) : novo.start()])
        and not _ALSO_ELIGIBLE.search(plain[novo.end() :])
    ):
        return {"type": "de_novo", "value": "de novo", "neg": False, "at": novo.start()}
    elif (
        crit.kind == "inclusion"
        and (late := rx("concept.metachronous").search(plain))
        # ("synchronous or metachronous metastatic disease" is either; "metachronous metastases
        # occurring within 6 months of ..." is a time: review)
        and not re.search(r"(?<!a)synchronous|\bwithin\b", plain, re.I)
    ):
        # "Metachronous extracranial oligometastatic diseases which occurred after 3 months after
        # radical surgery" (NCT04646564: twenty-sixth session, tuning set 69): a recurrence
        return {"type": "de_novo", "value": "de novo", "neg": True, "at": late.start()}
    return None


def _ever_treated(crit: Criterion, plain: str) -> dict | None:
    """Any breast cancer treatment ever (or none yet), when that is the whole rule."""
    if (ever := _EVER_TREATED.fullmatch(plain.strip())) or _NOT_YET_TREATED.fullmatch(
        plain.strip()
    ):
        return {
            "type": "ever_treated",
            "value": "any breast cancer treatment",
            "neg": not ever,
            "at": 0,
        }
    elif (
        crit.kind == "exclusion"
        and (but := EVER_TREATED_BUT.match(plain))
        and (only := BUT_ONLY_KINDS.fullmatch(but.group("but").strip()))
        and (kinds := [kind for rx_, kind in BUT_KINDS if rx_.search(but.group("but"))])
    ):
        return {
            "type": "ever_treated",
            "value": "any breast cancer treatment",
            "neg": False,
            "at": 0,
            "except": kinds,
            **({"one_line": True} if only.group("one") else {}),
        }
    return None


def _on_treatment(crit: Criterion, plain: str) -> dict | None:
    """An exclusion of anyone on any cancer treatment now, when that is the whole rule."""
    if crit.kind == "exclusion" and _ON_ANY_TREATMENT.fullmatch(plain.strip()):
        return {"type": "on_treatment", "value": "any cancer treatment", "at": 0}
    return None


def _no_evidence_of_disease(crit: Criterion, plain: str) -> dict | None:
    """No evidence of disease asked of the person's breast cancer."""
    if (
        crit.kind == "inclusion"
        and (ned := rx("concept.no_evidence_of_disease").search(plain))
        # not said of another cancer ("survivors of a prior malignancy with no evidence of
        # that disease for 5 years", NCT06380816)
        and not _OTHER_DISEASE_NED.search(plain)
        # nor beside other response states or a place ("complete response, partial response,
        # or stable disease", "outside the brain": maintenance or local studies; second review)
        and not _NED_BESIDE.search(plain)
        # nor said of brain metastases a rule lets in ("Previously treated brain metastases
        # allowed provided at least 3 months since prior definitive therapy AND no evidence of
        # disease", NCT00499525: held-out set 92, read after it was measured)
        and not _BRAIN_ALLOWED.search(plain[: ned.start()])
    ):
        # "No clinical evidence of disease (complete remission)" (NCT00711529): the state of
        # having no sign of cancer; "not in complete remission" turns it round
        # ("... maximally treated and not in a complete remission", NCT01219907: session 40,
        # held-out set 112 read after it was measured)
        neg = bool(
            re.search(
                r"\bnot\s+(?:be\s+|currently\s+|yet\s+)?(?:in\s+)?(?:an?\s+|the\s+)?$",
                plain[: ned.start()],
                re.I,
            )
        )
        return {
            "type": "no_evidence_of_disease",
            "value": "no evidence of disease",
            "neg": neg,
            "at": ned.start(),
        }
    return None


def _progressing_now(crit: Criterion, plain: str) -> dict | None:
    """Growth now, when that is the whole rule of an inclusion."""
    if crit.kind == "inclusion" and rx("concept.progression_now").search(plain.strip()):
        # "Clinical or radiographic evidence of disease progression" (NCT02037529: twenty-eighth
        # session, last session's held-out set 74): the whole rule is growth now
        return {"type": "progressing_now", "value": "growth now", "neg": False, "at": 0}
    return None


def _visceral_crisis(plain: str) -> dict | None:
    """A visceral crisis, asked for or denied."""
    if crisis := rx("concept.visceral_crisis").search(plain):
        neg = bool(
            re.search(
                r"\b(?:no|without|absence of|not)\b[^.;]{0,30}$", plain[: crisis.start()], re.I
            )
        )
        return {
            "type": "visceral_crisis",
            "value": "visceral crisis",
            "neg": neg,
            "at": crisis.start(),
        }
    return None


def _options_exhausted(crit: Criterion, plain: str) -> dict | None:
    """No standard treatment left for the cancer, asked by an inclusion."""
    if (
        crit.kind == "inclusion"
        and (gone := rx("concept.options_exhausted").search(plain))
        and not re.search(r"\b(?:not|never|no)\b(?:\s+\w+){0,2}\s*$", plain[: gone.start()], re.I)
        # a cure ("no standard-of-care options that are curative") MBC never has; one class of
        # treatment ("endocrine therapy options have been exhausted") is a line question (review)
        # (its own clause only: "unlikely to respond to existing therapy and for which no
        # curative therapy exists", NCT00003454, says both things)
        # ("standard curative or palliative measures do not exist", NCI's wording, names the
        # palliative treatment MBC has: twenty-first session, set 53 read after it was measured)
        and not _cure_only(_clause_to(plain, gone))
        and not _ONE_CLASS.search(plain[max(0, gone.start() - 30) : gone.end()])
        # "Hypercalcemia refractory to standard therapies", "Brain metastases that have
        # progressed beyond standard of care": one problem's treatment, not the cancer's (review)
        and not _ONE_PROBLEM.search(re.split(r"[;.]\s", plain[: gone.start()])[-1])
    ):  # "... for which no standard therapy is available": none left (the check's own words)
        exhausted = {
            "type": "options_exhausted",
            "value": "no standard treatment left",
            "neg": False,
            "at": gone.start(),
        }
        if rx("concept.options_declined").search(plain):
            exhausted["alt"] = True  # "... or has declined standard therapy": not for a record
        return exhausted
    return None


def _locoregional(crit: Criterion, plain: str) -> dict | None:
    """Locoregional disease asked for by an inclusion."""
    if (
        crit.kind == "inclusion"
        and (loco := rx("locoregional.required").search(plain))
        and not rx("locoregional.or_metastatic").search(plain)
        # "Locally recurrent disease must not be amenable to resection" (NCT00370552:
        # twenty-eighth session, set 75): what local disease must be like, for whoever has it
        and not rx("locoregional.rule_on_it").search(plain[loco.start() :])
        and not in_defining_bracket(plain, loco.start())
    ):
        return {"type": "locoregional", "at": loco.start()}
    return None


def _performance_status(text: str) -> dict | None:
    """The ECOG scores allowed, else the lowest Karnofsky score."""
    if (allowed := ecog_allowed(text)) is not None:
        return {"type": "ecog", "allowed": allowed}
    elif m := _KARNOFSKY.search(text):
        return {"type": "karnofsky", "min": int(m.group(1))}
    return None
