"""Concepts MBC trials turn on, read from registry wording and judged from report detail."""

from mbcnav.trials.criteria import her2_scores, parse_criteria
from mbcnav.trials.evaluate import evaluate
from mbcnav.trials.facts import PatientFacts
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
