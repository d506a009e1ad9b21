"""Trial-level gates from a trial's own title and conditions (real titles from the registry)."""

from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.population import gates, mismatch
from mbcnav.trials.record import Trial


def g(title, conditions=()):
    return gates(Trial("NCT00000000", title=title, conditions=list(conditions)))


HR_LOW = PatientFacts(hr="positive", her2="low", brain="none", sites=["bone"], sites_known=True)
TNBC = PatientFacts(hr="negative", her2="zero", brain="active", sites=["brain"], sites_known=True)
HER2_POS = PatientFacts(hr="negative", her2="positive")
UNKNOWN = PatientFacts()


def test_triple_negative_trial_is_for_another_situation_for_hr_positive_disease():
    tn = g(
        "Efficacy and Safety of Tenalisib in Patients With Metastatic Triple Negative Breast Cancer (TNBC)"
    )
    assert "triple-negative" in mismatch(tn, HR_LOW)
    assert mismatch(tn, TNBC) == ""
    assert mismatch(tn, UNKNOWN) == ""  # nothing known never gates


def test_hr_positive_her2_negative_title():
    t = g(
        "Saruparib Plus Camizestrant in HR-Positive, HER2-Negative (IHC 0, 1+, 2+/ ISH Non-amplified) Advanced Breast Cancer"
    )
    assert mismatch(t, HR_LOW) == ""
    assert mismatch(t, HER2_POS) and mismatch(t, TNBC)


def test_several_named_populations_are_a_union():
    t = g(
        "Study in Patients With HER2-positive, HER2-low or HER2-ultralow Unresectable or Metastatic Breast Cancer"
    )
    assert mismatch(t, HR_LOW) == "" and mismatch(t, HER2_POS) == ""
    assert "HER2" in mismatch(t, PatientFacts(hr="positive", her2="zero"))


def test_er_low_is_never_gated_on_hormone_receptors():
    er_low = PatientFacts(hr="positive", her2="low", er_low_only=True)
    assert mismatch(g("Pembrolizumab in Triple Negative Breast Cancer"), er_low) == ""


def test_brain_metastasis_trials():
    bm = g(
        "Whole Brain Radiotherapy With Sorafenib for Breast Cancer Brain Metastases",
        ["Brain Metastases"],
    )
    assert "brain" in mismatch(bm, HR_LOW)
    assert mismatch(bm, TNBC) == ""
    assert mismatch(g("Drug X in breast cancer with or without brain metastases"), HR_LOW) == ""


def test_a_plain_breast_title_does_not_gate():
    t = g("Phase 4 Study to Assess the Safety of Trastuzumab Deruxtecan", ["BREAST CANCER"])
    assert t["subtypes"] == [] and mismatch(t, TNBC) == ""
