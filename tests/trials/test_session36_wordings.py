"""Thirty-sixth-session wordings (issue 14): an S1 left by the last session's review and the
wordings read from the tuning sets. Each test is checked both ways."""

from .test_session35_wordings import _patient, _verdict

#: one metastatic line of paclitaxel
PACLITAXEL = [
    {"drugs": ["paclitaxel"], "setting": "metastatic", "start": "2024-04-01", "end": "2024-10-01"}
]


def _her2(score: str):
    return _patient(receptors={"er": "positive", "pr": "positive", "her2": score})


def test_no_or_low_her2_expression_is_one_quantity_not_a_denial():
    text = "No or low HER2 expression (IHC 0, 1+ or 2+/ISH-)"
    for score in ("IHC 0", "IHC 1+", "IHC 2+ ISH negative"):
        assert _verdict(text, _her2(score)) == "met", score
    for score in ("IHC 3+", "IHC 2+ ISH positive"):
        assert _verdict(text, _her2(score)) == "not met", score


def test_no_or_minimal_prior_therapy_stays_a_limit():
    # the pseudo-negation is only for an amount of expression, not for treatment
    chemo = _patient(treatments=PACLITAXEL)
    assert _verdict("No or minimal prior chemotherapy for metastatic disease", _patient()) == "met"
    assert _verdict("No or minimal prior chemotherapy for metastatic disease", chemo) != "met"


def test_her2_0_written_as_a_digit_is_the_zero_category():
    text = "Documented HER2-low or HER2-0 status"
    assert _verdict(text, _her2("IHC 0")) == "met"
    assert _verdict(text, _her2("IHC 1+")) == "met"
    assert _verdict(text, _her2("IHC 3+")) == "not met"


def test_her2_0_in_a_list_of_scores_is_not_the_zero_category_alone():
    # "HER2 0 or 1+": a 1+ result must not be ruled out by reading "HER2 0" on its own
    assert _verdict("HER2 0 or 1+", _her2("IHC 1+")) != "not met"
    assert _verdict("HER2 0-1+ by IHC", _her2("IHC 1+")) != "not met"


def test_a_preference_after_especially_is_no_rule():
    text = (
        "Head and neck squamous cell cancer, Breast especially those with luminal B expression "
        "profile, ER positively, and high Ki67 expression"
    )
    tnbc = _patient(receptors={"er": "negative", "pr": "negative", "her2": "IHC 0"})
    assert _verdict(text, tnbc) != "not met"
    # the same receptor asked for plainly still rules out
    assert _verdict("Breast cancer, ER positive", tnbc) == "not met"


def test_a_lead_in_to_other_tumor_types_is_never_a_clear_not_met():
    text = "The following tumor types if tissues tests positive for CCND1 amplification;"
    tested = _patient(biomarkers={"PIK3CA": "not mutated", "ESR1": "not mutated"})
    assert _verdict(text, tested) == "unknown"


def test_at_least_one_measurable_focus_stated_first_is_a_requirement():
    text = (
        "Breast cancer confirmed by histology or cytology and meeting the following conditions: "
        "According to RECIST 1.1 standard, there is at least one measurable focus. For the "
        "lesions that have been treated with radiotherapy in the past, the lesions can be included "
        "in the measurable lesions only if the disease progression is clear after radiotherapy."
    )
    bone_only = _patient(metastases=[{"site": "bone", "date": "2024-03-01", "measurable": False}])
    liver = _patient(metastases=[{"site": "liver", "date": "2024-03-01", "measurable": True}])
    assert _verdict(text, bone_only) == "not met"
    assert _verdict(text, liver) == "met"


def test_a_history_of_cardiac_dysfunction_is_settled_by_heart_failure():
    text = "Participant has active cardiac disease or a history of cardiac dysfunction"
    failing = _patient(conditions=[{"name": "heart failure", "status": "controlled"}])
    assert _verdict(text, failing, "exclusion") == "not met"
    # "active or uncontrolled" alone stays with the study team for a controlled one
    text = "Active or uncontrolled cardiac disease, including heart failure"
    assert _verdict(text, failing, "exclusion") == "unknown"


def test_no_or_low_before_anything_but_her2_keeps_its_denial():
    # (first review: "no or low" is no pseudo-negation)
    chemo = _patient(treatments=PACLITAXEL)
    assert _verdict("No or low prior chemotherapy exposure", _patient()) == "met"
    assert (
        _verdict(
            "No or low dose steroids (prednisone 10 mg/day or less) for at least 2 weeks",
            _patient(),
        )
        == "met"
    )
    assert _verdict("No or very low HER2 expression", _her2("IHC 0")) == "met"
    assert _verdict("No or very low HER2 expression", _her2("IHC 3+")) == "not met"
    assert chemo is not None


def test_a_score_range_or_list_starting_at_her2_0_is_not_zero_alone():
    for text in (
        "HER2 0–1+",
        "HER2 0 - 1+",
        "HER2 0 (null) or 1+",
        "HER2 0 or HER2 1+",
        "HER2 0; 1+ allowed",
    ):
        assert _verdict(text, _her2("IHC 1+")) != "not met", text
    assert _verdict("HER2 0, HER2-ultralow or HER2-low", _her2("IHC 0")) == "met"


def test_a_preference_ends_where_the_rule_binds_again():
    none = _patient()
    for text in (
        "Metastatic breast cancer (preferably with bone metastases) and must have progressed on endocrine therapy",
        "Metastatic breast cancer, preferably with bone-only disease, who have progressed on prior endocrine therapy",
    ):
        assert _verdict(text, none) == "not met", text


def test_an_exclusions_lead_in_keeps_its_force():
    brain = _patient(metastases=[{"site": "brain", "date": "2025-12-01", "status": "active"}])
    text = "The following diseases are not permitted: active brain metastases or leptomeningeal disease"
    assert _verdict(text, brain, "exclusion") == "not met"
    text = "The following tumor types must be HER2-positive"
    assert _verdict(text, _her2("IHC 0")) == "not met"


def test_no_or_low_her2_in_other_orders_and_beside_other_rules():
    # (final review)
    for text in (
        "Low or no HER2 expression (IHC 0, 1+ or 2+/ISH-)",
        "No, ultralow or low HER2 expression",
        "Null or low HER2 expression",
        "HER2 expression: none or low (IHC 0, 1+ or 2+/ISH-)",
    ):
        assert _verdict(text, _her2("IHC 1+")) == "met", text
        assert _verdict(text, _her2("IHC 3+")) == "not met", text
    # another category named beside it keeps its own reading
    assert _verdict("HER2-positive disease or no or low HER2 expression", _her2("IHC 3+")) == "met"
    assert (
        _verdict("Tumors with no or low HER2 expression are not eligible", _her2("IHC 1+"))
        == "not met"
    )
    assert (
        _verdict("Tumors with no or low HER2 expression are not eligible", _her2("IHC 3+")) == "met"
    )
    assert (
        _verdict("No or low HER2 expression, as HER2-positive tumors are excluded", _her2("IHC 1+"))
        == "met"
    )


def test_her2_0_with_a_score_later_or_an_including_is_not_zero_alone():
    for text in (
        "HER2 0 status or HER2 1+",
        "HER2 0 status. HER2 1+ also allowed.",
        "HER2 0 expression (including ultralow)",
    ):
        assert _verdict(text, _her2("IHC 1+")) != "not met", text


def test_a_preference_ends_at_and_and_at_a_following_clause():
    none = _patient()
    for text in (
        "Metastatic breast cancer, preferably with bone metastases and should have received prior endocrine therapy",
        "Metastatic breast cancer, preferably with bone metastases, following progression on endocrine therapy",
    ):
        assert _verdict(text, none) == "not met", text


def test_parts_named_after_the_rule_are_cohorts():
    # held-out set 101, read after it was measured (NCT03595059)
    from mbcnav.trials.cohorts import cohort_of

    assert cohort_of(
        "Failure of at least 1 prior systemic chemotherapy including all available standard therapies for "
        "participants in the dose-escalation phase (Parts 1a and 1b)."
    ) == ["1a", "1b"]
    assert (
        cohort_of(
            "Measurable disease is required, except for participants in the expansion (Part 2)"
        )
        is None
    )
    assert cohort_of("Key inclusion criteria: age 18 or older") is None
    # ... not said before it: other cohorts' people may not be the person (all-sets run)
    assert (
        cohort_of("Patients in cohorts 1, 2, and 4 should have at least one relevant mutation")
        is None
    )
    assert cohort_of("Participants in Parts 1 and 2 must have HER2-positive breast cancer") is None


def test_an_investigator_who_assessed_the_patient_is_a_judgement():
    from mbcnav.trials.modality import modality

    text = (
        "The investigator assessed that the patient could not continue to benefit from endocrine therapy "
        "and was suitable for receiving first-line chemotherapy;"
    )
    assert modality(text, "inclusion") == "judgement"
    assert modality("Prior treatment with a CDK4/6 inhibitor", "inclusion") != "judgement"
    # a fact the doctor determined is still the fact (last review)
    text = "The treating physician has determined that the patient has HER2-positive metastatic breast cancer"
    assert modality(text, "inclusion") == "required"
