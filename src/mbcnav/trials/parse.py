"""Parse a trial once (split + criteria checks) into a serialisable structure."""

from __future__ import annotations

import json
import re

from mbcnav.trials.cohorts import cohort_of, named_groups
from mbcnav.trials.conditional_parts import borrowed_kind, later_only_condition
from mbcnav.trials.criteria import parse_criteria
from mbcnav.trials.match import _ROUTINE
from mbcnav.trials.modality import expand, modality, other_cancer_abbreviations
from mbcnav.trials.population import gates
from mbcnav.trials.record import Trial
from mbcnav.trials.split import Criterion, split
from mbcnav.trials.summary import summary_prior
from mbcnav.trials.therapy_check import mark_hormone_only
from mbcnav.trials.title_lines import title_line
from mbcnav.trials.title_population import LEAD as TITLE_LEAD
from mbcnav.trials.title_population import population_clause, title_population
from mbcnav.trials.wording import rx

VERSION = 91  # 4: blood-test limits (labs.py); 5: menopausal status; 6: ER-low wording; 7: modality; 8: options, premises, concepts (de novo, visceral crisis, HER2 lists); 9: headers naming a cohort, rules per named group; 10: definitions, study stages, finished lines, and/or windows, reasons; 11: line lengths; 12: site states, if-premises, short names of other cancers, binding notes; 13: ECOG "or lower", subtype options, "either" stems, abbreviations (PTX), sample requirements; 14: allowance clauses, cohort study drugs, planned treatment, bracketed exclusions, preferences, subtype labels, bare breast conditions; 15: bare section headings, "without" settings, all-stage lists, other indications, wash-outs of allowances; 16: current therapy, least gaps, result states, "time" ULN, days since; 17: planned lines, subtype lists, group headings, newly diagnosed, current treatment, bone and non-cancer studies; 18: modifiers of a head (for, to, attributed to, induced), whole-word luminal, ULRR; 19: ranges in words, most recent therapy, combination partners, non-endocrine lines; 20: symptomatic brain metastases; 21: operated / pre- and postoperative titles; 22: cell types joined by "or", -ve spellings, ER expression, ">/=" limits, positive-or-negative allowances, two-kind line counts, primary metastatic (de novo), "(CNS)" in site names, "both A and B", subtype definitions; 23: part and cohort labels with brackets or repeated words, bulleted part labels over paragraphs, a later cohort alone implies earlier ones, if-premises after labels, "makes the patient ineligible for" as a judgement, "on or following" is one event; 24: asides (a drug's target, an alternative's premise, what is not counted, discordant receptors), radiotherapy to the only area of measurable disease, subgroup rules after a comma; 25: one spelling of comparison signs, another cancer named by the criteria, checkpoint target lists, drugs an exception names, lab limits the wrong way round or for some people only, PARP line counts, informational sentences, "advanced" of another organ, a population's own section, standard-of-care regimens; 26: rules for counting lines, optional study steps, line counts with an endocrine exception, HER2 tyrosine kinase inhibitors; 27: presence ends a negation, toxic effects and unfitness are no history, "or others" examples, "HER2- directed", "more than first-line" counts, "may be accepted", IHC lists beside another HER2 category, "+++" scores, stages joined by "or", receptor phrases of other cancers, "upper institutional limit of normal"; 28: "and the presence of", brain-or-LMD titles, supportive hormone-drug titles, "not yet failed", bracketed allowances in line counts; 29: content-free stems, negated "more than N" counts, ECOG "or 0-2", phase-only rules, trailing subtype scope ("in TN and HER2+ patients"), "TN", HER2/neu, treated brain metastases as a state, measurable-or-bone-only, any treatment for the cancer, "progressed past first line"; 30: population headings ("For participants with ...:"), sole sites, scan-naming setting words, non-<site> lesions, non-luminal, cut-off ECOG, unread lab numbers, evaluable-disease stems, randomized-only rules; 31: leading "For <subtype> patients," scope, discretionary ECOG widening, "if given", brain metastases that failed local treatment, RECIST as a growth yardstick, therapy options, non-endocrine therapy and line counts, growth within N of stopping a drug, "have undergone systemic treatment", numbered menopause definitions, every site of a sole-sites rule; 32: an ADC named with its target and payload is one drug kind, microtubule inhibitors, "and must" ends a negation and a setting clause, "ECOG status of 2 may be approved"; 33: review: denied ADCs keep their payload, floors that rule out are ceilings, denied ECOG widening, non-endocrine lines need known lines, leading subgroups to the colon with "or", failed local treatment in its own clause, RECIST next to a growth word, sole sites in their own clause; 34: a floor ruled out in an inclusion is a ceiling (an exclusion keeps the floor); 35: "if given / if indicated" as one wording (modality.if_needed), the line-count ceiling wording as data, HER2-null, "documented history of" a status, "any other" negates nothing, "systematic"/"antitumor" therapy, "no previous ... for locally advanced or metastatic", "treatment can be either", a marker named before a drug word, the role of listed drugs, "Prevention of" a side effect, solid-tumour baskets, "the X stage will enroll"; 36: lettered parts bound "either / may", a physician's determination, "no specific treatment is required", "cannot tolerate" a treatment, a lesion with a cutaneous component (skin or chest wall), review fixes (drug-target markers only after a biomarker, no backtracking); 37: "<group> only:" labels over sub-lists, plain stems over same-indent lists, inline roman items, "prior to first cycle of X" as a time anchor, ECOG after a second scale name, "be receiving" and bracketed examples as current use, oral / next-generation SERDs, bracketed abbreviations restate a mention, breast imaging / lesion studies; 38: "including de novo" lets in, "will be included" allows, before-surgery titles over the conditions list, a de novo premise is a subgroup, "postmenopausal or on ovarian suppression" stays open before menopause, what precedes "deemed appropriate" is required; 39: lists that lost their indentation (restarted numbering, a run of other markers, "except for" stems), bracketed phase headings, words run together, bracketed exceptions, small-brain-lesion exceptions, "with or without" scope, either-setting therapies; 40: flat-list entries must name a cancer and not read as a rule of their own, an age kept beside "disease-free interval"; 41: header recognition in headers.py, no stray "Key", "except for:" stems, either-setting in the drug's sentence, no standard treatment left (concept.options_exhausted), QTc and LVEF limits, Child-Pugh is no age, dose brackets take their class's mode, full-width punctuation, "1:" numbering, bullet signs inside a line, monotherapy / combination parts, "1 of the following", "distal" metastatic; 42: BRCA and PALB2 checks hold the genes the criterion names, "child bearing" is one word, no age from a count of days, time windows in words, a looser lab limit "if the patient is taking" a drug, "suitable for the treatment of", a drug that labels a cohort, no list marker from "(ALT)", "upper normal limit" (UNL) multiples, implausible liver limits unread, more "no standard treatment left" wordings with standard treatments not yet had named (standard_options.py), a gene panel beside PALB2, "with/without", a drug joined to the harm it did; 43: a change in another gene a basket trial requires (FGFR, RAS, BRAF, MTAP, ...: not met when a tumor DNA panel in the record names none), a central-laboratory confirmation of a named state is a requirement, section headers naming a group ("Inclusion Criteria for Participants with ...", wrapped over two lines), phase stages as cohorts, target lesions in the liver, an age range with a tilde, resistance written after a drug, solid tumours of other organs, review fixes (a panel is two tumor DNA gene results, a negative result rules out its own kind of change, no status or stain, one wrapped title-case header line), ASAT/ALAT and "x N" multiples, the premise of a looser limit ("in case of liver metastases"), what may be a target lesion; 44: a part label starting an unbulleted line ("Expansion Part: ...") starts an item, ": No" before a rule negates forward, "unlikely to" negates nothing, "non-" denies its own word, serial lists ("A, B, or C") as options with other cancers not met, a gap after a therapy and recovery from it never require it, topic labels ("Chemotherapy: ...") ask for nothing, "unlikely to respond to existing therapy" as no standard treatment left, failed prior standard therapy and progressed on previous treatment as finished lines, cancer involving the CNS as brain metastases, inflammatory-breast-cancer trials (population gate), HER2-expressing titles, wild-type BRCA beside PALB2, "HER2pos", "and receiving" / "patients receiving" as current use, studies for people with no evidence of disease (the latest scan decides); 45: time since diagnosis (diagnosis_time.py: "newly diagnosed with initial breast cancer", "at least one year after diagnosis"), an age said of a child is no age limit, "progression beyond two lines", a count of treatment regimens naming no lines, setting or growth may count treatment before the spread (unknown, line_count.py), "I-III stage" and a bare "adjuvant setting" as early disease, an operation on the breast about to happen (not a past one or a prosthesis) or imaging of a breast finding (not of a treatment's effect) in either title as early disease; review: "newly diagnosed" beside a recurrence or stage IV is no time limit, only the child's age goes, "ER/PR breast cancer positive" read as "ER/PR positive breast cancer", a spelled-out "(PARP) inhibitor"; 46: earlier radiotherapy names its body part (the brain, the whole brain) or a window, and hedges (exceptions, doses, lesions, other body parts) leave it to the study team (radiation.py); 47: a spread word denied in a title ("Non-metastatic") is no advanced setting, and such a title is for cancer that has not spread (review: "Locally Advanced", "Stage 4" and "MBC" stay advanced); 48: review: a radiation criterion is settled only when it is a bare statement of earlier brain radiotherapy; 49: a negation inside an aside set off by commas (", which cannot ...,") stays in it, an ADC "containing a chemotherapeutic agent targeting" its payload, the kind of a bone lesion (blastic, lytic, soft tissue component) left to the study team, "0<IHC<1+" as HER2-ultralow (also widening a HER2-low title), a part's list of "the following tumor types" as options of that part, a cohort heading written as a list item ends with its list, "cps/mL" is no PD-L1 score; 50: second review: an aside's negation is lifted only from the disease a person has (setting, subtype, receptor), a part's tumor-type list is options only when every item names a cancer, it is not said "not eligible" and another part is named, "ultralow" said to keep it out does not widen a title; 51: a negation inside brackets stays in them, a count in brackets after a treatment counts that treatment, labelled "Either:/Or:" parts and a part about another cancer, rules for participants in one phase, a hormone receptor status joined to a HER2 category as one subtype, wash-outs "whichever is shorter", one treatment in any setting that the cancer grew after, a line count that turns on adjuvant hormone therapy, a definition in a clause of its own, earlier treatment named in the brief title, "failed first- and second-line treatments"; 52: what a bracket does not allow is its own words ("(IHC >0 <1+ not allowed)"), and a denied HER2 category a list leaves out anyway denies only itself; 53: a "solid tumor" title whose breast conditions all name one subtype takes that subtype only, a trial that takes HR-negative cancer too asks its earlier hormone-therapy rules of HR-positive people (if_hr_positive), NCI's "standard curative or palliative measures do not exist or are no longer effective" as no standard treatment left; 54: lists whose line breaks were lost (markdown "*" between spaces, section names in capitals), a bare "prior radiation therapy" settled by any radiation entry, a receptor state read "on available tumor tissue" is asked, two drugs joined by "+" or "in combination with" in an exclusion are excluded together (unknown when "concurrently"), "will initiate" as the coming treatment and its line, "is using A or B" and "patients taking X" as current use, MMAE/MMAF (auristatin) ADCs, recovery from side effects of any named therapy, "intolerant of / progressed after all standard (available) therapies" as no standard treatment left, HR-low asked for, "progressed after >= N lines" counts ended lines and a current line the latest scan shows growing, "prior therapy for their metastatic disease" with no kind named, an HbA1c limit (not hemoglobin), a bare pneumonitis history against a note that says it happened (pneumonitis.py), a first sentence's requirement before a later condition about a thing, an allowance with a ceiling ("may have had up to three"), a capital "OR" in one short sentence; 55: group names glued to the item before them in a list whose line breaks were lost (and "For all parts:", groups named for what they treat), ECOG scores listed together, adjuvant treatment named in a count (may count, counts when listed beside the metastatic setting, a relapse window read from the dates), two words before "regimens", two or more ceilings each binding, a capital " OR " splitting counts, finished lines of a class, treatments joined by "and", an exclusion of locally advanced disease, the premise of a measurable-disease option, "planning to undergo", "OR receiving", "do not count as a prior line", mTNBC, a newly obtained biopsy; 56: lists whose line breaks and markers were both lost (a capitalised word after a word that can end an item), a header with a long text after it, "Major" with its inline header, a numbered list inside an item, old NCI (PDQ) headings glued to the item before, whom the title names (sex when the record gives none, a higher age), an ADC with an exatecan-derivative payload, hormone therapy asked of ER-low cancer, "CDK inhibitor", "hormonal treatment", "positive for estrogen receptors", "whose tumor overexpresses HER-2", "failed OR not a candidate OR refused", a bare number of prior regimens, the sentence before a definition and where a definition's "or" list ends, a sentence that goes on in a lower-case bullet, "Patient must" starts an item, "indicated for treatment with ... as first or second line"; 59: neuropathy grade limits, spread to the bones as the population, a harm named before its drug, an eGFR near a clearance limit, a partner drug given together, hard-wrapped texts; 60: the line a title names, an allowance with a relapse gap, "and prior ..." as a second requirement, IBC, rules on local disease, bone-dominant spread, growth now, an untested marker against "confirmed", wash-outs to Day 0, one named group, DFI windows, ErbB2 amplification; 61: whole ways in ("; OR"), "HER2 normal", lists with "or" before their last item, a stem's setting carried to its options, exclusions repeating the population, "not considered measurable" definitions, a decision to give chemotherapy; 62: a planned first or second line of chemotherapy, growth on the most recent line, the latest line holding a drug, a window since the latest growth, radiotherapy for metastatic disease, "or other <drugs>" list items, a first item glued to its header, sentences naming their subject in flat texts, an intact primary, a study arm named as treatment, medicines for brain metastases; 63: a count ruled out only in its own clause, a bridging exception, three named drugs of different kinds each needed, drugs listed in a bracket take the growth before it, a title setting "advanced or metastatic" is one population, "for whom chemotherapy is not indicated" a judgement; 64: other health problems an exclusion names (health_problems.py: HIV, hepatitis B and C, tuberculosis, heart failure with its NYHA class, heart attack and stroke with their windows, diabetes, transplants, autoimmune disease, another cancer with its window and exceptions) kept as checks read against the record's conditions; 65: ages beside menopause words, premises of treatment and marker subjects, brain subjects, site extent, brain treatment windows, positive receptors (session 32); 66: the reviews' fixes (menopause ages, brain windows, marker subjects, health problems); 67: plans ('for which ... is retained', 'should receive') and 'already receiving' (held-out set 89 read after it was measured); 68: the last review's fixes (menopause status ages, skin exceptions); 69: session 33 (population groups, numbered items over starred ones, options under a stem, "other than" receptor lists, bans past a semicolon, diabetes kinds, a count's bracket setting); 70: the last review (options a stem keeps, diabetes kind lists with words between); 71: session 34 (one item per line with no markers, a second list under no heading, a record's sex field against a rule, later items' qualifiers, ways in inside one criterion, part labels, a drug named again as grown on, "overexpresses HER2"); 72: session 35 (whom a title names, diagnosed for the first time or no more than N months ago, a concession after a rule, ErbB-2, lines other than endocrine therapy, resected brain metastases); 73: the reviews' fixes and the held-out reads (a judgement as the other way in, "low expression of HER2", chest wall metastasis, a measurable focus); 74: session 36 (no or low HER2 expression, HER2-0, a preference after "especially", a lead-in to other tumor types); 75: "there is at least one measurable focus" stated first, a history of cardiac dysfunction; 76: the first review (no or low HER2 as one list, HER2 0 only alone, a preference ends where the rule binds, the lead-in only in inclusions); 77: the final review (no or low HER2 only inside its phrase and bracket, HER2 0 with no later score, a preference ends at "and"); 78: held-out reads (parts named in a label or after a rule, "the investigator assessed that"); 79: a header for one phase only; 80: the last review (a part label before a colon not read as cohorts, whole id lists, a determined fact stays a fact); 81: the phase-only header left out again; 82: parts named only after a rule; 83: the summary's people and their treatment when the criteria are cut, public-page sections, an inclusion that denies a health problem, parts people enrol into, no growth in a window; 84: receptor percent limits ("ER and PR both <= 1%"), the reviews' fixes; 85: held-out reads ("5a." sub-rules, "no more than three prior endocrine therapies", "may also have received"), receptor percents outside definitions and premises; 86: all-sets run fixes; 87: the last review's fixes; 88: session 38 (HIV on antiretroviral therapy, an illness item of its own, suspected-recurrence studies, "not amenable to" scope, de novo beside a recurrence, localized setting, "Patients with X have received", a doctor's call per clause, ER <1%, "no more than"); 89: a part's bare list of tumor types as options, early-stage-only and follow-up-only studies, later sentences for some people, stopped periods, diagnosis date windows, inline items numbered '1)Aged'; 90: HER2 score lists with bare digits, a labelled conditional, another cancer named only for a looser limit, a bulleted 'both of' stem over plain lines, a subtype refining another, newly diagnosed untreated, growth windows after how growth was shown, a worked-out creatinine clearance, time on HER2 treatment, earlier trials, later sentences for some people, HER2-high, studies for an earlier study's people by its code; after set 112/113's measurement: '< or =', 'not in a complete remission', receptor states named only for how they are tested; 91: session 41 (CYP3A medicines, title gene short forms, capital-OR ways, study's own treatment, defining brackets, lone bullet signs)


#: what ends the words of a rule read from the study's title, not from its criteria
FROM_TITLE = " (from the study title)"
FROM_SUMMARY = " (from the study summary)"

_EARLY = re.compile(
    r"early|neoadjuvant|adjuvant|operable|\boperated\b|\b(?:pre|post|peri)-?operative|surviv|\bdcis\b|in situ|"
    # "Prevention of Capecitabine-Associated Hand-Foot Syndrome" (NCT06602167) prevents a side
    # effect, at any stage; "Prevention of Breast Cancer" is for people without cancer
    r"prevention(?!\s+of\s+(?![^.;:]{0,40}\b(?:cancer|carcinoma|recurrence|relapse|tumou?r|metasta)))|"
    r"screening|high[- ]risk|surgery|"
    # "3D Ultrasound Breast Imaging" for a "Breast Tumor" (NCT04692818): a study of how a breast
    # finding is diagnosed, for people whose lump is not yet known to be cancer
    r"\bbreast\s+(?:imaging|lesions?|mass(?:es)?|lumps?|nodules?)\b|"
    # "... in Primary Breast Cancer to Measure the Localized Extent" (NCT05659797): the cancer
    # in the breast before any spread; a title naming spread is read as advanced first
    r"\bprimary\s+breast\s+(?:cancers?|carcinomas?|tumou?rs?)\b",
    re.I,
)
_ADVANCED = re.compile(r"metasta|advanced|stage iv|unresectable|recurren|relaps", re.I)
# "... for Non-metastatic Breast Cancer" (NCT00089661): the spread word denied. Only a denial
# that stands alone counts ("With or Without Metastases" names spread), and "Locally Advanced"
# stays advanced: MBC trials title themselves so (review)
_NOT_SPREAD = re.compile(r"\bnon[- ]?metasta\w*", re.I)


def _advanced(text: str) -> bool:
    """Whether a title names advanced or metastatic disease ("Stage 4", "MBC" too), a denied
    spread ("Non-metastatic") not counted."""
    rest = _NOT_SPREAD.sub(" ", text)
    return bool(_ADVANCED.search(rest) or _STAGE_FOUR.search(rest))


# "Analgesic Efficacy of ... Block in Modified Radical Mastectomy" (NCT06322316): a study of the
# operation on the breast cancer, for people about to have it; not "Post-Mastectomy Pain
# Syndrome" or a prosthesis "After Mastectomy" (an operation in the past: review)
_OPERATION = re.compile(r"\b(?:mastectom|lumpectom|quadrantectom)\w*|\bbreast[- ]conserv\w*", re.I)
_PAST_OPERATION = re.compile(
    r"\b(?:post|after|following|since)[- ]?(?:\w+\s+){0,2}?(?:mastectom|lumpectom|breast[- ]conserv)|prosthes",
    re.I,
)
# "Quantitative Dynamic Contrast Enhanced Breast MRI" (NCT00582764): how the breast itself is
# imaged, for a finding in the breast; not imaging that follows a treatment's effect (review)
_BREAST_IMAGING = re.compile(
    r"\bbreast\s+(?:mri|magnetic\s+resonance|ultrasound|ultrasonography|sonography|tomosynthesis|"
    r"elastography)\b|\bmammogra\w*",
    re.I,
)
_FOLLOWING_TREATMENT = re.compile(
    r"monitor|respon|therap|treatment|follow[- ]?up|surveillance", re.I
)


def _early_title(text: str) -> bool:
    """Whether a title names early disease or no cancer: the early words, a cancer that has not
    spread, an operation on the breast about to happen, or imaging of a finding in the breast."""
    return bool(
        _EARLY.search(text)
        or _NOT_SPREAD.search(text)
        or (_OPERATION.search(text) and not _PAST_OPERATION.search(text))
        or (_BREAST_IMAGING.search(text) and not _FOLLOWING_TREATMENT.search(text))
    )


# "Neoadjuvant ... Surgery of the Primary Tumour in De Novo Stage 4 Breast Cancer": spread named
_STAGE_FOUR = re.compile(r"\bstage\s*(?:iv|4|four)\b|\bmbc\b|\bde\s*novo\b|oligometasta", re.I)
_BEFORE_SURGERY = re.compile(r"\bneo-?adjuvant\b|\bpre-?operative\b|\bpre-?surgical\b", re.I)
_ALL_STAGES = re.compile(
    r"\bstages?\s+(?:0|i|1)[abc]?\s*(?:-|–|to|through)\s*(?:iv|4)\b|\b(?:any|all)\s+stages?\b", re.I
)


# whom the title names: "... in Women 60 Years and Older" (NCT00082095 as a web page gives it,
# with no age or sex of its own: set 62), "Aged 70 or Over", "Patients Older Than 65"
_TITLE_AGE = re.compile(
    r"\b(\d{2})\s*(?:years?|yrs?)(?:\s+of\s+age)?\s+(?:and|or)\s+(?:older|over|above)\b"
    r"|\baged?\s*(?:≥|>=|over|above|at\s+least)\s*(\d{2})\b"
    r"|\baged?\s+(\d{2})\s+(?:and|or)\s+(?:older|over|above)\b"
    r"|\b(?:patients|women|men|adults|people|persons)\s+(?:older|over)\s+than\s+(\d{2})\b",
    re.I,
)
_TITLE_WOMEN = re.compile(r"\b(?:women|females?)\b", re.I)
_TITLE_MEN = re.compile(r"\b(?:men|males?)\b", re.I)


def _title_people(title: str) -> tuple[str, float | None]:
    """The sex ("female", "male" or "") and the lowest age the title names."""
    sex = ""
    if _TITLE_WOMEN.search(title) and not _TITLE_MEN.search(title):
        sex = "female"
    elif _TITLE_MEN.search(title) and not _TITLE_WOMEN.search(title):
        sex = "male"
    # an age with its unit or "aged" (not "a BMI of 25 or over"), for one group of people only
    # ("Patients Older Than 65 and Younger Patients": review)
    m = _TITLE_AGE.search(title) if not re.search(r"\byounger\b", title, re.I) else None
    age = float(next(g for g in m.groups() if g)) if m else None
    return sex, (age if age is not None and 18 <= age <= 90 else None)


def _record_criteria(trial: Trial) -> list[dict]:
    """Sex and age limits from the record's fields, and the disease setting its title names."""
    out = []
    title = " ".join([trial.title, *trial.conditions])
    # a title about surgery that has not happened yet ("Tattooing Before Neo-adjuvant
    # Chemotherapy", NCT07478900) is for cancer not known to have spread, whatever the
    # conditions list adds ("Locally Advanced or Metastatic")
    before_surgery = bool(_BEFORE_SURGERY.search(trial.title)) and not _advanced(trial.title)
    if _advanced(title) and not re.search(r"early|operable", title, re.I) and not before_surgery:
        out.append(
            {
                "kind": "inclusion",
                "text": f"Setting: advanced or metastatic disease{FROM_TITLE}",
                "number": 0,
                "checks": [{"type": "setting", "value": "metastatic", "neg": False}],
            }
        )
    elif (
        # the official title too: "... in MRM" is "... in Modified Radical Mastectomy" there
        # (NCT06322316); spread named in either title keeps the study open
        _early_title(both := f"{title} ; {trial.official_title}")
        and (not _advanced(both) or before_surgery)
        # "Cancer Survivors" in a title, with "stage I-IV" in the criteria: every stage may join
        and not _ALL_STAGES.search(trial.eligibility or "")
    ):
        out.append(
            {
                "kind": "inclusion",
                "text": f"Setting: early-stage or no cancer{FROM_TITLE}",
                "number": 0,
                "checks": [{"type": "setting", "value": "early", "neg": False}],
            }
        )
    sex, lo_title = _title_people(trial.title)
    if trial.sex in {"female", "male"}:
        out.append(
            {
                "kind": "inclusion",
                "text": f"Sex: {trial.sex} (from the study record)",
                "number": 0,
                "checks": [{"type": "sex", "value": trial.sex}],
            }
        )
    elif sex and not trial.sex_stated:
        out.append(
            {
                "kind": "inclusion",
                "text": f"Sex: {sex}{FROM_TITLE}",
                "number": 0,
                "checks": [{"type": "sex", "value": sex}],
            }
        )
    if lo_title is not None and trial.min_age is None:  # a record's own age limit stands
        out.append(
            {
                "kind": "inclusion",
                "text": f"Age: {lo_title:g} or older{FROM_TITLE}",
                "number": 0,
                "checks": [{"type": "age", "min": lo_title, "max": None}],
            }
        )
    if trial.min_age is not None or trial.max_age is not None:
        lo = f"{trial.min_age:g}" if trial.min_age is not None else "any"
        hi = f"{trial.max_age:g}" if trial.max_age is not None else "no upper limit"
        out.append(
            {
                "kind": "inclusion",
                "text": f"Age: {lo} to {hi} years (from the study record)",
                "number": 0,
                "checks": [{"type": "age", "min": trial.min_age, "max": trial.max_age}],
            }
        )
    return out


def _keyed(crit: dict, short: dict[str, str], by_name: bool = False) -> dict:
    """Precompute what matching needs: the cache key, routine wording and cohort label;
    ``short`` holds the trial's short names for other cancers ("PROC")."""
    crit["routine_text"] = bool(_ROUTINE.search(crit["text"]))
    crit["cohort"] = cohort_of(crit["text"], by_name)
    crit["modality"] = modality(crit.get("option") or crit["text"], crit["kind"])
    if crit["modality"] == "procedure" and any(
        c["type"] == "trial_participation" for c in crit["checks"]
    ):
        # "Prior or current enrollment in any interventional clinical trial": a study step for a
        # mention, a fact about the person once the record tells of a trial (trial_history)
        crit["modality"] = "required"
    if (
        crit["modality"] == "required"
        and crit["kind"] == "inclusion"
        and later_only_condition(crit.get("option") or crit["text"])
        and borrowed_kind(crit)
    ):
        # "Progressed after 1-2 prior lines. Patients with HER2-positive disease are eligible only
        # if they received prior trastuzumab ...": a count or treatment read in the first sentence
        # may take its kind from the later one (first review); the whole rule stays conditional
        crit["modality"] = "conditional"
    if crit.get("unsure_list") and crit["modality"] == "required":
        crit["modality"] = "unsure_list"
    if (
        crit["modality"] != "other_cancer"
        and (long := expand(crit["text"], short)) != crit["text"]
        and modality(long, crit["kind"]) == "other_cancer"
    ):
        crit["modality"] = "other_cancer"  # "PROC participants must have received: ..."
    crit["key"] = (
        crit["kind"]
        + str(crit["routine_text"])
        + crit["modality"]
        + json.dumps(crit["checks"], sort_keys=True)
    )
    return crit


# earlier treatment the brief title asks for: "... Whose Disease Progressed on or After Endocrine
# Treatment" (NCT05631795: twentieth session, set 51), "... Breast Cancer After CDK4/6
# Inhibitors", "... Resistant to Adjuvant Endocrine Therapy", "... Following Endocrine and CDK
# 4/6 Inhibitor Therapy"; read as a rule of its own, the way the criteria are read
_TITLE_PRIOR = re.compile(
    r"\b(?:whose\s+(?:disease|cancer)\s+(?:has\s+)?|who\s+(?:have\s+|has\s+)?)?"
    r"(?:progress(?:ed|ion|ing)|relapsed|resistant|refractory|pre-?treated|previously\s+treated|"
    r"after|following|failure\s+of|failed)"
    r"\s+(?:on\s+or\s+after\s+|on\s+|to\s+|with\s+|of\s+)?(?:prior\s+|previous\s+)?(?:an?\s+)?"
    # "After Progression on First Line Hormonal Therapy" (NCT05068726: set 90)
    r"(?:(?:first|1st|second|2nd)[- ]line\s+)?"
    # "After Failure of Sequential Endocrine Therapy" (NCT00661531: held-out set 116, read after
    # it was measured)
    r"(?:(?:sequential|multiple|several|standard|prior)\s+)?"
    r"(?:(?:neo-?)?adjuvant\s+)?(?:endocrine|hormon(?:e|al)(?!\s*receptor)|cdk\s?4/6|aromatase)[^():;,]*",
    re.I,
)


#: the line a treatment the title asks for was given in ("on First Line Hormonal Therapy"): no
#: other way in
_LINE_OF_PRIOR = re.compile(
    r"(?<=\bon\s)(?:first|1st|second|2nd)[- ]line\s+(?=endocrine|hormon|cdk|aromatase)", re.I
)

_TITLE_OTHER_WAY = re.compile(
    r"(?<!on )\bor\b|na[iï]ve|untreated|first[- ]line|1st[- ]line|de novo",
    re.I,
)


# a tumour change the brief title names as whom the study is for ("in Patients With PIK3CA
# Mutant, HR+, HER2- Advanced Breast Cancer": BYLieve, whose registry text as stored stops before
# any biomarker line: session 25, set 65); HER2 and hormone receptors are the population gates'
_TITLE_GENES = r"PIK3CA|ESR1|AKT1|PTEN|g?BRCA(?:1/2|[12])?|PALB2|FGFR[1-4]?|NTRK[1-3]?"
_TITLE_CHANGE = re.compile(
    # (the short forms too: "ER+/HER2-, ESR1mut Advanced Breast Cancer", NCT06382948, and
    # "gBRCAm": session 41, tuning set 114)
    rf"\b(?:{_TITLE_GENES})[- ]?(?:mutant|mutated|mutations?|mut|m|altered|alterations?)\b",
    re.I,
)
# the gene among others ("BRCA1/2- and HRD-mutated"), or in either state ("Mutant or Wild-type"),
# or what the study looks for, not whom it is for ("Liquid Biopsy Detection of ESR1 Mutations",
# "Prevalence of PIK3CA Mutations": review)
_TITLE_EITHER = re.compile(
    r"wild[- ]?type|non-?mutant|non-?mutated|unselected|regardless|irrespective|with or without|"
    r"detect|prevalence|screen|monitor|testing|\btests?\b|liquid biopsy|ctdna|circulating|"
    r"incidence|frequency|status|assay|sequencing|"
    # a wild-type cohort or a comparison in short forms ("ESR1m vs ESR1-WT", "Non-ESR1m Cohort":
    # final review, session 41)
    r"wt\b|\bnon-?[a-z0-9]+m(?:ut)?\b",
    re.I,
)


# a receptor status before the gene, with a comma, is the subtype, not another gene ("ER+/HER2-,
# ESR1mut Advanced Breast Cancer": session 41, tuning set 114)
_RECEPTORS_BEFORE = re.compile(
    r"\b(?:ER|HR|PR|HER2)(?:[+-]|\s*-?\s*(?:positive|negative|low))(?:/(?:ER|HR|PR|HER2)(?:[+-]|\s*-?\s*(?:positive|negative|low)))*\s*,\s*$",
    re.I,
)


def _title_change(trial: Trial) -> list[Criterion]:
    """The tumour change a title asks for, when the criteria never name a gene of the list."""
    m = _TITLE_CHANGE.search(trial.title)
    if (
        not m
        or re.search(rf"\b(?:{_TITLE_GENES})", trial.eligibility or "", re.I)
        or re.search(r"(?:\band|\bor|/|&|,)\s*$", trial.title[: m.start()][-12:], re.I)
        and not _RECEPTORS_BEFORE.search(trial.title[: m.start()])
        or re.search(r"^\W*(?:and|or|/)\b|^\s*,\s*[\w-]+m(?:ut)?\b", trial.title[m.end() :], re.I)
        or _TITLE_EITHER.search(trial.title)
        or trial.study_type.upper() == "OBSERVATIONAL"
    ):
        return []
    said = re.sub(r"[- ]?(?:mut|m)$", " mutation", m.group(0).strip())  # "ESR1mut"
    return [Criterion("inclusion", f"{said}{FROM_TITLE}", 0)]


def _title_criteria(trial: Trial) -> list[Criterion]:
    who = population_clause(trial)
    lead = [Criterion("inclusion", f"{TITLE_LEAD}{who}{FROM_TITLE}", 0)] if who else []
    return lead + _title_prior(trial) + _title_change(trial)


def _summary_criteria(trial: Trial, crits: list[Criterion]) -> list[Criterion]:
    """What the summary says the people were treated with ("..., who had failed previous
    treatment with taxanes and trastuzumab", NCT06316531), a rule of its own when the criteria
    as stored name no exclusion (a registry copy cut short: session 37, tuning set 102 and last
    session's held-out set 101, read); full criteria say it in their own words."""
    if any(c.kind == "exclusion" for c in crits):
        return crits
    past = summary_prior(trial.summary)
    if not past:
        return crits
    return [*crits, Criterion("inclusion", f"{past[0].upper()}{past[1:]}{FROM_SUMMARY}", 0)]


def _title_prior(trial: Trial) -> list[Criterion]:
    m = _TITLE_PRIOR.search(trial.title)
    # not a denied treatment ("Not Previously Treated With CDK4/6 Inhibitors") nor one of two
    # ways in ("After Progression on Endocrine Therapy or as First Line"): review
    if (
        not m
        or re.search(r"\b(?:not|no|non|never|without|un)[- ]?\s*$", trial.title[: m.start()], re.I)
        # any other way in named in the title ("Endocrine-Naive or Previously Treated With ...",
        # "Before or After CDK4/6", "First-Line or After Progression on ...": second review)
        # ("Locally Advanced or Metastatic Breast Cancer That Progressed on CDK4/6 Inhibitor",
        # NCT05860465: the setting's "or" is no other way in; last session's held-out set 83,
        # read after it was measured)
        or _TITLE_OTHER_WAY.search(
            _SETTING_OR.sub("metastatic", _LINE_OF_PRIOR.sub("", trial.title))
        )
    ):
        return []
    return [Criterion("inclusion", f"{m.group(0).strip()}{FROM_TITLE}", 0)]


#: the setting a title names with "or" ("locally advanced or metastatic"): one population
_SETTING_OR = re.compile(
    r"\b(?:locally\s+)?(?:advanced|unresectable|recurrent|inoperable)\s+or\s+metastatic\b", re.I
)


def _from_title(crit: dict) -> dict:
    """A title says whom a study is for in few words: a treatment it names is one the person had
    ("Progressed on or After Endocrine Treatment": growth on it is for the study team, as an
    adjuvant treatment the cancer came back after shows no "growth" in a record)."""
    if crit["text"].endswith(FROM_TITLE):
        crit["checks"] = [
            {**c, "mode": "received"} if c.get("mode") == "progressed" else c
            for c in crit["checks"]
        ]
    return crit


# premenopausal women (or a man) named anywhere: the study may take a woman before menopause
_PREMENOPAUSAL = re.compile(
    r"\bpre-?\s?menopaus|\bperi-?\s?menopaus|\bpre-?\s*(?:or|/|and)\s*(?:peri-?\s*(?:or|/)\s*)?post|"
    r"induced\s+menopaus|\blh-?rh\b|\bgn-?rh\b|luteini[sz]ing|gonadotrop(?:h)?in[- ]releasing|"
    r"ovarian\s+(?:ablation|irradiation|function)|castrat|oophorectomy",
    re.I,
)


def _mark_suppression_unsaid(texts: list[str], crits: list[dict]) -> None:
    """A study for women past menopause that never names ovarian suppression nor women before
    menopause, in its title or any rule: a woman on ovarian suppression is not past menopause
    for it (set 66: "Post-menopausal women with ER+ breast cancer"); where the study names either,
    the study team decides (menopause.evaluate_menopause)."""
    said = " ".join(texts)
    if rx("menopause.ovarian_suppression").search(said) or _PREMENOPAUSAL.search(said):
        return
    for c in crits:
        for check in c["checks"]:
            if check.get("type") == "menopause" and check.get("value") == "post":
                check["ofs_unsaid"] = True


def _without_subject_sex(crit: dict) -> dict:
    checks = [c for c in crit.get("checks", []) if not c.get("subject")]
    return crit if len(checks) == len(crit.get("checks", [])) else {**crit, "checks": checks}


def _open_sex_stands(crits: list[dict]) -> list[dict]:
    """A record whose sex field says "female" while a rule of its own opens it to both ("Adult
    female or male patients ≥18 years old", NCT06676436: set 90): the rule's words stand and the
    field's gate goes, so a man is not ruled out by a field the study's text contradicts."""
    opened = any(
        c["kind"] == "inclusion"
        and c.get("number")
        and any(ch.get("type") == "sex" and ch.get("value") == "any" for ch in c["checks"])
        # (the modality, costlier, only of a rule that opens the study to both)
        and modality(c.get("option") or c["text"], "inclusion") == "required"
        for c in crits
    )
    if not opened:
        return crits
    return [c for c in crits if not (c.get("number") == 0 and c["text"].startswith("Sex: "))]


def parse_trials(trials: list[Trial]) -> list[dict]:
    """Parse many trials in one medspacy pass: [{"nct_id", "version", "criteria"}]."""
    splits = [_summary_criteria(t, _title_criteria(t) + split(t.eligibility)) for t in trials]
    flat: list[Criterion] = [c for s in splits for c in s]
    parsed = [_from_title(c) for c in parse_criteria(flat)] if flat else []
    out, i = [], 0
    for t, s in zip(trials, splits, strict=True):
        crits = title_population(_record_criteria(t) + parsed[i : i + len(s)])
        if _advanced(t.title) and (line := title_line(t.title, crits)):
            crits.insert(1, line)
        if t.sex_stated:
            # the record says whom it takes: "Women (...) with ..." in its criteria adds nothing,
            # and a study open to men may still open a rule with women (review)
            crits = [_without_subject_sex(c) for c in crits]
            crits = _open_sex_stands(crits)
        mark_hormone_only([t.title, *t.conditions, *(c["text"] for c in crits)], crits)
        _mark_suppression_unsaid(
            [t.title, t.official_title, t.summary, *t.interventions, t.eligibility or ""], crits
        )
        _unsay_population_exclusions(crits)
        short = other_cancer_abbreviations(t.eligibility or "")
        by_name = named_groups([c["text"] for c in crits])
        i += len(s)
        out.append(
            {
                "nct_id": t.nct_id,
                "version": VERSION,
                "population": gates(t, crits),
                "any_of": any(c.get("any_of") for c in crits),
                "criteria": [_keyed(c, short, by_name) for c in crits],
            }
        )
    return out


def _unsay_population_exclusions(crits: list[dict]) -> None:
    """An exclusion whose only checks are the setting the study's own inclusions ask for
    ("5. Recurrent or metastatic" in a study for recurrent or metastatic disease, a record cut
    short in a web copy: NCT04999540) cannot mean what its words say: it would shut out
    everyone the study is for. Its checks are dropped, so it stays for the study team."""
    asked = {
        k["value"]
        for c in crits
        if c["kind"] == "inclusion" and not c.get("any_of") and not c.get("cohort")
        for k in c["checks"]
        # (the criteria's own words: a setting read from the title, "advanced" for a locally
        # advanced study, NCT04715958, is no rule its exclusions could repeat)
        if k["type"] == "setting" and not k.get("neg") and not k.get("premise") and "at" in k
    }
    for c in crits:
        checks = c["checks"]
        if (
            c["kind"] == "exclusion"
            and checks
            and all(
                k["type"] == "setting" and not k.get("neg") and k["value"] in asked for k in checks
            )
        ):
            c["checks"] = []


def parse_trial(trial: Trial) -> dict:
    return parse_trials([trial])[0]
