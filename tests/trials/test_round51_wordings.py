"""Twenty-eighth-session wordings (issue 14), read from the tuning set 75 and from last session's
held-out sets 73 and 74 after they were measured. Each test names the record or the shape its
wording comes from; none is a whole trial, and each is checked both ways."""

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.match import verdict
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial
from mbcnav.trials.title_lines import title_line

from . import people
from .one_criterion import checks, parsed


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def _early(name: str, labels: list[str], end: str) -> DrugFact:
    return DrugFact(name, [name, *labels], ["adjuvant"], start="2020-01-01", end=end)


def _soon_and_late(name: str, labels: list[str], soon_end: str, late_end: str) -> tuple:
    """Two people whose cancer spread on 2025-10-01: one soon after ``name`` ended, one late."""
    return tuple(
        people.facts(diagnosed_on="2025-10-01", drugs=[_early(name, labels, end)])
        for end in (soon_end, late_end)
    )


def test_the_line_a_title_names_counts_earlier_lines_of_its_class():
    """NCT00128843 "Exemestane Versus Anastrozole as First Line Hormone Therapy in Postmenopausal
    Metastatic Breast Cancer Patients": a person who had letrozole for metastatic disease is past
    the first hormone line; one who had only chemotherapy for it is not."""
    title = (
        "Exemestane Versus Anastrozole as First Line Hormone Therapy in Postmenopausal "
        "Metastatic Breast Cancer Patients"
    )
    crit = title_line(title, [])
    assert crit is not None
    (c,) = crit["checks"]
    assert (c["type"], c["class"], c["max"], c["metastatic"]) == (
        "lines",
        "endocrine therapy",
        0,
        True,
    )
    had_hormone = people.facts(lines=1, lines_done=1, line_labels=[["endocrine therapy"]])
    had_chemo = people.facts(lines=1, lines_done=1, chemo_lines=1, line_labels=[["chemotherapy"]])
    assert verdict(crit, had_hormone, {})["verdict"] == "not met"
    assert verdict(crit, had_chemo, {})["verdict"] == "met"


def test_a_title_line_takes_its_class_from_the_drugs_it_names():
    """NCT02037529 "Eribulin Mesylate or Paclitaxel as First- or Second-Line Therapy ...":
    chemotherapy lines, at most one; a title naming drugs of two kinds says no class."""
    crit = title_line(
        "Eribulin Mesylate or Paclitaxel as First- or Second-Line Therapy in Treating Patients "
        "With Recurrent Stage IIIC-IV Breast Cancer",
        [],
    )
    assert crit is not None
    assert [(c["class"], c["max"]) for c in crit["checks"]] == [("chemotherapy", 1)]
    assert title_line("Paclitaxel Plus Bevacizumab as First Line Therapy for MBC", []) is None


def test_a_title_line_the_person_has_had_or_a_maintenance_line_is_no_count():
    """ "... With Resistance to First-line Endocrine Therapy" (NCT07666555), "After First-line
    Chemotherapy", "Maintenance Therapy Regimen at Least 2nd Line" (NCT03204734), "1st and 2nd
    Line Hormone Receptor Positive" (NCT00241046: hormone receptor, not hormone therapy), and the
    review's "Who Received", "Relapsed on", "Pretreated With", ranges and two groups: only a line
    the title introduces ("as", "in", "for", or its first words) is the study's."""
    for title in (
        "Culmerciclib Rechallenge in HR-positive Breast Cancer Patients With Resistance to "
        "First-line Endocrine Therapy",
        "Capecitabine After First-line Chemotherapy in Metastatic Breast Cancer",
        "Capecitabine or Endocrinotherapy as a Maintenance Therapy Regimen at Least 2nd Line in "
        "Metastatic Breast Cancer",
        "Eribulin as First-line or Later Therapy for Metastatic Breast Cancer",
        "Letrozole in the Treatment of 1st and 2nd Line Hormone Receptor Positive Breast Cancer",
        "Eribulin in Patients Who Received First-line Chemotherapy for Metastatic Breast Cancer",
        "Capecitabine for Patients Who Relapsed on First-line Hormone Therapy in MBC",
        "Paclitaxel in Metastatic Breast Cancer Pretreated With First-line Chemotherapy",
        "Exemestane as First-line to Third-line Hormone Therapy in Metastatic Breast Cancer",
        "Drug X as First-line for TNBC and Second-line Chemotherapy for Other Metastatic Cancer",
    ):
        assert title_line(title, []) is None, title


def test_a_title_line_gives_way_to_an_allowance_of_its_class_for_advanced_disease():
    """Review: "Nab-paclitaxel as First-line Chemotherapy ..." with "Prior chemotherapy in the
    metastatic setting is allowed if given more than 12 months ago" lets some in who had it; an
    allowance of chemotherapy after surgery only does not."""
    title = "Nab-paclitaxel as First-line Chemotherapy for Metastatic Breast Cancer"
    allowed = parsed(
        "Prior chemotherapy in the metastatic setting is allowed if given more than 12 months ago"
    )
    early = parsed("Prior adjuvant chemotherapy is allowed")
    assert title_line(title, [allowed]) is None
    assert title_line(title, [early]) is not None


def test_a_title_line_gives_way_to_the_criteria_own_count():
    """A study whose criteria count lines of the same class themselves keeps their count."""
    own = [{"checks": [{"type": "lines", "class": "chemotherapy", "max": 2}]}]
    title = "Eribulin as Second-Line Chemotherapy for Metastatic Breast Cancer"
    assert title_line(title, own) is None
    assert title_line(title, []) is not None


def test_a_parsed_trial_carries_the_title_line_only_for_advanced_disease():
    trial = Trial(
        nct_id="NCT00000001",
        title="Anastrozole With or Without Fulvestrant as First-Line Therapy in Postmenopausal "
        "Women With Metastatic Breast Cancer",
        eligibility="Inclusion Criteria:\n- Postmenopausal women",
    )
    texts = [c["text"] for c in parse_trial(trial)["criteria"]]
    assert any(t.startswith("First-Line: no earlier hormone") for t in texts)
    early = Trial(
        nct_id="NCT00000002",
        title="Anastrozole as First-Line Adjuvant Therapy for Early Breast Cancer",
        eligibility="Inclusion Criteria:\n- Postmenopausal women",
    )
    assert not any("earlier hormone" in c["text"] for c in parse_trial(early)["criteria"])


def test_an_allowance_with_a_relapse_gap_rules_out_an_early_relapse():
    """NCT06065748: "Prior use of adjuvant CDK4/6i is allowed (if relapse occurred >/=12 months
    since completion)": a relapse on adjuvant abemaciclib is not met; one two years after it, or
    no adjuvant CDK4/6 inhibitor, is."""
    text = (
        "Resistance to prior adjuvant endocrine therapy (ET), which is defined as having relapsed "
        "with prior standard adjuvant ET, on-treatment after >/=12 months or off-treatment within "
        "12 months of completion. Prior use of adjuvant CDK4/6i is allowed (if relapse occurred "
        ">/=12 months since completion)."
    )
    (cdk,) = [c for c in checks(text) if c.get("value") == "CDK4/6 inhibitor"]
    assert cdk["allowed"] and round(cdk["allowed_if_gap"]) == 365
    letrozole = _early("letrozole", ["aromatase inhibitor", "endocrine therapy"], "2025-11-20")
    on_it = people.facts(
        diagnosed_on="2025-11-24",
        drugs=[letrozole, _early("abemaciclib", ["CDK4/6 inhibitor"], "2025-12-12")],
    )
    long_after = people.facts(
        diagnosed_on="2025-11-24",
        drugs=[letrozole, _early("abemaciclib", ["CDK4/6 inhibitor"], "2023-06-01")],
    )
    assert _verdict(text, on_it) == "not met"
    assert _verdict(text, long_after) == "met"
    assert _verdict(text, people.facts(diagnosed_on="2025-11-24", drugs=[letrozole])) == "met"
    # with no dates, the study team decides
    undated = people.facts(
        diagnosed_on="2025-11-24",
        drugs=[DrugFact("abemaciclib", ["abemaciclib", "CDK4/6 inhibitor"], ["adjuvant"])],
    )
    assert (
        _verdict(
            "Prior adjuvant CDK4/6 inhibitor is allowed if relapse occurred "
            "at least 12 months after completion",
            undated,
        )
        == "unknown"
    )


def test_a_relapse_gap_after_an_early_treatment_binds_only_whoever_had_it():
    """NCT00370552: "Relapse 12 months or more after completing prior adjuvant or neoadjuvant
    taxane therapy" was "not met" for a person who never had a taxane."""
    text = (
        "Relapse 12 months or more after completing prior adjuvant or neoadjuvant taxane therapy."
    )
    never = people.facts(diagnosed_on="2025-10-01")
    soon, late = _soon_and_late(
        "paclitaxel", ["taxane", "chemotherapy"], "2025-01-10", "2022-01-10"
    )
    assert _verdict(text, never) == "met"
    assert _verdict(text, soon) == "not met"
    assert _verdict(text, late) == "met"


def test_and_prior_opens_a_second_requirement_in_a_list_of_treatments():
    """NCT06974604: "... progressed on hormonal based therapy including CDK4/6 inhibitor and 1
    prior line of chemotherapy and/or antibody drug conjugate therapy" was met by a CDK4/6
    inhibitor alone; both parts are needed, the second either way."""
    text = (
        "Pathologically documented hormone receptor positive breast cancer (estrogen receptor "
        "and/or progesterone receptor positive, HER2 negative) which has progressed on hormonal "
        "based therapy including CDK4/6 inhibitor and 1 prior line of chemotherapy and/or antibody "
        "drug conjugate therapy."
    )
    cdk = DrugFact("palbociclib", ["palbociclib", "CDK4/6 inhibitor"], ["metastatic"], True)
    adc = DrugFact(
        "sacituzumab govitecan",
        ["sacituzumab govitecan", "antibody-drug conjugate"],
        ["metastatic"],
        True,
    )
    only_cdk = people.facts(drugs=[cdk], her2="zero", lines=1, lines_done=1)
    both = people.facts(drugs=[cdk, adc], her2="zero", lines=2, lines_done=2)
    assert _verdict(text, only_cdk) == "not met"
    assert _verdict(text, both) == "met"
    # a plain list of kinds stays "one of them"
    kinds = "Prior treatment with letrozole, anastrozole and exemestane"
    assert len([c for c in checks(kinds) if c["type"] == "therapy"]) >= 2


def test_a_rule_on_local_disease_is_for_whoever_has_it():
    """NCT00370552: "At least 1 target lesion per RECIST criteria. Locally recurrent disease must
    not be amenable to resection with curative intent." asked everyone for local disease."""
    text = (
        "At least 1 target lesion per RECIST criteria. Locally recurrent disease must not be "
        "amenable to resection with curative intent."
    )
    assert not [c for c in checks(text) if c["type"] == "locoregional"]
    assert [
        c
        for c in checks("Locally recurrent breast cancer not amenable to resection")
        if c["type"] == "locoregional"
    ]


def test_inflammatory_breast_cancer_named_as_a_way_in_is_checked():
    """IBC asked for or denied in a criterion; an optional IBC ("with or without inflammatory")
    or one for whoever has it says nothing on its own."""
    described = people.facts()
    ibc = people.facts(inflammatory=True)
    assert _verdict("Inflammatory breast cancer", described) == "not met"
    assert _verdict("Inflammatory breast cancer", ibc) == "met"
    assert _verdict("No inflammatory breast cancer", described) == "met"
    assert _verdict("No inflammatory breast cancer", ibc) == "not met"
    excluding = (
        "Advanced solid tumor excluding tumor types with rapid cell turnover, ie, small cell "
        "cancer (lung and extra pulmonary), inflammatory breast cancer"
    )
    assert _verdict(excluding, described) == "met"  # NCT03604783
    assert (
        _verdict("Inflammatory breast cancer", people.facts(hr=None, her2=None, sites_known=False))
        == "unknown"
    )
    # both ways in one criterion: test_round52_wordings.py (each way its own check)
    optional = "Locally advanced breast cancer, with or without inflammatory breast cancer"
    assert not [c for c in checks(optional) if c["type"] == "inflammatory"]
    whoever = "Patients with inflammatory breast cancer must have received an anthracycline"
    assert not [c for c in checks(whoever) if c["type"] == "inflammatory"]


def test_a_definition_ends_at_its_sentence():
    """The words after a definition's sentence are a rule again (NCT06065748)."""
    text = (
        "Resistance to prior adjuvant endocrine therapy (ET), which is defined as having relapsed "
        "with prior standard adjuvant ET. Prior adjuvant CDK4/6i is allowed (if relapse occurred "
        ">/=12 months since completion)."
    )
    assert [c["value"] for c in checks(text) if c["type"] == "therapy"] == [
        "endocrine therapy",
        "CDK4/6 inhibitor",
    ]


def test_bone_dominant_disease_is_met_by_bone_only_spread_and_open_beside_organs():
    """NCT02258451: "Subjects with bone dominant disease with at least 2 skeletal metastases"
    was met by bone and liver spread; whether bone dominates then is the study team's call."""
    text = "Subjects with bone dominant disease with at least 2 skeletal metastases"
    assert _verdict(text, people.facts(sites=["bone", "lymph nodes"])) == "met"
    assert _verdict(text, people.facts(sites=["liver", "bone"])) == "unknown"
    assert _verdict(text, people.facts(sites=["lung"])) == "not met"


def test_evidence_of_progression_as_a_whole_rule_reads_the_latest_scan():
    """NCT02037529: "Clinical or radiographic evidence of disease progression" for a person whose
    scan on the treatment going on now shows stable disease is not met; growth on the latest
    scan meets it; no scan on the current treatment leaves it to the study team. Growth named
    with a treatment ("progression on prior CDK4/6 inhibitor") is a therapy rule, not this."""
    text = "Clinical or radiographic evidence of disease progression"
    assert [c["type"] for c in checks(text)] == ["progressing_now"]
    assert _verdict(text, people.facts(growing_now=(False, "2025-12-19"))) == "not met"
    assert _verdict(text, people.facts(growing_now=(True, "2025-12-19"))) == "met"
    assert _verdict(text, people.facts(latest_status="progression")) == "met"
    assert _verdict(text, people.facts()) == "unknown"
    assert "progressing_now" not in [
        c["type"] for c in checks("Disease progression on prior CDK4/6 inhibitor")
    ]


def test_a_marker_the_record_says_was_not_tested_is_not_on_file():
    """NCT05631795: "Participants with confirmed PIK3CA mutant advanced or metastatic breast
    cancer" against "PIK3CA not tested" in the record: no result on file (the screening set's
    rule for "confirmed"); a neutral wording stays open."""
    untested = people.facts(biomarkers={"PIK3CA": "unknown"})
    text = "Participants with confirmed PIK3CA mutant advanced or metastatic breast cancer"
    assert _verdict(text, untested) == "not met"
    assert _verdict("PIK3CA mutation", untested) == "unknown"


def test_an_old_stable_scan_does_not_say_the_cancer_is_not_growing_now():
    """Review: a stable scan ten months old is no evidence against growth now."""
    text = "Clinical or radiographic evidence of disease progression"
    assert _verdict(text, people.facts(growing_now=(False, "2025-03-10"))) == "unknown"


def test_a_relapse_just_under_the_gap_is_said_so():
    """Review: 364 days is "just under 12 months", never "12 months ... at least 12 months"."""
    text = "Prior adjuvant CDK4/6 inhibitor is allowed if relapse occurred at least 12 months after completion"
    f = people.facts(
        diagnosed_on="2025-11-24",
        drugs=[_early("abemaciclib", ["CDK4/6 inhibitor"], "2024-11-25")],
    )
    v = verdict(parsed(text), f, {})
    assert v["verdict"] == "not met" and "just under 12 months" in v["why"]


def test_ibc_denied_after_it_or_one_setting_among_others_is_no_need():
    """Review: "Inflammatory breast cancer is not allowed", "(inflammatory breast cancer
    excluded)", "locally advanced, inflammatory, or metastatic breast cancer" never ask for IBC."""
    described = people.facts()
    for text in (
        "Metastatic breast cancer. Inflammatory breast cancer is not allowed.",
        "HER2-negative metastatic breast cancer (inflammatory breast cancer excluded)",
        "Unresectable locally advanced breast cancer, inflammatory breast cancer, or metastatic "
        "breast cancer",
        "Patients with metastatic breast cancer and/or IBC",
    ):
        assert _verdict(text, described) == "met", text


def test_a_definition_that_goes_on_keeps_hiding_its_sentence():
    """Review: "... defined as ER >= 1% by IHC. Tumors with ER 1-10% (ER-low) are considered
    HR-negative for this study." is still the definition, not a rule for HR-negative cancer."""
    text = (
        "Patients with HR-positive breast cancer where HR positive is defined as ER >= 1% by IHC. "
        "Tumors with ER 1-10% (ER-low) are considered HR-negative for this study."
    )
    assert _verdict(text, people.facts()) != "not met"


# ---- read from held-out set 77 only after it was measured (no longer an untouched figure)


def test_a_wash_out_counted_to_day_0_is_a_wash_out():
    """NCT00262067: "Prior hormonal therapy less than 1 week prior to Day 0" ruled out everyone
    who ever had hormone therapy; it is a wash-out the study team checks."""
    from mbcnav.trials.time_windows import window_days

    assert window_days("Prior hormonal therapy less than 1 week prior to Day 0") == 7
    assert window_days("hormonal therapy less than 2 weeks before day 1") == 14
    had = people.facts(
        drugs=[
            DrugFact(
                "letrozole", ["letrozole", "endocrine therapy"], ["metastatic"], end="2025-06-01"
            )
        ]
    )
    text = "Prior hormonal therapy less than 1 week prior to Day 0"
    assert _verdict(text, had, "exclusion") != "not met"


def test_the_rules_of_the_one_group_a_study_names_leave_the_others_open():
    """NCT00262067: "For anthracycline cohort only: Prior anthracycline as part of neoadjuvant or
    adjuvant therapy" in a study of several chemotherapy regimens: not met becomes unknown."""
    from mbcnav.trials.cohorts import apply_cohorts

    text = "For anthracycline cohort only: Prior anthracycline as part of adjuvant therapy"
    verdicts = [
        {"kind": "exclusion", "text": text, "verdict": "not met", "why": "You had doxorubicin."},
        {"kind": "inclusion", "text": "ECOG 0 or 1", "verdict": "met", "why": ""},
    ]
    apply_cohorts(verdicts, [["anthracycline"], None])
    assert verdicts[0]["verdict"] == "unknown"
    assert "the anthracycline group" in verdicts[0]["why"]
    # a heading read as a group, with no "only" (all-sets run of the same session), still binds
    heading = [
        {
            "kind": "inclusion",
            "text": "For patients in the Dose Escalation part: TNBC",
            "verdict": "not met",
            "why": "",
        },
    ]
    apply_cohorts(heading, [["patients"]])
    assert heading[0]["verdict"] == "not met"


def test_a_denied_therapy_for_a_subtype_does_not_deny_the_subtype():
    """NCT01740427: "No prior systemic anti-cancer therapy for advanced ER+ disease" ruled out
    ER+ people with no treatment yet: the "no" is the therapy's, and ER+ disease is asked for
    (as for a limit's "no", NCT05172518)."""
    text = "No prior systemic anti-cancer therapy for advanced ER+ disease."
    (er,) = [c for c in checks(text) if c["type"] == "receptor"]
    assert (er["value"], er["neg"]) == ("hr-positive", False)
    assert _verdict(text, people.facts()) == "met"
    assert _verdict(text, people.facts(hr="negative")) == "not met"


def test_a_disease_free_interval_after_early_treatment_is_a_relapse_window():
    """NCT01740427: "Prior (neo)adjuvant treatment with letrozole or anastrozole with DFI <=
    12-months from completion of treatment" excluded a relapse twelve years after anastrozole."""
    text = (
        "Prior (neo)adjuvant treatment with letrozole or anastrozole with DFI ≤ 12-months from "
        "completion of treatment."
    )
    soon, late = _soon_and_late(
        "anastrozole", ["aromatase inhibitor", "endocrine therapy"], "2025-03-01", "2013-05-01"
    )
    assert _verdict(text, late, "exclusion") == "met"
    assert _verdict(text, soon, "exclusion") == "not met"


def test_amplification_of_erbb2_is_her2_positive():
    """NCT00089999: "Documented amplification of ErbB2 by Fluorescence in situ hybridization"."""
    text = "Documented amplification of ErbB2 by Fluorescence in situ hybridization (FISH)"
    assert [c["value"] for c in checks(text) if c["type"] == "receptor"] == ["her2-positive"]


def test_an_allowance_after_the_rule_does_not_soften_a_metastatic_treatment():
    """NCT00089999: "Prior chemotherapy ... other than adjuvant therapy. [Prior neo-adjuvant or
    adjuvant therapy ... will be allowed provided it was stopped at least 12 months before study
    entry." rules out chemotherapy for the spread; adjuvant chemotherapy long ago stays allowed."""
    text = (
        "Prior chemotherapy, immunotherapy, biologic therapy or anti-ErbB1/ErbB2 therapy other "
        "than adjuvant therapy. [Prior neo-adjuvant or adjuvant therapy (including trastuzumab) "
        "will be allowed provided it was stopped at least 12 months before study entry."
    )
    taxane = ["docetaxel", "chemotherapy", "taxane"]
    metastatic = people.facts(
        drugs=[DrugFact("docetaxel", taxane, ["metastatic"], start="2025-06-01", end="2025-10-01")],
        lines=1,
        lines_done=1,
    )
    adjuvant = people.facts(
        drugs=[DrugFact("docetaxel", taxane, ["adjuvant"], start="2022-01-01", end="2022-06-01")]
    )
    assert _verdict(text, metastatic, "exclusion") == "not met"
    assert _verdict(text, adjuvant, "exclusion") == "met"


def test_tolerance_of_a_drug_is_no_need_to_have_had_it():
    """NCT04862663 (held-out set 76, read after it was measured): "Eligible for fulvestrant ...
    Previous tolerance to specific CDK4/6 inhibitors and dose levels required." ruled out a
    person who never had one; how a drug was borne is the study team's call."""
    text = (
        "Eligible for fulvestrant therapy and at least one of the following: palbociclib, "
        "ribociclib, or abemaciclib, as per local investigator assessment. Previous tolerance to "
        "specific CDK4/6 inhibitors and dose levels required."
    )
    assert _verdict(text, people.facts()) != "not met"
