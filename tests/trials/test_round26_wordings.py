"""Fifth-session wordings (issue 14), each from real registry text: how lines are counted is a
rule of counting, an optional study step is no requirement, a line count with an exception for
endocrine therapy counts no class we know, and HER2 tyrosine kinase inhibitors are pills, not
antibodies."""

from mbcnav.trials.criteria import parse_criteria
from mbcnav.trials.line_checks import lines_checks
from mbcnav.trials.split import Criterion


def checks(text, kind="inclusion"):
    return [
        c
        for crit in parse_criteria([Criterion(kind=kind, text=text, number=1)])
        for c in crit["checks"]
    ]


def test_a_rule_for_counting_lines_is_no_requirement():
    text = (
        "Previous treatments: adjuvant endocrine therapy with or without a CDK4/6 inhibitor, with "
        "relapse within 12 months, shall be counted as one line of endocrine therapy."
    )
    assert checks(text) == []


def test_a_capecitabine_aside_that_counts_a_line_still_excludes_chemotherapy():
    text = (
        "Prior treatment with cytotoxic chemotherapy for metastatic breast cancer (with the "
        "exception of single agent capecitabine, which will count as a single line of therapy)"
    )
    assert checks(text, "exclusion")


def test_an_optional_study_step_is_no_requirement():
    text = "For TNBC, mesothelin assessment may be performed for exploratory analyses."
    assert checks(text) == []


def test_no_prior_therapy_except_endocrine_counts_the_lines_without_a_hormone_drug():
    # (tenth session: these were not counted at all before; the lines without an endocrine drug
    # are what the exception leaves, see test_round31_wordings)
    text = "No prior systemic therapy for advanced disease, except for prior endocrine therapy."
    assert [(c["max"], c["class"]) for c in lines_checks(text)] == [(0, "non-endocrine therapy")]
    assert (
        lines_checks(
            "No prior CDK4/6 therapy for advanced disease, except for prior targeted therapy."
        )
        == []
    )
    assert lines_checks("No prior systemic therapy for advanced disease.")[0]["max"] == 0


def test_her2_tyrosine_kinase_inhibitors_are_not_antibodies():
    found = checks("Prior use of any HER2-targeted tyrosine kinase inhibitor.", "exclusion")
    assert [c["value"] for c in found] == ["HER2 tyrosine kinase inhibitor"]
    assert (
        lines_checks("More than 1 line of therapy containing tucatinib or lapatinib")[0]["class"]
        == "HER2 tyrosine kinase inhibitor"
    )
