"""Ninth-session wordings (issue 14). "If given / if indicated / where applicable" is one wording
(``modality.if_needed``): anywhere in an inclusion it frees the treatment it names, and at the
end of a rule it makes the rule conditional, in that clause only. The words that turn a line
count into a ceiling ("... are not eligible") are data too (``lines.ruled_out``). Then the
wordings of tuning set 24."""

from mbcnav.trials.match import verdict
from mbcnav.trials.modality import modality, scope
from mbcnav.trials.parse import _EARLY
from mbcnav.trials.population import gates, subtype_list
from mbcnav.trials.record import Trial
from mbcnav.trials.wording import rx

from . import people
from .one_criterion import checks, parsed


def test_a_rule_that_ends_if_given_is_conditional_in_its_own_clause():
    text = "ECOG 0-1; completion of chemotherapy, if given."
    assert modality(text, "inclusion") == "conditional"
    lo, hi = scope(text, "conditional")
    assert text[lo:hi].startswith("completion of chemotherapy")
    assert "ECOG" not in text[lo:hi]


def test_if_needed_in_the_middle_does_not_make_the_rule_conditional():
    text = (
        "Participants must have received one or more lines. If applicable, the requirements "
        "for the food cohort are the same."
    )
    assert modality(text, "inclusion") == "required"
    assert modality("Prior chemotherapy is required", "inclusion") == "required"


def test_a_treatment_asked_for_if_given_is_no_requirement():
    for text in (
        "Prior adjuvant chemotherapy, if given, completed before enrolment",
        "Prior adjuvant chemotherapy, if clinically indicated, completed before enrolment",
    ):
        therapy = [c for c in checks(text) if c["type"] == "therapy"]
        assert therapy and all(c.get("allowed") for c in therapy)
    # without the words, the same treatment is asked for
    therapy = [c for c in checks("Completed adjuvant chemotherapy") if c["type"] == "therapy"]
    assert therapy and not any(c.get("allowed") for c in therapy)


def test_the_ceiling_words_read_the_counted_people_only():
    ruled_out = rx("lines.ruled_out")
    assert ruled_out.search("Patients with 2 or more prior lines will be excluded")
    # a ban on another drug beside the count says nothing about the count
    assert not ruled_out.search("At least 1 prior endocrine therapy; no prior chemotherapy allowed")
    text = "At least 1 prior endocrine therapy for advanced disease; no prior chemotherapy allowed"
    lines = [c for c in checks(text) if c["type"] == "lines"]
    assert all(c["min"] == 1 for c in lines)


# Set 24 (tuning set of the ninth session), each from real registry text.


def test_a_documented_history_of_her2_expression_lists_options():
    text = (
        "Has a documented history of HER2 expression consistent with the subgroup definitions "
        "(i.e., HER2-low, HER2-ultralow, HER2-null, HER2-positive, or TNBC)"
    )  # NCT06827236
    options = subtype_list(text)
    assert options and [None, ["zero"]] in options
    # a past status is still no option
    assert subtype_list("No history of HER2-positive or triple-negative breast cancer") is None


def test_any_other_adds_to_a_list_and_negates_nothing():
    text = "Previous use of capecitabine or any other drug for chemotherapy"
    assert not any(c.get("neg") for c in checks(text, "exclusion"))


def test_a_treatment_kind_named_as_the_role_of_listed_drugs_is_no_history():
    text = (
        "Previous use of capecitabine or liposome doxorubicin or any other tyrosine kinase "
        "inhibitor that may induce HFS (such as sorafenib, sunitinib, and apatinib) for "
        "chemotherapy"
    )  # NCT06602167
    values = [c["value"] for c in checks(text, "exclusion") if c["type"] == "therapy"]
    assert values == ["capecitabine", "pegylated liposomal doxorubicin"]


def test_no_previous_systematic_antitumor_therapy_for_advanced_disease_is_first_line():
    for text in (
        "No previous systematic antitumor therapy for locally advanced or metastatic breast "
        "cancer",  # NCT05851014
        "No prior systemic anti-cancer therapy for locally advanced or metastatic breast cancer",
    ):
        (c,) = [c for c in checks(text) if c["type"] == "lines"]
        assert (c["min"], c["max"]) == (None, 0)


def test_treatment_that_can_be_either_is_a_permission():
    text = "Systemic treatment can be either endocrine, targeted, chemotherapy or immune-checkpoint blockade"
    assert modality(text, "inclusion") == "permitted"


def test_a_marker_named_before_a_drug_word_is_the_drugs_target():
    text = (
        "Participants who received prior treatment with a programmed death-ligand 1 (PD-L1) / "
        "vascular endothelial growth factor (VEGF) bispecific antibody."
    )  # NCT06827236
    assert not [c for c in checks(text, "exclusion") if c["type"] == "biomarker"]
    # a result stays a result
    assert [c["value"] for c in checks("PD-L1 (22C3) CPS >= 10") if c["type"] == "biomarker"] == [
        "PD-L1"
    ]


def test_a_bracket_of_what_is_not_counted_names_no_requirement():
    text = (
        "Any anticancer therapy within 14 days prior to the first dose, including chemotherapy "
        "(anti-hormonal therapy given as adjuvant therapy for early stage, HR positive breast "
        "cancer is not considered cancer therapy for the purpose of this protocol)."
    )  # NCT07145255
    assert not [c for c in checks(text, "exclusion") if c["type"] in {"receptor", "subtype"}]


def test_an_exclusion_that_is_only_a_population_with_the_setting():
    (c,) = checks("Women with metastatic breast cancer", "exclusion")  # NCT06723899
    assert (c["type"], c["value"], c["neg"]) == ("setting", "metastatic", False)
    text = "Patients with metastatic disease received more than first-line endocrine therapy"
    assert not [c for c in checks(text, "exclusion") if c["type"] == "setting"]


def test_a_stage_that_will_enroll_some_tumours_binds_that_stage_only():
    text = (
        "The Cohort Expansion stage will enroll subjects with multiple tumor types (non-small cell "
        "lung cancer, hormone-receptor-positive breast cancer, triple-negative breast cancer)."
    )  # NCT06545331
    assert modality(text, "inclusion") == "conditional"


def test_a_solid_tumour_basket_is_not_gated_by_the_subtypes_of_its_cohorts():
    basket = Trial(
        "NCT06545331",
        title="Study of XB010 in Subjects With Solid Tumors",
        conditions=["Locally Advanced or Metastatic Solid Tumors", "Triple Negative Breast Cancer"],
    )
    assert gates(basket)["subtypes"] == []
    qualified = Trial(
        "NCT06253871",
        title="A Study of IAM1363 in Patients With Advanced Cancers Harboring HER2 Alterations",
        conditions=["HER2-positive Breast Cancer", "Brain Metastases From Solid Tumors"],
    )
    assert gates(qualified)["subtypes"]


def test_prevention_of_a_side_effect_is_no_early_stage_title():
    assert not _EARLY.search(
        "Acupressure for the Prevention of Capecitabine-Associated Hand-Foot Syndrome"
    )
    assert _EARLY.search("Prevention of Breast Cancer Recurrence")


# Held-out set 25, read after it was measured.


def test_a_choice_word_in_another_lettered_part_frees_no_leptomeningeal_rule():
    text = (
        "The patient must have histological evidence confirming the diagnosis of breast cancer "
        "with leptomeningeal metastasis: a. Breast cancer must be diagnosed through biopsy from "
        "either the primary or metastatic sites; b. Leptomeningeal metastasis must be confirmed."
    )  # NCT06810804
    (lmd,) = [c for c in checks(text) if c["type"] == "brain"]
    assert lmd["value"] == "leptomeningeal" and not lmd["allowed"]
    said = "Patients with treated brain metastases may enroll"
    assert all(c["allowed"] for c in checks(said) if c["type"] == "brain")


def test_a_physicians_determination_is_a_judgement():
    text = (
        "Determination by the physician that the patient is in a rapid disease progression "
        "situation: Markedly symptomatic non visceral disease"
    )  # NCT06656624
    assert modality(text, "inclusion") == "judgement"


def test_no_specific_treatment_required_is_a_permission():
    text = "For triple negative breast cancer patients: no specific prior anti-cancer treatment is required."
    assert modality(text, "inclusion") == "permitted"  # NCT04965064


def test_cannot_tolerate_chemotherapy_is_about_fitness_not_history():
    text = "Patients in poor general condition who cannot tolerate chemotherapy treatment."
    assert not [c for c in checks(text, "exclusion") if c["type"] == "therapy"]


def test_a_lesion_with_a_cutaneous_component_asks_for_skin_or_chest_wall_spread():
    text = "with at least one measurable lesion with a cutaneous and/or subcutaneous component"
    (site,) = [c for c in checks(text) if c["type"] == "site"]  # NCT07487844
    assert site["value"] == "skin or chest wall"
    wall = people.facts(sites=["chest wall", "bone"], sites_known=True)
    lung = people.facts(sites=["lung"], sites_known=True)
    assert verdict(parsed(text), wall)["verdict"] != "not met"  # measurable disease unknown
    assert verdict(parsed(text), lung)["verdict"] == "not met"
    # how skin spread is measured asks for none
    measured = "Skin lesions must also be followed by photography with measuring tools"
    assert not [c for c in checks(measured) if c["type"] == "site"]  # NCT03971409


def test_a_receptor_status_before_a_drug_word_is_still_a_status():
    # review: "HER2-negative and aromatase inhibitor sensitive" keeps its receptor rule
    for text, value in (
        ("HER2-negative and aromatase inhibitor sensitive disease", "her2-negative"),
        ("ER-positive or aromatase inhibitor resistant breast cancer", "hr-positive"),
    ):
        assert value in {c["value"] for c in checks(text) if c["type"] == "receptor"}


def test_the_new_wordings_do_not_backtrack_on_long_runs():
    import time

    from mbcnav.trials.setting_cues import _NOTHING_MORE

    start = time.perf_counter()
    _NOTHING_MORE.match(" " * 50_000 + "x")
    rx("modality.part_only").search("-" * 50_000)
    assert time.perf_counter() - start < 5
