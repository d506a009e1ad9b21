"""Criteria scoped to one cohort, phase or study part: the person needs to fit one cohort, so a
rule of a cohort the person cannot join does not rule the trial out. Texts are registry wording
(NCT04606446, NCT05950945, NCT06726148, NCT06840483), shortened where long."""

from mbcnav.trials.cohorts import cohort_of
from mbcnav.trials.facts import DrugFact, PatientFacts
from mbcnav.trials.match import match, summarise
from mbcnav.trials.options import _either_or
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial
from mbcnav.trials.split import split

from .people import facts

AS_OF = "2026-01-15"


LETROZOLE = DrugFact(
    "letrozole",
    ["letrozole", "aromatase inhibitor", "endocrine therapy", "hormone therapy"],
    ["metastatic"],
    progressed=True,
    start="2025-01-10",
    end="2025-11-01",
)


def person(**kw) -> PatientFacts:
    # one line whose kind and end are not recorded, bone metastases
    return facts(
        **{**dict(age=55, lines=1, lines_done=None, line_labels=None, sites=["bone"]), **kw}
    )


def parsed(text: str) -> dict:
    return parse_trial(Trial("NCT09999997", title="A study", eligibility=text))


def fit(text: str, f: PatientFacts) -> str:
    got = match(parsed(text), f)["fit"]
    assert summarise(parsed(text), f, {})["fit"] == got  # the fast path agrees
    return got


def test_part_labels_with_a_bracket_and_repeated_words():
    assert cohort_of(
        "Part 1B, Part 1C, Part 1D and Part 1E (Combination Dose Escalation) Histological"
    ) == ["1b", "1c", "1d", "1e"]
    assert cohort_of("Part 2A (ER+HER2- breast cancer 2L+, monotherapy) Histological") == ["2a"]
    assert cohort_of("Cohort A Specific Inclusion Criteria: Histologically confirmed") == ["a"]
    assert cohort_of("Phase II: BC only: If no measurable disease is present") == ["ii"]


def test_bulleted_part_label_over_paragraphs():
    text = (
        "Inclusion Criteria:\n\n"
        "* Part 2D (ER+HER2- breast cancer 2-4L, combination with PF-07220060 (CDK4i) and "
        "fulvestrant):\n\n"
        "Histological or cytological diagnosis of advanced or metastatic ER+HER2- breast cancer. "
        "Participants must have progressive disease after at least 1 prior line of a CDK4/6 "
        "inhibitor.\n\n"
        "* Participants must have at least 1 measurable lesion as defined by RECIST version 1.1.\n"
    )
    items = [c.text for c in split(text)]
    assert items[0].startswith("Part 2D (") and "Histological" in items[0]
    assert items[1].startswith("Participants must have at least 1 measurable")


PARTS = (
    "Inclusion Criteria:\n\n"
    "* Part 1A (Monotherapy Dose Escalation) Histological or cytological diagnosis of locally "
    "advanced or metastatic ER+HER2- breast cancer that is intolerant or resistant to standard "
    "therapy.\n"
    "* Part 2A (HER2+ breast cancer 2L+, monotherapy) Histological or cytological diagnosis "
    "of locally advanced or metastatic HER2-positive breast cancer.\n"
    "* ECOG performance status 0 or 1\n"
)


def test_a_part_the_person_fits_keeps_the_trial_open():
    f = person(her2="low")  # part 2A is for HER2-positive disease; part 1A may fit
    assert fit(PARTS, f) != "unlikely"
    why = [v["why"] for v in match(parsed(PARTS), f)["criteria"] if "Part 2A" in v["text"]]
    assert why and why[0].startswith("Applies to other cohorts; you may fit cohort 1A")


COHORT3 = (
    "Inclusion Criteria:\n\n"
    "* Has had at least one and up to two prior lines of therapy in the metastatic setting.\n\n"
    "  * In participants with hormone receptor-positive HER2-low metastatic BC (Cohort 3):\n\n"
    "    * Has disease progression within the first 12 months of CDK4/6 in the first line "
    "metastatic setting\n"
    "* Has an Eastern Cooperative Oncology Group performance status of 0 or 1.\n"
)


def test_a_later_cohort_alone_implies_earlier_ones():
    """Only cohort 3 has rules of its own; cohorts 1 and 2 take the common rules."""
    f = person(drugs=[LETROZOLE])  # HR+ HER2-low, no CDK4/6 inhibitor: not cohort 3
    assert fit(COHORT3, f) != "unlikely"
    v = [v for v in match(parsed(COHORT3), f)["criteria"] if "Cohort 3" in v["text"]][0]
    assert "you may fit another cohort" in v["why"]


def test_a_first_cohort_alone_still_binds():
    text = COHORT3.replace("(Cohort 3)", "(Cohort 1)")
    assert fit(text, person(drugs=[LETROZOLE])) == "unlikely"


PHASES = (
    "Inclusion Criteria:\n\n"
    "Phase I:\n\n"
    "Histologically and/or cytologically confirmed diagnosis of locally advanced or metastatic "
    "cancer with a CCNE1 amplification. For dose expansion only: no more than 3 prior lines of "
    "therapy for advanced or metastatic disease.\n\n"
    "Phase II:\n\n"
    "Measurable disease as determined by RECIST v1.1.\n\n"
    "BC only: If no measurable disease is present, then at least one predominantly lytic bone "
    "lesion must be present that can be accurately assessed at baseline.\n\n"
    "Exclusion Criteria:\n\n"
    "For the combination treatment:\n\n"
    "Patients with symptomatic visceral disease or any disease burden that makes the patient "
    "ineligible for endocrine-based therapy.\n"
)


def test_if_premise_after_labels():
    crits = match(parsed(PHASES), person(lines=4, measurable=True))["criteria"]
    lytic = [v for v in crits if "lytic" in v["text"]][0]
    assert lytic["verdict"] == "met"  # measurable disease: the "if" does not apply
    crits = match(parsed(PHASES), person(lines=4, measurable=False))["criteria"]
    lytic = [v for v in crits if "lytic" in v["text"]][0]
    assert lytic["verdict"] == "unknown"  # it applies; the bone lesion is not in the record


def test_makes_the_patient_ineligible_is_a_judgement():
    f = person(lines=4, measurable=True)
    burden = [v for v in match(parsed(PHASES), f)["criteria"] if "disease burden" in v["text"]]
    assert burden[0]["verdict"] != "not met"
    assert fit(PHASES, f) != "unlikely"  # phase I fails on lines, phase II may fit


def test_on_or_following_is_one_event():
    text = (
        "HR+/HER2- aBC with disease progression on or following at least one line of "
        "hormone-based therapy in combination with a CDK4/6i for metastatic disease."
    )
    judged = [({"type": "receptor", "value": "hr-positive", "at": 0}, True)]
    judged.append(({"type": "lines", "at": 64}, False))
    assert _either_or(text, judged) is None  # not "HR+ ... on" or "following ... lines"


def test_cohort_specific_headings_both_failed_rule_out():
    text = (
        "Inclusion Criteria\n\n"
        "* Measurable disease as defined by RECIST v1.1.\n"
        "  1. Cohort A Specific Inclusion Criteria: Histologically or cytologically confirmed "
        "triple-negative breast cancer.\n"
        "  2. Cohort B Specific Inclusion Criteria: Histologically or cytologically confirmed "
        "HER2-positive breast cancer.\n"
    )
    assert fit(text, person(hr="positive", her2="low")) == "unlikely"
