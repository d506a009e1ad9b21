"""The report reader on small reports written for these tests: facts, their source spans, and
what is set aside (negated, hedged, prior) rather than proposed."""

import pytest

from mbcnav.reports import ReportError, read_report

PATHOLOGY = """SURGICAL PATHOLOGY REPORT
CLINICAL HISTORY: Breast cancer diagnosed 2019, ER positive, HER2 negative.

DIAGNOSIS:
Liver, segment 6, core biopsy: Metastatic invasive ductal carcinoma, Nottingham grade 2.

BIOMARKERS:
Estrogen receptor: Positive (90%, strong)
Progesterone receptor: Negative (0%)
HER2 (IHC): 2+ (equivocal)
HER2 FISH: Amplified, HER2/CEP17 ratio 2.6
Ki-67: 25%
Note: the 2019 primary tumor was PR positive (40%), a change from today's result.
"""

NGS = """GENOMIC FINDINGS
  PIK3CA   p.E545K   VAF 12%
  ESR1     p.(Tyr537Ser)
  ERBB2    amplification
  AKT1     E17K not detected
BIOMARKER FINDINGS
  TMB: 9.1 mut/Mb
  MSI: Stable
  PD-L1 (22C3): CPS 5
VARIANTS OF UNKNOWN SIGNIFICANCE
  ATM  R337C
"""

IMAGING = """CT CHEST ABDOMEN PELVIS
Comparison: CT 01/02/2026, which showed a new liver lesion.
FINDINGS:
Liver: segment VII lesion measures 1.1 cm, previously 2.0 cm.
Bones: sclerotic T8 lesion, unchanged.
Lungs: 4 mm nodule, possibly new, indeterminate.
No evidence of new adrenal metastasis.
IMPRESSION: Partial response. No new lesions.
"""


def test_pathology_report():
    r = read_report(PATHOLOGY, "pathology")
    assert r.values() == {
        "histology": "ductal",
        "grade": 2,
        "er_percent": 90,
        "er_intensity": "strong",
        "er": "positive",
        "pr_percent": 0,
        "pr": "negative",
        "her2_ihc": "2+",
        "her2_ish": "amplified",
        "her2_ratio": 2.6,
        "ki67_percent": 25,
    }


def test_history_and_prior_values_are_set_aside_with_their_reason():
    r = read_report(PATHOLOGY, "pathology")
    aside = {(f.field, repr(f.value), f.context) for f in r.set_aside}
    assert ("pr", "'positive'", "prior") in aside  # the 2019 primary
    assert ("er", "'positive'", "prior") in aside  # clinical history
    assert all(f.context for f in r.set_aside)


def test_every_fact_points_at_the_words_and_sentence_it_came_from():
    for text, kind in ((PATHOLOGY, "pathology"), (NGS, "ngs"), (IMAGING, "imaging")):
        for f in read_report(text, kind).facts:
            a, b = f.sentence
            assert a <= f.start < f.end <= b
            assert text[f.start : f.end].strip()
    r = read_report(PATHOLOGY, "pathology")
    ki = next(f for f in r.facts if f.field == "ki67_percent")
    assert PATHOLOGY[ki.sentence[0] : ki.sentence[1]].strip() == "Ki-67: 25%"


def test_ngs_report():
    r = read_report(NGS, "biomarker-NGS")
    assert r.values() == {
        "variants": [{"gene": "PIK3CA", "protein": "E545K"}, {"gene": "ESR1", "protein": "Y537S"}],
        "amplifications": ["ERBB2"],
        "tmb": 9.1,
        "msi": "MSS",
        "pd_l1": {"value": 5, "scoring": "CPS", "assay": "22C3"},
    }
    aside = {f.value["gene"]: f.context for f in r.set_aside if f.field == "variants"}
    assert aside == {"AKT1": "negated", "ATM": "hedged"}


def test_imaging_report():
    r = read_report(IMAGING, "imaging")
    assert r.values() == {
        "sites": [{"site": "liver", "status": "smaller"}, {"site": "bone", "status": "stable"}],
        "response": "partial response",
        "new_lesion": False,
    }
    aside = {(f.field, f.context) for f in r.set_aside}
    assert ("sites", "hedged") in aside  # "possibly new" lung nodule
    assert ("sites", "negated") in aside  # no new adrenal metastasis


@pytest.mark.parametrize(
    "text,kind,expect",
    [
        (
            "No evidence of liver metastases. Bone lesions are stable.",
            "imaging",
            {"sites": [{"site": "bone", "status": "stable"}]},
        ),
        ("Cannot exclude a new small liver lesion.", "imaging", {}),
        (
            "Stable disease; liver lesion smaller.",
            "imaging",
            {"response": "stable", "sites": [{"site": "liver", "status": "smaller"}]},
        ),
        ("New uptake in L2, favored degenerative.", "imaging", {}),
        (
            "ER: positive (95%), PR: positive (60%), HER2: negative (1+).",
            "pathology",
            {
                "er": "positive",
                "er_percent": 95,
                "pr": "positive",
                "pr_percent": 60,
                "her2_ihc": "1+",
            },
        ),
        ("ER 3%, weak", "pathology", {"er": "low", "er_percent": 3, "er_intensity": "weak"}),
        (
            "BRCA2 c.5946delT (p.Ser1982fs) pathogenic",
            "ngs",
            {"variants": [{"gene": "BRCA2", "protein": "S1982fs"}]},
        ),
        ("TP53 R175H is not detected in the current sample.", "ngs", {}),
    ],  # fmt: skip
)
def test_short_reports(text, kind, expect):
    assert read_report(text, kind).values() == expect


@pytest.mark.parametrize(
    "text,kind,words",
    [
        ("ER 90%", "x-ray", "report kind"),
        ("", "pathology", "empty"),
        ("ER\x00 90%", "pathology", "NUL"),
        ("x" * 200_001, "pathology", "longer than"),
    ],
)
def test_bad_input_is_one_sentence(text, kind, words):
    with pytest.raises(ReportError, match=words) as err:
        read_report(text, kind)
    assert str(err.value).count(". ") == 0 and str(err.value).endswith(".")


def test_imaging_words_are_not_read_in_a_pathology_report():
    assert read_report("Liver lesion is smaller. Partial response.", "pathology").values() == {}
