"""Thirty-third-session wordings (issue 14), read from the tuning set 90 (trials outside the
snapshot). Each test names the record its wording comes from and is checked both ways."""

from mbcnav.trials.cohorts import cohort_of
from mbcnav.trials.match import verdict
from mbcnav.trials.split import split

from . import people
from .one_criterion import checks, parsed


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def test_other_than_a_her2_list_names_what_the_rule_is_not_about():
    """NCT06676436: "Patients with recurrent disease with a primary tumor showing a different
    pattern of receptors (i.e. initial BC other than ER >= 1% and HER2 negative (IHC 0, 1+ or
    2+/ISH negative)": a HER2-low cancer is what the trial takes, a HER2-positive one is not."""
    text = (
        "Patients with recurrent disease with a primary tumor showing a different pattern of "
        "receptors (i.e. initial BC other than ER ≥ 1% and HER2 negative (IHC 0, 1+ or 2+/ISH "
        "negative);"
    )
    assert _verdict(text, people.facts(her2="low"), "exclusion") != "not met"
    assert _verdict(text, people.facts(her2="zero"), "exclusion") != "not met"
    assert _verdict(text, people.facts(her2="positive"), "exclusion") == "not met"
    # the same list with no "other than" asks for HER2-negative disease, as before
    plain = "HER2 negative (IHC 0, 1+ or 2+/ISH negative) breast cancer"
    assert _verdict(plain, people.facts(her2="positive")) == "not met"
    assert _verdict(plain, people.facts(her2="low")) != "not met"


def test_a_population_label_names_a_group_of_the_study():
    """NCT06745804: "1. Breast Cancer Eligibility: * Population 1: ... * Population 3: ...": each
    population is a group one may fit; a label carried in front stays out of the way."""
    assert cohort_of("Population 3: Study Participants with ER positive disease") == ["3"]
    assert cohort_of("1. Breast Cancer Eligibility: Population 3: Participants with ...") == ["3"]
    assert cohort_of("Substudy 1, 2, 3 and Dose expansion Each patient must meet all") is None
    assert cohort_of("Prior therapy: at least one line of endocrine therapy") is None
    assert cohort_of("Patients with a population of cells ...") is None


def test_ineligible_for_another_group_does_not_deny_what_stands_before_it():
    """NCT06745804: "... (ER and/or PR) positive and HER2 negative breast adenocarcinoma who are
    ineligible for Population 1 or 2": HR-positive disease is asked for; "... are ineligible for
    this study" still denies."""
    text = (
        "Study Participants with pathologically confirmed, estrogen and/or progesterone receptor "
        "(ER and/or PR) positive and HER2 negative breast adenocarcinoma who are ineligible for "
        "Population 1 or 2."
    )
    got = {(c["type"], c.get("value"), c.get("neg")) for c in checks(text)}
    assert ("receptor", "hr-positive", False) in got
    assert ("receptor", "her2-negative", False) in got
    assert _verdict(text, people.facts(hr="negative")) == "not met"
    assert _verdict(text, people.facts(hr="positive", her2="low")) != "not met"
    denied = checks("Patients with brain metastases are ineligible.", "exclusion")
    assert any(c["type"] == "brain" for c in denied)


def test_an_abbreviation_in_brackets_does_not_hide_a_receptor():
    """ "estrogen and/or progesterone receptor (ER and/or PR) positive" reads as HR-positive, as
    "estrogen receptor (ER) positive" always did."""
    for text in (
        "Participants with estrogen and/or progesterone receptor (ER and/or PR) positive disease",
        "estrogen receptor (ER) positive breast cancer",
    ):
        assert _verdict(text, people.facts(hr="negative")) == "not met"
        assert _verdict(text, people.facts(hr="positive")) != "not met"


def test_numbered_items_hold_their_starred_sub_items_on_one_line():
    """NCT06745804 as a web page gives it: "Inclusion Criteria: 1. Breast Cancer Eligibility: *
    Population 1: ... * Population 3: ... who are ineligible for Population 1 or 2. 2. At least
    one target or non-target lesion per RECIST": item 2 is its own rule, not the end of
    Population 3."""
    raw = (
        "Inclusion Criteria: 1. Breast Cancer Eligibility: * Population 1: ER positive disease. "
        "* Population 2: ER positive and HER2 negative disease. * Population 3: Participants who "
        "are ineligible for Population 1 or 2. 2. At least one target or non-target lesion per "
        "RECIST 3. ECOG 0-1."
    )
    texts = [c.text for c in split(raw)]
    assert any(t.startswith("At least one target") for t in texts)
    assert any(t.endswith("Population 1 or 2.") for t in texts)
    assert sum("Population" in t for t in texts) == 3
    # a run of numbers inside one sentence is not cut ("ECOG 0 or 1. 2. Age" has no stars)
    assert len(split("Inclusion Criteria: 1. ECOG 0 or 1. 2. Age over 18.")) == 2


def test_items_under_a_stem_end_at_the_first_that_ends_its_sentence():
    """NCT02229136 as a web page gives it: "Postmenopausal status, defined either by:" over bare
    options, the last ending "...;", then the list's own items at the same indent ("- Planned
    treatment with an aromatase inhibitor ...;", "- Adequate bone marrow function ...")."""
    raw = (
        "Inclusion Criteria:\n- Age ≥ 18 years;\nPostmenopausal status, defined either by:\n"
        "- Age ≥ 55 years and ≥ 1 year of amenorrhea\n"
        "- Surgical menopause with bilateral oophorectomy;\n"
        "- Planned treatment with an aromatase inhibitor plus everolimus;\n"
        "- Adequate bone marrow function: ANC ≥1.5 x 10^9/L;\n"
    )
    got = split(raw)
    options = [c for c in got if c.any_of]
    assert len(options) == 2
    assert all(c.text.startswith("Postmenopausal status") for c in options)
    assert any(c.text.startswith("Planned treatment") and not c.any_of for c in got)
    # items that all end their sentence keep their stem to the end
    raw2 = (
        "Inclusion Criteria:\nPrior treatment with:\n- a taxane;\n- an anthracycline;\n"
        "- capecitabine;\n"
    )
    assert all(c.text.startswith("Prior treatment with") for c in split(raw2))


def test_a_target_or_non_target_lesion_is_any_disease():
    """NCT06745804: "At least one target or non-target lesion per RECIST": disease that cannot be
    measured counts too, so no one is ruled out for lack of a measurable tumor."""
    text = "At least one target or non-target lesion per RECIST"
    assert _verdict(text, people.facts(measurable=False)) != "not met"
    assert _verdict(
        "At least one measurable lesion per RECIST", people.facts(measurable=False)
    ) == ("not met")


def test_a_permission_for_early_treatment_keeps_the_denial_for_metastatic_treatment():
    """NCT05609903 (last session's held-out set 89, read after it was measured): "No prior
    chemotherapy, experimental or targeted systemic therapy for inoperable locally advanced or
    metastatic TNBC. Prior chemotherapy (including taxanes) in the neoadjuvant or adjuvant
    setting is allowable if ...": chemotherapy for the spread rules out, adjuvant does not."""
    from mbcnav.trials.facts import DrugFact

    text = (
        "No prior chemotherapy, experimental or targeted systemic therapy for inoperable locally "
        "advanced or metastatic TNBC. Prior chemotherapy (including taxanes) in the neoadjuvant "
        "or adjuvant setting is allowable if treatment was completed ≥12 months prior to enter "
        "the compassionate use program"
    )
    tnbc = {"hr": "negative", "her2": "zero"}
    paclitaxel = ["paclitaxel", "chemotherapy", "taxane"]
    metastatic = people.facts(
        **tnbc, drugs=[DrugFact("paclitaxel", paclitaxel, settings=["metastatic"])]
    )
    adjuvant = people.facts(
        **tnbc,
        drugs=[DrugFact("paclitaxel", paclitaxel, settings=["adjuvant"], end="2023-01-01")],
    )
    assert _verdict(text, metastatic) == "not met"
    assert _verdict(text, adjuvant) != "not met"
    assert _verdict(text, people.facts(**tnbc)) != "not met"


def test_a_bracket_that_takes_any_menopausal_status_keeps_the_rule_for_women():
    """NCT01553903 (last session's held-out set 89): "Women of more than 18 years old (menopause
    or not)." is for women; the bracket only says any menopausal status will do."""
    text = "Women of more than 18 years old (menopause or not)."
    assert _verdict(text, people.facts(sex="male", age=63)) == "not met"
    assert _verdict(text, people.facts(sex="female", age=63)) == "met"
    assert _verdict(
        "Women (pre- or postmenopausal) aged 18 or older", people.facts(sex="male")
    ) == ("not met")


def test_a_count_in_brackets_takes_its_setting_from_the_bracket():
    """NCT06745804: "... recurrent or metastatic breast cancer that is refractory to endocrine
    therapy (progression on at least one line of endocrine therapy and ...)": relapse on adjuvant
    hormone therapy may be that line, so no "not met" for it; a count that says "in the
    metastatic setting" inside its bracket still counts metastatic lines only."""
    from mbcnav.trials.facts import DrugFact

    text = (
        "Pathologically confirmed ER and/or PR positive, locoregionally recurrent or metastatic "
        "breast cancer that is refractory to endocrine therapy (progression on at least one line "
        "of endocrine therapy and determined by the investigator that Study Participant would not "
        "benefit from additional endocrine therapy)"
    )
    ai = ["anastrozole", "endocrine therapy", "aromatase inhibitor"]
    relapsed = people.facts(
        drugs=[
            DrugFact("anastrozole", ai, settings=["adjuvant"], progressed=True, end="2022-05-09")
        ]
    )
    assert _verdict(text, relapsed) == "unknown"
    assert _verdict(text, people.facts()) == "not met"
    inside = (
        "Metastatic breast cancer (progression on at least one line of endocrine therapy in the "
        "metastatic setting)"
    )
    assert _verdict(inside, relapsed) == "not met"


# ------------------------------------------------------------------ first review (session 33)


def test_other_than_about_a_therapy_does_not_flip_a_her2_list():
    """First review: "No systemic therapy other than endocrine therapy for HER2-negative (IHC 0,
    1+ or 2+/ISH-negative) advanced breast cancer" was not met for HER2-low."""
    text = (
        "No systemic therapy other than endocrine therapy for HER2-negative (IHC 0, 1+ or "
        "2+/ISH-negative) advanced breast cancer"
    )
    assert _verdict(text, people.facts(her2="low")) != "not met"
    assert _verdict(text, people.facts(her2="positive")) == "not met"
    exc = (
        "Prior treatment with any therapy other than tamoxifen in patients with HER2-negative "
        "(IHC 0, 1+ or 2+/ISH-negative) disease"
    )
    assert _verdict(exc, people.facts(her2="positive"), "exclusion") != "not met"


def test_a_middle_option_that_ends_its_sentence_keeps_the_options_open():
    """First review: "Postmenopausal status, defined either by:" over a bare option, one ending
    with "." and more bare options: every one stays an option."""
    raw = (
        "Inclusion Criteria:\n- Age ≥ 18 years;\nPostmenopausal status, defined either by:\n"
        "- Prior bilateral oophorectomy\n"
        "- Age < 60 years and amenorrhea for 12 months or more in the absence of chemotherapy, "
        "tamoxifen, or ovarian suppression.\n"
        "- Age ≥ 60 years\n"
        "- Planned treatment with letrozole;\n"
    )
    got = split(raw)
    assert sum(1 for c in got if c.any_of) >= 3
    assert any(c.text.endswith("Age ≥ 60 years") and c.any_of for c in got)


def test_not_eligible_for_this_trial_keeps_its_denial():
    """First review: "HER2-positive tumours are not eligible for this phase II trial" lost its
    denial; "not eligible for surgery" still describes the people."""
    text = (
        "Histologically confirmed ER-positive breast cancer. HER2-positive tumours are not "
        "eligible for this phase II trial"
    )
    assert _verdict(text, people.facts(her2="low")) != "not met"
    assert _verdict(text, people.facts(her2="positive")) == "not met"


def test_non_target_in_a_denial_keeps_the_measurable_rule():
    """First review: "At least one measurable lesion per RECIST 1.1 that can be selected as a
    target lesion; patients with only non-target lesions are not eligible"."""
    text = (
        "At least one measurable lesion per RECIST 1.1 that can be selected as a target lesion; "
        "patients with only non-target lesions are not eligible"
    )
    assert _verdict(text, people.facts(measurable=False)) == "not met"


def test_a_count_in_brackets_keeps_the_sentences_setting_otherwise():
    """First review: "Metastatic breast cancer previously treated (no more than 1 prior line of
    endocrine therapy)": the count is of metastatic lines, as the sentence says."""
    from mbcnav.trials.facts import DrugFact

    text = (
        "Metastatic breast cancer previously treated (no more than 1 prior line of endocrine "
        "therapy)"
    )
    checks_ = [c for c in checks(text) if c["type"] == "lines"]
    assert checks_ and checks_[0]["metastatic"] is True
    ai = ["anastrozole", "endocrine therapy", "aromatase inhibitor"]
    f = people.facts(
        lines=1,
        lines_done=1,
        line_labels=[["letrozole", "endocrine therapy"]],
        drugs=[DrugFact("anastrozole", ai, settings=["adjuvant"], end="2020-01-01")],
    )
    # one metastatic hormone line: within "no more than 1"; the adjuvant one is not counted
    assert _verdict(text, f) == "met"


# ------------------------------------------------------------------ final review (session 33)


def test_final_review_options_close_before_a_criterion_of_its_own():
    raw = (
        "Inclusion Criteria:\nPostmenopausal status, defined by either:\n"
        "- Prior bilateral oophorectomy\n- Age ≥ 60 years.\n- HER2-negative disease\n"
        "- ECOG performance status 0 or 1\n"
    )
    got = split(raw)
    assert any(c.text == "HER2-negative disease" and not c.any_of for c in got)
    assert any(c.text.startswith("ECOG") and not c.any_of for c in got)


def test_final_review_other_than_another_cancer_does_not_flip_a_her2_list():
    text = (
        "No invasive malignancy other than breast cancer, and HER2-negative (IHC 0, 1+ or "
        "2+/ISH-negative) disease by local testing"
    )
    assert _verdict(text, people.facts(her2="low")) != "not met"
    assert _verdict(text, people.facts(her2="positive")) == "not met"


def test_final_review_a_ban_after_a_semicolon_with_its_own_subject_stops_there():
    for text in (
        "Hormone receptor-positive breast cancer; HER2-positive disease is not eligible",
        "ER-positive breast cancer; HER2-positive tumours are ineligible for the present study",
    ):
        assert _verdict(text, people.facts(hr="positive", her2="low")) != "not met", text
        assert _verdict(text, people.facts(hr="positive", her2="positive")) == "not met", text


# ------------------------------------------------- held-out set 92, read after it was measured


def test_a_rule_for_patients_on_a_drug_is_for_them_only():
    """NCT00499525: "Stable INR required for patients on warfarin"."""
    text = "Stable INR required for patients on warfarin"
    assert _verdict(text, people.facts()) != "not met"
    assert [c.get("premise") for c in checks(text) if c["type"] == "therapy"] == [True]


def test_local_disease_described_is_not_asked_for():
    """NCT00499525: "Locally recurrent or metastatic disease" over "- Locally recurrent disease
    not amenable to resection with curative intent": metastatic disease meets it."""
    text = "Locally recurrent disease not amenable to resection with curative intent"
    assert _verdict(text, people.facts(sites=["bone", "liver"])) != "not met"


def test_no_evidence_of_disease_said_of_allowed_brain_metastases():
    """NCT00499525: "Previously treated brain metastases allowed provided at least 3 months since
    prior definitive therapy (including steroids) AND no evidence of disease": growing disease
    elsewhere does not rule out."""
    text = (
        "Previously treated brain metastases allowed provided at least 3 months since prior "
        "definitive therapy (including steroids) AND no evidence of disease"
    )
    assert not any(c["type"] == "no_evidence_of_disease" for c in checks(text))
    assert any(c["type"] == "no_evidence_of_disease" for c in checks("No evidence of disease"))


def test_last_review_options_that_begin_with_prior_or_brain_stay_options():
    raw = (
        "Inclusion Criteria:\nPostmenopausal status, defined by either:\n"
        "- Age ≥ 60 years.\n- Prior bilateral oophorectomy\n- Age < 60 with amenorrhea\n"
    )
    assert all(c.any_of for c in split(raw) if c.text.startswith("Postmenopausal"))
    assert sum(1 for c in split(raw) if c.any_of) == 3
