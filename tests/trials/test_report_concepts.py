"""Concepts MBC trials turn on, read from registry wording and judged from report detail."""

from mbcnav.trials.criteria import parse_criteria
from mbcnav.trials.evaluate import evaluate
from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.her2 import her2_scores
from mbcnav.trials.split import Criterion


def checks(text, kind="inclusion"):
    return parse_criteria([Criterion(kind, text, 1)])[0]["checks"]


def holds(text, facts, kind="inclusion"):
    return [evaluate(c, facts)[0] for c in checks(text, kind)]


def test_her2_ihc_score_lists():
    assert her2_scores("HER2 IHC 0, 1+ or 2+ and ISH non-amplified") == ["low", "ultralow", "zero"]
    assert her2_scores("HER2-low (IHC 1+ or IHC 2+/ISH-)") == ["low"]
    assert her2_scores("HER2 IHC 3+ or 2+ with ISH amplified") == ["positive"]
    assert her2_scores("ECOG 0 or 1") is None
    assert her2_scores("HER2 IHC 0") is None  # one score: the usual HER2-0 reading
    low = PatientFacts(her2="low")
    assert holds("HER2 IHC 0, 1+ or 2+ and ISH non-amplified", low) == [True]
    assert holds("HER2 IHC 0, 1+ or 2+ and ISH non-amplified", PatientFacts(her2="positive")) == [
        False
    ]
    assert holds("HER2-low (IHC 1+ or IHC 2+/ISH-)", PatientFacts(her2="ultralow")) == [False]
    assert holds("HER2-low (IHC 1+ or IHC 2+/ISH-)", PatientFacts(her2="negative")) == [None]


def test_germline_brca_is_read_from_germline_results():
    text = "Documented germline BRCA1 or BRCA2 pathogenic variant"
    assert holds(text, PatientFacts(germline_brca=True)) == [True]
    assert holds(text, PatientFacts(germline_brca=False)) == [False]
    somatic = PatientFacts(
        somatic_brca=True, biomarkers={"BRCA2": "positive"}, origins={"BRCA2": "somatic"}
    )
    assert holds(text, somatic) == [None]  # a tumour-only finding does not settle inheritance
    assert holds(text, PatientFacts()) == [None]


def test_fusions_tmb_and_msi():
    fusion = PatientFacts(
        biomarkers={"NTRK1 fusion": "detected"}, alterations={"NTRK1": ["fusion"]}
    )
    assert holds("Tumor with NTRK gene fusion", fusion) == [True]
    none = PatientFacts(biomarkers={"NTRK1 fusion": "not detected"})
    assert holds("Tumor with NTRK gene fusion", none) == [False]
    assert holds("Tumor with NTRK gene fusion", PatientFacts()) == [None]
    assert holds("TMB-high (>= 10 mut/Mb)", PatientFacts(tmb=12, tmb_high=True)) == [True]
    assert holds("MSI-H or dMMR tumours", PatientFacts(msi="stable")) == [False]


def test_pten_loss_and_amplification_results():
    assert holds("PTEN loss by IHC", PatientFacts(biomarkers={"PTEN": "loss"})) == [True]


def test_visceral_crisis_is_read_from_the_record_notes_only():
    text = "Patients with advanced, symptomatic, visceral spread that are at risk of life-threatening complications"
    kinds = [c["type"] for c in checks(text, "exclusion")]
    assert kinds == ["visceral_crisis"]  # "advanced" describes the crisis, not the stage
    assert holds(text, PatientFacts(visceral_crisis=True), "exclusion") == [True]
    assert holds(text, PatientFacts(setting="metastatic"), "exclusion") == [None]


def test_a_number_of_brain_metastases_needs_the_count():
    c = checks("More than 3 brain metastases", "exclusion")
    assert c[0]["type"] == "brain" and c[0].get("count")
    assert holds("More than 3 brain metastases", PatientFacts(brain="active"), "exclusion") == [
        None
    ]
    assert holds("More than 3 brain metastases", PatientFacts(brain="none"), "exclusion") == [False]


def test_progression_within_a_window_needs_progression():
    from mbcnav.trials.facts import DrugFact

    her2 = DrugFact(
        "trastuzumab", ["trastuzumab", "anti-HER2 antibody"], ["metastatic"], ongoing=True
    )
    text = "Disease progression within 6 months of receiving any HER2-targeted therapy"
    stable = PatientFacts(drugs=[her2], therapies_known=True, as_of="2026-01-15")
    assert holds(text, stable, "exclusion") == [False]


def test_an_adc_counts_as_chemotherapy_unless_adcs_are_named():
    from mbcnav.trials.facts import DrugFact

    sg = DrugFact(
        "sacituzumab govitecan",
        ["sacituzumab govitecan", "antibody-drug conjugate"],
        ["metastatic"],
    )
    f = PatientFacts(drugs=[sg], therapies_known=True)
    assert holds("Prior chemotherapy in the metastatic setting", f) == [True]
    named = "Prior chemotherapy or antibody-drug conjugates in the metastatic setting"
    assert holds(named, f) == [False, True]  # the ADC is its own alternative there


def test_receptor_words_naming_the_setting_of_an_exclusion_are_scope():
    text = "Any prior systemic non-hormonal anti-cancer therapy for locally advanced or metastatic HER2-positive breast cancer"
    assert not [c for c in checks(text, "exclusion") if c["type"] == "receptor"]


def test_eligible_for_a_treatment_is_a_plan_not_a_requirement():
    from mbcnav.trials.modality import modality

    assert (
        modality(
            "Eligible for fulvestrant therapy and at least one of the following: palbociclib",
            "inclusion",
        )
        == "judgement"
    )
    assert (
        modality("Patients eligible for the study must have measurable disease", "inclusion")
        == "required"
    )


def test_de_novo_and_trials_that_leave_breast_cancer_out():
    assert (
        holds(
            "Stage IV breast carcinoma at diagnosis (i.e., de novo metastatic)",
            PatientFacts(de_novo=False),
        )[0]
        is False
    )
    from mbcnav.trials.parse import parse_trial
    from mbcnav.trials.population import mismatch
    from mbcnav.trials.record import Trial

    basket = parse_trial(
        Trial(
            "NCT00000001",
            title="A basket study in HER2 expressing tumors",
            eligibility="Exclusion Criteria:\n* Primary diagnosis of adenocarcinoma of the breast\n",
        )
    )
    assert "leaves out breast cancer" in mismatch(basket["population"], PatientFacts())


def test_a_later_definition_sentence_keeps_the_requirement():
    text = (
        "Documented estrogen receptor (ER) positive and/or progesterone receptor (PgR) positive by "
        "immunohistochemistry. The threshold to qualify as ER or PgR positive is 1% per ASCO/CAP."
    )
    assert holds(text, PatientFacts(hr="negative")) == [False]


def test_spinal_cord_compression_grades_are_not_ages():
    assert [
        c["type"] for c in checks("Malignant spinal cord compression (ESCC2 or above)", "exclusion")
    ] != ["age"]


def test_a_tumour_defined_by_a_marker_is_a_premise():
    text = "MSI high tumor should have mutations in 30% or more microsatellites by PCR"
    assert all(c.get("premise") for c in checks(text) if c["type"] == "biomarker")
