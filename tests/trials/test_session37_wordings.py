"""Thirty-seventh-session wordings (issue 14): read from last session's held-out sets after their
one measurement, and from this session's tuning sets. Each test is checked both ways."""

from mbcnav.trials.cohorts import enrolled_in
from mbcnav.trials.match import match
from mbcnav.trials.parse import FROM_SUMMARY, parse_trial
from mbcnav.trials.record import Trial
from mbcnav.trials.split import split

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
        [
            "Participants enrolled in Part 2a must have small cell lung cancer (SCLC); participants "
            "enrolled to Part 2b must have either NSCLC or HR-positive/HER2-negative breast cancer"
        ]
    ) == {"2a", "2b"}
    assert enrolled_in(["Patients who are enrolled into Cohort B must have HER2+ disease"]) == {"b"}
    # a part named without anyone enrolling into it, an arm one is assigned to, a step of the
    # study or a closed part is no group of its own (review)
    for text in (
        "Prior therapy as described in Part 2 of the protocol",
        "Patients enrolled in arm 1 must be willing to undergo paired biopsies",
        "Patients enrolled in Cohort B must provide a fresh tumour biopsy",
        "Patients enrolled in Cohort 3 (the safety run-in, now closed) were treated at 5 mg",
    ):
        assert enrolled_in([text]) == set(), text


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
            assert _verdict(f"No {problem}", f) == _verdict(problem.capitalize(), f, "exclusion"), (
                problem
            )


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


#: an aromatase inhibitor after surgery the cancer came back on; one for metastatic disease
ADJUVANT_AI = [
    {
        "drugs": ["letrozole"],
        "setting": "adjuvant",
        "start": "2021-01-01",
        "end": "2024-01-01",
        "stop_reason": "progression",
    }
]
METASTATIC_AI = [
    {
        "drugs": ["letrozole", "palbociclib"],
        "setting": "metastatic",
        "start": "2024-03-01",
        "end": "2025-06-01",
        "stop_reason": "progression",
    }
]


#: growth on fulvestrant and palbociclib six weeks before the benches' day
GREW_ON_PALBOCICLIB = [
    {
        "drugs": ["fulvestrant", "palbociclib"],
        "setting": "metastatic",
        "start": "2024-04-01",
        "end": "2025-12-01",
        "stop_reason": "progression",
    }
]


def test_two_ways_in_one_in_each_setting_are_both_open():
    for text in (
        "Relapsed during treatment with an AI in the adjuvant setting or progressed during "
        "treatment with an AI in the metastatic setting",
        "Relapsed during treatment with (or within 12 months after discontinuation of) an AI in "
        "the adjuvant setting or progressed during treatment with an AI in the metastatic setting",
        "Relapsed during or within 12 months after adjuvant AI therapy, or progressed on an AI "
        "for metastatic disease",
    ):
        assert _verdict(text, _patient(treatments=ADJUVANT_AI)) == "met", text
        assert _verdict(text, _patient(treatments=METASTATIC_AI)) == "met", text
        assert _verdict(text, _patient()) == "not met", text


def test_a_relapse_window_after_adjuvant_therapy_counts_from_its_end():
    long_ago = [
        {**ADJUVANT_AI[0], "start": "2016-01-01", "end": "2021-01-01", "stop_reason": "completed"}
    ]
    text = "Relapsed during or within 12 months after adjuvant AI therapy"
    assert _verdict(text, _patient(treatments=ADJUVANT_AI)) == "met"
    # the cancer came back three years after the last dose
    assert _verdict(text, _patient(treatments=long_ago)) == "not met"


def test_stopping_a_drug_for_its_harm_is_still_no_history_of_it():
    # "discontinuation" read as a time from stopping must not turn a harm into a history
    text = "Patients who required discontinuation of prior everolimus due to toxicity"
    assert _verdict(text, _patient(), "exclusion") != "not met"


def test_a_history_allowed_provided_it_meets_conditions_rules_nobody_out():
    text = "Have a history of brain metastasis provided that all of the following criteria are met:"
    assert _verdict(text, _patient()) != "not met"
    # a plain history asked for still binds: never met without brain metastases on record
    assert _verdict("Have a history of brain metastasis", _patient()) != "met"
    brain = _patient(metastases=[{"site": "brain", "status": "treated-stable"}])
    assert _verdict("Have a history of brain metastasis", brain) == "met"


#: NCT06316531's summary; its registry copy stops inside the first inclusion
SUMMARY = (
    "This study is a registered phase III, randomized, open-label, multicenter study to evaluate "
    "the efficacy and safety of BL-M07D1 in patients with unresectable locally advanced or "
    "metastatic HER2-positive breast cancer who had failed previous treatment with taxanes and "
    "trastuzumab."
)


def _summary_rule(eligibility: str, summary: str = SUMMARY) -> dict | None:
    crits = parse_trial(
        Trial("NCT09999996", title="A study of BL-M07D1", eligibility=eligibility, summary=summary)
    )["criteria"]
    return next((c for c in crits if c["text"].endswith(FROM_SUMMARY)), None)


def test_what_the_summary_says_people_were_treated_with_is_a_rule_when_criteria_are_cut():
    cut = "Inclusion Criteria:\n\n1. Age 18 to 75 years\n2. Patients with histologically conf"
    rule = _summary_rule(cut)
    assert rule is not None
    assert rule["text"].startswith("Failed previous treatment with taxanes and trastuzumab")
    assert {c["value"] for c in rule["checks"] if c["type"] == "therapy"} >= {"trastuzumab"}
    # full criteria, with their exclusions, say it in their own words
    full = cut + "\n\nExclusion Criteria:\n\n1. Pregnancy\n"
    assert _summary_rule(full) is None
    # background, not this study's population
    assert (
        _summary_rule(
            cut,
            "Trastuzumab is approved for patients with HER2-positive breast "
            "cancer who had failed previous chemotherapy.",
        )
        is None
    )


def test_the_summary_names_one_population_when_its_setting_or_treatment_uses_or():
    from mbcnav.trials.summary import summary_prior, summary_subtypes

    assert summary_subtypes(SUMMARY) == [[None, ["positive"]]]
    brain = (
        "Multicenter open-label, phase II trial, to evaluate the efficacy and safety of nal-IRI in "
        "patients with HER2-negative breast cancer, who have documented Central Nervous System "
        "(CNS) progression following Whole Brain Radio Therapy (WBRT), Stereotactic Radiosurgery "
        "(SRS) and/or surgery."
    )
    assert summary_subtypes(brain) and summary_prior(brain).startswith("documented Central")
    # two groups stay two groups
    two = (
        "A phase II study of drug X in patients with HR-positive breast cancer or triple-negative "
        "breast cancer who progressed on prior therapy."
    )
    assert summary_subtypes(two) == [] and summary_prior(two) is None


def test_a_condition_naming_the_receptor_only_takes_the_summarys_her2():
    from mbcnav.trials.population import gates

    summary = (
        "This is an open-label, multicentre, 4-arm randomised phase II trial of fulvestrant + "
        "AZD2014 versus fulvestrant alone in patients with ER-positive, HER2-negative advanced or "
        "metastatic breast cancer."
    )
    t = Trial(
        "NCT09999995",
        title="A Randomized Study of AZD2014 in Combination With Fulvestrant",
        conditions=["Estrogen Receptor Positive Breast Cancer"],
        summary=summary,
    )
    assert gates(t)["subtypes"] == [["positive", ["zero", "ultralow", "low", "negative"]]]
    # a summary of another receptor does not overrule the condition
    other = Trial(**{**t.__dict__, "summary": summary.replace("ER-positive", "ER-negative")})
    assert gates(other)["subtypes"] == [["positive", None]]


def test_a_page_written_for_the_public_has_its_sections():
    text = (
        "Who can enter\n\nYou may be able to join this trial if you are a woman and all of the "
        "following apply\n\n  • You have breast cancer that has spread\n\nWho can't take part\n\n"
        "You cannot join this trial if any of these apply\n\n  • You have had everolimus before\n"
    )
    items = [(c.kind, c.text) for c in split(text)]
    assert items == [
        ("inclusion", "You are a woman"),
        ("inclusion", "You have breast cancer that has spread"),
        ("exclusion", "You have had everolimus before"),
    ]
    # no one named: the heading alone
    assert [c.kind for c in split("Who can take part\n\n* You are 18 or older\n")] == ["inclusion"]


def test_not_receiving_a_treatment_is_use_now_denied():
    past_chemo = _patient(treatments=PACLITAXEL)
    text = "Not receiving cytotoxic chemotherapy"
    # chemotherapy years ago is no use now
    assert _verdict(text, past_chemo) == "met"
    on_chemo = _patient(
        treatments=[{"drugs": ["capecitabine"], "setting": "metastatic", "start": "2025-10-01"}]
    )
    assert _verdict(text, on_chemo) == "not met"
    # a prior treatment denied is still a history
    text = "Patients not receiving any prior chemotherapy for metastatic disease"
    assert _verdict(text, _patient(treatments=CAPECITABINE)) == "not met"


def test_no_growth_in_the_last_months_is_the_window_turned_round():
    grew = _patient(treatments=GREW_ON_PALBOCICLIB)
    quiet = _patient(
        treatments=[
            {
                "drugs": ["letrozole"],
                "setting": "metastatic",
                "start": "2023-01-01",
                "end": "2024-06-01",
                "stop_reason": "progression",
            }
        ]
    )
    for text in (
        "No progression on current therapy in prior 12 months",
        "No disease progression within the last 6 months",
    ):
        assert _verdict(text, grew) == "not met", text
        # no growth in the record's window is no proof there was none
        assert _verdict(text, quiet) == "unknown", text
    # growth asked for inside the window reads as before
    assert _verdict("Disease progression within the last 6 months", grew) == "met"
    assert _verdict("Disease progression within the last 6 months", quiet) == "not met"


def test_a_washout_from_stopping_a_drug_asks_for_no_history_of_it():
    for text in (
        "At least 2 weeks from discontinuation of any prior endocrine therapy",
        "A minimum of 5 half-lives after discontinuation of a CDK4/6 inhibitor is required",
        "At least 28 days since discontinuation of prior fulvestrant",
    ):
        assert _verdict(text, _patient()) == "unknown", text


def test_a_summary_naming_a_second_group_after_the_treatment_sets_no_population():
    from mbcnav.trials.summary import summary_prior, summary_subtypes

    for summary in (
        "This study evaluates drug X in patients with HER2-positive metastatic breast cancer who "
        "progressed on trastuzumab, and in patients with HER2-low metastatic breast cancer.",
        "This study evaluates drug X in patients with HR-positive, HER2-negative breast cancer "
        "previously treated with a CDK4/6 inhibitor (cohort 1) or with triple-negative breast "
        "cancer (cohort 2).",
        "This study evaluates drug X in patients with triple-negative breast cancer who progressed "
        "on chemotherapy; patients with HR-positive disease are also eligible.",
        "This study evaluates drug X in patients with ER-positive breast cancer who relapsed on "
        "endocrine therapy, including those with HER2-positive disease.",
    ):
        assert summary_subtypes(summary) == [], summary
        assert summary_prior(summary) is None, summary


def test_an_exclusion_of_one_setting_or_the_other_excludes_either():
    adjuvant = [
        {
            "drugs": ["letrozole"],
            "setting": "adjuvant",
            "start": "2012-01-01",
            "end": "2017-01-01",
            "stop_reason": "completed",
        }
    ]
    text = (
        "Prior aromatase inhibitor in the adjuvant setting or progression on an aromatase "
        "inhibitor for metastatic disease"
    )
    assert _verdict(text, _patient(treatments=adjuvant), "exclusion") == "not met"
    assert _verdict(text, _patient(), "exclusion") == "met"


def test_a_bracket_excusing_several_treatments_or_all_of_them_leaves_them_open():
    taxane = _patient(treatments=PACLITAXEL)
    for text in (
        "Prior treatment with an anthracycline, a taxane, and capecitabine (prior anthracycline "
        "and capecitabine can be omitted if not medically appropriate)",
        "Prior treatment with an anthracycline, a taxane, and capecitabine (any of which can be "
        "omitted if not medically appropriate)",
    ):
        assert _verdict(text, taxane) == "unknown", text


def test_an_opening_no_that_denies_no_problem_is_no_health_check():
    hiv = _patient(conditions=[{"name": "HIV", "status": "controlled"}])
    failing = _patient(conditions=[{"name": "heart failure", "status": "controlled"}])
    for text, f in (
        ("Without regard to HIV status", hiv),
        ("No exclusion based on HIV status", hiv),
        ("No restriction regarding heart failure", failing),
        ("No decompensated heart failure", failing),
    ):
        assert _verdict(text, f) != "not met", text


def test_a_public_page_names_one_sex_or_none_and_keeps_its_words():
    both = (
        "Who can enter\n\nYou can enter this trial if you are a man or a woman and all of the "
        "following apply\n\n* You have breast cancer\n\nYou might not be able to join this trial if "
        "any of these apply\n\n* You have had chemotherapy\n"
    )
    assert [(c.kind, c.text) for c in split(both)] == [
        ("inclusion", "You have breast cancer"),
        ("exclusion", "You have had chemotherapy"),
    ]
    after = (
        "You may be able to join this trial if you are a woman who has been through the menopause "
        "and all of the following apply\n\n* You have breast cancer\n\nWho is not eligible\n\n"
        "* You have had chemotherapy\n"
    )
    assert [(c.kind, c.text) for c in split(after)][0] == (
        "inclusion",
        "You are a woman who has been through the menopause",
    )
    assert [c.kind for c in split(after)][-1] == "exclusion"


def test_final_review_neighbours():
    grew = _patient(treatments=GREW_ON_PALBOCICLIB)
    # a denial of something else before a growth window leaves the window as asked
    for text in (
        "Patients with no prior chemotherapy and progression within the last 6 months",
        "Not eligible unless disease progression within 6 months prior to enrollment",
    ):
        assert _verdict(text, grew) == "met", text
    hiv = _patient(conditions=[{"name": "HIV", "status": "controlled"}])
    assert _verdict("Without any HIV restriction", hiv) != "not met"
    assert (
        _verdict(
            "Patients with disease progression: at least 2 weeks from discontinuation of prior "
            "endocrine therapy",
            _patient(),
        )
        == "unknown"
    )
    for text in (
        "Patients enrolled in Cohort B must have measurable disease",
        "Patients enrolled in Cohort B must be willing to provide tumor tissue",
    ):
        assert enrolled_in([text]) == set(), text
    from mbcnav.trials.summary import summary_subtypes

    for tail in (
        "progressed on trastuzumab as well as patients with HER2-low disease.",
        "progressed on trastuzumab, and in HER2-low metastatic breast cancer.",
        "progressed on trastuzumab, and also in women with triple-negative disease.",
    ):
        summary = (
            "This study evaluates drug X in patients with HER2-positive metastatic breast cancer who "
            + tail
        )
        assert summary_subtypes(summary) == [], tail
    for text in (
        "Who can enter\n\n* You have breast cancer\n\nYou can't take part if any of these apply\n\n"
        "* You have had chemotherapy\n",
        "Who isn't eligible\n\n* You have had chemotherapy\n",
    ):
        assert [c.kind for c in split(text)][-1] == "exclusion", text
    # a treatment history asked for still binds with "provided"
    text = "Have a history of treatment with an aromatase inhibitor provided the cancer progressed on it"
    assert _verdict(text, _patient()) == "not met"


def test_a_receptor_percent_limit_is_read_against_the_pathology():
    low = _patient(receptors={"er": "low", "er_percent": "5%", "pr": "negative", "her2": "IHC 1+"})
    tnbc = _patient(receptors={"er": "negative", "pr": "negative", "her2": "IHC 0"})
    high = _patient(
        receptors={
            "er": "positive",
            "er_percent": "90%",
            "pr": "negative",
            "pr_percent": "0%",
            "her2": "IHC 0",
        }
    )
    both = (
        "Estrogen-receptor and progesterone-receptor expression both =< 1% by immunohistochemistry"
    )
    assert [_verdict(both, f) for f in (low, tnbc, high)] == ["not met", "met", "not met"]
    either = "ER and/or PR >= 1%"
    assert [_verdict(either, f) for f in (low, tnbc, high)] == ["met", "not met", "met"]
    assert [_verdict("ER < 1% and PR < 1%", f) for f in (low, tnbc, high)] == [
        "not met",
        "met",
        "not met",
    ]
    assert _verdict("ER >= 1% or PR >= 1%", high) == "met"
    # no percent and no status that settles it: the study team's
    unknown = _patient(receptors={"er": "positive", "pr": "positive", "her2": "IHC 0"})
    assert _verdict("ER <= 10%", unknown) == "unknown"


def test_held_out_reads_numbered_sub_rules_counts_and_allowances():
    # "5a." numbers a rule of its own
    items = split(
        "Inclusion Criteria:\n\n4. Measurable disease\n5a. No more than two prior lines\n"
    )
    assert [c.text for c in items] == ["Measurable disease", "No more than two prior lines"]
    # "no more than three prior endocrine therapies" is a count, not a denial
    one_ai = _patient(treatments=METASTATIC_AI)
    text = "Participant received no more than three prior endocrine therapies in the metastatic setting"
    assert _verdict(text, one_ai) == "met"
    assert _verdict("No prior endocrine therapies for metastatic disease", one_ai) == "not met"
    # "may also have received" is an allowance
    text = (
        "In case of germline BRCA1 or BRCA2 mutation, the participant may also have received a PARP "
        "inhibitor-based therapy."
    )
    assert _verdict(text, one_ai) != "not met"


def test_a_receptor_percent_in_a_definition_or_a_premise_is_no_requirement():
    high = _patient(
        receptors={
            "er": "positive",
            "er_percent": "95%",
            "pr": "negative",
            "pr_percent": "0%",
            "her2": "IHC 0",
        }
    )
    for text in (
        "Triple negative breast cancer for this study is defined as estrogen receptor <10%, "
        "progesterone receptor <10% by immunohistochemistry",
        "If the patient has ER+ or PR+ (>1% on IHC) metastatic breast cancer: patient must have had "
        "1 prior line of endocrine therapy in the metastatic setting",
    ):
        assert "PR > 1%" not in str(_verdict(text, high)), text
        assert _verdict(text, high) != "not met" or "endocrine" in text, text


def test_all_sets_neighbours_of_the_receptor_percent_and_the_or_of_two_ways():
    cf = _patient(
        receptors={
            "er": "positive",
            "er_percent": "90%",
            "pr": "positive",
            "pr_percent": "5%",
            "her2": "IHC 0",
        }
    )
    text = (
        "Cancer hormone-expressing estrogen receptor (ER) and / or progesterone receptor (PR) "
        "(>= 10% of tumor cells in Technical HIC)."
    )
    assert _verdict(text, cf) == "met"
    text = (
        "Patients with recurrent disease with a primary tumor showing a different pattern of "
        "receptors (i.e. initial BC other than ER >= 1% and HER2 negative)"
    )
    assert _verdict(text, cf, "exclusion") != "not met"
    # a list of the same kind joined by "or" keeps the growth asked of it
    text = (
        "Disease progression during or after prior taxane therapy (single-agent paclitaxel, "
        "docetaxel, or taxane-containing combination chemotherapy)"
    )
    docetaxel = _patient(
        treatments=[
            {
                "drugs": ["docetaxel"],
                "setting": "metastatic",
                "start": "2024-04-01",
                "end": "2024-10-01",
                "stop_reason": "completed",
            }
        ]
    )
    assert _verdict(text, docetaxel) != "met"


def test_last_review_receptor_percents_and_endocrine_counts():
    pr_only = _patient(
        receptors={
            "er": "negative",
            "er_percent": "0%",
            "pr": "positive",
            "pr_percent": "50%",
            "her2": "IHC 0",
        }
    )
    low = _patient(receptors={"er": "low", "er_percent": "5%", "pr": "negative", "her2": "IHC 1+"})
    high = _patient(
        receptors={
            "er": "positive",
            "er_percent": "90%",
            "pr": "positive",
            "pr_percent": "50%",
            "her2": "IHC 0",
        }
    )
    tnbc = _patient(receptors={"er": "negative", "pr": "negative", "her2": "IHC 0"})
    assert _verdict("Estrogen receptor or progesterone receptor >= 1% by IHC", pr_only) == "met"
    # a definition later in the rule does not drop a limit before it
    assert _verdict(
        "ER-positive (>= 10%) and HER2-negative, defined as IHC 0-1+ or IHC 2+/ISH-", low
    ) == ("not met")
    # "except" inside another bracket does not reach the limits after it
    assert _verdict(
        "HER2-negative (IHC 0 or 1+, except HER2-ultralow) and ER < 1% and PR < 1%", high
    ) == ("not met")
    assert _verdict("When HER2 is negative, tumors must have ER < 1% and PR < 1%", tnbc) == "met"
    # endocrine therapies counted in any setting are not read as metastatic lines only
    both = [
        {"drugs": ["tamoxifen"], "setting": "adjuvant", "start": "2015-01-01", "end": "2020-01-01"},
        METASTATIC_AI[0],
    ]
    text = "At least two prior endocrine therapies in any setting (adjuvant or metastatic)"
    assert _verdict(text, _patient(treatments=both)) != "not met"
