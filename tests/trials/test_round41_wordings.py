"""Eighteenth-session wordings (issue 14): earlier radiotherapy against the record's radiation
entries. Each test names the record or the shape its wording comes from; none is a whole trial."""

from mbcnav.trials.match import verdict

from . import people
from .one_criterion import checks, parsed
from .test_round40_wordings import _title_settings

BRAIN_SRS = [{"site": "brain (SRS, 2 lesions)", "start": "2025-11-06", "end": "2025-11-06"}]
WHOLE = [{"site": "whole brain (WBRT)", "start": "2025-12-20", "end": "2026-01-03"}]
BONE = [{"site": "T10 vertebra", "start": "2026-01-05", "end": "2026-01-09"}]
#: radiosurgery, CyberKnife or a skull bone are not the brain (review)
NOT_BRAIN = [
    {"site": "SRS to T12 vertebra", "start": "2025-03-01", "end": "2025-03-01"},
    {"site": "CyberKnife to liver lesion", "start": "2025-04-01", "end": "2025-04-05"},
    {"site": "cranial bone (skull) metastasis", "start": "2025-05-01", "end": "2025-05-10"},
]


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def test_brain_radiotherapy_in_the_record_settles_a_brain_radiotherapy_rule():
    """NCT05144867 "Prior Brain Radiotherapy" (exclusion) and NCT00875355 "No prior brain
    radiotherapy" (inclusion): a radiation entry to the brain settles them."""
    had = people.facts(radiation=BRAIN_SRS, as_of="2026-01-15")
    assert _verdict("Prior Brain Radiotherapy", had, "exclusion") == "not met"
    assert _verdict("No prior brain radiotherapy", had) == "not met"
    # radiation elsewhere, no entry at all, or a record that is not a patient file: unknown
    for radiation in (BONE, NOT_BRAIN, [], None):
        f = people.facts(radiation=radiation, as_of="2026-01-15")
        assert _verdict("Prior Brain Radiotherapy", f, "exclusion") == "unknown"
        assert _verdict("No prior brain radiotherapy", f) == "unknown"


def test_whole_brain_rules_tell_radiosurgery_from_whole_brain_radiation():
    text = "Prior whole brain radiotherapy"
    srs = people.facts(radiation=BRAIN_SRS, as_of="2026-01-15")
    assert _verdict(text, srs, "exclusion") == "unknown"
    whole = people.facts(radiation=WHOLE, as_of="2026-01-15")
    assert _verdict(text, whole, "exclusion") == "not met"
    plain = people.facts(radiation=[{"site": "brain", "start": "2025-06-01", "end": None}])
    assert _verdict(text, plain, "exclusion") == "unknown"  # whole brain or not: not stated


def test_a_window_is_left_to_the_study_team():
    text = "Received brain radiation in the past 2 weeks"
    recent = people.facts(radiation=WHOLE, as_of="2026-01-15")
    assert _verdict(text, recent, "exclusion") == "unknown"


def test_exceptions_doses_and_other_targets_stay_with_the_study_team():
    had = people.facts(radiation=BRAIN_SRS + BONE, as_of="2026-01-15")
    for text in (
        # times the parser does not read, and harms of radiation (review)
        "Radiotherapy to the brain in the last month",
        "No prior radiation to the brain for at least 28 days",
        "History of radiation necrosis of the brain",
        # words beyond a bare statement (review 2)
        "Recent brain radiotherapy",
        "Prior whole brain radiotherapy with progression of brain disease",
        "Brain radiotherapy still in progress",
        "Known brain metastases, unless treated with radiotherapy and stable for 4 weeks",
        "Prior radiotherapy to more than 25% of bone marrow",
        "Prior brain radiotherapy is allowed if completed 2 weeks before enrolment",
        "Prior radiotherapy to the target lesion",
    ):
        assert _verdict(text, had, "exclusion") != "not met", text
    refused = "Patients who have refused whole brain radiotherapy"
    whole = people.facts(radiation=WHOLE, as_of="2026-01-15")
    assert _verdict(refused, whole) != "met"
    scope = [c for c in checks("Prior radiotherapy to more than 25% of bone marrow", "exclusion")]
    assert scope and all(c.get("hedged") for c in scope if c["value"] == "radiation")


def test_a_denied_spread_is_no_advanced_setting():
    """NCT00089661 "... Aromatase Inhibitor Therapy for Non-metastatic Breast Cancer" (old set
    41, read after its measurement): a study for cancer that has not spread."""
    assert _title_settings(
        "AMG 162 in the Treatment of Bone Loss in Subjects Undergoing Aromatase Inhibitor "
        "Therapy for Non-metastatic Breast Cancer"
    ) == ["early"]
    # spread named beside it, or named otherwise, keeps the study open to metastatic disease;
    # "Locally Advanced" alone is how MBC trials title themselves too (review)
    for title in (
        "T-DXd in Locally Advanced or Metastatic HER2-low Breast Cancer",
        "Elacestrant in Locally Advanced Breast Cancer After a CDK4/6 Inhibitor",
        "Palliative Radiotherapy for Locally Advanced Breast Cancer",
        "Metastatic and Non-metastatic Breast Cancer Registry",
        "Breast Cancer With or Without Metastases: a Quality of Life Study",
        "Surgery of the Primary Tumour in De Novo Stage 4 Breast Cancer",
        "Exercise During Treatment for MBC",
        "Study of X in Advanced Breast Cancer",
    ):
        assert _title_settings(title) == ["metastatic"], title
