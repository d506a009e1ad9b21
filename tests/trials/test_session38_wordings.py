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
