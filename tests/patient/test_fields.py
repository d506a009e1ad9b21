"""Every field and enum of the patient file: accepted words, normalisation and the error sentence."""

import pytest

from mbcnav.patient import PatientFileError, parse
from tests.patient.patient_file import TODAY, error_of, p


def test_only_format_is_required():
    patient = p()
    assert patient.name is None and patient.treatments == ()


@pytest.mark.parametrize("fmt", [None, "mbcnav-patient/2", "patient"])
def test_format_must_be_v1(fmt):
    with pytest.raises(PatientFileError, match="format"):
        parse({"format": fmt} if fmt else {}, today=TODAY)


def test_unknown_top_level_key_is_an_error_with_a_hint():
    err = error_of(recepters={"er": "positive"})
    assert err.field == "recepters"
    assert "did you mean 'receptors'" in str(err)


@pytest.mark.parametrize(
    "section,key",
    [
        ("metastatic_diagnosis", "stage"),
        ("receptors", "ki67"),
    ],
)
def test_unknown_nested_key(section, key):
    err = error_of(**{section: {key: 1}})
    assert err.field == f"{section}.{key}"


@pytest.mark.parametrize("raw,canon", [("F", "female"), ("Male", "male"), ("woman", "female")])
def test_sex(raw, canon):
    assert p(sex=raw).sex == canon


def test_bad_sex_names_field_value_and_allowed():
    msg = str(error_of(sex="x"))
    assert msg.startswith("sex:") and "'x'" in msg and "female or male" in msg


@pytest.mark.parametrize(
    "raw,canon",
    [
        ("stage 4", "IV"),
        ("IV", "IV"),
        (4, "IV"),
        ("iv", "IV"),
        ("IIB", "II"),
        ("Stage IIIA", "III"),
        ("0", "0"),
        ("I", "I"),
    ],
)
def test_stage_synonyms(raw, canon):
    md = p(
        metastatic_diagnosis={"first_diagnosis_stage": raw, "de_novo": canon == "IV"}
    ).metastatic_diagnosis
    assert md.first_diagnosis_stage == canon


def test_bad_stage():
    assert "first_diagnosis_stage" in str(
        error_of(metastatic_diagnosis={"first_diagnosis_stage": "V"})
    )


@pytest.mark.parametrize(
    "raw,canon", [("IDC", "ductal"), ("invasive lobular carcinoma", "lobular"), ("Mixed", "mixed")]
)
def test_histology(raw, canon):
    assert p(metastatic_diagnosis={"histology": raw}).metastatic_diagnosis.histology == canon


@pytest.mark.parametrize(
    "raw,canon",
    [
        ("Positive", "positive"),
        ("ER+", "positive"),
        ("low", "low"),
        ("5%", "low"),
        (0, "negative"),
        ("95%", "positive"),
        ("neg", "negative"),
        ("unknown", "unknown"),
    ],
)
def test_er(raw, canon):
    assert p(receptors={"er": raw}).receptors.er == canon


def test_er_percentage_over_100():
    assert "receptors.er" in str(error_of(receptors={"er": "150%"}))


@pytest.mark.parametrize(
    "raw,canon",
    [
        ("IHC 0", "IHC 0"),
        ("0", "IHC 0"),
        ("IHC 0+", "IHC 0+"),
        ("ultralow", "IHC 0+"),
        ("1+", "IHC 1+"),
        ("HER2 IHC 1+", "IHC 1+"),
        ("IHC 2+ ISH-", "IHC 2+ ISH-"),
        ("IHC 2+/FISH negative", "IHC 2+ ISH-"),
        ("2+ ISH+", "IHC 2+ ISH+"),
        ("IHC 2+ FISH amplified", "IHC 2+ ISH+"),
        ("3+", "IHC 3+"),
        ("IHC3+", "IHC 3+"),
        ("HER2-positive", "positive"),
        ("amplified", "positive"),
        ("negative", "negative"),
        ("unknown", "unknown"),
    ],
)
def test_her2_wording(raw, canon):
    assert p(receptors={"her2": raw}).receptors.her2 == canon


@pytest.mark.parametrize("raw", ["IHC 4+", "IHC 2+", "IHC 1+ ISH+", "maybe", "low"])
def test_bad_her2(raw):
    err = error_of(receptors={"her2": raw})
    assert err.field == "receptors.her2"
    assert "IHC 0, IHC 0+, IHC 1+" in str(err)


def test_pr_has_no_low():
    assert "receptors.pr" in str(error_of(receptors={"pr": "low"}))


def test_biopsy_site_normalised():
    assert p(receptors={"biopsy_site": "Liver"}).receptors.biopsy_site == "liver"
    assert p(receptors={"biopsy_site": "breast"}).receptors.biopsy_site == "breast"


@pytest.mark.parametrize(
    "marker,raw,key,canon",
    [
        ("pik3ca", "Mutated", "PIK3CA", "mutated"),
        ("ESR1", "wild type", "ESR1", "not mutated"),
        ("AKT1", "detected", "AKT1", "mutated"),
        ("PTEN", "not detected", "PTEN", "not mutated"),
        ("PALB2", "unknown", "PALB2", "unknown"),
        ("BRCA1", "pathogenic variant", "BRCA1", "positive"),
        ("brca2", "negative", "BRCA2", "negative"),
        ("PDL1", "CPS 12", "PD-L1", "CPS 12"),
        ("PD-L1", "cps>=10", "PD-L1", "CPS >=10"),
        ("PD-L1", "positive", "PD-L1", "positive"),
        ("MSI", "MSS", "MSI", "stable"),
        ("MSI", "MSI-H", "MSI", "high"),
        ("TMB", 4, "TMB", "4"),
        ("NTRK", "fusion detected", "NTRK fusion", "detected"),
        ("Ki-67", "30%", "Ki-67", "30%"),
    ],
)
def test_biomarkers(marker, raw, key, canon):
    assert p(biomarkers={marker: raw}).biomarkers == {key: canon}


@pytest.mark.parametrize(
    "marker,raw",
    [("PIK3CA", "maybe"), ("BRCA1", "mutant-ish"), ("MSI", "sometimes"), ("PD-L1", "lots")],
)
def test_bad_biomarker(marker, raw):
    err = error_of(biomarkers={marker: raw})
    assert err.field.startswith("biomarkers.") and repr(raw) in str(err)


def test_duplicate_biomarker_after_normalising():
    assert "twice" in str(error_of(biomarkers={"PD-L1": "positive", "pdl1": "negative"}))


@pytest.mark.parametrize(
    "raw,canon",
    [
        ("Bone", "bone"),
        ("spine", "bone"),
        ("lungs", "lung"),
        ("hepatic", "liver"),
        ("CNS", "brain"),
        ("lymph node", "lymph nodes"),
        ("pleural effusion", "pleura"),
        ("peritoneal", "peritoneum"),
        ("ovaries", "ovary"),
        ("LMD", "leptomeningeal"),
        ("chest wall", "chest wall"),
        ("skin", "skin"),
        ("other", "other"),
    ],
)
def test_sites(raw, canon):
    assert p(metastases=[{"site": raw}]).metastases[0].site == canon


def test_bad_site_and_missing_site():
    assert "metastases[0].site" in str(error_of(metastases=[{"site": "somewhere odd"}]))
    assert "metastases[0].site: is missing" in str(error_of(metastases=[{"date": "2024-01-01"}]))


def test_brain_status_only_for_brain():
    assert (
        p(metastases=[{"site": "brain", "status": "treated and stable"}]).metastases[0].status
        == "treated-stable"
    )
    assert "only for brain" in str(error_of(metastases=[{"site": "bone", "status": "active"}]))


@pytest.mark.parametrize("raw", [0, 4, "2", "ECOG 1"])
def test_ecog(raw):
    assert p(ecog=raw).ecog in range(5)


@pytest.mark.parametrize("raw", [5, -1, 1.5, "good"])
def test_bad_ecog(raw):
    assert error_of(ecog=raw).field == "ecog"


def test_dates_must_be_real_and_not_future():
    assert "not a real calendar date" in str(error_of(metastatic_diagnosis={"date": "2024-02-30"}))
    assert "YYYY-MM-DD" in str(error_of(metastatic_diagnosis={"date": "March 2024"}))
    err = error_of(metastatic_diagnosis={"date": "2027-01-01"})
    assert "in the future" in str(err) and err.field == "metastatic_diagnosis.date"


def test_recurrence_cannot_precede_first_diagnosis():
    err = error_of(
        metastatic_diagnosis={"date": "2020-01-01", "first_diagnosis_date": "2021-01-01"}
    )
    assert err.field == "metastatic_diagnosis.date"


def test_de_novo_and_stage_must_agree():
    assert (
        error_of(metastatic_diagnosis={"de_novo": True, "first_diagnosis_stage": "II"}).field
        == "metastatic_diagnosis.de_novo"
    )
    assert (
        error_of(metastatic_diagnosis={"de_novo": False, "first_diagnosis_stage": "IV"}).field
        == "metastatic_diagnosis.de_novo"
    )


def test_birth_checks():
    assert error_of(birth_year=1850).field == "birth_year"
    assert error_of(birth_year=1970, birth_date="1971-02-03").field == "birth_year"
    assert (
        error_of(birth_year=1990, metastatic_diagnosis={"date": "1980-01-01"}).field
        == "metastatic_diagnosis.date"
    )


def test_postal_code():
    assert p(postal_code=60611).postal_code == "60611"
    assert p(postal_code="02115").postal_code == "02115"
    assert error_of(postal_code="ABC").field == "postal_code"
    assert p(postal_code="SW1A 1AA", country="GB").postal_code == "SW1A 1AA"


def test_sections_of_the_wrong_shape():
    assert error_of(metastases={"site": "bone"}).field == "metastases"
    assert error_of(receptors=["er"]).field == "receptors"
    assert error_of(biomarkers="PIK3CA").field == "biomarkers"
    assert error_of(biomarkers=["PIK3CA"]).field == "biomarkers[0]"  # a gene with no result


def test_not_a_mapping_at_all():
    with pytest.raises(PatientFileError, match="format"):
        parse(["format"], today=TODAY)
