"""Thirty-seventh-session wordings (issue 14): read from last session's held-out sets after their
one measurement, and from this session's tuning sets. Each test is checked both ways."""

from mbcnav.trials.cohorts import enrolled_in
from mbcnav.trials.match import match

from .test_cohort_scoping import fit, parsed, person
from .test_session35_wordings import _patient, _verdict

#: NCT03595059's parts: the escalation parts' rule said after it, the expansion parts named
#: inside a rule for everyone
PARTS = (
    "Inclusion Criteria:\n\n"
    "- Has a histologic or cytologic diagnosis of a malignant solid tumor.\n\n"
    "- Participants enrolled in Part 2a (monotherapy, dose expansion) must have small cell lung "
    "cancer (SCLC); participants enrolled to Part 2b (combination therapy, dose expansion) must "
    "have either NSCLC or HR-positive/HER2-negative breast cancer.\n\n"
    "- Failure of at least 1 prior systemic chemotherapy including all available standard "
    "therapies for participants in the dose-escalation phase (Parts 1a and 1b).\n"
)


def test_parts_people_enrol_into_are_named_inside_a_rule_for_everyone():
    assert enrolled_in(
        ["Participants enrolled in Part 2a must have SCLC; participants enrolled to Part 2b ..."]
    ) == {"2a", "2b"}
    assert enrolled_in(["Patients who are enrolled into Cohort B must have HER2+ disease"]) == {"b"}
    # a part named without anyone enrolling into it is no group of its own
    assert enrolled_in(["Prior therapy as described in Part 2 of the protocol"]) == set()


def test_an_escalation_rule_does_not_rule_out_someone_who_fits_an_expansion_part():
    # no chemotherapy for metastatic disease: fails the rule of parts 1a and 1b only
    f = person(her2="low", lines=0, chemo_lines=0)
    assert fit(PARTS, f) != "unlikely"
    why = [v["why"] for v in match(parsed(PARTS), f)["criteria"] if "Parts 1a" in v["text"]]
    assert why and why[0].startswith("Applies to other cohorts; you may fit cohort 2A or 2B")


def test_the_escalation_rule_still_binds_when_no_other_part_is_named():
    alone = PARTS.replace(
        "- Participants enrolled in Part 2a (monotherapy, dose expansion) must have small cell "
        "lung cancer (SCLC); participants enrolled to Part 2b (combination therapy, dose "
        "expansion) must have either NSCLC or HR-positive/HER2-negative breast cancer.\n\n",
        "",
    )
    assert alone != PARTS
    f = person(her2="low", lines=0, chemo_lines=0)
    assert fit(alone, f) == "unlikely"


def test_a_part_nested_in_a_named_one_is_not_another_group():
    # "Part 2" said beside the rules of parts 2a and 2b is those parts, not a third one
    text = (
        "Inclusion Criteria:\n\n"
        "- Patients enrolled in Part 2 must have measurable disease.\n\n"
        "- Part 2a: at least one prior chemotherapy for metastatic disease.\n\n"
        "- Part 2b: at least two prior chemotherapy regimens for metastatic disease.\n"
    )
    f = person(her2="low", lines=0, chemo_lines=0)
    assert fit(text, f) == "unlikely"


def test_an_inclusion_that_denies_a_problem_is_the_exclusion_turned_round():
    failing = _patient(conditions=[{"name": "heart failure", "status": "controlled"}])
    hiv = _patient(conditions=[{"name": "HIV", "status": "controlled"}])
    for text in (
        "No congestive heart failure",
        "Cardiovascular: No history of congestive heart failure",
        "Adequate cardiac function: no heart failure",
        "Without congestive heart failure",
    ):
        assert _verdict(text, failing) == "not met", text
        assert _verdict(text, hiv) != "not met", text
        # a problem the record does not list is never proof of absence
        assert _verdict(text, _patient()) != "not met", text


def test_a_problem_named_without_a_denial_in_an_inclusion_reads_no_health_check():
    failing = _patient(conditions=[{"name": "heart failure", "status": "controlled"}])
    # "eligible if" a value: a permission, never a denial of the problem
    assert _verdict("Patients with heart failure are eligible if LVEF above 50%", failing) != (
        "not met"
    )
    # a denial of something else before the problem in the clause
    assert _verdict("Heart failure patients with no recent admission", failing) != "not met"


def test_a_denying_inclusion_reads_as_the_exclusion_does():
    people = [
        _patient(conditions=[{"name": "heart failure", "status": "controlled"}]),
        _patient(conditions=[{"name": "hepatitis B", "status": "past"}]),
        _patient(conditions=[{"name": "interstitial lung disease"}]),
        _patient(),
    ]
    for problem in ("chronic heart failure", "active hepatitis B", "interstitial lung disease"):
        for f in people:
            assert _verdict(f"No {problem}", f) == _verdict(
                problem.capitalize(), f, "exclusion"
            ), problem


#: lines of treatment: capecitabine for metastatic disease; paclitaxel after surgery
CAPECITABINE = [
    {"drugs": ["capecitabine"], "setting": "metastatic", "start": "2024-04-01", "end": "2024-10-01"}
]
PACLITAXEL = [
    {"drugs": ["paclitaxel"], "setting": "adjuvant", "start": "2019-02-01", "end": "2019-06-01"}
]
ATC = (
    "Have had prior therapy (administered in the neoadjuvant, adjuvant, and/or metastatic "
    "setting) with an anthracycline, a taxane, and capecitabine (prior anthracycline can be "
    "omitted if not medically appropriate or contraindicated for the patient)."
)


def test_kinds_of_treatment_listed_each_with_its_article_are_each_needed():
    cape = _patient(treatments=CAPECITABINE)
    assert _verdict("Prior treatment with an anthracycline, a taxane and capecitabine", cape) == (
        "not met"
    )
    # a list joined by "or", or kinds without their articles, stay options
    assert _verdict("Prior treatment with an anthracycline, a taxane or capecitabine", cape) == (
        "met"
    )
    assert _verdict("Prior treatment with anthracyclines, taxanes and capecitabine", cape) == (
        "met"
    )


def test_an_exemption_in_a_bracket_of_its_own_is_for_the_treatment_it_names():
    # the taxane is missing: the bracket excuses the anthracycline only
    assert _verdict(ATC, _patient(treatments=CAPECITABINE)) == "not met"
    # with the taxane had, the missing anthracycline is the study team's call
    assert _verdict(ATC, _patient(treatments=CAPECITABINE + PACLITAXEL)) == "unknown"
    # an exemption said for the whole list still leaves any one missing open
    text = "Prior anthracycline and taxane, unless contraindicated"
    assert _verdict(text, _patient(treatments=PACLITAXEL)) == "unknown"
