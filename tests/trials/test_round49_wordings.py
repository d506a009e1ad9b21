"""Twenty-sixth-session wordings (issue 14), read from the tuning set 69 and from last session's
held-out sets 67 and 68 after they were measured. Each test names the record or the shape its
wording comes from; none is a whole trial, and each is checked both ways."""

from mbcnav.trials.match import verdict

from . import people
from .one_criterion import checks, parsed


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def _lab(value: float) -> dict:
    return {"value": value, "shown": str(value), "date": "2026-01-10"}


def test_a_gene_asked_for_and_genes_said_unchanged_are_two_rules():
    """NCT05232006: "PALB2 germline heterozygous mutation carrier, wild type BRCA1&2": a BRCA1
    change rules the person out; the denial of BRCA is not dropped beside the PALB2 ask."""
    text = (
        "PALB2 germline heterozygous mutation carrier, wild type BRCA1&2 (breast cancer 1&2) "
        "affected with metastatic breast cancer in first metastatic treatment line or beyond"
    )
    genes = {tuple(c["genes"]): c["neg"] for c in checks(text) if c["type"] == "biomarker"}
    assert genes == {("PALB2",): False, ("BRCA1", "BRCA2"): True}
    brca1 = people.facts(
        biomarkers={"BRCA1": "mutated", "BRCA2": "negative", "PALB2": "negative"},
        germline_brca=True,
    )
    assert _verdict(text, brca1) == "not met"
    palb2 = people.facts(
        biomarkers={"PALB2": "mutated", "BRCA1": "negative", "BRCA2": "negative"},
        germline_brca=False,
        origins={"PALB2": "germline"},
    )
    assert _verdict(text, palb2) != "not met"


def test_an_allowance_that_gives_a_number_of_lines_is_the_most_allowed():
    """NCT03671044: "Patients may have received one prior chemotherapy regimen for adjuvant
    therapy and/or one chemotherapy treatment/regimen for firstline metastatic therapy"."""
    text = (
        "Patients may have received one prior chemotherapy regimen for adjuvant therapy and/or "
        "one chemotherapy treatment/regimen for firstline metastatic therapy"
    )
    (c,) = [c for c in checks(text) if c["type"] == "lines"]
    assert (c["min"], c["max"], c["class"], c["metastatic"]) == (None, 1, "chemotherapy", True)
    chemo = [["chemotherapy"]]
    assert _verdict(text, people.facts(lines=3, line_labels=chemo * 3)) == "not met"
    assert _verdict(text, people.facts(lines=1, line_labels=chemo)) == "met"
    permitted = "One prior chemotherapy regimen for metastatic disease is permitted"
    assert [c["max"] for c in checks(permitted) if c["type"] == "lines"] == [1]
    # a number for the time before the spread only, or a drug's own count, is no cap on lines
    assert not [
        c
        for c in checks(
            "Patients may have received 1 prior line of chemotherapy in the adjuvant setting"
        )
        if c["type"] == "lines"
    ]
    assert not [
        c
        for c in checks(
            "Patients may have received one prior regimen of trastuzumab for metastatic disease"
        )
        if c["type"] == "lines"
    ]


def test_a_pointer_to_an_appendix_is_no_performance_score():
    """NCT00097721: "ECOG Performance Status (APPENDIX 4) of 0 or 1"."""
    text = "Eastern Cooperative Oncology Group (ECOG) Performance Status (APPENDIX 4) of 0 or 1"
    assert checks(text) == [{"type": "ecog", "allowed": [0, 1]}]
    assert _verdict(text, people.facts(ecog=1)) == "met"
    assert _verdict(text, people.facts(ecog=2)) == "not met"


def test_earlier_treatment_to_brain_metastases_and_a_size_limit_are_not_any_brain_spread():
    """NCT02898727: an exclusion of "Previous treatment to the target brain metastases" and of
    a metastasis "greater than 30mm in size": untreated brain metastases of unknown size are not
    ruled out; treated ones are."""
    treated = "Previous treatment to the target brain metastases (excluding surgery within 6 weeks of registration)"
    assert _verdict(treated, people.facts(brain="active"), "exclusion") != "not met"
    assert _verdict(treated, people.facts(brain="treated-stable"), "exclusion") == "not met"
    assert _verdict(treated, people.facts(brain="none"), "exclusion") == "met"
    size = "Any brain metastasis that is greater than 30mm in size and unable to be resected"
    assert _verdict(size, people.facts(brain="active"), "exclusion") == "unknown"
    assert _verdict(size, people.facts(brain="none"), "exclusion") == "met"
    assert _verdict("Known brain metastases", people.facts(brain="active"), "exclusion") == (
        "not met"
    )


def test_an_agent_that_inhibits_a_pathway_is_a_treatment_of_that_class():
    """NCT03423199: "Prior treatment with any CDK inhibitor, tamoxifen, everolimus, or agent
    that inhibits the PI3K-mTOR pathway": every part names a treatment, so a CDK4/6 inhibitor
    had rules the person out."""
    from mbcnav.trials.facts import DrugFact

    text = (
        "Prior treatment with any CDK inhibitor, tamoxifen, everolimus, or agent that inhibits "
        "the PI3K-mTOR pathway"
    )
    abema = DrugFact(
        "abemaciclib", ["abemaciclib", "CDK4/6 inhibitor"], ["metastatic"], start="2023-03-09"
    )
    assert _verdict(text, people.facts(drugs=[abema]), "exclusion") == "not met"
    assert _verdict(text, people.facts(drugs=[]), "exclusion") == "met"
    # a part that names no treatment still leaves the rule open ("... and was discontinued
    # from that therapy due to a Grade 3 or higher immune-related adverse event")
    pd1 = (
        "Has received prior therapy with an anti-PD-1 agent or with an agent directed to another "
        "co-inhibitory T-cell receptor and was discontinued from that therapy due to a Grade 3 "
        "or higher immune-related adverse event"
    )
    pembro = DrugFact(
        "pembrolizumab",
        ["pembrolizumab", "immune checkpoint inhibitor"],
        ["metastatic"],
        start="2024-01-10",
    )
    assert _verdict(pd1, people.facts(drugs=[pembro]), "exclusion") != "not met"


def test_a_limit_is_no_denial_of_the_disease_it_names():
    """NCT05172518: "No more than one prior chemotherapy regimen for inoperable locally
    advanced or metastatic HER2-negative breast cancer" asks for HER2-negative disease."""
    text = (
        "No more than one prior chemotherapy regimen for inoperable locally advanced or "
        "metastatic HER2-negative breast cancer;"
    )
    (her2,) = [c for c in checks(text) if c["type"] == "receptor"]
    assert (her2["value"], her2["neg"]) == ("her2-negative", False)
    assert _verdict(text, people.facts(her2="low", chemo_lines=0)) == "met"
    assert _verdict(text, people.facts(her2="positive", chemo_lines=0)) == "not met"
    two = people.facts(her2="low", lines=2, line_labels=[["chemotherapy"]] * 2)
    assert _verdict(text, two) == "not met"


def test_receptor_negativity_as_a_noun():
    """NCT03616886: "Estrogen receptor (ER) and progesterone receptor (PR) negativity (< 1%
    positive staining cells ...)" and "Human epidermal growth factor receptor 2 (HER2)
    negativity"."""
    hr = "Estrogen receptor (ER) and progesterone receptor (PR) negativity (< 1% positive staining cells in the invasive tumour)"
    assert [c["value"] for c in checks(hr)] == ["hr-negative"]
    assert _verdict(hr, people.facts(hr="negative")) == "met"
    assert _verdict(hr, people.facts(hr="positive")) == "not met"
    her2 = "Human epidermal growth factor receptor 2 (HER2) negativity"
    assert [c["value"] for c in checks(her2)] == ["her2-negative"]


def test_a_visceral_crisis_needs_an_organ():
    """NCT05431504 (a study for visceral crisis): spread to bone only is no organ failing,
    unless the blood counts say the marrow may be failing; liver spread stays unknown."""
    text = (
        "Any clinical signs or symptoms of symptomatic brain metastasis or visceral metastasis "
        "(at least one of the following: pleural effusion; ascites)"
    )
    counts = {"platelets": _lab(210.0), "hemoglobin": _lab(12.1), "anc": _lab(3.4)}
    bone = people.facts(sites=["bone"], brain="none", labs=counts)
    assert _verdict(text, bone) == "not met"
    marrow = people.facts(sites=["bone"], brain="none", labs={**counts, "platelets": _lab(30.0)})
    assert _verdict(text, marrow) == "unknown"
    # no blood counts on file: the marrow cannot be ruled out (review)
    assert _verdict(text, people.facts(sites=["bone"], brain="none")) == "unknown"
    assert _verdict(text, people.facts(sites=["lymph nodes", "skin"], brain="none")) == "not met"
    assert _verdict(text, people.facts(sites=["liver", "bone"], brain="none")) == "unknown"
    assert _verdict("Visceral crisis", bone, "exclusion") == "met"


def test_never_treated_with_systemic_treatment_for_the_spread():
    """NCT03616886: "... TNBC in patients not previously treated with systemic treatment";
    NCT07003074: "Has not received systemic anti-tumor therapy during the recurrence/metastasis
    stage (acceptable ≤ first-line endocrine therapy)"."""
    first = (
        "The locally recurrent or metastatic relapse must be histologically confirmed TNBC in "
        "patients not previously treated with systemic treatment"
    )
    (c,) = [c for c in checks(first) if c["type"] == "lines"]
    assert (c["max"], c["metastatic"]) == (0, True)
    assert _verdict(first, people.facts(hr="negative", her2="zero", lines=2)) == "not met"
    text = (
        "Has not received systemic anti-tumor therapy during the recurrence/metastasis stage "
        "(acceptable ≤ first-line endocrine therapy)"
    )
    (c,) = [c for c in checks(text) if c["type"] == "lines"]
    assert (c["max"], c["class"]) == (0, "non-endocrine therapy")
    chemo_then_hormone = [["chemotherapy", "anti-HER2 antibody", "endocrine therapy"]]
    assert _verdict(text, people.facts(lines=1, line_labels=chemo_then_hormone)) == "not met"
    assert _verdict(text, people.facts(lines=1, line_labels=[["endocrine therapy"]])) == "met"
    # a washout says nothing of the spread: no count
    assert not checks("Has not received systemic therapy within 4 weeks")


def test_metachronous_spread_is_a_recurrence():
    """NCT04646564: "Metachronous extracranial oligometastatic diseases which occurred after 3
    months after radical surgery": not met by cancer that had spread at the first diagnosis."""
    text = "Metachronous extracranial oligometastatic diseases which occurred after 3 months after radical surgery"
    assert _verdict(text, people.facts(de_novo=True, brain="none")) == "not met"
    assert _verdict(text, people.facts(de_novo=False, brain="none")) == "met"
    assert not [
        c
        for c in checks("synchronous or metachronous contralateral breast cancer")
        if c["type"] == "de_novo" and c["neg"]
    ]


def test_extracranial_disease_has_no_brain_metastases():
    """NCT04646564: "Metachronous extracranial oligometastatic diseases ..." is spread outside
    the skull: brain or leptomeningeal metastases do not fit it."""
    text = "Metachronous extracranial oligometastatic diseases which occurred after 3 months after radical surgery"
    assert _verdict(text, people.facts(de_novo=False, brain="treated-stable")) == "not met"
    assert _verdict(text, people.facts(de_novo=False, brain="leptomeningeal")) == "not met"
    assert _verdict(text, people.facts(de_novo=False, brain="none")) == "met"
    either = "synchronous or metachronous metastatic disease"
    assert not [c for c in checks(either) if c["type"] == "de_novo"]
    allowed = "Brain metastases with extracranial progression are allowed"
    assert _verdict(allowed, people.facts(brain="treated-stable")) != "not met"


def test_an_inclusion_whose_subject_is_women():
    """NCT02258464 as a web page gives it, with no sex field: "Women (≥18 years of age) with
    metastatic breast cancer ..."; not "women of childbearing potential" or "men or women"."""
    text = "Women (≥18 years of age) with metastatic breast cancer not amenable to curative treatment by surgery or radiotherapy."
    assert _verdict(text, people.facts(sex="male")) == "not met"
    assert _verdict(text, people.facts(sex="female")) == "met"
    assert not [
        c
        for c in checks("Women of childbearing potential must use contraception")
        if c["type"] == "sex"
    ]
    assert not [
        c for c in checks("Women or men with metastatic breast cancer") if c["type"] == "sex"
    ]
    assert not [
        c
        for c in checks(
            "Women with a history of heart failure or arrhythmia needing treatment", "exclusion"
        )
        if c["type"] == "sex"
    ]


def test_progression_that_occurred_during_the_most_recent_treatment():
    """NCT07008976: "Disease progression occurred during or after the most recent treatment or
    intolerance."."""
    text = "Disease progression occurred during or after the most recent treatment or intolerance."
    (c,) = checks(text)
    assert c["type"] == "lines" and c["min"] == 1 and c.get("any_setting")


def test_review_limits_wash_outs_and_other_kinds_stay_what_they_were():
    """Review inputs: a limit on a treatment asks for none of it; a washout, a setting before the
    spread, a kind of drug or an exception is no "no earlier line"; a metachronous exclusion with
    a time, a duration in weeks beside brain metastases and an exact count beside an allowance
    keep their old reading."""
    zero = people.facts(drugs=[])
    et1 = people.facts(lines=1, line_labels=[["endocrine therapy", "CDK4/6 inhibitor"]])
    ch1 = people.facts(lines=1, line_labels=[["chemotherapy"]])
    ch2 = people.facts(lines=2, line_labels=[["chemotherapy"], ["chemotherapy"]])
    assert (
        _verdict("No more than 2 prior hormonal therapies in the metastatic setting", zero) == "met"
    )
    assert _verdict("Not more than one prior CDK4/6 inhibitor", zero) == "met"
    for text, person in (
        ("Patients not previously treated with systemic therapy containing a taxane", ch1),
        ("Patients not previously treated with systemic therapy in the adjuvant setting", et1),
        ("Patients not previously treated with systemic therapy for brain metastases", et1),
        (
            "Patients who have not received systemic therapy for metastatic disease within the last 4 weeks",
            et1,
        ),
        ("Patients may have received one prior taxane regimen in the metastatic setting", ch2),
        (
            "Has not received systemic therapy in the recurrent setting (prior endocrine therapy acceptable)",
            et1,
        ),
    ):
        assert _verdict(text, person) != "not met", text
    late = "Metachronous metastases occurring within 6 months of completing adjuvant therapy"
    assert _verdict(late, people.facts(de_novo=False), "exclusion") != "not met"
    weeks = "Brain metastases unless treated and stable for > 4 weeks"
    assert _verdict(weeks, people.facts(brain="active"), "exclusion") == "not met"
    exact = (
        "Patients must have received exactly one prior line of endocrine therapy for metastatic "
        "disease; one prior chemotherapy regimen for metastatic disease is permitted"
    )
    assert _verdict(exact, zero) == "not met"
