"""One concept mention in a criterion -> one check, with its negation, scope and mode.

A mention comes from ``context`` with its ConText modifiers; the words around it decide
whether the criterion asks for the concept, rules it out, or only names it (a cause, an
example, a purpose). ``criteria.checks_for`` calls it for every mention of a criterion.
"""

from __future__ import annotations

import re

from mbcnav.trials.brain_wording import (
    _BRAIN_REQUIRED,
    _BRAIN_STATE_ONLY,
    _FAILED_LOCAL,
    _MEDICINE_FOR,
    _OTHER_WAY_THAN_SURGERY,
    _RESECTED,
    _RESECTED_BEFORE,
    _SIZE,
    _TREATED_BEFORE,
)
from mbcnav.trials.context import Mention
from mbcnav.trials.cues import (
    _ALLOWED,
    _BONE_KIND,
    _BRAIN_COUNT,
    _CANNOT,
    _COHORT_NAME,
    _DOSE,
    _EXCEPT,
    _EXCEPT_STABLE,
    _EXCLUDING,
    _GERMLINE,
    _LABEL_START,
    _MAY,
    _NOT_ALLOWED,
    _NOT_THERAPY,
    _OTHER_INDICATION,
    _OWN_HISTORY_WORDS,
    _OWN_RULE,
    _PAST_CUE,
    _PLAN_LEAD,
    _PROHIBITION,
    _REPRODUCTIVE,
    _SITE_STATE,
    _SMALL_EXCEPTION,
    _STUDY_ARM_AFTER,
    _STUDY_TREATMENT_BEFORE,
    _TOPIC_LABEL_AFTER,
    _TOPIC_RULE,
    _TREATED_WORDS,
    _WITHOUT,
    SENTENCE_END,
    _clause,
    _rules_only,
    _sentence,
)
from mbcnav.trials.documented import on_file
from mbcnav.trials.gene_words import (
    _OTHER_HRR_GENES,
    _WILD_TYPE_BRCA,
    _gene_words,
    change_kind,
    genes_named,
)
from mbcnav.trials.harm_cues import (
    _GREW,
    _GROWTH_AFTER,
    _HARM_AFTER,
    _HARM_BEFORE,
    _PROGRESSION_BEFORE,
    _RESISTANT_AFTER,
)
from mbcnav.trials.line_words import _ADC
from mbcnav.trials.modality import WITH_OR_WITHOUT, between_edges
from mbcnav.trials.reading import _segment
from mbcnav.trials.setting_cues import _EARLY_AFTER, _EARLY_SETTING, _METASTATIC_SETTING
from mbcnav.trials.therapy_timing import (
    _AFTER_STOPPING,
    _BEGUN,
    _DFI_WITHIN,
    _EITHER_SETTING,
    _LATEST_LINE_IS,
    _RELAPSE_GAP_BEFORE,
    _SHORTER,
)
from mbcnav.trials.time_cues import (
    _ALLOWED_IF_LATE,
    _CURRENT,
    _GAP_AFTER_BEFORE,
    _GAP_BEFORE,
    _RECOVERY_BEFORE,
    _WASHOUT,
)
from mbcnav.trials.time_windows import span_days, window_days

_BONE_DOMINANT = re.compile(
    r"\bbone[- ](?:dominant|predominant)|\bpredominantly\s+(?:in\s+)?bone", re.I
)


# a growth word right before the criteria that judge it: "progression per Response Evaluation
# Criteria in Solid Tumors, version 1.1 (RECIST", "progression according to RECIST"
_GROWTH_PER = re.compile(
    r"\b(?:progress\w*|respon\w*|shrink\w*|grow\w*)\s+(?:per|by|according\s+to|using|as\s+"
    r"(?:defined|assessed|judged)\s+by)\s+(?:the\s+)?(?:response\s+evaluation\s+criteria\s+in\s+"
    r"solid\s+tumou?rs?[^()]{0,30}?)?\(?\s*$",
    re.I,
)


def _yardstick(m: Mention, text: str) -> bool:
    """ "existing lesions showing progression per Response Evaluation Criteria ... (RECIST
    v1.1)" (NCT07749586): RECIST named as how growth is judged, not a need to be measurable."""
    before = text[max(0, m.start - 120) : m.start]
    return not re.match(r"measurable", m.text, re.I) and bool(_GROWTH_PER.search(before))


_PART_EDGE = re.compile(r";|:\s+(?=[a-z]\.\s)|\s(?=[a-z]\.\s+[A-Z])")


def _part_of(text: str, at: int) -> str:
    """The part of a rule ``at`` stands in: between semicolons or lettered items ("a. ... b.")."""
    lo, hi = between_edges(text, _PART_EDGE, at, at)
    return text[lo:hi]


_NOT_A_LISTING = re.compile(
    r"\b(?:patients?|participants?|subjects?|must|allowed|permitted|exclud\w*|eligible|may|"
    r"not|no|unless|except|if|who|which)\b",
    re.I,
)


def _before_listing(before: str) -> str:
    """The clause before an open bracket that lists treatments, when the mention stands in that
    list ("... taxane therapy (single-agent paclitaxel, docetaxel, or"); '' otherwise."""
    if before.count("(") <= before.count(")"):
        return ""
    at = before.rfind("(")
    if _NOT_A_LISTING.search(before[at:]):
        return ""
    return re.split(r"[;.]", before[:at])[-1]


def _before_examples(before: str) -> str:
    """The words before a bracket of examples the mention stands in ("receiving an ER blocking
    endocrine therapy (includes fulvestrant, ..."), or of the dose a class is measured in: the
    examples take the mode of their class."""
    if before.count("(") > before.count(")"):
        lead = before[: before.rfind("(")]
        if re.match(
            r"\(\s*(?:includ\w*|e\.?g\.?|such as|i\.?e\.?|for example)\b"
            # "Ongoing immunosuppressive therapy (>= 10 mg/day of prednisone or its equivalent)"
            # (NCT05023486): a dose of the drug the class is measured in
            r"|\(\s*[<>≤≥]?=?\s*\d[\d.,]*\s*(?:mg|mcg|µg)\b[^()]{0,20}?\bof\b",
            before[len(lead) :],
            re.I,
        ):
            return lead
    return before


# a criterion that opens with a limit ("No more than one prior ...") and holds no other denial
_LIMIT_FIRST = re.compile(
    r"^\W*(?:no|not)\s+(?:more|fewer|less|greater|later|longer|earlier)\s+than\b"
    r"(?![^.;]*\b(?:no|not|without|never|nor|non)\b)",
    re.I,
)

# a denied treatment, then the disease it would have been for
_DENIED_THERAPY_FOR = re.compile(
    r"^\W*(?:no|not|never|without)\b[^.;]{0,60}\b(?:therap\w*|treatments?|chemotherap\w*|"
    r"regimens?)\s+(?:for|in)\s+(?:the\s+)?(?:(?:locally|advanced|metastatic|recurrent|"
    r"unresectable|inoperable|or|and|and/or|/)[\s/]*)*$",
    re.I,
)


def _topic_label(after: str, before: str) -> bool:
    """A label at the start of a criterion naming the topic of the rule after its colon, when
    that rule names a treatment of its own and is not the label's own rule."""
    rule = after.split(":", 1)[-1]
    return bool(
        _TOPIC_LABEL_AFTER.match(after)
        and _LABEL_START.search(before)
        and _TOPIC_RULE.search(rule)
        and not _OWN_RULE.search(rule)
    )


def _own_sentence(text: str, at: int) -> str:
    """The sentence holding ``at``, cut only at a full stop before a capital ("(e.g.
    palbociclib) in the adjuvant or metastatic setting" stays one sentence)."""
    left = SENTENCE_END.split(text[:at])[-1]
    return left + SENTENCE_END.split(text[at:])[0]


# "with or without (palbociclib)", "with or without targeted therapy (e.g. everolimus)"
_JUST_AFTER_OPTIONAL = re.compile(r"with\s+or\s+without[\s(]*(?:[\w/.+-]+[\s(),:]*){0,5}$", re.I)


def _allows(around: str, before: str) -> bool:
    """An allowance in the drug's clause; "with or without" allows what follows it only:
    "chemotherapy which include trastuzumab and/or ado-trastuzumab with or without chemotherapy
    agents" (NCT04469127) requires trastuzumab or T-DM1, the chemotherapy is optional."""
    if _JUST_AFTER_OPTIONAL.search(before):
        return True
    found = [a.group(0) for a in _ALLOWED.finditer(around)]
    if not found:
        return False
    return not all(WITH_OR_WITHOUT.fullmatch(a) for a in found)


#: an upper limit just before a mention: "No more than 1 prior taxane", "no more than 3 liver
#: metastases" (session 38 final review): what it counts is let in, never asked for
_LIMIT_BEFORE = re.compile(r"\b(?:no|not)\s+more\s+than\s+(?:[\w/-]+\s+){0,5}$", re.I)


def from_mention(m: Mention, text: str, kind: str) -> dict | None:
    mods = m.modifiers
    before = text[: m.start]
    limited = bool(_LIMIT_BEFORE.search(before))
    if limited and m.check in {"site", "brain"}:
        return None  # how many lesions, which no record field holds
    # "not amenable to resection with curative intent and must have received ... CDK4/6
    # inhibitor" (NCT06993844): a requirement joined by "and must" starts a new clause
    clause = re.split(r"[;.(]|\band\s+(?:must|should)\b", before)[-1]
    around = _clause(text, m.start, m.end)
    neg = "NEGATED_EXISTENCE" in mods or ("EXCLUDED" in mods and kind == "inclusion")
    if re.search(r"\bnon-?\s?$", before, re.I):
        if m.check in {"site", "therapy"} or re.match(r"luminal", m.text, re.I):
            # "a non-liver metastatic lesion of >= 15 mm" (NCT06369831) asks for a lesion
            # elsewhere, not for no liver spread; "non-Luminal A" (a gene test) can be luminal B;
            # "non-endocrine therapy" (NCT07666555) is any other therapy, not no endocrine one
            return None
        neg = not neg  # "non-pregnant", "non-metastatic"
    if m.check == "condition" and m.value == "pregnant":
        neg = (
            kind == "inclusion"
        )  # inclusion: tests, contraception = "not pregnant"; exclusion: pregnant
    if (
        neg
        and m.check in {"receptor", "subtype", "setting", "condition", "histology"}
        and (_LIMIT_FIRST.match(text[: m.start]) or _DENIED_THERAPY_FOR.search(text[: m.start]))
    ):
        # "No more than one prior chemotherapy regimen for ... metastatic HER2-negative breast
        # cancer" (NCT05172518: tuning set 69): the "no" is a limit's, not a denial of the
        # disease the limit is about; a treatment after it is the counted one (review)
        # "No prior systemic anti-cancer therapy for advanced ER+ disease" (NCT01740427:
        # twenty-eighth session, held-out set 77 read after it was measured): the "no" is the
        # therapy's; the disease it is for is asked for
        neg = False
    if m.check in {"setting", "site", "brain"} and _WITHOUT.search(before):
        neg = True  # "breast cancer without evidence of metastatic disease"
    if _EXCLUDING.search(before):
        return None  # "(excluding intracranial disease)": left out of the rule, not asked for
    if m.check == "brain" and _MEDICINE_FOR.search(before):
        # "not receiving steroids and enzyme inducing anti-epileptic medications for brain
        # metastases" (NCT03096847: held-out set 83, read after it was measured): what the
        # medicines are for, no rule on brain spread itself
        return None
    if kind == "exclusion" and m.check == "therapy" and _PROHIBITION.search(before):
        neg = False  # "Patients may not have received ... : Systemic chemotherapy ..."
    exception = "EXCEPTION" in mods or bool(_EXCEPT.search(clause))
    if m.check != "therapy" and re.search(r"contraindicat|allerg|hypersensitiv", clause, re.I):
        return None
    if m.check == "consent":
        neg = kind == "exclusion" or bool(_CANNOT.search(around))
    check: dict = {"type": m.check, "value": m.value, "neg": neg, "text": m.text}
    if m.check == "biomarker" and kind == "inclusion" and not neg and on_file(text, m.start, m.end):
        check["documented"] = True  # a result on file, not one a screening test may give
    if m.check == "biomarker" and m.value == "BRCA":
        # the genes the criterion names: "BRCA1/2" is not met by a PALB2 change, "PALB2" not by
        # a BRCA one; "BRCA1/2 or PALB2" (or a later "PALB2 carriers are also eligible", review)
        # by either: one check stands for the concept
        wild = _WILD_TYPE_BRCA.search(text[max(0, m.start - 20) : m.end + 20])
        # "PALB2 germline heterozygous mutation carrier, wild type BRCA1&2" (NCT05232006): the
        # BRCA genes after "wild type" must show no change, and do not stand for PALB2
        said = "brca" if wild else _WILD_TYPE_BRCA.sub(" ", text.lower())
        if wild:
            check["neg"] = not neg
        check["genes"] = [
            *(("BRCA1", "BRCA2") if re.search(r"brca", said) else ()),
            *(("PALB2",) if "palb2" in said else ()),
        ]
        own = _own_sentence(text, m.start).lower()
        if len(set(_OTHER_HRR_GENES.findall(own))) >= 2 or re.search(
            r"\bother\s+(?:[\w-]+\s+){0,2}genes?\b", own
        ):  # "BRCA1/2 or other hereditary genes mutation carriers": unnamed genes too
            # "HRR genes: ATM, BARD1, ..., PALB2, ..." (NCT04892693): a change in any gene of a
            # long panel the record does not hold in full; a negative BRCA/PALB2 result settles
            # nothing. One more gene ("BRCA1, BRCA2, ATM, and/or PALB2", NCT05694715) is what the
            # germline panels that report BRCA and PALB2 test too, and is read as before
            check["panel"] = True
    if m.check == "biomarker" and m.value == "gene alteration":
        # the genes the criterion's sentence names ("RAS (e.g. KRAS or NRAS) or BRAF mutant"):
        # a change in any of them meets it (markers._genes)
        sentence = _own_sentence(text, m.start)
        check["genes"] = genes_named(sentence)
        check["change"] = change_kind(m.text)
        # placed at its first gene ("metastatic RAS ... or BRAF mutant" is one rule, not a
        # choice between the setting and BRAF: options._either_or)
        if found := _gene_words(sentence):
            left = len(SENTENCE_END.split(text[: m.start])[-1])
            check["gene_at"] = m.start - left + found[0].start()
    if m.check == "therapy":
        if (
            # not "HB0021.T"; a capital "OR" starts another way in ("... planning to undergo
            # treatment with ET and palbociclib OR receiving ... palbociclib", NCT03439735)
            _NOT_THERAPY.search(re.split(r";|\.(?=\s|$)|\sOR\s", before)[-1])
            or _OTHER_INDICATION.match(text[m.end :])
            or (_COHORT_NAME.match(text[m.end :]) and _LABEL_START.search(before))
            # "Endocrine therapy: Recovery from prior hormonal therapy" (NCT00003454): a label
            # at the start names the topic of the rule after it, it asks for nothing itself
            or _topic_label(text[m.end :], before)
            or _HARM_AFTER.match(text[m.end :])
            # a dose limit, not "within 12 months after the last dose of ET" (a relapse window)
            or (_DOSE.search(text) and not _AFTER_STOPPING.search(text))
            or _WASHOUT.search(_rules_only(text))
            or _REPRODUCTIVE.search(_sentence(text, m.start))
            or (_PLAN_LEAD.match(text) and not _PAST_CUE.search(_sentence(text, m.start)))
            or _study_treatment(text, m, before)
        ):
            return None  # "pregnancy after abemaciclib initiation must be reported": exposure
        allowed = (_allows(around, before) or limited) and not _NOT_ALLOWED.search(around)
        check["drug"] = m.concept.startswith("drug:")
        clause_before = re.split(r"[;.]", before)[-1]
        check["mode"] = (
            "progressed"
            if "PROGRESSED" in mods
            or _PROGRESSION_BEFORE.search(clause_before)
            # a drug listed in a bracket takes the growth said before the bracket ("Disease
            # progression during or after prior taxane therapy (single-agent paclitaxel,
            # docetaxel, or ...)", NCT00103233: last session's held-out set 83, read after it was
            # measured)
            or _PROGRESSION_BEFORE.search(_before_listing(before))
            or _RESISTANT_AFTER.match(text[m.end :])
            else "received"
        )
        if check["mode"] == "progressed" and _GROWTH_AFTER.search(clause_before):
            check["after"] = True
        if check["mode"] == "received" and _LATEST_LINE_IS.search(clause_before):
            check["latest"] = True  # "must have most recently been using an anti-estrogen"
        if re.search(r"toxicit|intoleran|discontinued|adverse", around, re.I) or (
            _HARM_BEFORE.search(clause_before) and not _GREW.search(clause_before)
        ):
            check["mode"] = "stopped for side effects"
        elif _CURRENT.search(re.split(r"[;.,]", _before_examples(before))[-1]):
            check["mode"] = "current"  # "Current antiestrogen therapy", "currently receiving X"
        check["allowed"] = allowed or exception
        if check["allowed"] and (late := _ALLOWED_IF_LATE.search(_segment(text, m.start))):
            check["allowed_if_gap"] = span_days(late.group(1), late.group(2))
        if m.value == "chemotherapy":
            check["adc_named"] = bool(_ADC.search(text))
        segment = _segment(text, m.start)
        check["within_days"] = window_days(segment)
        if check["within_days"] and _SHORTER.search(segment):
            check["window_upto"] = True  # "4 weeks or 5 half-lives, whichever is shorter"
        if check["within_days"] and _BEGUN.search(re.split(r"[;.]", before)[-1]):
            check["window_from_start"] = (
                True  # "Initiated ... chemotherapy ... in the last 90 days"
            )
        if stopped := (_AFTER_STOPPING.search(segment) or _DFI_WITHIN.search(segment)):
            # "progression while on T-DXd or within 2 months from T-DXd discontinuation"
            # (NCT06298084): the window runs from stopping the drug to the growth, not to today
            check["within_days"], check["mode"] = None, "progressed"
            check["relapse_within"] = span_days(stopped.group(1), stopped.group(2))
        if kind == "inclusion" and (
            _GAP_BEFORE.search(segment)
            or _RECOVERY_BEFORE.search(before)
            or _GAP_AFTER_BEFORE.search(before)
        ):
            # "previous adjuvant hormone therapy > 12 months prior to enrolment": a condition on
            # earlier therapy, which never requires having had it
            check["allowed"], check["within_days"] = True, None
        if kind == "inclusion" and (gap := _RELAPSE_GAP_BEFORE.search(before)):
            # "Relapse 12 months or more after completing prior adjuvant or neoadjuvant taxane
            # therapy" (NCT00370552: twenty-eighth session, set 75): for whoever had it
            check["allowed"], check["within_days"], check["mode"] = True, None, "received"
            check["allowed_if_gap"] = span_days(gap.group(1), gap.group(2))
        washout = window_days(_rules_only(text))
        if washout is not None and washout <= 42:
            return None  # a wash-out before the first dose: checked by the study team at screening
        own_sentence = _own_sentence(text, m.start)
        permission_early = (
            check.get("allowed")
            and _EARLY_SETTING.search(own_sentence)
            # no word of the spread in it ("in the adjuvant and metastatic setting / regimens"
            # allows both: first review)
            and not re.search(
                r"\bmetasta\w*|\badvanced\b|\brecurrent\b|\bmbc\b", own_sentence, re.I
            )
        )
        check["setting"] = (
            # a permission says its own setting ("Prior chemotherapy (including taxanes) in the
            # neoadjuvant or adjuvant setting is allowable" after "No prior chemotherapy ... for
            # metastatic TNBC", NCT05609903: last session's held-out set 89, read after it was
            # measured)
            "early"
            if permission_early
            else None  # "(whether in recurrent/metastatic setting or in neoadjuvant/adjuvant setting)"
            # in the drug's own sentence: "Prior chemotherapy in the adjuvant or metastatic
            # setting is allowed" does not free a CDK4/6 inhibitor "in the metastatic setting"
            if _EITHER_SETTING.search(own_sentence)
            else "metastatic"
            if _METASTATIC_SETTING.search(text)
            else "early"
            # "an ADC in a curative setting" (NCT07259226): the setting may follow the therapy
            if _EARLY_SETTING.search(clause) or _EARLY_AFTER.match(text[m.end : m.end + 60])
            else None
        )
    elif m.check == "brain":
        status = None
        own = re.split(
            r"[,;]|\bor\s+(?!(?:radiation|radiotherapy|surgery|local|srs)\b)", text[m.start :]
        )[0]
        if _FAILED_LOCAL.search(own):
            status = "failed-local"  # "CNS metastases that had failed local treatment"
        elif (
            kind == "inclusion"
            and (
                _RESECTED.search(own)
                or _RESECTED_BEFORE.search(text[max(0, m.start - 30) : m.start])
            )
            # surgery the only way named: not "resected or treated with SRS", "resected or to be
            # resected", "Resected ... or Unresectable Brain Metastases" (review)
            and not _OTHER_WAY_THAN_SURGERY.search(_sentence(text, m.start))
        ):
            status = "resected"  # "Brain Metastases That Have Been Removed By Surgery"
        elif re.search(r"immediate|requir|need", around, re.I):
            status = "urgent"
        elif (
            kind == "exclusion"
            and _TREATED_BEFORE.search(text[max(0, m.start - 60) : m.start])
            # (not a time the treatment must be done by: review)
            and not re.search(
                r"must|within|before|at least|prior to|complet",
                re.sub(r"\([^()]*\)", " ", text[m.end : m.end + 80]),
                re.I,
            )
        ):
            status = "treated"  # "Previous treatment to the target brain metastases"
        elif re.search(
            r"including\s+(?:those\s+)?(?:asymptomatic|treated|stable)|regardless\s+of|treated\s+or\s+untreated|"
            r"any\s+(?:history|known)",
            _sentence(text, m.start),
            re.I,
        ):
            status = None  # "Known CNS metastasis, including asymptomatic cases": any brain spread
        elif "ACTIVE" in mods or re.search(
            # "New developing brain metastases ... without a history of BM treatment"
            # (NCT03002532, set 66): never treated is untreated
            r"active|untreated|(?<!a)symptomatic|progressi|uncontrolled|unstable|"
            # (an unnamed treatment only: "without prior whole brain radiotherapy" lets in one
            # treated with radiosurgery; review)
            r"\b(?:without|no)\s+(?:a\s+)?(?:history\s+of\s+|prior\s+|previous\s+)"
            r"(?:(?:bm|brain\s+metastas[ie]s|cns|local|any)\s+)?(?:treatment|therapy)\b",
            _sentence(text, m.start),  # not "untreated spinal cord compression" a sentence before
            re.I,
        ):
            status = "active"
        elif (
            "TREATED_STABLE" in mods
            or re.search(r"(?:treated|stable)", text[m.end :], re.I)
            and exception
        ):
            status = status or "active"
        elif _EXCEPT_STABLE.search(text[m.end :]):
            status = "active"  # "brain metastases ... excluded, except stable treated ones"
        check["status"] = status
        if _SIZE.search(own):
            check["size"] = True  # "Any brain metastasis that is greater than 30mm in size"
        sentence = _sentence(text, m.start)
        if (
            status == "active"
            and re.search(r"(?<!a)symptomatic|uncontrolled", sentence, re.I)
            and not re.search(r"active|untreated|progressi|unstable", sentence, re.I)
        ):
            # "Known symptomatic brain metastases", "uncontrolled and/or symptomatic brain
            # metastases" (NCT06324357): not every untreated one; a judgement the record lacks
            check["symptomatic"] = True
        if (
            status == "active"
            # after the mention, in its sentence (not another rule's exception before it)
            and (ex := _SMALL_EXCEPTION.search(re.split(r"\.\s+(?=[A-Z])", text[m.end :])[0]))
            and not _TREATED_WORDS.search(ex.group(0))
        ):
            # "untreated CNS metastases ... except for patients with <= 3 small (< 0.6 cm)
            # asymptomatic brain lesions where treatment is not indicated" (NCT04445844): size and
            # symptoms a record seldom holds decide it
            check["excepted"] = True
        if _BRAIN_COUNT.search(around):
            check["count"] = True  # "> 3 brain metastases", "1-3 brain lesions": a number to know
        # "may / either / if" in the mention's own part of the rule: "... with leptomeningeal
        # metastasis: a. ... biopsy from either the primary or metastatic sites; ..." (NCT06810804)
        # offers no choice about the leptomeningeal spread
        # ... and a "may / eligible" in a later sentence is that sentence's ("Brain metastases
        # ... demonstrated by MR imaging of the brain. ... Patients with spine leptomeningeal
        # metastases are eligible ...", NCT04192981: set 35, the first sentence asks for them)
        part = _part_of(text, m.start)
        permissive = _ALLOWED.search(around) or (
            kind == "inclusion" and _MAY.search(part) and _MAY.search(sentence)
        )
        check["allowed"] = bool(permissive) and not _NOT_ALLOWED.search(around) and not neg
        if (
            kind == "inclusion"
            and not neg
            and _BRAIN_STATE_ONLY.search(sentence)
            and not _BRAIN_REQUIRED.search(sentence)
        ):  # "Brain metastases which have been treated" (NCT06008275, one of the items under
            # "Patients who have a history of brain metastasis are eligible provided that"): the
            # state brain metastases must be in, for those who have them, not a need to have them
            check["allowed"] = True
    elif (
        m.check == "biomarker"
        and m.value == "PD-L1"
        and (
            cps := re.search(r"cps\s*(?:score\s*)?(?:of\s*)?(≥|>=|>|at least)\s*(\d+)", text, re.I)
        )
    ):
        check["min_cps"] = float(cps.group(2)) + (1 if cps.group(1) == ">" else 0)
    elif m.check == "biomarker" and m.value == "BRCA" and _GERMLINE.search(around + " " + m.text):
        check["germline"] = True
    elif m.check == "site" and (q := _SITE_STATE.search(clause)):
        check["state"] = q.group(0).lower()  # "progressing or untreated extra-hepatic disease"
    elif m.check == "site" and m.value == "bone" and _BONE_DOMINANT.search(around):
        # "bone dominant disease with at least 2 skeletal metastases" (NCT02258451: twenty-eighth
        # session, last session's held-out set 74): bone the main site, which spread elsewhere
        # leaves to the study team
        check["dominant"] = True
    elif (
        m.check == "site" and m.value in {"bone", "bone-only"} and (q := _BONE_KIND.search(around))
    ):
        check["state"] = q.group(0).lower()
    elif (
        m.check == "measurable"
        and not re.search(r"evaluable|\bor\s+non-?measurable\b(?!\s+(?:\w+\s+)?bone)", text, re.I)
        and (re.search(r"\bor\s+(?:[\w-]+\s+){0,2}bone[- ]only", text, re.I))
    ):
        # "at least one measurable lesion or bone-only disease (osteolytic or mixed)"
        # (NCT07180160), "Measurable disease or non-measurable bone only disease" (NCT06760637):
        # bone-only disease, which is seldom measurable, is the other way in (set 64)
        check["or_bone_only"] = True
    elif m.check == "measurable" and (
        re.search(
            r"evaluable|non-?measurable|\btarget\s+(?:and/or|or)\s+non-?target|"
            r"\bnon-?target\s+(?:and/or|or)\s+target|"
            # "... or participants with no measurable but assessable disease" (NCT02613208: set
            # 93), "measurable/assessable disease"; not "measurable disease assessable by RECIST"
            # (the first and final reviews)
            r"(?<!measurable disease )(?<!measurable lesion )(?<!measurable lesions )\bassessable\b",
            text,
            re.I,
        )
        or _yardstick(m, text)
    ):
        # "measurable or evaluable disease", "at least one target or non-target lesion per
        # RECIST" (NCT06745804: session 33, tuning set 90): any disease will do
        return None
    elif exception:
        return None
    return check


def _study_treatment(text: str, m, before: str) -> bool:
    """A drug named as the study's own treatment ("when being treated with fulvestrant", "...
    while receiving fulvestrant ... in the control arm"), not growth on it nor a history."""
    clause = re.split(r"[;.]", before)[-1]
    if (
        _PROGRESSION_BEFORE.search(clause)
        or _PAST_CUE.search(clause)
        or _OWN_HISTORY_WORDS.search(clause)
    ):
        return False
    return bool(_STUDY_TREATMENT_BEFORE.search(clause) or _STUDY_ARM_AFTER.match(text[m.end :]))
