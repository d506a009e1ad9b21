"""Checks on the drug data file (src/mbcnav/patient/data/drugs.yaml).

The file is read directly (not only through the loader) so that a broken entry
is reported here with its name, whatever the loader does with it.
"""

import re
from datetime import date
from importlib import resources

import pytest
import yaml

from mbcnav.patient import vocabulary


def _raw() -> dict:
    text = resources.files("mbcnav.patient").joinpath("data/drugs.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _fold(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name.strip().lower()).strip()


RAW = _raw()
DRUGS = RAW["drugs"]
CLASS_LABELS = {c["label"] for c in RAW["classes"]}


@pytest.mark.parametrize("entry", DRUGS, ids=[d["name"] for d in DRUGS])
def test_every_drug_has_a_source_with_url_and_read_date(entry):
    src = entry.get("source") or {}
    assert src.get("publisher"), entry["name"]
    assert src.get("title"), entry["name"]
    assert str(src.get("url", "")).startswith("https://"), entry["name"]
    assert src.get("url", "").startswith(
        (
            "https://www.cancer.gov/publications/dictionaries/cancer-drug/def/",
            "https://www.fda.gov/",
        )
    ), entry["name"]
    read = src.get("read")
    assert isinstance(read, date), f"{entry['name']}: read must be a date, got {read!r}"
    assert read <= RAW["as_of"], f"{entry['name']}: read after the file's as_of"


def test_every_class_used_is_declared():
    for entry in DRUGS:
        undeclared = set(entry["classes"]) - CLASS_LABELS
        assert not undeclared, f"{entry['name']} uses undeclared {undeclared}"


def test_every_class_has_label_supportive_and_description():
    for c in RAW["classes"]:
        assert set(c) == {"label", "supportive", "description"}, c
        assert isinstance(c["supportive"], bool), c["label"]


def test_no_name_maps_to_two_drugs():
    seen: dict[str, str] = {}
    for entry in DRUGS:
        for alias in (entry["name"], *(entry.get("brands") or []), *(entry.get("synonyms") or [])):
            key = _fold(alias)
            assert seen.get(key, entry["name"]) == entry["name"], (
                f"{alias!r} names both {seen[key]} and {entry['name']}"
            )
            seen[key] = entry["name"]


def test_generic_names_are_lower_case_and_unique():
    names = [d["name"] for d in DRUGS]
    assert all(n == n.lower() for n in names)
    assert len(names) == len(set(names))


def test_chemotherapy_entries_have_a_kind_and_others_do_not():
    kinds = {
        "taxane",
        "anthracycline",
        "antimetabolite",
        "platinum",
        "microtubule inhibitor",
        "vinca alkaloid",
        "alkylating agent",
    }
    for entry in DRUGS:
        if "chemotherapy" in entry["classes"]:
            assert entry.get("kind") in kinds, entry["name"]
        else:
            assert entry.get("kind") is None, entry["name"]


# brand -> generic -> class (and target/kind where the label names one), from the
# FDA labels (Drugs@FDA, "Indications and usage" / "Description" sections).
LABELS = [
    ("Femara", "letrozole", "aromatase inhibitor", None),
    ("Arimidex", "anastrozole", "aromatase inhibitor", None),
    ("Aromasin", "exemestane", "aromatase inhibitor", None),
    ("Soltamox", "tamoxifen", "SERM", None),
    ("Fareston", "toremifene", "SERM", None),
    ("Faslodex", "fulvestrant", "SERD", None),
    ("Orserdu", "elacestrant", "SERD", None),
    ("Inluriyo", "imlunestrant", "SERD", None),
    ("Ibrance", "palbociclib", "CDK4/6 inhibitor", None),
    ("Kisqali", "ribociclib", "CDK4/6 inhibitor", None),
    ("Verzenio", "abemaciclib", "CDK4/6 inhibitor", None),
    ("Piqray", "alpelisib", "PI3K/AKT/mTOR inhibitor", "PI3K"),
    ("Itovebi", "inavolisib", "PI3K/AKT/mTOR inhibitor", "PI3K"),
    ("Truqap", "capivasertib", "PI3K/AKT/mTOR inhibitor", "AKT"),
    ("Afinitor", "everolimus", "PI3K/AKT/mTOR inhibitor", "mTOR"),
    ("Herceptin", "trastuzumab", "anti-HER2 antibody", "HER2"),
    ("Ogivri", "trastuzumab", "anti-HER2 antibody", "HER2"),
    ("Perjeta", "pertuzumab", "anti-HER2 antibody", "HER2"),
    ("Margenza", "margetuximab", "anti-HER2 antibody", "HER2"),
    ("Nerlynx", "neratinib", "HER2 tyrosine kinase inhibitor", "HER2"),
    ("Tukysa", "tucatinib", "HER2 tyrosine kinase inhibitor", "HER2"),
    ("Tykerb", "lapatinib", "HER2 tyrosine kinase inhibitor", "HER2"),
    ("Kadcyla", "ado-trastuzumab emtansine", "antibody-drug conjugate", "HER2"),
    ("Enhertu", "trastuzumab deruxtecan", "antibody-drug conjugate", "HER2"),
    ("Trodelvy", "sacituzumab govitecan", "antibody-drug conjugate", "TROP2"),
    ("Datroway", "datopotamab deruxtecan", "antibody-drug conjugate", "TROP2"),
    ("Lynparza", "olaparib", "PARP inhibitor", None),
    ("Talzenna", "talazoparib", "PARP inhibitor", None),
    ("Keytruda", "pembrolizumab", "immune checkpoint inhibitor", None),
    ("Xeloda", "capecitabine", "chemotherapy", "antimetabolite"),
    ("Halaven", "eribulin", "chemotherapy", "microtubule inhibitor"),
    ("Abraxane", "paclitaxel protein-bound", "chemotherapy", "taxane"),
    ("Doxil", "pegylated liposomal doxorubicin", "chemotherapy", "anthracycline"),
    ("Xgeva", "denosumab", "bone-modifying agent", None),
    ("Zometa", "zoledronic acid", "bone-modifying agent", None),
    ("Zoladex", "goserelin", "ovarian suppression", None),
    ("Neulasta", "pegfilgrastim", "white blood cell growth factor", None),
]


@pytest.mark.parametrize(
    ("brand", "generic", "label", "detail"), LABELS, ids=[r[0] for r in LABELS]
)
def test_brand_maps_to_generic_and_class(brand, generic, label, detail):
    drug = vocabulary.drug(brand)
    assert drug is not None, brand
    assert drug.name == generic
    assert label in drug.classes
    if detail is not None:
        assert detail in (drug.target, drug.kind)


@pytest.mark.parametrize(
    ("alias", "generic"),
    [
        ("T-DM1", "ado-trastuzumab emtansine"),
        ("T-DXd", "trastuzumab deruxtecan"),
        ("Dato-DXd", "datopotamab deruxtecan"),
        ("nab-paclitaxel", "paclitaxel protein-bound"),
        ("5-FU", "fluorouracil"),
        ("G-CSF", "filgrastim"),
        ("Phesgo", "pertuzumab, trastuzumab, and hyaluronidase"),
    ],
)
def test_common_abbreviations(alias, generic):
    assert vocabulary.drug(alias).name == generic


def test_supportive_classes():
    assert vocabulary.drug("denosumab").supportive
    assert vocabulary.drug("filgrastim").supportive
    assert not vocabulary.drug("paclitaxel").supportive
