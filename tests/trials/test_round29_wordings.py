"""Eighth-session wordings (issue 14), each from real registry text of tuning set 22: a
criterion that opens "For <subtype> patients," binds that subtype only; "ECOG PS 2 may be
considered" widens the range; "Completion of chemotherapy, if given" is conditional; brain
metastases "that had failed local treatment"; RECIST named as how growth is judged; "endocrine
therapy options"; "non-endocrine therapy"; growth "within 2 months from T-DXd discontinuation";
"who have undergone systemic treatment" in advanced stages; a menopausal status defined by
"who had (1) ... or (2) ..."."""

from mbcnav.trials.criteria import parse_criteria
from mbcnav.trials.facts import DrugFact
from mbcnav.trials.line_checks import lines_checks
from mbcnav.trials.match import verdict
from mbcnav.trials.menopause import menopause_check
from mbcnav.trials.modality import modality
from mbcnav.trials.performance_status import ecog_allowed
from mbcnav.trials.split import split

from . import people
from .one_criterion import HR_POSITIVE, checks, parsed
from .one_criterion import chart as facts


def test_an_opening_for_subtype_patients_binds_that_subtype_only():
    text = (
        "For triple negative breast cancer patients, subject is in first to fourth line setting "
        "of treatment for metastatic or unresectable disease, and have received 0 to 3 prior "
        "regimens for metastatic or unresectable disease."
    )  # NCT05029999
    found = checks(text)
    assert [c["value"] for c in found if "sub_premise" in c] == ["triple-negative"]
    assert all("sub_rule" in c for c in found if c["type"] == "lines")
    assert verdict(parsed(text), facts(HR_POSITIVE))["verdict"] != "not met"
    # the same rule without the opening binds everyone
    bare = "Subject has received 0 to 3 prior regimens for metastatic or unresectable disease."
    assert not any("sub_rule" in c for c in checks(bare))


def test_an_opening_that_names_no_subtype_is_no_subgroup():
    found = checks("For patients with measurable disease, lesions must be at least 10 mm")
    assert not any("sub_premise" in c or "sub_rule" in c for c in found)


def test_a_further_ecog_score_the_sponsor_may_consider_widens_the_range():
    text = (
        "ECOG PS 0 or 1 or equivalent. Participants with ECOG PS 2 may be considered upon "
        "discussion with the Sponsor Medical Monitor."
    )  # NCT07749586
    assert ecog_allowed(text) == [0, 1, 2]
    assert ecog_allowed("ECOG 0-1; ECOG 2 allowed if due to bone pain") == [0, 1, 2]
    assert ecog_allowed("ECOG 0-1. Patients with ECOG 2 are not eligible") == [0, 1]


def test_if_given_makes_a_rule_conditional():
    assert modality("Completion of chemotherapy, if given.", "inclusion") == "conditional"
    text = (
        "Participants must have received one or more lines of treatment. If applicable, the "
        "requirements for the food effect cohort are the same."
    )
    assert modality(text, "inclusion") != "conditional"


def test_brain_metastases_that_failed_local_treatment():
    text = "Patients with primary CNS tumors or CNS metastases that had failed local treatment;"
    (brain,) = [c for c in checks(text, "exclusion") if c["type"] == "brain"]
    assert brain["status"] == "failed-local"
    crit = parsed(text, "exclusion")
    assert verdict(crit, facts(HR_POSITIVE))["verdict"] != "not met"


def test_recist_named_for_how_growth_is_judged_is_no_measurable_rule():
    text = (
        "Active brain metastases (new lesions identified on imaging, existing lesions showing "
        "progression per Response Evaluation Criteria in Solid Tumors, version 1.1 (RECIST v1.1))"
    )
    assert not [c for c in checks(text, "exclusion") if c["type"] == "measurable"]
    assert [c for c in checks("At least one lesion per RECIST 1.1") if c["type"] == "measurable"]


def test_therapy_options_and_non_endocrine_therapy_are_no_history():
    text = "Endocrine therapy options are not suitable for endocrine therapy"
    assert not [c for c in checks(text, "exclusion") if c["type"] == "therapy"]
    text = "The time interval between non-endocrine therapy should be ≥2 weeks;"
    assert not [c for c in checks(text) if c["type"] == "therapy"]


def test_growth_within_months_of_stopping_a_drug_is_growth_on_it():
    text = (
        "Patients must have received prior treatment with T-DXd and presented disease "
        "progression while on T-DXd treatment or within 2 months from T-DXd "
        "interruption/discontinuation for any reason"
    )  # NCT06298084
    (c,) = [c for c in checks(text) if c["type"] == "therapy"]
    assert (c["mode"], c["within_days"]) == ("progressed", None)
    (c,) = checks("Treatment with T-DXd within the last 6 months", "exclusion")
    assert c["within_days"] and c["mode"] == "received"  # a window to today stays a window


def test_undergone_systemic_treatment_in_advanced_stages_counts_lines():
    (c,) = lines_checks("Patients in advanced stages who have undergone systemic treatment;")
    assert (c["min"], c["metastatic"]) == (1, True)
    # the denial is no floor; it is no earlier line at all (twenty-sixth session)
    denied = lines_checks(
        "Patients who have not received systemic treatment for metastatic disease"
    )
    assert [(c["min"], c["max"]) for c in denied] == [(None, 0)]


def test_a_menopausal_status_defined_by_numbered_ways():
    text = (
        "Pre- or peri-menopausal patient, who had (1) menses either within the 12 months prior "
        "to or since breast cancer diagnosis or (2) estradiol concentration above the "
        "postmenopausal range"
    )  # NCT07158021
    assert menopause_check(text)["value"] == "pre"
    assert menopause_check("Premenopausal women must have a negative pregnancy test") is None


# Read after held-out set 23 was measured (issue 14): an ADC named with its target and payload
# is one kind of drug; "and must" starts a new requirement; "ECOG status of 2 may be approved".


def test_an_adc_with_its_target_and_payload_is_one_kind_of_drug():
    text = (
        "Previous treatment with A166 or any HER2-targeted antibody-drug conjugate (ADC) with a "
        "microtubule inhibitor payload."
    )  # NCT07299825
    (adc,) = checks(text, "exclusion")
    assert adc["value"] == "antibody-drug conjugate"
    assert adc["with"] == ["anti-HER2 antibody", "microtubule inhibitor"]
    tdxd = DrugFact(
        "trastuzumab deruxtecan",
        ["antibody-drug conjugate", "anti-HER2 antibody", "topoisomerase I inhibitor"],
    )
    taxane = DrugFact("paclitaxel", ["chemotherapy", "taxane", "microtubule inhibitor"])
    tdm1 = DrugFact(
        "ado-trastuzumab emtansine",
        ["antibody-drug conjugate", "anti-HER2 antibody", "microtubule inhibitor"],
    )
    # the payload must be the ADC's own: T-DXd and a taxane given apart are not this drug
    assert (
        verdict(parsed(text, "exclusion"), people.facts(drugs=[tdxd, taxane]))["verdict"] == "met"
    )
    assert verdict(parsed(text, "exclusion"), people.facts(drugs=[tdm1]))["verdict"] == "not met"
    topo = "Prior ADC with a topoisomerase payload"
    (adc,) = checks(topo, "exclusion")
    assert adc["with"] == ["topoisomerase I inhibitor"]
    assert verdict(parsed(topo, "exclusion"), people.facts(drugs=[tdxd]))["verdict"] == "not met"
    (adc,) = checks("Prior ADC containing a pyrrolobenzodiazepine (PBD) payload", "exclusion")
    assert adc.get("payload_unread")
    assert not checks("Prior topoisomerase II inhibitor", "exclusion")


def test_and_must_starts_a_new_requirement():
    text = (
        "Confirmed metastatic HR+/HER2- breast cancer not amenable to surgical resection with "
        "curative intent and must have received at least 1 prior CDK4/6 inhibitor"
    )  # NCT06993844
    (cdk,) = [c for c in checks(text) if c["type"] == "therapy"]
    assert not cdk["neg"] and cdk["setting"] is None


def test_an_ecog_status_that_may_be_approved():
    text = (
        "Eastern Cooperative Oncology Group (ECOG) status 0-1. Participants with ECOG status of "
        "2 may be approved on a case-by-case basis."
    )  # NCT05283330
    assert ecog_allowed(text) == [0, 1, 2]


# Review of the eighth session's change: each reading above keeps its limits.


def test_a_denied_adc_is_denied_with_its_payload():
    text = "No prior HER2-targeted antibody-drug conjugate with a microtubule inhibitor payload"
    found = checks(text)
    assert [c["value"] for c in found if c["type"] == "therapy"] == ["antibody-drug conjugate"]
    taxane = DrugFact("paclitaxel", ["chemotherapy", "taxane", "microtubule inhibitor"])
    assert verdict(parsed(text), people.facts(drugs=[taxane]))["verdict"] == "met"


def test_a_floor_that_rules_people_out_is_a_ceiling_in_an_inclusion():
    text = "Patients who have received systemic therapy for metastatic disease are not eligible"
    (c,) = [c for c in checks(text) if c["type"] == "lines"]
    assert (c["min"], c["max"]) == (None, 0)
    # in an exclusion the same words say what excludes: at least one line
    (c,) = [c for c in checks(text, "exclusion") if c["type"] == "lines"]
    assert (c["min"], c["max"]) == (1, None)


def test_a_denied_further_ecog_score_does_not_widen():
    for said in ("will not be eligible", "are not considered eligible", "are no longer eligible"):
        assert ecog_allowed(f"ECOG 0-1. Patients with ECOG 2 {said}.") == [0, 1]


def test_non_endocrine_lines_need_known_lines_and_yield_to_a_named_class():
    (c,) = lines_checks(
        "No more than 1 prior chemotherapy regimen for metastatic disease (non-endocrine)"
    )
    assert c["class"] == "chemotherapy"
    text = "Inclusion Criteria:\n* No more than 2 prior lines of non-endocrine therapy.\n"
    unknown_drug = people.facts(
        lines=3,
        line_labels=[["capecitabine", "chemotherapy"], ["eribulin", "chemotherapy"], ["xyz-123"]],
    )
    crit = parse_criteria(split(text))[0]
    assert verdict(crit, unknown_drug)["verdict"] == "unknown"


def test_a_leading_subgroup_reads_to_the_colon_and_either_subtype():
    found = checks("For ER-positive, HER2-negative patients: prior CDK4/6 inhibitor is required")
    assert {c["value"] for c in found if "sub_premise" in c} == {"hr-positive", "her2-negative"}
    found = checks("For HR+ or HER2+ patients, prior CDK4/6 inhibitor is required")
    assert {c.get("sub_alt") for c in found if "sub_premise" in c} == {0, 1}


def test_failed_local_treatment_is_read_in_the_mention_own_clause():
    text = "Untreated or symptomatic brain metastases, or brain metastases progressing after radiotherapy"
    (brain,) = [c for c in checks(text, "exclusion") if c["type"] == "brain"]
    assert brain["status"] == "active"


def test_a_target_lesion_per_recist_stays_a_measurable_rule():
    text = "Documented progression after last therapy and at least one target lesion according to RECIST v1.1"
    assert [c for c in checks(text) if c["type"] == "measurable"]
