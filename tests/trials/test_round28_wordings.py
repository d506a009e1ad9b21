"""Seventh-session wordings (issue 14), each from real registry text: a stem that only says "all
the following must be met" adds nothing to its items; "have not received more than 4" is a
ceiling; "ECOG 0-1 (or 0-2 as allowed)" widens; a "(Phase II only)" rule cannot rule anyone
out; "<rule> in TN and HER2+ patients" binds those subtypes only; "HER2/neu-negative" is a
HER2 result; the state of brain metastases is no need to have them; "measurable or bone-only";
any earlier treatment for the cancer; "progressed past first line"."""

from pathlib import Path

from mbcnav.trials.line_checks import lines_checks
from mbcnav.trials.match import verdict
from mbcnav.trials.modality import modality
from mbcnav.trials.performance_status import ecog_allowed
from mbcnav.trials.population import subtypes_named
from mbcnav.trials.split import split

from .one_criterion import chart as facts
from .one_criterion import checks, parsed

# charts of blind set 18 kept in the repository: m01 HER2 IHC 0 (HR+), m04 HER2-positive
HER2_ZERO = Path(__file__).parents[2] / "bench/data/mbc_screening_blind18/patients/m01.yaml"
HER2_POSITIVE = Path(__file__).parents[2] / "bench/data/mbc_screening_blind18/patients/m04.yaml"


def test_a_stem_that_only_asks_for_all_items_adds_nothing():
    text = (
        "Inclusion Criteria:\n\n* A patient will be considered for enrollment in this study if "
        "all the following criteria are met:\n\n  1. Female patients >= 18 years of age\n"
        "  2. No ongoing requirement for dexamethasone or anti-epileptic drugs\n"
        "* Patients with brain metastases must meet the following:\n  1. treated\n"
    )
    texts = [c.text for c in split(text)]
    assert texts[1] == "No ongoing requirement for dexamethasone or anti-epileptic drugs"
    assert texts[2].startswith("Patients with brain metastases must meet the following:")
    dex = checks(texts[1])
    assert dex and dex[0]["neg"]  # the denial is kept: no "if" of the stem in front of it


def test_not_more_than_n_lines_is_a_ceiling():
    (c,) = lines_checks(
        "Have not received more than 4 prior chemotherapy regimens for metastatic disease."
    )
    assert (c["min"], c["max"]) == (None, 4)
    (c,) = lines_checks("More than 2 prior lines of chemotherapy")
    assert (c["min"], c["max"]) == (3, None)


def test_an_ecog_range_widened_by_or():
    assert ecog_allowed("ECOG performance status 0-1 (or 0-2 as allowed).") == [0, 1, 2]
    assert ecog_allowed("ECOG 0-1 or Karnofsky 70") == [0, 1]
    assert ecog_allowed("ECOG 0-1") == [0, 1]


def test_a_phase_only_rule_cannot_rule_anyone_out():
    text = (
        "A diagnosis of TNBC confirmed histologically and defined as ER/PR IHC positivity rate "
        "of <10% and Her2/neu-negative. (Phase II and Parallel Baseline Arm only)"
    )
    assert modality(text, "inclusion") == "conditional"
    # a cohort or part label is read as a rule for the person (the labelled sets do)
    assert modality("Part B only: Participants must have measurable disease", "inclusion") != (
        "conditional"
    )
    crit = parsed(text)
    assert verdict(crit, facts(HER2_ZERO))["verdict"] != "not met"


def test_a_rule_for_named_subtypes_binds_only_them():
    text = "Radiographic evidence of stage IV extracranial disease in TN and HER2+ patients"
    found = checks(text)
    assert {c["value"] for c in found if "sub_premise" in c} == {"triple-negative", "her2-positive"}
    crit = parsed(text)
    zero = facts(HER2_ZERO)  # HR-positive, HER2 0: neither subtype
    assert verdict(crit, zero)["verdict"] != "not met"
    # HR+/HER2- is one subtype (both receptors); its rule binds an HR+/HER2 0 person
    text = (
        "Radiographic evidence of stage IV extracranial disease having progressed past first "
        "line therapy in HR+/HER2- patients"
    )
    found = checks(text)
    lines = [c for c in found if c["type"] == "lines"]
    assert lines and lines[0]["min"] == 1 and lines[0].get("sub_rule")
    assert {c.get("sub_alt") for c in found if "sub_premise" in c} == {0}


def test_her2_neu_negative_in_a_title_is_a_her2_result():
    named = subtypes_named(
        "Sarilumab Plus Capecitabine in HER2/Neu-Negative Metastatic Breast Cancer and in "
        "Stage I-III Triple Negative Breast Cancer"
    )
    assert any(hr is None and her2 and "low" in her2 for hr, her2 in named)


def test_the_state_of_brain_metastases_is_no_need_to_have_them():
    (brain,) = [
        c for c in checks("Brain metastases which have been treated") if c["type"] == "brain"
    ]
    assert brain["allowed"]
    (brain,) = [
        c
        for c in checks("Patients must have brain metastases which have been treated with SRS")
        if c["type"] == "brain"
    ]
    assert not brain["allowed"]


def test_measurable_or_bone_only_disease_is_no_measurable_requirement():
    text = "At least one measurable lesion or bone-only disease (osteolytic or mixed) according to RECIST v1.1"
    # bone-only disease is the other way in (session 25: a check that knows it)
    (c,) = [c for c in checks(text) if c["type"] == "measurable"]
    assert c["or_bone_only"] is True
    assert [
        c
        for c in checks("At least one measurable lesion per RECIST v1.1")
        if c["type"] == "measurable"
    ]


def test_any_earlier_treatment_for_the_cancer():
    (c,) = checks("Previous or on going treatment for the breast cancer", "exclusion")
    assert c["type"] == "ever_treated" and not c["neg"]
    (c,) = [
        x for x in checks("Breast cancer treatment not yet started") if x["type"] == "ever_treated"
    ]
    assert c["neg"]
    treated = facts(HER2_POSITIVE)  # a chart with systemic treatment
    crit = parsed("Previous or on going treatment for the breast cancer", "exclusion")
    assert verdict(crit, treated)["verdict"] == "not met"
