"""Thirty-eighth-session wordings (issue 14): read from last session's held-out sets after their
one measurement, and from this session's tuning sets. Each test is checked both ways."""

from mbcnav.trials.population import gates, mismatch
from mbcnav.trials.record import Trial

from .test_session35_wordings import _patient, _verdict


def _hiv(detail: str = "HIV on ART, undetectable viral load", status: str = "controlled"):
    return _patient(conditions=[{"name": detail, "status": status}])


#: NCT05013554's list: HIV "known", the last item a kind of infection of its own
LIST = (
    "Known positivity with human immunodeficiency virus (HIV), known active hepatitis A, B, and "
    "C, or uncontrolled chronic or ongoing infectious requiring parenteral treatment."
)


def test_a_later_item_that_is_an_illness_of_its_own_keeps_its_words():
    assert _verdict(LIST, _hiv(), "exclusion") == "not met"
    # the words after the last named item may still be said of every item
    shared = "Known HIV, hepatitis B or hepatitis C infection requiring treatment"
    assert _verdict(shared, _hiv(), "exclusion") != "not met"
    assert _verdict(shared, _hiv("HIV", "unknown"), "exclusion") != "not met"
    # an item of its own that is named by a problem keeps the old reading
    assert _verdict("Known HIV infection or chronic hepatitis B", _hiv(), "exclusion") == "not met"


def test_hiv_on_antiretroviral_therapy_is_settled_by_a_record_of_treatment():
    rule = (
        "HIV-positive patients on combination antiretroviral therapy are ineligible because of "
        "the potential for PK interactions with AT13387."
    )
    assert _verdict(rule, _hiv(), "exclusion") == "not met"
    # a record that does not say HIV is treated leaves it to the study team
    assert _verdict(rule, _hiv("HIV", "unknown"), "exclusion") == "unknown"
    # not on treatment, or an exception that lets treated HIV in: never a "no"
    assert (
        _verdict("HIV-positive patients not on antiretroviral therapy", _hiv(), "exclusion")
        != "not met"
    )
    lets_in = (
        "Known HIV infection; HIV-positive patients on antiretroviral therapy with undetectable "
        "viral load are eligible"
    )
    assert _verdict(lets_in, _hiv(), "exclusion") != "not met"


def _trial(summary: str, title: str = "Concordance Between Liquid and Tissue Biopsy") -> Trial:
    return Trial("NCT09999996", title=title, summary=summary, conditions=["Breast Neoplasms"])


def test_a_study_for_suspected_recurrence_is_not_for_someone_already_diagnosed():
    # NCT04241237's summary
    summary = (
        "The goal of this study is to determine whether blood tests can be used to confirm "
        "diagnosis of suspected recurrent breast cancer. Investigators will conduct this study in "
        "120 participants who present with suspected breast cancer recurrence and symptoms of "
        "cancer that has spread to other areas in the body."
    )
    g = gates(_trial(summary))
    assert g["suspected_only"]
    assert "only suspected" in mismatch(g, _patient())
    # suspected spread to one site of a known cancer, or "confirmed or suspected": for them too
    for other in (
        "This study enrols patients with suspected brain metastases from breast cancer.",
        "A PET study in patients with confirmed or suspected metastatic breast cancer.",
        "A study in women with metastatic breast cancer.",
    ):
        assert not gates(_trial(other))["suspected_only"], other


def _checks(text: str, kind: str = "inclusion") -> list[dict]:
    from .test_cohort_scoping import parsed

    if kind == "exclusion":
        text = (
            "Inclusion Criteria:\n\n* Metastatic breast cancer\n\nExclusion Criteria:\n\n* " + text
        )
    else:
        text = "Inclusion Criteria:\n\n* " + text
    crits = [c for c in parsed(text)["criteria"] if c["kind"] == kind and c.get("number")]
    return crits[-1]["checks"]


def test_not_amenable_to_denies_only_what_the_disease_is_not_fit_for():
    # NCT06705504: the subtype and the drugs after "not amenable to surgery" are asked for
    got = _checks(
        "Confirmed diagnosis of locally advanced/metastatic not amenable to surgery HR+/HER2- BC "
        "for whom the treating physician took the decision to initiate treatment with ribociclib "
        "or alpelisib"
    )
    assert {(c["type"], c["value"], c["neg"]) for c in got if c["type"] != "setting"} == {
        ("receptor", "hr-positive", False),
        ("receptor", "her2-negative", False),
        ("therapy", "ribociclib", False),
        ("therapy", "alpelisib", False),
    }
    # the fitness itself stays denied: "not amenable to ... curative intent" is no early setting
    early = _checks("Not amenable to surgical resection with curative intent")
    assert [c["neg"] for c in early if c.get("value") == "early"] == [True]
    # a plain "not" still denies what follows
    plain = _checks("Metastatic disease not amenable to resection, and not HER2-positive")
    assert [c["neg"] for c in plain if c.get("value") == "her2-positive"] == [True]


def test_de_novo_as_the_other_way_of_an_or_is_no_requirement():
    for text in (
        "Confirmed diagnosis of metastatic HR+/HER2- BC (progressed following prior therapy or de "
        "novo)",
        "Metastatic breast cancer, recurrent or de novo",
        "Metastatic breast cancer that relapsed after adjuvant therapy or as de novo stage IV",
    ):
        assert not [c for c in _checks(text) if c["type"] == "de_novo"], text
    assert [
        c["neg"] for c in _checks("De novo metastatic breast cancer") if c["type"] == "de_novo"
    ] == [False]


def test_localized_is_the_early_setting_of_an_either_or():
    got = _checks(
        "Prior exposure to a taxane in localized or advanced/metastatic setting, and recurred "
        "during or after treatment;"
    )
    assert [c["setting"] for c in got if c.get("value") == "taxane"] == [None]
    only = _checks("Prior exposure to a taxane in the advanced/metastatic setting")
    assert [c["setting"] for c in only if c.get("value") == "taxane"] == ["metastatic"]


def test_people_named_by_their_subtype_then_have_received_is_a_rule_for_them_only():
    from .test_cohort_scoping import fit, person

    rule = (
        "Inclusion Criteria:\n\n* Patients with HER2-positive metastatic breast cancer have "
        "received treatment with trastuzumab or its biosimilar\n"
    )
    assert fit(rule, person(her2="low")) != "unlikely"
    assert fit(rule, person(her2="positive", hr="negative")) == "unlikely"
    # people named by the treatment itself: both are asked of everyone
    both = _checks(
        "Patients who have received prior CDK4/6 inhibitor and have received chemotherapy"
    )
    assert not any(c.get("premise") for c in both)


def test_a_doctors_call_is_for_its_own_clause_only():
    from .test_cohort_scoping import fit, person

    rule = (
        "Inclusion Criteria:\n\n* Progressed on and not suitable for endocrine therapy per "
        "investigator assessment and treated with 1 to 2 lines of prior chemotherapy in the "
        "inoperable/metastatic setting.\n"
    )
    assert fit(rule, person(lines=1, lines_done=1, chemo_lines=0)) == "unlikely"
    assert fit(rule, person(lines=2, lines_done=2, chemo_lines=1)) != "unlikely"


def test_triple_negative_defined_as_er_below_one_percent_leaves_er_low_out():
    from mbcnav.trials.receptors import er_low_wording

    text = (
        "Histologically or cytologically confirmed TNBC. Triple negative is defined as <1% "
        "expression for estrogen receptor (ER) and progesterone receptor (PR) and negative for "
        "HER2"
    )
    assert er_low_wording(text) == {"er_below_1": True}
    assert er_low_wording("TNBC (ER < 10%)") == {"er_low_ok": True}
    assert er_low_wording("TNBC; ER-low (1-10%) allowed, ER-negative is < 1%") == {
        "er_low_ok": True
    }
    assert er_low_wording("ALT < 1.5 x ULN") == {}


def test_progression_on_the_latest_treatment_said_in_brackets():
    got = _checks("Has documented radiologic progression (during or after most recent treatment)")
    assert any(c.get("latest") for c in got)
    assert not any(c.get("latest") for c in _checks("Has documented radiologic progression"))
