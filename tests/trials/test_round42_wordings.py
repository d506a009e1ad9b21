"""Nineteenth-session wordings (issue 14), read from last session's held-out sets 46 and 47 after
they were measured. Each test names the record or the shape its wording comes from; none is a
whole trial, and each is checked both ways."""

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.her2 import her2_scores
from mbcnav.trials.match import verdict
from mbcnav.trials.population import gates
from mbcnav.trials.record import Trial
from mbcnav.trials.split import split

from . import people
from .one_criterion import checks, parsed

TDXD = DrugFact(
    "trastuzumab deruxtecan",
    ["antibody-drug conjugate", "anti-HER2 antibody", "topoisomerase I inhibitor"],
)
PACLITAXEL = DrugFact("paclitaxel", ["chemotherapy", "taxane", "microtubule inhibitor"])


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def test_a_negation_in_an_aside_set_off_by_commas_stays_in_the_aside():
    """NCT06103864: "locally recurrent inoperable, which cannot be treated with curative intent,
    or metastatic TNBC": the "cannot" is the aside's, so metastatic TNBC is what is asked."""
    text = (
        "Histologically or cytologically documented locally recurrent inoperable, which cannot "
        "be treated with curative intent, or metastatic TNBC"
    )
    tnbc = people.facts(hr="negative", her2="zero")
    assert _verdict(text, tnbc) != "not met"
    assert _verdict(text, people.facts(hr="positive", her2="low")) == "not met"
    # a treatment after the comma may be the aside's own list (second review)
    amenable = "Locally advanced breast cancer, which is not amenable to surgery, or radiotherapy"
    assert all(c["neg"] for c in checks(amenable) if c["type"] == "therapy")
    # a relative clause with no comma before it keeps its "not" over a list (NCT04646759)
    listed = "Patients who had not received trastuzumab, chemotherapy and endocrine therapy before"
    assert all(c["neg"] for c in checks(listed, "exclusion") if c["type"] == "therapy")
    # nor does a list after an aside's negation (review)
    naive, treated = people.facts(), people.facts(drugs=[PACLITAXEL])
    for text in (
        "Patients, who have not received prior fulvestrant, chemotherapy or CDK4/6 inhibitors",
        "Metastatic disease, which has not been treated with chemotherapy, fulvestrant or an "
        "mTOR inhibitor",
    ):
        assert _verdict(text, naive) == "met"
        assert _verdict(text, treated) == "not met"


def test_a_chemotherapy_payload_is_part_of_the_adc():
    """NCT06103864: "Prior exposure to any treatment including ADC containing a chemotherapeutic
    agent targeting topoisomerase I": one kind of drug, not chemotherapy of any kind."""
    text = (
        "Prior exposure to any treatment including ADC containing a chemotherapeutic agent "
        "targeting topoisomerase I and TROP2-targeted therapy."
    )
    (adc,) = [c for c in checks(text, "exclusion") if c["type"] == "therapy"]
    assert adc["value"] == "antibody-drug conjugate"
    assert adc["with"] == ["topoisomerase I inhibitor"]
    assert _verdict(text, people.facts(drugs=[PACLITAXEL]), "exclusion") == "met"
    assert _verdict(text, people.facts(drugs=[TDXD]), "exclusion") == "not met"
    # a chemotherapy named outside the payload stays a rule of its own (review)
    for text in (
        "Prior treatment with an ADC containing a chemotherapeutic agent targeting topoisomerase "
        "I, or prior chemotherapy",
        "Prior treatment with an ADC containing a cytotoxic agent targeting topoisomerase I, or "
        "chemotherapy",
    ):
        assert _verdict(text, people.facts(drugs=[PACLITAXEL]), "exclusion") == "not met"


def test_the_kind_of_a_bone_lesion_is_left_to_the_study_team():
    """NCT05501886: "Bone only disease that is only blastic with no soft tissue component"."""
    bone_only = people.facts(sites=["bone"])
    text = "Bone only disease that is only blastic with no soft tissue component"
    assert _verdict(text, bone_only, "exclusion") == "unknown"
    assert _verdict(text, people.facts(sites=["bone", "liver"]), "exclusion") == "met"
    # plain bone-only disease is still settled by the record
    assert _verdict("Bone-only disease", bone_only, "exclusion") == "not met"


def test_an_ihc_score_between_0_and_1_is_ultralow():
    """NCT06331169: "low HER2 expression (IHC 1+& IHC 2+/ISH- or 0<IHC<1+)", under a title for
    HER2-low disease: an ultralow stain is let in, by the criterion and by the title's gate."""
    text = "Has a history of low HER2 expression (IHC 1+& IHC 2+/ISH- or 0<IHC<1+)."
    assert her2_scores(text) == ["low", "ultralow"]
    assert _verdict(text, people.facts(her2="ultralow")) == "met"
    assert _verdict(text, people.facts(her2="zero")) == "not met"
    assert her2_scores("HER2 IHC 1+ or 2+/ISH-") == ["low"]
    # the range named to keep it out (review)
    assert her2_scores("HER2 IHC 1+ or 2+/ISH-; HER2 IHC 0 (no staining) or >0 <1+ excluded") == [
        "low"
    ]
    trial = Trial(
        nct_id="NCT00000000",
        title="Anlotinib With T-DXd for HER2-Low Metastatic Breast Cancer",
        conditions=["Breast Cancer"],
    )
    with_range = [{"kind": "inclusion", "text": text, "checks": checks(text)}]
    low_only = "HER2-low (IHC 1+ or IHC 2+/ISH-)"
    without = [{"kind": "inclusion", "text": low_only, "checks": checks(low_only)}]
    assert ["ultralow" in (her2 or []) for _, her2 in gates(trial, with_range)["subtypes"]] == [
        True
    ]
    assert ["ultralow" in (her2 or []) for _, her2 in gates(trial, without)["subtypes"]] == [False]
    # a plain HER2-negative definition ("IHC 0, 1+ or 2+/ISH-") does not open the gate (review)
    plain = "Documented HER2-negative status (IHC 0, 1+ or 2+/ISH-) on the most recent sample"
    negative = [{"kind": "inclusion", "text": plain, "checks": checks(plain)}]
    assert ["ultralow" in (her2 or []) for _, her2 in gates(trial, negative)["subtypes"]] == [False]
    # the word keeps ultralow out or lets it in, as it is said (second review)
    out = "HER2 IHC 0, 1+ or 2+/ISH-, excluding HER2-ultralow"
    kept_out = [{"kind": "inclusion", "text": out, "checks": checks(out)}]
    assert ["ultralow" in (her2 or []) for _, her2 in gates(trial, kept_out)["subtypes"]] == [False]
    named = "HER2-ultralow or HER2-low metastatic breast cancer"
    let_in = [{"kind": "inclusion", "text": named, "checks": checks(named)}]
    assert ["ultralow" in (her2 or []) for _, her2 in gates(trial, let_in)["subtypes"]] == [True]


def test_a_part_listing_its_tumor_types_is_one_of_them_for_that_part():
    """NCT05142592: "Part 2 Dose Expansion: the following tumor types are tentatively planned
    for expansion." over "Renal cancer", "Triple-negative breast cancer", ..."""
    text = (
        "Inclusion Criteria:\n\n1. Diagnosis of a solid malignancy that is metastatic.\n\n"
        "   * Part 1 Dose Escalation: all solid tumor types.\n"
        "   * Part 2 Dose Expansion: the following tumor types are tentatively planned for "
        "expansion. It may be modified.\n\n"
        "     * Renal cancer\n     * Triple-negative breast cancer\n     * Melanoma\n"
        "2. ECOG 0 to 1.\n"
    )
    items = [c.text for c in split(text)]
    assert "Part 2 Dose Expansion: one of the following tumor types: Renal cancer" in items
    assert all(c.any_of for c in split(text) if "tumor types: " in c.text)
    # a part's label over items that are no list of tumor types is not carried into them
    other = (
        "Inclusion Criteria:\n\n1. Cohort C: SCCA (same as above)\n\n"
        "   * ECOG performance <= 2 at screening\n"
    )
    assert [c.text for c in split(other)][-1].startswith("ECOG performance")
    # no other part named, or tumor types "not eligible": the items stay as written (second review)
    alone = text.replace("   * Part 1 Dose Escalation: all solid tumor types.\n", "")
    assert not any(c.any_of for c in split(alone))
    barred = text.replace("planned for expansion", "not eligible for expansion")
    assert not any(c.any_of for c in split(barred))


def test_a_cohort_heading_written_as_a_list_item_ends_with_its_list():
    """NCT06056323: "a) Pancreatic cancer cohort:" inside item 4 does not reach item 6 (ECOG)."""
    text = (
        "Inclusion Criteria:\n\n4. Phase II: patients with the following types:\n\n"
        "   a) Pancreatic cancer cohort:\n   b) Pancreatic ductal adenocarcinoma.\n"
        "5. Eastern Cooperative Oncology Group (ECOG) performance status (PS) of 0-1.\n"
    )
    assert split(text)[-1].text == (
        "Eastern Cooperative Oncology Group (ECOG) performance status (PS) of 0-1."
    )


def test_a_viral_load_in_cps_per_ml_is_no_pd_l1_score():
    """NCT06056323: "HBV DNA titer <1000 cps/mL" is copies per millilitre."""
    text = "Patients with active hepatitis B virus (HBV) without active disease (HBV DNA titer <1000 cps/mL)"
    assert not [c for c in checks(text) if c["type"] == "biomarker"]
    assert [c["value"] for c in checks("PD-L1 CPS >= 10") if c["type"] == "biomarker"] == ["PD-L1"]
