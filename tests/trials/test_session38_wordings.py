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
    # (the first review: the words after such an item may be said of every item, so the rule
    # stays with the study team)
    assert _verdict(LIST, _hiv(), "exclusion") == "unknown"
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
    }  # the drugs the doctor decided to start are the coming treatment (final review)
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


# --- the first review's inputs (each a wrong answer the first version gave) ---


def test_review_hiv_rules_with_a_denial_or_a_limit_after_the_treatment_stay_open():
    for rule in (
        "HIV-positive patients not currently on antiretroviral therapy",
        "HIV-positive patients not yet receiving antiretroviral therapy",
        "HIV-positive patients on combination antiretroviral therapy with drug interactions with "
        "study drug (e.g., ritonavir)",
        "HIV-positive patients receiving antiretroviral therapy for less than 4 weeks",
    ):
        assert _verdict(rule, _hiv(), "exclusion") != "not met", rule


def test_review_a_later_item_that_widens_the_list_shares_its_words():
    for rule in (
        "Human immunodeficiency virus (HIV), hepatitis B, or other chronic infections not "
        "controlled with treatment",
        "History of HIV, hepatitis B or C, or other chronic infectious disease, if uncontrolled",
    ):
        assert _verdict(rule, _hiv(), "exclusion") != "not met", rule
    diabetes = _patient(conditions=[{"name": "type 2 diabetes", "status": "controlled"}])
    rule = (
        "Diabetes mellitus, hypertension, or other chronic illness not controlled with medication"
    )
    assert _verdict(rule, diabetes, "exclusion") != "not met"


def test_review_not_amenable_to_a_list_denies_the_whole_list():
    for text in (
        "Locally advanced breast cancer not amenable to surgery, radiotherapy or systemic "
        "chemotherapy with curative intent",
        "HR-positive, HER2-negative advanced breast cancer not amenable to curative treatment by "
        "surgery or radiotherapy, or to anthracycline-based chemotherapy",
    ):
        got = [c["neg"] for c in _checks(text) if c.get("value") == "chemotherapy"]
        assert got in ([], [True]), text
    must = _checks(
        "Unresectable locally advanced or metastatic HER2-negative breast cancer not amenable to "
        "resection with curative intent, and must have received prior CDK4/6 inhibitor"
    )
    assert [c["neg"] for c in must if c.get("value") == "CDK4/6 inhibitor"] == [False]


def test_review_de_novo_beside_a_relapse_with_its_own_condition_stays_a_way_in():
    got = _checks(
        "Relapsed within 12 months of adjuvant endocrine therapy or de novo metastatic disease"
    )
    assert [c["type"] for c in got if c["type"] == "de_novo"] == ["de_novo"]


def test_review_a_doctors_call_keeps_a_clause_with_a_way_in_of_its_own():
    from .test_cohort_scoping import fit, person

    rule = (
        "Inclusion Criteria:\n\n* Endocrine resistant disease per investigator assessment and "
        "received at least one line of endocrine therapy for advanced disease or relapse during or "
        "within 12 months of adjuvant endocrine therapy\n"
    )
    assert fit(rule, person(lines=0, lines_done=0)) != "unlikely"


def test_review_suspected_spread_of_a_known_cancer_is_for_people_with_mbc():
    for summary in (
        "Patients with suspected or histologically confirmed recurrent breast cancer.",
        "This study enrolls patients with metastatic breast cancer and patients with suspected "
        "metastases to evaluate uptake.",
        "Patients with suspected recurrence or metastasis of breast cancer, or with known "
        "metastatic breast cancer undergoing restaging, will be included.",
        "Patients with suspected further metastatic spread of known metastatic breast cancer.",
        "Patients with suspected new metastases of breast cancer.",
        "This study evaluates FES PET/CT in patients with suspected metastatic breast cancer "
        "progression to guide therapy choice.",
    ):
        assert not gates(_trial(summary))["suspected_only"], summary


def test_review_people_named_by_what_they_had_are_the_whole_population():
    got = _checks(
        "Patients with HR-positive, HER2-negative metastatic breast cancer who have received prior "
        "CDK4/6 inhibitor therapy"
    )
    assert not any(c.get("premise") for c in got)


def test_review_below_one_percent_said_of_another_marker_is_not_er():
    from mbcnav.trials.receptors import er_low_wording

    for text in (
        "Triple negative breast cancer (ER-negative, PR < 1%, HER2-negative)",
        "Triple-negative breast cancer, HER2-negative (IHC 0 or 1+, or <1% of cells), ER-negative",
        "TNBC with PD-L1 CPS < 1%",
    ):
        assert "er_below_1" not in er_low_wording(text), text
    for text in ("TNBC: ER < 1% and PR < 1%", "ER and PR < 1%", "ER/PR <1%"):
        assert er_low_wording(text) == {"er_below_1": True}, text


def test_a_treatment_someone_is_scheduled_for_is_no_history():
    # NCT04986579 (held-out set 107, read after it was measured)
    assert not [
        c
        for c in _checks(
            "Subjects who are scheduled for bone marrow ablation chemotherapy.", "exclusion"
        )
        if c.get("value") == "chemotherapy"
    ]
    # a treatment had, said before the plan, is still one had
    assert [
        c["value"]
        for c in _checks("Prior chemotherapy for metastatic disease")
        if c.get("value") == "chemotherapy"
    ] == ["chemotherapy"]
