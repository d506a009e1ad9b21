"""The report detail the trial engine can read from a patient file (trials/facts.py)."""

from datetime import date

from mbcnav.patient import parse
from mbcnav.trials.facts import from_patient

TODAY = date(2026, 1, 15)


def facts(**fields):
    return from_patient(parse({"format": "mbcnav-patient/1", **fields}, today=TODAY), TODAY)


def test_variants_alterations_and_origin():
    f = facts(
        biomarkers=[
            "PIK3CA H1047R",
            "ESR1 Y537S",
            "ESR1 D538G (ctDNA, VAF 3%)",
            "PTEN loss",
            "germline BRCA2 c.5946delT",
            "NTRK1 fusion",
            "FGFR1 amplification",
            "ERBB2 L755S",
        ]
    )
    assert f.variants == {
        "PIK3CA": ["H1047R"],
        "ESR1": ["Y537S", "D538G"],
        "BRCA2": ["c.5946delT"],
        "ERBB2": ["L755S"],
    }
    assert f.alterations["PTEN"] == ["loss"] and f.alterations["NTRK1"] == ["fusion"]
    assert f.alterations["FGFR1"] == ["amplification"] and f.alterations["ERBB2"] == ["mutation"]
    assert f.origins == {"BRCA2": "germline"} and f.germline_brca is True
    assert f.her2_amplified is None  # a HER2 mutation says nothing about amplification


def test_her2_amplified_from_ngs_or_ish_not_from_ihc_alone():
    assert facts(biomarkers={"ERBB2": "amplified"}).her2_amplified is True
    assert facts(receptors={"her2": "IHC 2+, ISH amplified (ratio 2.4)"}).her2_amplified is True
    assert facts(receptors={"her2": "IHC 2+ / FISH negative"}).her2_amplified is False
    assert facts(receptors={"her2": "IHC 3+"}).her2_amplified is None
    assert facts(receptors={"her2": "IHC 3+"}).her2 == "positive"


def test_somatic_brca_is_not_germline():
    f = facts(biomarkers=["somatic BRCA2", "BRCA1 negative"])
    assert f.somatic_brca is True and f.germline_brca is None
    assert facts(biomarkers={"BRCA1": "negative", "BRCA2": "negative"}).germline_brca is False


def test_pdl1_msi_tmb():
    f = facts(biomarkers=["PD-L1 CPS 15 (22C3)", "MSI-H", "TMB 12 mut/Mb"])
    assert f.pdl1 == {
        "result": "CPS 15",
        "type": "CPS",
        "comparator": "",
        "value": 15.0,
        "assay": "22C3",
        "positive": True,
    }
    assert (f.msi, f.tmb, f.tmb_high) == ("high", 12.0, True)
    low = facts(biomarkers=["PD-L1 TPS <1%", "TMB 4"])
    assert low.pdl1["positive"] is False and low.pdl1["comparator"] == "<"
    assert low.tmb_high is False


def test_receptor_percent_sites_and_settings():
    f = facts(
        receptors={"er": "ER 5% weak", "pr": "PR <1%"},
        metastases=[{"site": "mediastinal lymph nodes"}, {"site": "adrenal"}],
        treatments=[{"drugs": ["capecitabine"], "setting": "recurrent", "start": "2025-01-01"}],
    )
    assert (f.er_percent, f.pr_percent, f.er_low_only) == (5.0, 0.0, True)
    assert f.site_details == {"lymph nodes": ["mediastinal"], "other": ["adrenal"]}
    assert f.setting_details == ["recurrent"]


def test_dexamethasone_is_a_drug_fact_but_not_a_line():
    f = facts(
        metastatic_diagnosis={"date": "2024-01-01"},
        treatments=[
            {"drugs": ["capecitabine"], "start": "2024-02-01"},
            {"drugs": ["dexamethasone"], "start": "2025-12-20"},
        ],
    )
    assert f.lines == 1
    steroid = next(d for d in f.drugs if d.name == "dexamethasone")
    assert "corticosteroid" in steroid.labels and steroid.ongoing
