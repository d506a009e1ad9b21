"""Twenty-third-session wordings (issue 14), read from the tuning set 60 (stored web copies of
registry records outside the project's data) and from last session's held-out sets 58 and 59
after they were measured. Each test names the record or the shape its wording comes from; none
is a whole trial, and each is checked both ways."""

import pytest

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.inline_items import inline_items
from mbcnav.trials.line_checks import lines_checks
from mbcnav.trials.match import verdict
from mbcnav.trials.performance_status import ecog_allowed
from mbcnav.trials.split import split

from . import people
from .one_criterion import checks, parsed


def _drug(name, labels, settings=("metastatic",), end="2025-06-01", ongoing=False):
    return DrugFact(name, [name, *labels], list(settings), False, "2024-01-10", end, ongoing)


ET = ["endocrine therapy", "aromatase inhibitor"]
PALBO = ["CDK4/6 inhibitor"]
ADJUVANT_TC = _drug("docetaxel", ["chemotherapy", "taxane"], ("adjuvant",), "2018-08-13")
DOXORUBICIN = _drug("doxorubicin", ["chemotherapy", "anthracycline"])
DOCETAXEL = _drug("docetaxel", ["chemotherapy", "taxane"])


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def _is_bullet(text: str) -> bool:
    return text.strip() in {"*", "-"}


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "ECOG performance status of 0 or 1 with no deterioration over the previous 2 weeks",
            [0, 1],
        ),
        ("ECOG 0, 1, or 2", [0, 1, 2]),
        ("ECOG performance status 0/1", [0, 1]),
        ("ECOG performance status of 0 or 1", [0, 1]),
    ],
)
def test_ecog_scores_are_the_ones_listed_together(text, want):
    """NCT06380751: a count of weeks after the listed scores is no score."""
    assert ecog_allowed(text) == want


def test_a_count_that_names_adjuvant_treatment_may_count_it():
    """NCT06331169: ">=1 prior lines of chemotherapy/adjuvant in the recurrent or metastatic
    setting": chemotherapy before the spread may count, so the answer is open; a count that says
    adjuvant treatment does not count stays not met."""
    f = people.facts(drugs=[ADJUVANT_TC], line_labels=[], chemo_lines=0)
    named = "Has been treated with ≥1 prior lines of chemotherapy/adjuvant in the recurrent or metastatic setting."
    assert _verdict(named, f) == "unknown"
    left_out = "At least 1 prior line of chemotherapy for metastatic disease; adjuvant chemotherapy does not count"
    assert _verdict(left_out, f) == "not met"


def test_an_exclusion_of_locally_advanced_disease_says_nothing_of_distant_spread():
    """NCT00532727: "Patients with inoperable locally advanced disease suitabl[e ...]" does not
    rule out a person whose cancer has spread; "locally advanced or metastatic" still does."""
    f = people.facts()
    local = "Patients with inoperable locally advanced disease suitable for radical radiotherapy"
    assert _verdict(local, f, "exclusion") != "not met"
    assert _verdict("Patients with metastatic disease", f, "exclusion") == "not met"


def test_a_group_name_glued_to_the_item_above_starts_its_own_list():
    """NCT02447003 as a stored web copy gives it: "... metastatic setting For first line
    monotherapy (Part 1): * ... mTNBC. For second line plus monotherapy (Part 2): \\- ...", and
    "* Cohort A only: * ..." (NCT00807859)."""
    flat = (
        "Inclusion Criteria: For second line (Part 2): * Has received at least one systemic "
        "treatment for metastatic breast cancer * Prior treatment must include a taxane For first "
        "line (Part 1): * Has received no prior systemic treatment for metastatic breast cancer * "
        "Has PD-L1-positive mTNBC. For second line (Part 2): \\- Has PD-L1 strong positive mTNBC "
        "For all parts: * Has measurable disease * ECOG 0 or 1 * Female participants must agree"
    )
    lines = inline_items(flat, _is_bullet)
    assert "For first line (Part 1):" in lines
    assert "For all parts:" in lines
    assert "  - Has PD-L1 strong positive mTNBC" in lines
    assert "  * Prior treatment must include a taxane" in lines
    assert "  * Female participants must agree" in lines  # a capital after "1": a new item
    got = [c.text for c in split(flat)]
    assert (
        "For first line (Part 1): Has received no prior systemic treatment for metastatic breast cancer"
        in got
    )
    cohort = inline_items(
        "* Life expectancy 3 months * Cohort A only: * No prior lapatinib", _is_bullet
    )
    assert "*" not in [p.strip() for p in cohort]
    assert "Cohort A only:" in cohort
    # a plain list keeps its items, and a product stays one sign
    assert inline_items("* ALT < 2.5 * ULN * Female", _is_bullet)[0].strip() == "* ALT < 2.5 * ULN"


def test_a_sentence_on_what_does_not_count_as_a_line_is_no_requirement():
    """NCT02447003: "neoadjuvant and/or adjuvant chemotherapy regimens do not count as a prior
    line of therapy" asks nothing of the person."""
    text = "For the purposes of this study, neoadjuvant and/or adjuvant chemotherapy regimens do not count as a prior line of therapy."
    assert checks(text) == []
    assert checks("Prior adjuvant chemotherapy with docetaxel") != []


def test_two_words_before_regimens_still_count_lines():
    """NCT03262935: "at least two HER2-targeting treatment regimens for locally advanced or
    metastatic disease"."""
    (c,) = lines_checks(
        "progression during or after at least two HER2-targeting treatment regimens for metastatic disease"
    )
    assert (c["min"], c["class"]) == (2, "anti-HER2 antibody")
    assert lines_checks("at least two of the following regimens") == []


def test_planning_to_undergo_is_the_plan_and_receiving_is_now():
    """NCT03439735: "Treatment naive in metastatic or locally advanced setting and planning to
    undergo treatment with ET and palbociclib OR receiving first-line ET and palbociclib": no
    hormone line yet, or a first line with palbociclib going on now; a first line with another
    drug, or one that ended, is out."""
    text = (
        "Treatment naïve in metastatic or locally advanced setting and planning to undergo "
        "treatment with endocrine therapy (ET) and palbociclib OR receiving first-line ET and "
        "palbociclib for metastatic or locally advanced disease."
    )
    palbo_now = _drug("palbociclib", PALBO, end=None, ongoing=True)
    on_it = people.facts(
        drugs=[palbo_now], lines=1, lines_done=0, line_labels=[ET + PALBO], line_ended=[False]
    )
    assert _verdict(text, on_it) == "met"
    abema_now = _drug("abemaciclib", PALBO, end=None, ongoing=True)
    other = people.facts(
        drugs=[abema_now], lines=1, lines_done=0, line_labels=[ET + PALBO], line_ended=[False]
    )
    assert _verdict(text, other) == "not met"
    palbo_done = _drug("palbociclib", PALBO)
    ended = people.facts(
        drugs=[palbo_done],
        lines=2,
        lines_done=1,
        line_labels=[ET + PALBO, ["chemotherapy"]],
        line_ended=[True, False],
    )
    assert _verdict(text, ended) == "not met"
    assert _verdict(text, people.facts()) == "met"


def test_two_ceilings_both_bind():
    """NCT03983395: "No more than 4 lines of therapy in metastatic setting (of which no more than
    2 lines should be anti-HER2 antibody-based therapy)"."""
    text = "No more than 4 lines of therapy in metastatic setting (of which no more than 2 lines should be anti-HER2 antibody-based therapy)."
    her2 = ["anti-HER2 antibody"]
    three = people.facts(lines=3, lines_done=3, line_labels=[her2, her2, her2])
    assert _verdict(text, three) == "not met"
    two = people.facts(lines=3, lines_done=3, line_labels=[her2, her2, ["chemotherapy"]])
    assert _verdict(text, two) == "met"


def test_the_premise_of_a_second_option_is_no_rule():
    """NCT01626222: "at least one lesion that can be accurately measured or bone lesions: lytic
    or mixed in the absence of measurable disease" does not rule out measurable disease."""
    text = (
        "Patients must have at least one lesion that can be accurately measured or bone lesions: "
        "lytic or mixed (lytic + sclerotic) in the absence of measurable disease."
    )
    assert _verdict(text, people.facts(measurable=True)) != "not met"
    assert (
        _verdict("Patients with no measurable disease", people.facts(measurable=True), "exclusion")
        == "met"
    )


def test_treatments_joined_by_and_are_each_needed():
    """NCT00754702: "Previous therapies had to include, regimens containing an anthracycline and
    a taxane"; "and/or" is either."""
    only_taxane = people.facts(drugs=[DOCETAXEL])
    both = people.facts(drugs=[DOCETAXEL, DOXORUBICIN])
    text = "Previous therapies had to include, regimens containing an anthracycline and a taxane"
    assert _verdict(text, only_taxane) == "not met"
    assert _verdict(text, both) == "met"
    assert _verdict("Prior treatment with an anthracycline and/or a taxane", only_taxane) == "met"


def test_a_relapse_window_after_adjuvant_treatment_is_read_from_the_dates():
    """NCT05748834: "at least 1 line of anti-HER2 therapy for locally advanced/metastatic
    disease or relapsed within 6 months of completion of adjuvant anti-HER2 therapy": the record's
    dates settle it; "in neoadjuvant/adjuvant/metastatic setting" counts treatment before the
    spread (NCT06907043)."""
    text = (
        "Have had prior treatment with at least 1 line of anti-HER2 therapy for locally "
        "advanced/metastatic disease or relapsed within 6 months of completion of adjuvant "
        "anti-HER2 therapy"
    )
    early = _drug("trastuzumab", ["anti-HER2 antibody"], ("adjuvant",), "2021-03-01")
    long_ago = people.facts(drugs=[early], line_labels=[], diagnosed_on="2025-10-01")
    assert _verdict(text, long_ago) == "not met"
    soon = people.facts(drugs=[early], line_labels=[], diagnosed_on="2021-07-15")
    assert _verdict(text, soon) == "met"
    f = people.facts(drugs=[ADJUVANT_TC], line_labels=[], chemo_lines=0)
    listed = "Must have received at least one prior chemotherapy in neoadjuvant/adjuvant/metastatic setting"
    assert _verdict(listed, f) == "met"
    assert _verdict(listed, people.facts(line_labels=[], chemo_lines=0)) == "not met"


def test_groups_named_in_a_flattened_list():
    """NCT02447003: a rule "for all parts" is everyone's; groups named for what they treat, two
    names sharing a part ("first line (Part 1)", "second line (Parts 1 and 2)"), are told apart by
    name; otherwise the part in brackets is the group, so an earlier part is still assumed
    ("For the dose expansion (Part B):", review)."""
    from mbcnav.trials.cohorts import cohort_of, named_groups

    texts = [
        "For first line monotherapy (Part 1): Has PD-L1-positive mTNBC.",
        "For second line plus monotherapy (Parts 1 and 2): Has received one line",
        "For all parts: Has measurable disease",
    ]
    assert named_groups(texts)
    assert [cohort_of(t, True) for t in texts] == [
        ["first line monotherapy"],
        ["second line plus monotherapy"],
        None,
    ]
    assert cohort_of("For both cohorts: ECOG 0-1") is None
    later = ["For the dose expansion (Part B): prior CDK4/6 inhibitor", "Cohort 1: x"]
    assert not named_groups(later)
    assert cohort_of(later[0], named_groups(later)) == ["b"]
    assert cohort_of("For HR+ patients (Cohorts 2 and 3): x") == ["2", "3"]


def test_mtnbc_is_the_subtype_and_a_new_biopsy_is_a_study_step():
    """NCT02447003: "Has mTNBC confirmed by a central laboratory" asks for triple-negative
    cancer; "adequate newly obtained core or excisional biopsy of a not-previously-irradiated
    metastatic tumor lesion" is a sample to give, not a rule about the spread."""
    hr_positive = people.facts(hr="positive", her2="low")
    assert _verdict("Has mTNBC confirmed by a central laboratory", hr_positive) == "not met"
    tnbc = people.facts(hr="negative", her2="zero")
    assert _verdict("Has mTNBC confirmed by a central laboratory", tnbc) == "met"
    biopsy = (
        "For biomarker analysis, adequate newly obtained core or excisional biopsy of a "
        "not-previously-irradiated metastatic tumor lesion (mandatory)"
    )
    assert _verdict(biopsy, people.facts()) == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "Prior treatment with an anthracycline and a taxane, unless contraindicated",
        "Must have received an anthracycline and a taxane unless not clinically indicated",
        "Previously treated with a taxane and an anthracycline, unless patient was not a candidate for anthracycline",
    ],
)
def test_review_an_exemption_leaves_a_missing_treatment_open(text):
    """A person with a taxane and no anthracycline may be the exemption: unknown, not "not met"."""
    assert _verdict(text, people.facts(drugs=[DOCETAXEL])) == "unknown"
    assert _verdict(text, people.facts(drugs=[DOCETAXEL, DOXORUBICIN])) == "met"


def test_review_three_ceilings_parse_and_each_binds():
    """A criterion with three "no more than" counts parses (it crashed the batch) and each binds."""
    text = (
        "No more than 4 prior lines of therapy for metastatic disease, no more than 2 prior lines "
        "of chemotherapy and no more than 1 prior line of endocrine therapy"
    )
    assert [(c["max"], c["class"]) for c in lines_checks(text)] == [
        (4, None),
        (2, "chemotherapy"),
        (1, "endocrine therapy"),
    ]
    two_et = people.facts(lines=2, lines_done=2, line_labels=[ET, ET])
    assert _verdict(text, two_et) == "not met"
    assert _verdict(text, people.facts(lines=1, lines_done=1, line_labels=[ET])) == "met"


def test_review_received_or_receiving_is_any_use_and_a_count_reads_its_own_clause():
    """ "Has received or receiving treatment with a CDK4/6 inhibitor" counts ended use; the
    adjuvant setting named for another drug after a comma is not the count's own setting."""
    palbo_done = _drug("palbociclib", PALBO)
    ended = people.facts(drugs=[palbo_done])
    text = "Has received or receiving treatment with a CDK4/6 inhibitor"
    assert _verdict(text, ended, "exclusion") == "not met"
    assert _verdict("Has taken or receiving a CDK4/6 inhibitor", ended) == "met"
    one_line = people.facts(
        drugs=[ADJUVANT_TC], lines=1, lines_done=1, line_labels=[["chemotherapy"]], chemo_lines=1
    )
    count = (
        "At least 2 prior lines of chemotherapy for metastatic disease, including a taxane in the "
        "adjuvant or metastatic setting"
    )
    assert _verdict(count, one_line) == "not met"
    qualify = "At least 2 prior lines of chemotherapy for metastatic disease (adjuvant therapy does not qualify)"
    assert _verdict(qualify, one_line) == "not met"


def test_review_treatment_naive_caps_every_line_and_an_absence_belongs_to_its_option():
    """ "Treatment naive ... and planning to undergo treatment with endocrine therapy ... OR
    receiving first-line ET and palbociclib": two chemotherapy lines are not naive; "HER2-positive
    disease, or HER2-low disease in the absence of prior CDK4/6 inhibitor" keeps the absence as a
    part of its option."""
    text = (
        "Treatment naïve in metastatic or locally advanced setting and planning to undergo "
        "treatment with endocrine therapy (ET) and palbociclib OR receiving first-line ET and "
        "palbociclib for metastatic or locally advanced disease."
    )
    chemo = people.facts(
        lines=2,
        lines_done=2,
        line_labels=[["chemotherapy"], ["chemotherapy"]],
        line_ended=[True, True],
    )
    assert _verdict(text, chemo) == "not met"
    palbo_done = _drug("palbociclib", PALBO)
    low = people.facts(her2="low", drugs=[palbo_done])
    absent = "HER2-positive disease, or HER2-low disease in the absence of prior CDK4/6 inhibitor"
    assert _verdict(absent, low) != "met"


def test_second_review_an_or_after_a_joined_pair_and_a_count_of_either_kind():
    """ "an anthracycline and a taxane, or with capecitabine" lets capecitabine in; "at least 1
    prior line of endocrine therapy OR chemotherapy" is one count of either kind, in capitals too."""
    cape = _drug("capecitabine", ["chemotherapy", "antimetabolite"])
    f = people.facts(
        drugs=[cape], lines=1, lines_done=1, line_labels=[["chemotherapy"]], chemo_lines=1
    )
    assert (
        _verdict("Prior treatment with an anthracycline and a taxane, or with capecitabine", f)
        == "met"
    )
    either = "At least 1 prior line of endocrine therapy OR chemotherapy for metastatic disease"
    assert _verdict(either, f) == "met"
    assert _verdict(either.upper(), f) == "met"
