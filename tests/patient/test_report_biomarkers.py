"""Biomarkers written the way NGS and pathology reports write them (issue 14): read, kept, normalised."""

import pytest

from mbcnav.patient import dumps_json, dumps_yaml, loads, markers
from tests.patient.patient_file import TODAY, error_of, p

# line as a report lists it -> (marker, result, detail fields that must be kept)
REPORT_LINES = [
    ("PIK3CA H1047R", "PIK3CA", "mutated", {"changes": ("H1047R",)}),
    ("PIK3CA p.His1047Arg", "PIK3CA", "mutated", {"changes": ("H1047R",)}),
    ("ESR1 Y537S", "ESR1", "mutated", {"changes": ("Y537S",)}),
    (
        "ESR1 D538G mutation detected (ctDNA, VAF 3%)",
        "ESR1",
        "mutated",
        {"changes": ("D538G",), "sample": "blood", "vaf": 3},
    ),
    ("AKT1 E17K", "AKT1", "mutated", {"changes": ("E17K",)}),
    ("PTEN loss", "PTEN", "loss", {}),
    ("BRCA2 c.5946delT pathogenic", "BRCA2", "positive", {"changes": ("c.5946delT",)}),
    ("germline BRCA1 pathogenic variant", "BRCA1", "positive", {"origin": "germline"}),
    ("gBRCA2 c.5946delT", "BRCA2", "positive", {"origin": "germline"}),
    ("somatic BRCA2", "BRCA2", "positive", {"origin": "somatic"}),
    ("PALB2 c.3113G>A pathogenic", "PALB2", "mutated", {"changes": ("c.3113G>A",)}),
    ("NTRK1 fusion", "NTRK1 fusion", "detected", {}),
    ("ETV6-NTRK3 fusion", "NTRK3 fusion", "detected", {"changes": ("ETV6-NTRK3",)}),
    ("FGFR1 amplification", "FGFR1 amplification", "amplified", {}),
    ("FGFR2 fusion", "FGFR2 fusion", "detected", {}),
    ("ERBB2 amplification", "HER2 amplification", "amplified", {}),
    ("HER2 amplified (ISH ratio 2.4)", "HER2 amplification", "amplified", {"ish_ratio": 2.4}),
    ("ERBB2 not amplified", "HER2 amplification", "not amplified", {}),
    ("ERBB2 L755S", "HER2 mutation", "mutated", {"changes": ("L755S",)}),
    ("PD-L1 CPS 15 (22C3)", "PD-L1", "CPS 15", {"assay": "22C3"}),
    ("PD-L1 CPS 5", "PD-L1", "CPS 5", {}),
    ("PD-L1 TPS 1%", "PD-L1", "TPS 1", {}),
    ("PD-L1 IC 1% (SP142)", "PD-L1", "IC 1", {"assay": "SP142"}),
    ("PD-L1 CPS ≥10", "PD-L1", "CPS >=10", {}),
    ("PD-L1 negative", "PD-L1", "negative", {}),
    ("MSI-H", "MSI", "high", {}),
    ("MSS", "MSI", "stable", {}),
    ("dMMR", "MSI", "high", {"assay": "MMR IHC"}),
    ("pMMR", "MSI", "stable", {"assay": "MMR IHC"}),
    ("TMB 12 mut/Mb", "TMB", "12", {}),
    ("TMB-high", "TMB", "high", {}),
    ("TMB-H", "TMB", "high", {}),
    (
        "BRCA2 c.5946delT (6174delT) pathogenic",
        "BRCA2",
        "positive",
        {"changes": ("c.5946delT", "6174delT")},
    ),
    ("BRCA1 185delAG", "BRCA1", "positive", {"changes": ("185delAG",)}),
    ("BRCA2 c.123A>G likely benign", "BRCA2", "negative", {"changes": ("c.123A>G",)}),
    ("ESR1 Y537S not detected", "ESR1", "not mutated", {"changes": ("Y537S",)}),
    ("MSI-L", "MSI", "stable", {}),
    ("PTEN null", "PTEN", "loss", {}),
    ("BRCA1 no pathogenic variant", "BRCA1", "negative", {}),
    ("PIK3CA not detected", "PIK3CA", "not mutated", {}),
    ("ESR1 wild-type", "ESR1", "not mutated", {}),
    ("BRCA1 VUS", "BRCA1", "unknown", {}),
    ("TP53 R248*", "TP53", "mutated", {"changes": ("R248*",)}),
]


@pytest.mark.parametrize("line,marker,result,kept", REPORT_LINES)
def test_report_line_in_a_list(line, marker, result, kept):
    patient = p(biomarkers=[line])
    assert patient.biomarkers == {marker: result}
    detail = patient.biomarker_details.get(marker)
    for name, value in kept.items():
        assert getattr(detail, name) == value
    if not kept:
        assert marker not in patient.biomarker_details


@pytest.mark.parametrize(
    "key,value,marker,result",
    [
        ("ERBB2", "amplified", "HER2 amplification", "amplified"),
        ("ERBB2", "amplification", "HER2 amplification", "amplified"),
        ("HER2", "amplified (ISH ratio 2.4)", "HER2 amplification", "amplified"),
        ("ERBB2", "L755S", "HER2 mutation", "mutated"),
        ("ERBB2", "not mutated", "HER2 mutation", "not mutated"),
        ("PIK3CA", "E545K", "PIK3CA", "mutated"),
        ("PIK3CA", "H1047R, E545K", "PIK3CA", "mutated"),
        ("PD-L1", "CPS 15 (22C3)", "PD-L1", "CPS 15"),
        ("germline BRCA1", "pathogenic variant", "BRCA1", "positive"),
        ("FGFR1", "amplification", "FGFR1 amplification", "amplified"),
        ("NTRK", "fusion detected", "NTRK fusion", "detected"),
        ("TMB", "12 mut/Mb", "TMB", "12"),
        ("MSI", "dMMR", "MSI", "high"),
        ("CDH1", "truncating mutation", "CDH1", "mutated"),
    ],
)
def test_marker_and_result_pairs(key, value, marker, result):
    assert p(biomarkers={key: value}).biomarkers == {marker: result}


def test_amplification_never_becomes_a_her2_mutation():
    patient = p(biomarkers={"ERBB2": "amplified"}, receptors={"her2": "IHC 1+"})
    assert "HER2 mutation" not in patient.biomarkers
    assert patient.receptors.her2 == "IHC 1+"  # receptors stay what IHC/ISH says


def test_two_variants_of_one_gene_merge():
    patient = p(biomarkers=["ESR1 Y537S (tissue, VAF 1.2%)", "ESR1 D538G (ctDNA, VAF 3%)"])
    detail = patient.biomarker_details["ESR1"]
    assert detail.changes == ("Y537S", "D538G") and detail.vaf == 3
    assert detail.sample == "tissue and blood"


@pytest.mark.parametrize(
    "section,field,words",
    [
        ({"ERBB2": "positive"}, "biomarkers.ERBB2", "amplified or mutated"),
        (["HER2 IHC 2+"], "biomarkers[0]", "'HER2 IHC 2+'"),
        (["PALB2"], "biomarkers[0]", "'PALB2'"),
        (["PIK3CA maybe"], "biomarkers[0]", "'PIK3CA maybe'"),
        (["ESR1 D538G detected, Y537S not detected"], "biomarkers[0]", "'ESR1 D538G detected"),
        (["PIK3CA H1047R", "PIK3CA not detected"], "biomarkers[1]", "different results"),
        ({"PIK3CA": "mutated-ish"}, "biomarkers.PIK3CA", "'mutated-ish'"),
        ({"PD-L1": "lots"}, "biomarkers.PD-L1", "CPS <number>"),
        ({"PIK3CA": {"variants": ["H1047R"]}}, "biomarkers.PIK3CA.result", "is missing"),
        ({"PIK3CA": {"result": "mutated", "vaf": 130}}, "biomarkers.PIK3CA.vaf", "out of range"),
    ],
)
def test_refused_with_one_sentence(section, field, words):
    err = error_of(biomarkers=section)
    text = str(err)
    assert err.field == field and text.startswith(f"{field}: ") and words in text
    assert "\n" not in text and text.endswith(".")


def test_structured_form_is_read_and_written():
    patient = p(
        biomarkers={
            "PIK3CA": {"result": "mutated", "variants": ["p.His1047Arg"], "sample": "ctDNA"},
            "BRCA2": {"result": "positive", "variants": "c.5946delT", "origin": "germline"},
            "PD-L1": {"result": "CPS 15", "assay": "22c3"},
        }
    )
    assert patient.biomarker_details["PIK3CA"].changes == ("H1047R",)
    assert patient.biomarker_details["PIK3CA"].sample == "blood"
    assert patient.biomarker_details["BRCA2"].origin == "germline"
    assert patient.biomarker_details["PD-L1"].assay == "22C3"


def test_round_trip_keeps_every_detail():
    patient = p(
        biomarkers=[
            "PIK3CA H1047R",
            "ESR1 Y537S",
            "ESR1 D538G mutation detected (ctDNA, VAF 3%)",
            "AKT1 E17K",
            "PTEN loss",
            "BRCA2 c.5946delT pathogenic",
            "germline BRCA1 pathogenic variant",
            "ETV6-NTRK3 fusion",
            "FGFR1 amplification",
            "HER2 amplified (ISH ratio 2.4, copy number 6.1)",
            "ERBB2 L755S",
            "PD-L1 CPS 15 (22C3)",
            "dMMR",
            "TMB 12 mut/Mb",
        ]
    )
    assert len(patient.biomarkers) == 13 and len(patient.biomarker_details) == 10
    for text in (dumps_yaml(patient), dumps_json(patient)):
        assert loads(text, today=TODAY) == patient


@pytest.mark.parametrize("line,marker,result,kept", REPORT_LINES)
def test_one_line_text_reads_back_the_same(line, marker, result, kept):
    """The web rows hold one text per marker: ``as_text`` must read back to the same finding."""
    found = markers.read(line)
    again = markers.read(marker, markers.as_text(found.result, found.detail))
    assert again == found


@pytest.mark.parametrize(
    "key,value,marker,result",
    [
        ("PIK3CA", "PIK3CA H1047R", "PIK3CA", "mutated"),
        ("ESR1", "ESR1 D538G", "ESR1", "mutated"),
        ("ERBB2", "ERBB2 amplification", "HER2 amplification", "amplified"),
        ("BRCA2", "BRCA2 c.5946delT pathogenic", "BRCA2", "positive"),
    ],
)
def test_a_value_that_repeats_its_gene_name(key, value, marker, result):
    """Charts copy the report line under the gene: "PIK3CA: PIK3CA H1047R"."""
    got = p(biomarkers={key: value})
    assert got.biomarkers[marker] == result
