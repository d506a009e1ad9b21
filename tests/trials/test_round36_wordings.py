"""Fifteenth-session wordings (issue 14), from the registry text of tuning set 36 (basket
trials): each test names the record or the shape its wording comes from; none is a whole trial."""

from mbcnav.trials.cohorts import cohort_of
from mbcnav.trials.headers import scope
from mbcnav.trials.match import verdict
from mbcnav.trials.mention_check import genes_named
from mbcnav.trials.modality import modality
from mbcnav.trials.split import split

from . import people
from .one_criterion import parsed

#: a record with a tumor DNA panel (PIK3CA, ESR1, MSI, TMB) and no change in other genes
PANEL = {"PIK3CA": "mutated", "ESR1": "not mutated", "MSI": "stable", "TMB": "3"}


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def test_the_genes_a_basket_criterion_names():
    assert genes_named("Known FGFR2 and/or FGFR3 gene alteration") == ["FGFR2", "FGFR3"]
    assert genes_named("extended RAS (e.g. KRAS or NRAS) or BRAF mutant") == [
        "KRAS",
        "NRAS",
        "HRAS",
        "BRAF",
    ]
    # words that are also gene symbols count in capitals only
    assert genes_named("criteria met, the kit was returned") == []
    assert genes_named("MET amplification or ALK fusion") == ["MET", "ALK"]


def test_a_required_change_in_another_gene():
    """NCT05242822 "Known FGFR2 and/or FGFR3 gene alteration", NCT05245500 "homozygous deletion
    of the MTAP gene", NCT03146962 "RAS ... or BRAF mutant": met by a listed change, not met when
    a tumor DNA panel in the record names none, unknown without one."""
    fgfr = "Known FGFR2 and/or FGFR3 gene alteration, as confirmed by previous genomic analysis"
    mtap = "Solid tumor malignancy with homozygous deletion of the MTAP gene detected in tissue"
    ras = "Inoperable, metastatic extended RAS (e.g. KRAS or NRAS) or BRAF mutant solid tumors"
    panel = people.facts(biomarkers=dict(PANEL))
    for text in (fgfr, mtap, ras):
        assert _verdict(text, panel) == "not met", text
        why = verdict(parsed(text), panel, {})["why"]
        assert "add it to your record" in why
    # no tumor DNA results, or one single-gene result: not known
    assert _verdict(fgfr, people.facts(biomarkers={})) == "unknown"
    assert _verdict(fgfr, people.facts(biomarkers={"PIK3CA": "mutated"})) == "unknown"
    # inherited genes and protein stains are no tumor DNA panel
    stains = {"BRCA1": "negative", "BRCA2": "negative", "PD-L1": "CPS 12"}
    assert _verdict(fgfr, people.facts(biomarkers=stains)) == "unknown"
    # a listed change meets it; a negative result for every gene named rules it out
    amp = people.facts(
        biomarkers={"FGFR2 amplification": "amplified"}, alterations={"FGFR2": ["amplification"]}
    )
    assert _verdict(fgfr, amp) == "met"
    kras = people.facts(biomarkers={"KRAS": "mutated"}, alterations={"KRAS": ["mutation"]})
    assert _verdict(ras, kras) == "met"
    tested = people.facts(biomarkers={"FGFR2": "not mutated", "FGFR3": "not mutated"})
    assert _verdict(fgfr, tested) == "not met"
    # review: unknown, inherited, MSI/TMB results and a single gene make no panel
    for marks, origins in (
        ({"PIK3CA": "unknown", "ESR1": "unknown"}, {}),
        ({"MSI": "stable", "TMB": "low"}, {}),
        ({"ATM": "mutated", "CHEK2": "not mutated"}, {"ATM": "germline", "CHEK2": "germline"}),
    ):
        f = people.facts(biomarkers=marks, origins=origins)
        assert _verdict(fgfr, f) == "unknown", marks
    # review: a negative result rules out only its own kind of change
    no_mut = people.facts(biomarkers={"FGFR2": "not mutated"})
    assert _verdict("FGFR2 amplification", no_mut) == "unknown"
    assert _verdict("FGFR2 fusion", no_mut) == "unknown"
    assert _verdict("FGFR2 activating mutation", no_mut) == "not met"
    no_amp = people.facts(biomarkers={"FGFR2 amplification": "not amplified"})
    assert _verdict("FGFR2 amplification", no_amp) == "not met"
    # review: a status to be tested and a protein stain are no gene change asked for
    for text in (
        "FGFR alteration status must be known",
        "MTAP deletion status (deleted or not deleted) must be available",
        "EGFR-positive by IHC",
    ):
        assert _verdict(text, panel) != "not met", text
    # as an exclusion, a change the record does not list excludes nobody
    assert _verdict("Known KRAS mutation", panel, "exclusion") == "met"
    assert _verdict("Known KRAS mutation", kras, "exclusion") == "not met"


def test_a_central_confirmation_of_a_named_state_is_a_requirement():
    # NCT03941574: MSI-H required; the central laboratory only confirms it
    text = (
        "Patients with unresectable or metastatic MSI-H or dMMR malignant solid tumors which are "
        "histopathologically or/and cytologically confirmed by the central laboratory"
    )
    assert modality(text, "inclusion") == "required"
    mss = people.facts(biomarkers={"MSI": "stable"}, msi="stable")
    assert _verdict(text, mss) == "not met"
    # a status to be tested centrally, whatever it shows, stays a study step
    status = "Confirmed ESR1 mutation status in baseline ctDNA through central testing"
    assert modality(status, "inclusion") == "procedure"


def test_a_section_header_naming_a_group_scopes_its_items():
    """NCT04140500: "Additional Specific Inclusion Criteria for Participants with Esophageal
    Squamous Cell" / "Carcinoma" (wrapped) over "Participants who have previously received not
    more than 1 prior line ...": a rule for that group only, not a line limit for everyone."""
    assert scope("Additional Specific Inclusion Criteria for Participants with Melanoma") == (
        "For participants with Melanoma:"
    )
    text = (
        "Inclusion Criteria:\n - Adequate organ function\n"
        " Additional Specific Inclusion Criteria for Participants with Esophageal Squamous Cell\n"
        " Carcinoma\n"
        " - Participants who have previously received not more than 1 prior line of treatment "
        "for metastatic disease\n"
        "Exclusion Criteria:\n - Pregnancy\n"
    )
    items = [c.text for c in split(text)]
    assert "Carcinoma" not in items
    line = next(t for t in items if "not more than 1 prior line" in t)
    assert line.startswith("For participants with Esophageal Squamous Cell Carcinoma:")
    assert modality(line, "inclusion") == "other_cancer"
    # review: a criterion written below the header without a bullet stays a criterion
    text = (
        "Inclusion Criteria:\n"
        " Additional Specific Inclusion Criteria for Participants with Melanoma\n"
        " Histologically confirmed unresectable melanoma\n"
        " ECOG performance status 0-1\n"
    )
    items = [c.text for c in split(text)]
    assert any("Histologically confirmed unresectable melanoma" in t for t in items)
    assert any("ECOG performance status 0-1" in t for t in items)
    # a header that ends with a colon takes no next line
    text = "Inclusion Criteria for Participants with Melanoma:\nHistologically confirmed melanoma\n"
    assert [c.text for c in split(text)][-1].endswith("Histologically confirmed melanoma")


def test_stages_of_one_study_are_cohorts_told_apart():
    # NCT04198818: a dose-escalation stage for any solid tumor beside expansion stages
    assert cohort_of("Phase I dose escalation stage: Patients with metastatic tumors") == [
        "phase i escalation"
    ]
    assert cohort_of("Phase I expansion stage and Phase II stage: documented MAPK mutations") == [
        "phase i expansion",
        "phase ii",
    ]
    assert cohort_of("Stage IV breast cancer: measurable disease") is None
    # review: "stages" after a list names each stage the same way
    assert cohort_of("Phase 1 and Phase 2 stages: x") == ["phase 1", "phase 2"]


def test_a_target_lesion_in_the_liver_is_liver_spread():
    # NCT03781934 "Must have at least 1 target lesion in the liver."
    text = "Must have at least 1 target lesion in the liver."
    assert _verdict(text, people.facts(sites=["lung", "lymph nodes"], sites_known=True)) == (
        "not met"
    )
    assert _verdict(text, people.facts(sites=["liver"], sites_known=True)) == "met"
    # review: one organ of a list, and benign liver lesions, are no liver spread asked for
    lung = people.facts(sites=["lung"], sites_known=True)
    assert _verdict("At least one target lesion in the liver or lung", lung) != "not met"
    liver = people.facts(sites=["liver"], sites_known=True)
    assert _verdict("Benign lesions of the liver requiring treatment", liver, "exclusion") != (
        "not met"
    )


def test_a_tilde_joins_the_ends_of_an_age_range():
    # NCT04906434 "Male or female, age 18 ~ 75 (include both ends, ...)"
    text = "Male or female, age 18 ~ 75 (include both ends, or other age range required by IRB)."
    assert _verdict(text, people.facts(age=80)) == "not met"
    assert _verdict(text, people.facts(age=60)) == "met"


def test_resistance_written_after_the_drug_is_growth_on_it():
    # NCT00736970 "Trastuzumab-resistance"
    from mbcnav.trials.facts import DrugFact

    on_it = people.facts(
        drugs=[DrugFact(name="trastuzumab", labels=["trastuzumab"], settings=["metastatic"])]
    )
    for text in ("Trastuzumab-resistance", "trastuzumab-refractory disease"):
        check = parsed(text)["checks"][0]
        assert check["mode"] == "progressed", text
    assert parsed("Prior trastuzumab is allowed")["checks"][0]["mode"] == "received"
    assert _verdict("Trastuzumab-resistance", on_it) in {"not met", "unknown"}


def test_solid_tumours_of_other_organs_are_another_cancer():
    # NCT03781934: a part for "colon, rectal, or gastric solid tumors" beside one for any solid tumor
    part = (
        "Must have progressed on or are intolerant of standard therapy with: Liver metastases "
        "from colon, rectal, or gastric solid tumors with limited extrahepatic tumor burden"
    )
    assert modality(part, "inclusion") == "other_cancer"
    assert modality("Advanced solid tumors including colorectal cancer", "inclusion") != (
        "other_cancer"
    )
    assert modality("Advanced solid tumors or non-small cell lung cancer", "inclusion") != (
        "other_cancer"
    )


def test_european_lab_names_and_n_as_the_upper_limit():
    """NCT01196455 (held-out set 37, read after it was measured): "ASAT and/or ALAT > 2.5 x N*
    (in case of liver metastases > 5 x N*)" with "*N = upper limit of standard range": a limit
    in multiples of the upper limit, looser with liver spread; the liver spread is its premise,
    not a rule that leaves out people with liver metastases."""
    checks_ = parsed(
        "ASAT and/or ALAT > 2.5 x N* (in case of liver metastases > 5 x N*)", "exclusion"
    )["checks"]
    assert {c["value"] for c in checks_} == {"ast", "alt"}
    assert all(c["uln"] and c["liver_limit"] == 5.0 for c in checks_)
    alp = "alkaline phosphatase > 2.5 x N* (in case of liver metastases > 5 x N*, in case of bone metastases > 10 x N*)"
    assert not [c for c in parsed(alp, "exclusion")["checks"] if c["type"] == "site"]
    creat = parsed("serum creatinine > 1.25 x N*", "exclusion")["checks"][0]
    assert creat["uln"] and creat["limit"] == 1.25
    # a plain rule about liver spread is still read
    assert parsed("Patients with liver metastases", "exclusion")["checks"][0]["type"] == "site"


def test_what_may_be_a_target_lesion_is_no_rule_about_spread():
    # NCT01196455: "Bone metastases, leptomeningeal disease ... are not acceptable as target lesions"
    text = (
        "Metastatic breast cancer, having at least one target lesion according to the RECIST "
        "criteria. Bone metastases, leptomeningeal disease, ascites, pleural or pericardial "
        "effusions are not acceptable as target lesions."
    )
    f = people.facts(sites=["liver", "bone"], sites_known=True, measurable=True)
    assert _verdict(text, f) == "met"
    assert _verdict("Patients with liver metastases", f, "exclusion") == "not met"
