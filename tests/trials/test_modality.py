"""Modality: a concept mentioned in a criterion is not always what it requires (registry wording)."""

import pytest

from mbcnav.trials.modality import modality, soften


@pytest.mark.parametrize(
    "text,kind,want",
    [
        (
            "Any line of prior treatments (hormonal therapy and chemotherapy) is permitted",
            "inclusion",
            "permitted",
        ),
        (
            "Dose-escalation part: patients do not need to have measurable disease by RECIST 1.1",
            "inclusion",
            "permitted",
        ),
        (
            "Treating physician considers patient well enough for standard chemotherapy",
            "inclusion",
            "judgement",
        ),
        ("Is a chemotherapy candidate", "inclusion", "judgement"),
        (
            "Participant ineligible for endocrine therapy per the investigator's judgment",
            "inclusion",
            "judgement",
        ),
        (
            "Patient's tumor tissue (archival or fresh) is available to be sent to a central laboratory for PIK3CA testing.",
            "inclusion",
            "procedure",
        ),
        (
            "Prior or current enrollment in any interventional clinical trial for ABC/MBC.",
            "exclusion",
            "procedure",
        ),
        (
            "If subjects received prior chemotherapy for metastatic disease, they should have documented radiographic progression.",
            "inclusion",
            "conditional",
        ),
        (
            "Previous therapy: Group 2 - prior CPI: Subjects with either ESCC or AC of the esophagus or GEJ who must not have had more than 2 prior lines",
            "inclusion",
            "other_cancer",
        ),
        (
            "For the Esophageal Cohort Expansion: Patients must have measurable disease per RECIST 1.1",
            "inclusion",
            "other_cancer",
        ),
        ("Patients must have measurable disease per RECIST 1.1", "inclusion", "required"),
        ("Prior CDK4/6 inhibitor therapy is not allowed", "exclusion", "required"),
        (
            "Participants with confirmed positive PIK3CA mutation status prior to study entry.",
            "inclusion",
            "required",
        ),
        ("History of another malignancy such as lymphoma within 5 years", "exclusion", "required"),
        ("Lung metastases from breast cancer must be measurable", "inclusion", "required"),
    ],
)
def test_modality_of_real_registry_wording(text, kind, want):
    assert modality(text, kind) == want


def test_only_a_required_rule_can_be_not_met():
    for mode in ("permitted", "judgement", "procedure", "conditional"):
        v, why, settle = soften("not met", "You had no chemotherapy.", "", mode)
        assert v == "unknown" and why.endswith("You had no chemotherapy.")
    assert soften("not met", "x", "", "required")[0] == "not met"
    assert soften("not met", "x", "", "other_cancer")[0] == "met"
    assert soften("met", "x", "", "judgement")[0] == "met"


def test_an_allowance_in_a_later_sentence_leaves_the_requirement():
    text = (
        "Previously received a CDK4/6 inhibitor in combination with an endocrine therapy in the "
        "advanced setting. One additional line of ET as a monotherapy is allowed."
    )
    assert modality(text, "inclusion") == "required"
