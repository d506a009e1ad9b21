"""Seventh-session wordings read after held-out set 21 was measured (issue 14), each from real
registry text: population headings scope their items; "X and Y are the sole sites" names the
only sites allowed; a setting word that names a scan; "non-liver lesion" and "non-Luminal A";
a cut-off ECOG range and an unread lab number; an evaluable-disease stem; "For randomized
patients only"; "metastatic ..., or locally recurrent"."""

import pytest

from mbcnav.trials.criteria import parse_criteria
from mbcnav.trials.match import verdict
from mbcnav.trials.modality import modality
from mbcnav.trials.split import split
from mbcnav.trials.wording import rx

from .one_criterion import HER2_POSITIVE, HR_POSITIVE, checks, parsed
from .one_criterion import chart as facts

BONE_LIVER = HR_POSITIVE  # spread to liver and bone
LIVER_LUNG_BRAIN = HER2_POSITIVE  # spread to liver, lung and brain


def test_a_population_heading_scopes_its_items():
    text = (
        "Inclusion Criteria:\n\nFor participants with non-metastatic invasive breast cancer:\n\n"
        "* Stage I-III breast cancer\n* No prior chemotherapy\n\n"
        "For participants with metastatic breast cancer:\n\n* ECOG 0-1\n"
    )
    found = split(text)
    assert [c.text.split(":")[0] for c in found] == [
        "For participants with non-metastatic invasive breast cancer",
        "For participants with non-metastatic invasive breast cancer",
        "For participants with metastatic breast cancer",
    ]
    metastatic = facts(BONE_LIVER)
    verdicts = [verdict(c, metastatic)["verdict"] for c in parse_criteria(found)]
    assert "not met" not in verdicts  # the early-cancer items are not this person's rules


def test_an_ordinary_line_ending_in_a_colon_is_no_population_heading():
    text = "Inclusion Criteria:\n\n* Adequate organ function defined as:\n  * ANC >= 1.5\n"
    assert not any(c.text.startswith("For ") for c in split(text))


@pytest.mark.parametrize(
    "path,expected",
    [(BONE_LIVER, "met"), (LIVER_LUNG_BRAIN, "not met")],
)
def test_the_sole_sites_are_the_only_sites_allowed(path, expected):
    crit = parsed("Bone and liver metastases are the only sites of disease")
    (only,) = [c for c in crit["checks"] if c["type"] == "sites_only"]
    assert only["values"] == ["bone", "liver"]  # bone has no check of its own, still counted
    assert verdict(crit, facts(path))["verdict"] == expected


def test_a_setting_word_naming_a_scan_is_no_requirement():
    text = "Metastatic setting 18F-FDG PET/ceCT indicating that the lesions cannot be biopsied"
    assert not [c for c in checks(text) if c["type"] == "setting"]
    assert [c for c in checks("Metastatic setting confirmed") if c["type"] == "setting"]


def test_a_lesion_outside_a_site_and_non_luminal_give_no_check():
    assert not checks("At least one non-liver metastatic lesion of >= 15 mm")
    found = checks("Tumors must be non-Luminal A by a gene expression test")
    assert not [c for c in found if c["type"] in ("receptor", "subtype")]


def test_a_cut_off_ecog_range_and_an_unread_lab_number_give_no_check():
    assert not [c for c in checks("ECOG performance status (PS) 0 to") if c["type"] == "ecog"]
    assert not [c for c in checks("Total bilirubin ~1.5 x ULN") if c["type"] == "lab"]
    (lab,) = [c for c in checks("Total bilirubin <= 1.5 x ULN") if c["type"] == "lab"]
    assert (lab["op"], lab["limit"]) == ("<=", 1.5)


def test_an_evaluable_disease_stem_makes_its_items_the_ways_in():
    text = (
        "Inclusion Criteria:\n\n* Evaluable disease (measurable or non-measurable):\n"
        "  * Measurable disease, ie, at least one lesion per RECIST 1.1\n"
        "  * Patients with bone only disease allowed if lytic\n"
    )
    crits = parse_criteria(split(text))
    assert len(crits) == 2
    assert all(c.get("any_of") for c in crits)  # either item will do


def test_a_rule_for_randomized_patients_only_cannot_rule_anyone_out():
    text = "For randomized patients only: tumors must be non-Luminal A by a gene test"
    assert modality(text, "inclusion") == "conditional"
    assert modality("Randomized patients must have measurable disease", "inclusion") != (
        "conditional"
    )


def test_metastatic_or_locally_recurrent_is_no_local_requirement():
    text = "Metastatic ER+ breast cancer, or with locally recurrent ER+ disease"
    assert rx("locoregional.or_metastatic").search(text)
    assert not [c for c in checks(text) if c["type"] == "setting" and c["value"] != "metastatic"]
    assert verdict(parsed(text), facts(BONE_LIVER))["verdict"] != "not met"
