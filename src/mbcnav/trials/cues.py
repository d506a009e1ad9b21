"""The words around a mention that set what a criterion asks: exceptions, allowances,
explanations, definitions, prohibitions, coming treatments, labels and topics, partner drugs,
whole rules on any earlier treatment and scope cues (regular expressions), and the sentence and
clause a mention sits in. Used by ``criteria.checks_for``. Premises are in ``premise_cues``,
wash-outs, gaps and use now in ``time_cues``, harm and growth in ``harm_cues`` and settings and
population heads in ``setting_cues``."""

from __future__ import annotations

import re

from mbcnav.trials.options import WAY_DETAIL, ways_in
from mbcnav.trials.time_cues import _ALLOWED_IF_LATE
from mbcnav.trials.wording import rx

#: where a sentence ends: a full stop before a capital ("(e.g. palbociclib) in the adjuvant or
#: metastatic setting" stays one sentence)
SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])")
_EXCEPT = re.compile(r"\b(?:except|unless|other than|with (?:the )?exception of|excluding)\b", re.I)
# ("the participant may also have received a PARP inhibitor-based therapy", NCT06247995: session
# 37, held-out set 104 read after it was measured)
_ALLOWED = re.compile(
    r"with or without|no limit|\b(?:is|are|will be|can be|may be) (?:allowed|permitted|acceptable|eligible|included|accepted)|(?:may|can) (?:also )?(?:have )?(?:received?|had|been treated|be enrolled|continue|remain)|\bpermitted\b|\ballowed\b",
    re.I,
)
_NOT_ALLOWED = re.compile(r"not (?:be )?(?:allowed|permitted|eligible)|prohibited", re.I)
_LAB = re.compile(
    r"\buln\b|upper limit of normal|\balt\b|\bast\b|bilirubin|creatinine|neutrophil|platelet|h(?:a)?emoglobin",
    re.I,
)
_REPRODUCTIVE = re.compile(r"contracept|pregnan|breast-?feed|lactat|childbearing|fetal", re.I)
_SITE_STATE = re.compile(
    r"\b(?:progressi\w*|untreated|active|uncontrolled|symptomatic|growing|unstable)\b"
    # how many lesions and whether surgery could take them, which no record field holds: "No
    # solitary hepatic metastasis eligible for liver resection" (NCT00301106, session 32 set 87)
    r"|(?<!multiple or )(?<!multiple and/or )\b(?:solitary|single|isolated|(?:un)?resectable|operable)\b"
    r"(?!\s+(?:or|and/or)\s+(?:multiple|several|more))|\b(?:eligible|amenable|suitable)\s+"
    r"(?:for|to)\s+(?:\w+\s+){0,2}?(?:resection|surgery|ablation|local\s+(?:therapy|treatment))\b",
    re.I,
)
# the kind of a bone lesion ("Bone only disease that is only blastic with no soft tissue
# component", NCT05501886: nineteenth session, last session's held-out set 46) is no record field
_BONE_KIND = re.compile(
    r"\b(?:osteo)?(?:blastic|lytic|sclerotic)\b|\bsoft[- ]tissue\s+component", re.I
)
_CANNOT = re.compile(
    r"\b(?:unable|unlikely|inability|incapable|refus\w*|unwilling|missing|lack\w*|cannot|not able|fail\w*)\b",
    re.I,
)
_NOT_THERAPY = re.compile(
    # "intolerance to X" is about the drug's harm, "intolerance or progression following prior
    # treatment with X" (NCT07520760) is a history
    r"hypersensitiv|allerg|intoleran\w*\s+(?:to|of)\b[^;.]*$|contraindicat|sensitivity to|reaction to|confer\w* resistance|"
    r"(?:to be|will be) treated with|will receive|to receive|randomi[sz]ed to|study (?:drug|treatment)|"
    # (not a relapse window counted from stopping: "relapsed during treatment with (or within 12
    # months after discontinuation of) an AI", NCT02216786: session 37, tuning set 102; a washout
    # "at least 2 weeks from discontinuation of ..." names no relapse and stays no history: review)
    r"(?<!after )(?<!from )(?<!following )(?<!since )discontinu\w*|"
    r"^(?!.*\bwithin\b).*\b(?:after|from|following|since)\s+(?:the\s+)?(?:discontinu\w*|stopping|cessation)\b|"
    r"stop(?:ped)?\s+(?:taking\s+)?(?:any\s+)?(?:other\s+)?$|"
    r"absorption of|preclude\w*|interfere\w* with|swallow\w*|"
    # "any condition that would prevent treatment with the physician's choice of chemotherapy"
    # (NCT06435429): fitness for a coming treatment, not a history of it
    r"\bprevent\w*\s+(?:the\s+)?(?:treatment|therapy|use)\b[^;.]*$|"
    # ("planning to undergo treatment with endocrine therapy (ET) and palbociclib", NCT03439735)
    r"\b(?:plan(?:s|ned|ning)?|scheduled|anticipated|expected|intend\w*)\s+to\s+(?:initiate|start|begin|receive|undergo)\b|"
    # "Will initiate treatment with palbociclib plus letrozole" (NCT04937660): the coming one
    # (not a treatment named after "after progression on" or "prior": review)
    r"\bwill\s+(?:initiate|start|begin|commence)\b(?:(?!\b(?:after|following|prior|previous\w*|progress\w*|had|received|failed)\b)[^;.])*$|"
    r"\bplanned\s+(?:treatment|therapy|use)\b|\b(?:eligible|candidates?|suitable)\s+(?:to\s+receive\s+|for\s+)|"
    # "for whom the treating physician took the decision to initiate treatment with ribociclib"
    # (NCT06705504: session 38 final review): the coming treatment, which may not have started
    r"\b(?:decision|decided|decides)\s+to\s+(?:initiate|start|begin|commence|give)\b[^;.]*$|"
    # "Subjects who are scheduled for bone marrow ablation chemotherapy" (NCT04986579: session 38,
    # held-out set 107 read after it was measured): a coming treatment, never one had
    r"\b(?:scheduled|booked|listed|planned)\s+for\b[^;.]*$|"
    # "first-line chemotherapy planned (or until 1 month after the chemotherapy has started)
    # with intravenous (Paclitaxel or ...)" (NCT04354233: held-out set 95, read after it was
    # measured): the coming treatment named before "planned"
    r"\b(?:chemo\w*|treatment|therapy|regimen)\s+(?:is\s+|are\s+)?planned\b|"
    # "be suitable for the treatment of HB0021.T combined with 3 different chemotherapy
    # regimen" (NCT04802980): the coming treatment, unless a history is named after it
    # "Ineligible for all options in the investigator's choice chemotherapy arm" (NCT06018337:
    # held-out set 83, read after it was measured): the study's own arm, no history
    r"\b(?:in)?eligible\s+for\s+(?:all|any|each|every|the)\s+(?:\w+\s+){0,2}?(?:options?|arms?)\b"
    r"(?:(?!\b(?:received|prior|previous\w*|progress\w*|had|after|following|failed|due\s+to|because)\b)[^;.])*$|"
    r"\b(?:eligible|candidates?|suitable|fit|indicated)\s+(?:to\s+receive|for)\s+(?:the\s+)?(?:treatment|therapy|regimen)\b"
    r"(?:(?!\b(?:received|prior|previous\w*|progress\w*|had|after|following|failed)\b)[^;.])*$|"
    # "Participant who met criteria for first-line treatment with chemotherapy plus
    # bevacizumab ... by local, regional or national guidelines" (NCT02613208: set 93)
    r"\b(?:meets?|met|meeting|fulfil\w*)\s+(?:the\s+)?criteria\s+for\s+(?:(?:first|second|1st|2nd)[- ]line\s+)?"
    r"(?:treatment|therapy)\b(?:(?!\b(?:received|prior|previous\w*|progress\w*|had|after|following|failed)\b)[^;.])*$|"
    # "PT-INR <= 3.0 if the patient is taking anticoagulants such as warfarin" (NCT04732598): a
    # condition for a looser limit, not a need to take the drug (only after a limit: "excluded
    # if they are currently taking warfarin" is a rule, review)
    r"(?:≤|<=|<|≥|>=|>|\bx\s*uln\b|\blimit\b)(?:[^;.,]|\.\d)*\bif\s+(?:the\s+)?(?:patients?|participants?|subjects?|person|they|he|she)\s+"
    r"(?:is|are)\s+(?:currently\s+)?(?:taking|on|receiving|using|treated\s+with)\b[^;.]*$|\b(?:cohorts?|arms?)\s+(?:with|receiving|given)\b|"
    r"(?:[,(]\s*|^\W*)(?:in\s+)?combination\s+with\s+$|"  # "Part 2B (..., combination with X)"
    # "prior to first cycle of chemotherapy in the combination groups" (NCT04939610): a time
    # anchor for the coming treatment, not a history of it
    r"\b(?:prior\s+to|before)\s+(?:the\s+)?(?:(?:first|1st|initial)\s+(?:cycle|dose|course|infusion|administration)|"
    r"start(?:ing)?|initiat\w*|beginning)\s+(?:of\s+)?(?:\w+\s+){0,2}$|"
    r"\bindication\s+other\s+than\b|\b(?:attributed|attributable|related|due)\s+to\s+(?:\w+\s+){0,3}$",
    re.I,
)
# a criterion about the coming treatment ("Planned to initiate standard of care first-line therapy
# ... Ribociclib is the preferred CDK4/6 inhibitor", NCT05977036): drugs named in its later
# sentences are the plan too, unless a sentence speaks of earlier treatment
_PLAN_LEAD = re.compile(
    r"^\W*(?:[\w\s/-]{0,40}:\s*)?(?:(?:patients?|participants?|subjects?)\s+(?:must\s+be\s+|is\s+|are\s+)?)?"
    r"(?:(?:plan(?:s|ned|ning)?|scheduled|anticipated|expected|intend\w*)\s+to|will)\s+(?:initiate|start|begin|receive|undergo)\b"
    # "A decision has been made to administer ... first or second line chemotherapy"
    # (NCT01310231: set 80 read after it was measured): the coming treatment, no history
    r"|^\W*(?:a\s+)?decision\s+(?:has\s+been|was|is|must\s+have\s+been)\s+(?:made|taken)\s+to\s+"
    r"(?:administer|give|start|begin|initiate|treat)\b",
    re.I,
)
#: the study's own treatment, not the person's history: "Male participants may be required to use
#: GnRH agonists when being treated with fulvestrant" (NCT06756932), "pre-menopausal patients
#: should receive ovarian function suppression ... while receiving fulvestrant or aromatase
#: inhibitor treatment in the control arm" (NCT06837792): session 41, from older sets' false
#: "not met"; not growth while on it ("progression while receiving a taxane")
_STUDY_TREATMENT_BEFORE = re.compile(
    r"\b(?:when|while)\s+(?:being\s+)?(?:treated\s+with|receiving|on|taking|given)\s+(?:the\s+|study\s+)?(?:[\w/-]+\s+){0,3}$"
    r"|\bduring\s+(?:the\s+)?(?:study|trial)\s+(?:treatment|therapy)\s+with\s+(?:[\w/-]+\s+){0,3}$",
    re.I,
)
#: words of the person's own history in the clause before such a drug ("Metastatic disease
#: diagnosed while receiving adjuvant aromatase inhibitor", "Exposure to capecitabine (the
#: treatment in the control arm)": final review)
_OWN_HISTORY_WORDS = re.compile(
    r"\b(?:diagnos\w*|detected|developed|occurred|arose|appeared|(?:neo)?adjuvant|exposure|exposed|prior|previous\w*)\b"
)
_STUDY_ARM_AFTER = re.compile(
    r"^[^.;]{0,60}?\bin\s+the\s+(?:control|experimental|study|investigational|comparator|treatment)\s+arms?\b",
    re.I,
)
_PAST_CUE = re.compile(
    r"\b(?:prior|previous\w*|received|progress\w*|history|had|pretreated|relaps\w*)\b", re.I
)
_DEFINITION = re.compile(
    r"\b(?:is|are) defined as\b|^\W*definition|\bto qualify as\b"
    # "The following are not considered measurable lesions: Bone ..." (NCT00066547: set 80 read
    # after it was measured): what counts as measurable, no rule on the person
    r"|^\W*(?:the\s+following|these)\s+(?:are|is)\s+(?:not\s+)?considered\s+(?:as\s+)?"
    r"(?:non-?)?(?:measurable|evaluable|target)\b",
    re.I,
)
_EXPLAIN = re.compile(
    r"(?:^|(?<=[.;]\s))(?:because|since|note:|rationale|given that|at a median follow-up|preferential\w*|preference|priority|preferably)[^.;]*"
    # what a sentence only tells: "the effects of X on the developing human fetus are unknown",
    # "patients who have the following risk factors are considered to be at increased risk"
    r"|(?:^|(?<=[.;]\s))[^.;]*\b(?:effects?\s+of\s+[^.;]{0,80}\s+on\s+the\s+developing\s+(?:human\s+)?fetus|"
    r"(?:is|are)\s+considered\s+(?:to\s+be\s+)?at\s+(?:an?\s+)?(?:increased|higher|high)\s+risk)[^.;]*"
    # ... and the risk factors it lists after it ("...; these patients should have increased
    # monitoring: Prior trastuzumab"): a list of who is watched more closely, not of who may join
    r"(?:;\s*these\s+(?:patients|participants|subjects)\s+(?:should|will|must)\s+(?:have|receive|undergo)\s+(?:increased|closer|additional|more)\s+monitoring[\s\S]*)?"
    # how lines are counted ("adjuvant endocrine therapy ... within 12 months ... shall be
    # counted as one line of endocrine therapy", NCT06679036): a counting rule, not a requirement
    r"|(?:^|(?<=[.;]\s)|(?<=;))[^.;]*(?:\b(?:shall|should|will|is|are|to)\s+be\s+(?:counted|considered|regarded)|,\s*counted)\s+as\s+(?:one|a|1|an|the\s+first)\s+"
    r"(?:[\w/-]+\s+){0,4}?lines?\b[^.;]*"
    # ... or is not, in a sentence of its own that sets no count ("For the purposes of this study,
    # neoadjuvant and/or adjuvant chemotherapy regimens do not count as a prior line of therapy",
    # NCT02447003; not "(... capecitabine, which will count as a single line)" inside a rule)
    r"|(?:^|(?<=[.;]\s))(?:(?!\b(?:at\s+least|more\s+than|must|required)\b)[^.;()≥≤<>])*\b(?:do|does|will|shall|should)\s+not\s+(?:be\s+)?count(?:ed)?\s+as\s+(?:an?\s+|one\s+)?(?:[\w/-]+\s+){0,3}?lines?\b[^.;]*"
    # what the study may do ("For TNBC, mesothelin assessment may be performed for exploratory
    # analyses", NCT07510802): an optional study step, not who may join
    r"|(?:^|(?<=[.;]\s))[^.;]*\bmay\s+(?:also\s+)?be\s+(?:performed|done|collected|assessed|measured|analy[sz]ed|explored)\b[^.;]*"
    # whom the rule before spares ("... longer than 1 year. This does not apply to patients with
    # de novo metastatic disease or patients who did not receive (neo)adjuvant chemotherapy",
    # NCT06342037: session 41, from older sets' false "not met"): people let off, not a rule
    r"|(?<=[.;]\s)(?:this|these|the\s+above|that)\s+(?:\w+\s+)?(?:does|do|will|shall)\s+not\s+apply\s+to\b[^.;]*",
    re.I,
)
# words that make a note or a defining sentence a rule of its own
_BINDING = re.compile(r"\b(?:must|required|need to|considered ineligible|not eligible)\b", re.I)
_DOSE = re.compile(
    r"cumulative|mg/m2|mg/m²|\bdose of\b|high[- ]dose|myeloablative|stem[- ]cell (?:rescue|support|transplant)",
    re.I,
)
_MAY = re.compile(
    r"\bmay\b|\beither\b|\bif\b|allowed|permitted|eligible|(?:one|any) of the following", re.I
)
# an exclusion worded as a prohibition ("Patients may not have received ..."): the "not"
# forbids, it does not negate
_PROHIBITION = re.compile(
    r"\b(?:may|must|should|can|will)\s+not\s+(?:have\s+)?(?:received|receive|had|be\s+receiving|been\s+treated)\b",
    re.I,
)
_THERAPY_BEFORE = re.compile(
    r"\b(?:prior|previous|all)\s+(?:system(?:at)?ic\s+)?(?:therapy|therapies|treatments?|regimens?)\b[^.;]{0,80}$"
    # the end of a past treatment, a time mark ("... elapsed between the completion of treatment
    # with curative intent ... and first documented ... recurrence", NCT02819518: session 41,
    # tuning set 114)
    r"|\b(?:between|since|after|from|following)\s+(?:the\s+)?(?:date\s+of\s+)?(?:completion|completing|end|ending|finish(?:ed|ing)?)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:therapy|therapies|treatments?|regimens?)\s+(?:with|of|given\s+with)\s*$",
    re.I,
)
_TEST_OF = re.compile(
    r"\b(?:analy[sz]\w*|testing|test|assessment|determination|evaluation|screening)\s+(?:of|for)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.I,
)
_EXCEPT_STABLE = re.compile(
    r"\b(?:except|exception|unless|other than|apart from|provided)\b[^.;]{0,160}?\b(?:stable|treated|asymptomatic|controlled)",
    re.I,
)
# an exception for brain lesions that are small, without symptoms or need no treatment
_SMALL_EXCEPTION = re.compile(
    r"\b(?:except\w*|other\s+than|unless)\b[^.;]{0,80}?(?:\bsmall\b|\basymptomatic\b|[<≤]\s*\d|"
    r"\bnot\s+(?:be\s+)?(?:indicated|required|needed)\b|\bdo(?:es)?\s+not\s+require\b)[^;]*",
    re.I,
)
_TREATED_WORDS = re.compile(r"\btreated\b|\bstable\b|\bradiat|\bsurg", re.I)
_BRAIN_COUNT = re.compile(
    r"(?:>|≥|>=|<|≤|<=|more than|greater than|at least|up to|fewer than|no more than)\s*\d+\s*(?:\w+\s+){0,2}(?:metasta|lesion)"
    r"|\b\d+\s*(?:-|–|to)\s*\d+\s*(?:\w+\s+){0,2}(?:metasta|lesion)"
    r"|(?:metasta\w*|lesions?)\s*(?:>|≥|<|≤)\s*\d+",
    re.I,
)
_GERMLINE = re.compile(r"germ-?line|\bg(?=brca)|hereditary|inherited", re.I)
_EXAMPLES = re.compile(
    # "(including, but not limited, to: chemotherapy, ...)" (NCT07311993)
    r"\(\s*(?:e\.?\s?g\.?|for example|for instance|such as|including,?\s+but\s+not\s+limited,?\s+to)[,:\s][^()]*\)"
    # a list that ends "or others" / "etc." gives examples too: "(trastuzumab, pertuzumab, TDM-1 or
    # others)" (NCT04020575)
    r"|\([^()]*,[^()]*\b(?:(?:or|and)\s+others?|etc\.?|among others|or similar)\s*\)",
    re.I,
)
_DRUG_NAIVE = re.compile(r"\s*(?:-|\s)?(?:treatment|therapy)?[- ]?na[iï]ve\b", re.I)
_NOT_A_RESULT = re.compile(
    r"[\s-]*(?:mutation\s+|pathway\s+)?(?:inhibitors?|-?targeted|targeting|testing|tests?\b|assays?|analysis|assessment|determination|sample|tissue)",
    re.I,
)


def _sentence(text: str, at: int, ends: str = r"\.\s") -> str:
    """The sentence holding position ``at``; ``ends``: what else closes it (";" for a clause)."""
    left = re.split(ends, text[:at])[-1]
    return left + re.split(ends, text[at:])[0]


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a mention (between ; . ( ) delimiters)."""
    left = re.split(r"[;()]|\.(?=\s|$)", text[:start])[-1]
    right = re.split(r"[;()]|\.(?=\s|$)", text[end:])[0]
    return left + text[start:end] + right


_LABEL_AFTER = re.compile(r"(?i:\s+breast\s+cancer)?\s*(?:-|–|:)\s*[A-Z]")
_WITHOUT = re.compile(r"\bwithout\s+(?:any\s+)?$", re.I)
# "Chemotherapy for an indication other than treatment of the current cancer"
_OTHER_INDICATION = re.compile(
    r"\s+for\s+(?:an?\s+)?(?:indication|condition|reason)s?\s+other\s+than\b", re.I
)
# a drug that names a cohort or arm, as its label ("Letrozole combination cohort (L): ...",
# NCT02684032): the treatment of that group, not a history of it; only at the start of the
# criterion or of a part after ":", and before the label's own ":" ("... or exemestane arm B
# only" and "progressed on the exemestane arm of a prior study" stay histories: review)
_COHORT_NAME = re.compile(
    r"[\s-]+(?:(?:containing|based)\s+)?(?:combination\s+|monotherapy\s+|combo\s+)?"
    r"(?:cohort|arm)\b[^:;.]{0,15}:",
    re.I,
)
_LABEL_START = re.compile(r"(?:^|:)\W*(?:\w+\W+){0,2}$")
# the rest of a label: its colon, then the rule ("Chemotherapy: At least 4 weeks since ...")
_TOPIC_LABEL_AFTER = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?:\s*\S")
# ... unless the words after the colon are the label's own rule ("CDK4/6 inhibitor: required",
# "not allowed in any line of treatment": review, second review)
_OWN_RULE = re.compile(
    r"\bnot\s+(?:be\s+)?(?:allowed|permitted|eligible)|\b(?:required|prohibited|excluded|"
    r"mandatory|must|needed|allowed|permitted)\b",
    re.I,
)
# ... and a rule after it that names a treatment of its own, or says nothing is asked ("Not
# specified")
_TOPIC_RULE = re.compile(
    r"\b(?:therap\w*|treatments?|chemo\w*|regimens?|drugs?|agents?|inhibitors?|immunotherap\w*|"
    r"hormon\w*|endocrine|antibod\w*|radiation|radiotherap\w*|surgery)\b|^\s*(?:not\s+specified|"
    r"no\s+restrictions?|any|none\s+required|unrestricted)\b",
    re.I,
)
_EXCLUDING = re.compile(r"\((?:excluding|other than|except(?: for)?)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _rules_only(text: str) -> str:
    """The text without sentences that allow something ("Doxorubicin is allowed (2 week
    washout required)."): their wash-out belongs to what they allow."""
    parts = re.split(r"(?<=\.)\s+(?=[A-Z])", text)
    kept = [p for p in parts if not rx("modality.permitted").search(p)]
    return " ".join(kept) if kept else text


def _allows_only(text: str, at: int) -> bool:
    """A mention inside a later clause that only allows something, in a criterion that also
    sets rules (a one-clause allowance keeps its own "permitted" modality instead); not one
    whose allowance has a time condition the record can settle (``_ALLOWED_IF_LATE``)."""
    before = re.split(r";\s*|\.\s+", text[:at])[-1]
    part = before + re.split(r";|\.\s", text[at:])[0]
    ways = ways_in(text)
    allowances = [
        m
        for m in rx("modality.permitted").finditer(part)
        # "HER2 normal breast carcinoma ... with or without an underlying palpable mass; ...; OR
        # has ..." (NCT02411656): inside one of several whole ways in, such words allow what
        # follows them, not the words before them ("including endocrine therapy with or without
        # CDK 4/6 inhibitor" in a rule of one way keeps its old reading: NCT03959891)
        if not (ways and WAY_DETAIL.fullmatch(m.group()) and m.start() >= len(before))
    ]
    return part.strip() != text.strip() and bool(allowances) and not _ALLOWED_IF_LATE.search(part)


# "Inconclusive, equivocal or unavailable result of HER2/neu overexpression": a result's state
_RESULT_STATE = re.compile(
    r"\b(?:inconclusive|equivocal|unavailable|unknown|missing|pending|indeterminate)\b[^.;]{0,40}"
    r"\b(?:results?|status|testing)\s+(?:of|for)\s+(?:the\s+)?$",
    re.I,
)


# the whole exclusion is "Currently receiving any treatment for cancer" (NCT05366881)
_ON_ANY_TREATMENT = re.compile(
    r"\W*(?:patients?\s+|participants?\s+)?(?:who\s+(?:are|is)\s+)?(?:currently|presently)\s+(?:receiving|on|undergoing)\s+"
    r"(?:any\s+)?(?:active\s+|system(?:at)?ic\s+)?(?:anti-?(?:cancer|tumou?r)\s+)?(?:treatment|therapy)\s+for\s+(?:the\s+|their\s+|his\s+|her\s+)?"
    r"(?:cancer|malignancy)\W*",
    re.I,
)


# "CDK4/6 inhibitor combination treatment with non-steroidal aromatase inhibitor" (NCT05501886):
# the partner drug of a combination, a second requirement rather than an alternative
_PARTNER = re.compile(
    # (a bracket of examples may close before it: "... combination chemotherapy) in
    # combination with trastuzumab", NCT00103233)
    r"\s*\)?\s*(?:\(\w+\)\s*)?(?:-?based\s+)?(?:combination\s+(?:treatment|therapy|regimen)\s+with|(?:given\s+)?in\s+combination\s+with|"
    r"combined\s+with|plus|\+)\s+(?:an?\s+|the\s+)?(?:non-?steroidal\s+|steroidal\s+)?",
    re.I,
)
_OPTIONAL_PARTNER = re.compile(
    r"alone\s+or|with\s+or\s+without|or\s+without|±|\+/-|optional|monotherapy\s+or|or\s+in\s+combination",
    re.I,
)


_AGE_RULE = re.compile(r"\W*age\b", re.I)
# a marker named as what a drug acts on, after the name: "a programmed death-ligand 1 (PD-L1) /
# vascular endothelial growth factor (VEGF) bispecific antibody" (NCT06827236), "PD-L1
# inhibitor", "HER2-directed": the drug's target, not a test result
_DRUG_AFTER = re.compile(
    r"^\s*\)?\s*(?:\([^()]{1,20}\)\s*)?(?:/\s*(?:[\w-]+\s+){0,4}?(?:\([^()]{1,20}\)\s*)?)?"
    r"(?:bi-?specific|antibod(?:y|ies)|inhibitors?|inhibition|blockade|blockers?|agonists?|antagonists?)\b",
    re.I,
)
# a kind of treatment named as the role of the drugs just listed: "... any other tyrosine kinase
# inhibitor that may induce HFS (such as sorafenib, sunitinib, and apatinib) for chemotherapy"
# (NCT06602167) is about those drugs, it does not add chemotherapy as another history
_ROLE_OF_DRUGS = re.compile(
    r"(?:\)|\b(?:inhibitors?|drugs?|agents?|medications?|medicines?))\s+(?:used\s+)?(?:for|as)\s+$",
    re.I,
)
_TARGETING = re.compile(
    r"\b(?:targeting|targeted\s+(?:at|to|against)|directed\s+(?:at|against|to)|aimed\s+at)\s+(?:the\s+)?$",
    re.I,
)


# "Brain and liver metastases are the sole sites of metastatic disease" (NCT06369831): the named
# sites and no other
_SOLE_SITES = re.compile(
    r"\b(?:are|is|being|as)\s+the\s+(?:sole|only)\s+sites?\b|\bsites?\s+(?:are|is)\s+(?:limited|confined)\s+to\b",
    re.I,
)
# any treatment of the breast cancer so far, as the whole rule: "Previous or on going treatment
# for the breast cancer" (exclusion), "Breast cancer treatment not yet started" (inclusion),
# NCT07233928: a study of untreated disease
_EVER_TREATED = re.compile(
    r"\W*(?:any\s+)?(?:previous|prior)\s+(?:or\s+(?:on-?\s?going|current)\s+)?(?:anti-?(?:cancer|tumou?r)\s+|system(?:at)?ic\s+)?"
    r"(?:treatments?|therap(?:y|ies))\s+(?:for|of)\s+(?:the\s+|their\s+|this\s+)?(?:breast\s+)?(?:cancer|disease|malignancy)\W*",
    re.I,
)
# "Prior systemic therapy for breast cancer other than one line of cytotoxic chemotherapy"
# (NCT01602380, set 66): every treatment is barred but the kind named
EVER_TREATED_BUT = re.compile(
    r"\W*(?:any\s+)?(?:previous|prior)\s+(?:anti-?(?:cancer|tumou?r)\s+|system(?:at)?ic\s+)?"
    r"(?:treatments?|therap(?:y|ies))\s+(?:for|of)\s+(?:the\s+|their\s+|this\s+)?(?:breast\s+)?"
    r"(?:cancer|disease|malignancy)\s*,?\s+(?:other\s+than|except(?:\s+for)?|apart\s+from|besides)\s+"
    r"(?P<but>[^();.]+)",
    re.I,
)
#: what "other than ..." may name for the rule to be read: kinds of treatment only, one line of them
#: at most, and nothing after (not "other than endocrine therapy, within 3 weeks", "... in the
#: metastatic setting", "... must be stopped 2 weeks before": review)
BUT_ONLY_KINDS = re.compile(
    r"(?:(?P<one>one|a\s+single|1)\s+(?:prior\s+)?(?:lines?|regimens?|courses?)\s+of\s+)?"
    r"(?:prior\s+)?(?:cytotoxic\s+|systemic\s+)?(?:chemotherapy|endocrine\s+therapy|"
    r"hormon(?:e|al)\s+therapy|anti-?estrogen\s+therapy)"
    r"(?:\s*(?:,|or|and)\s*(?:cytotoxic\s+)?(?:chemotherapy|endocrine\s+therapy|hormon(?:e|al)\s+therapy))?",
    re.I,
)
#: the kinds of treatment "other than ..." names, as drug labels
BUT_KINDS = (
    (re.compile(r"\bchemo|\bcytotoxic", re.I), "chemotherapy"),
    (re.compile(r"\bendocrine|\bhormon(?:e|al)\b|\banti-?estrogen", re.I), "endocrine therapy"),
)
_NOT_YET_TREATED = re.compile(
    r"\W*(?:(?:breast\s+)?cancer\s+)?(?:treatment|therapy)\s+(?:has\s+)?not\s+(?:yet\s+)?(?:been\s+)?(?:started|begun|initiated)\W*"
    r"|\W*(?:no|without)\s+(?:previous|prior)\s+(?:anti-?(?:cancer|tumou?r)\s+)?(?:treatment|therapy)\s+(?:for|of)\s+(?:the\s+)?(?:breast\s+)?cancer\W*",
    re.I,
)


# having had a treatment, or not being able to have it, or declining it: "Failed prior OR not a
# candidate for OR refused ... chemotherapy", "previously treated with, intolerant of, or not
# suitable for a taxane"
_HAD = re.compile(
    r"\b(?:failed|received|had|progressed|relapsed|refractory|resistant|pre-?treated|"
    r"previously\s+treated|prior|previous)\b",
    re.I,
)


def or_declined(text: str) -> tuple[int, int] | None:
    """The span of such a rule (None when it is not one): a way of having had the treatment,
    then "or" (or a comma) and a way of not having it (options_declined), to the end of that
    clause; only the treatments named inside it are its own (review)."""
    had = _HAD.search(text)
    if not had:
        return None
    for m in rx("concept.options_declined").finditer(text, had.end()):
        if re.search(r"\bor\b|,", text[had.end() : m.start()], re.I):
            opened = text.rfind("(", had.end(), m.start())
            if opened >= 0 and ")" not in text[opened : m.start()]:
                # said in a bracket of its own, for the treatment the bracket names: "... with an
                # anthracycline, a taxane, and capecitabine (prior anthracycline can be omitted
                # if not medically appropriate or contraindicated)" (NCT02915744: session 37,
                # tuning set 102): the bracket is the span
                close = text.find(")", m.end())
                return opened, close if close >= 0 else len(text)
            end = re.search(r";|\.(?:\s|$)", text[m.end() :])
            return had.start(), (m.end() + end.start()) if end else len(text)
    return None
