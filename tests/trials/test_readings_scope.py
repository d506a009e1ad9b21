"""Readings of registry wording where a concept's scope decides the verdict: a subgroup's own
rule, an if-premise, a site's state, a prohibition, a joint exclusion, a trial for another
cancer. Texts are registry wording of the kind trials use (paraphrased where long)."""

from mbcnav.trials.facts import DrugFact, PatientFacts
from mbcnav.trials.line_checks import lines_checks
from mbcnav.trials.match import match
from mbcnav.trials.modality import expand, other_cancer_abbreviations
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.population import gates, mismatch
from mbcnav.trials.record import Trial

from .people import facts

AS_OF = "2026-01-15"


def person(**kw) -> PatientFacts:
    # one line whose kind and end are not recorded, bone metastases
    return facts(**{**dict(lines=1, lines_done=None, line_labels=None, sites=["bone"]), **kw})


def parsed(text: str, **kw) -> dict:
    return parse_trial(
        Trial("NCT09999998", title=kw.pop("title", "A study"), eligibility=text, **kw)
    )


def verdicts(text: str, f: PatientFacts, **kw) -> list[str]:
    return [v["verdict"] for v in match(parsed(text, **kw), f)["criteria"] if v["text"] != ""]


def only(text: str, f: PatientFacts, **kw) -> str:
    got = [
        v["verdict"]
        for v in match(parsed(text, **kw), f)["criteria"]
        if "from the study" not in v["text"]
    ]
    assert len(got) == 1, got
    return got[0]


SUBGROUP = (
    "Inclusion Criteria:\n* Women with metastatic HER2 negative, BRCA germline positive breast "
    "cancer. Estrogen receptor positive (ER+) patients must have progressed on a prior endocrine "
    "therapy.\n"
)


def test_a_subgroup_rule_binds_only_that_subgroup():
    tnbc = person(hr="negative", germline_brca=True, biomarkers={"BRCA": "positive"})
    assert only(SUBGROUP, tnbc) != "not met"  # the ER+ sentence is not hers
    hr_pos = person(germline_brca=True, biomarkers={"BRCA": "positive"})
    assert only(SUBGROUP, hr_pos) == "not met"  # no endocrine therapy on record
    unknown = person(hr=None, germline_brca=True, biomarkers={"BRCA": "positive"})
    assert only(SUBGROUP, unknown) != "not met"  # may not be in the subgroup


def test_an_if_premise_that_holds_makes_the_rule_binding():
    text = (
        "Inclusion Criteria:\n* If the patient has ER+ or PR+ (>1% on IHC) metastatic breast "
        "cancer: patient must have had 1 prior line of endocrine therapy in the metastatic setting\n"
    )
    assert only(text, person(lines=0)) == "not met"  # HR+ and no endocrine therapy
    assert only(text, person(hr="negative", lines=0)) == "met"  # does not apply
    assert only(text, person(hr=None, lines=0)) == "unknown"


def test_the_no_of_a_rule_is_not_the_premise():
    text = (
        "Inclusion Criteria:\n* If the patient has ER+ or PR+ metastatic breast cancer: no more "
        "than 2 prior line of cytotoxic chemotherapy in the metastatic setting allowed\n"
    )
    assert only(text, person(chemo_lines=3, lines=3)) == "not met"


def test_extra_hepatic_is_outside_the_liver_and_its_state_is_not_on_record():
    text = "Exclusion Criteria:\n* Progressing or untreated extra-hepatic metastatic disease\n"
    assert only(text, person(sites=["liver"])) == "met"  # nothing outside the liver
    assert only(text, person(sites=["liver", "lung"])) == "unknown"  # growing? not on record


def test_a_prohibition_in_an_exclusion_list_is_no_negation():
    text = (
        "Exclusion Criteria:\n* Patients may not have received the following therapies within "
        "the below specified time frames prior to C1D1:\n  * Immunotherapy within 3 weeks\n"
        "  * Oral chemotherapy or molecularly targeted therapy within 5 half-lives of the agent.\n"
    )
    assert "not met" not in verdicts(text, person())


def test_a_window_in_the_past_months_is_read():
    text = "Exclusion Criteria:\n* Prior immunotherapy in the past 12 months\n"
    old = DrugFact(
        "pembrolizumab",
        ["pembrolizumab", "immune checkpoint inhibitor"],
        ["metastatic"],
        start="2024-06-24",
        end="2024-11-20",
    )
    recent = DrugFact(
        "pembrolizumab",
        ["pembrolizumab", "immune checkpoint inhibitor"],
        ["metastatic"],
        start="2025-06-01",
        end="2025-10-01",
    )
    assert only(text, person(drugs=[old])) == "met"
    assert only(text, person(drugs=[recent])) == "not met"


def test_a_drug_in_a_pregnancy_sentence_is_no_treatment_history():
    text = (
        "Inclusion Criteria:\n* Women of child-bearing potential must agree to use contraception "
        "for the duration of the study. Cases of pregnancy during exposure to abemaciclib "
        "should be reported.\n"
    )
    assert only(text, person()) != "not met"


def test_unlikely_to_comply_excludes_only_those_who_cannot():
    text = (
        "Exclusion Criteria:\n* Judgment by the investigator that the patient should not "
        "participate in the study if the patient is unlikely to comply with study procedures\n"
    )
    assert only(text, person()) != "not met"


def test_two_lab_limits_joined_by_concurrent_with_exclude_together():
    text = (
        "Exclusion Criteria:\n* Creatinine >1.5 times ULN concurrent with creatinine clearance "
        "< 50 ml/min (calculated by Cockcroft and Gault equation)\n"
    )
    low_clearance = person(
        labs={
            "creatinine": {"value": 1.2, "shown": "1.2 mg/dL", "date": "2026-01-05"},
            "creatinine_clearance": {"value": 42, "shown": "42 mL/min", "date": "2026-01-05"},
        }
    )
    assert only(text, low_clearance) != "not met"  # creatinine itself is not above the limit
    both = person(
        labs={
            "creatinine": {"value": 3.0, "shown": "3 mg/dL", "date": "2026-01-05"},
            "creatinine_clearance": {"value": 42, "shown": "42 mL/min", "date": "2026-01-05"},
        }
    )
    assert only(text, both) == "not met"


def test_a_binding_note_is_read_and_ish_positive_2plus_is_her2_positive():
    text = (
        "Inclusion Criteria:\n* Participant has metastatic solid tumors with HER2 expression, "
        "based on investigator's judgement. Note: Participants must have HER2 positivity, defined "
        "as IHC 3+ or IHC 2+ in combination with in situ hybridization (ISH)+.\n"
    )
    assert only(text, person(her2="low")) == "not met"
    assert only(text, person(her2="positive")) == "met"


def test_a_floor_and_a_ceiling_on_different_treatments_are_two_counts():
    checks = lines_checks(
        "must have received ≥ 1 line of therapy including endocrine therapy and a CDK4/6 "
        "inhibitor. Participants can have received up to 2 lines of prior cytotoxic chemotherapy "
        "for advanced disease."
    )
    assert [(c["min"], c["max"], c["class"]) for c in checks] == [
        (1, None, "endocrine therapy"),
        (None, 2, "chemotherapy"),
    ]
    (rng,) = lines_checks("Patients who have received 0-3 prior lines of chemotherapy")
    assert (rng["min"], rng["max"]) == (None, 3)


def test_short_names_of_other_cancers_and_their_rules():
    text = "Participants with HR+/HER2- BC or platinum resistant serous ovarian cancer (PROC)."
    short = other_cancer_abbreviations(text)
    assert list(short) == ["PROC"] and "ovarian cancer" in short["PROC"]
    assert "ovarian" in expand("PROC participants must have received", short)
    assert other_cancer_abbreviations("metastatic breast cancer (MBC)") == {}
    rule = (
        "Inclusion Criteria:\n* Participants with advanced HR+/HER2- BC or platinum resistant "
        "serous ovarian cancer (PROC).\n* PROC participants must have received:\n"
        "  * ≥ 1 line of platinum-containing chemotherapy for advanced disease.\n"
    )
    modes = {v["text"]: v["mode"] for v in match(parsed(rule), person())["criteria"]}
    assert any(m == "other_cancer" for t, m in modes.items() if "platinum-containing" in t)


def test_a_trial_naming_only_another_cancer_is_for_another_situation():
    t = Trial(
        "NCT09999997",
        title="FOLFOX With Nivolumab for Metastatic HER2- Gastroesophageal Adenocarcinoma",
        conditions=["Advanced Esophageal Adenocarcinoma", "Metastatic Gastric Adenocarcinoma"],
    )
    assert "another kind of cancer" in mismatch(gates(t), person())
    basket = Trial(
        "NCT09999996",
        title="A Study in HER2-positive Solid Tumors",
        conditions=["HER2-positive Gastric Cancer", "HER2-positive Breast Cancer"],
    )
    assert mismatch(gates(basket), person(her2="positive")) == ""


def test_a_basket_listing_cns_metastases_is_no_brain_only_trial():
    basket = Trial(
        "NCT09999995",
        title="A Study of a Drug in Advanced Cancers Harboring HER2 Alterations",
        conditions=["HER2-positive Breast Cancer", "CNS Metastases", "HER2 + Gastric Cancer"],
    )
    assert not gates(basket)["brain_only"]
    brain = Trial(
        "NCT09999994",
        title="Radiosurgery for Brain Metastases",
        conditions=["Brain Metastases"],
    )
    assert gates(brain)["brain_only"]


def test_ecog_or_lower_and_or_higher():
    from mbcnav.trials.performance_status import ecog_allowed

    assert ecog_allowed("ECOG performance status of 2 or lower") == [0, 1, 2]
    assert ecog_allowed("ECOG of 1 or higher") == [1, 2, 3, 4]
    assert ecog_allowed("ECOG 0 or 1") == [0, 1]


def test_days_after_the_last_dose_are_no_age_limit():
    text = (
        "Exclusion Criteria:\n* Individuals who are pregnant and/or breast feeding, or expecting "
        "to conceive children while receiving study treatment and for up to 180 days after the "
        "last dose of study treatment.\n"
    )
    assert only(text, person(age=68)) != "not met"


def test_triple_negative_beside_hr_positive_is_a_list_of_options():
    text = (
        "Inclusion Criteria:\n* Histologically confirmed cancer of the following tumor types: "
        "breast (TNBC, HR+/HER2-/+BC), NSCLC, cervical, or urothelial that is metastatic\n"
    )
    assert only(text, person(hr="positive", her2="low")) == "met"
    assert only(text, person(hr="negative", her2="zero")) == "met"


def test_a_stem_ending_in_either_makes_its_items_options():
    text = (
        "Inclusion Criteria:\n* Patients with breast cancer that are either\n\n"
        "  * Any race/ethnicity with hormone receptor positive (ER+PR+, ER+PR-, or ER-PR+)\n"
        "  * African American with triple negative (ER-PR-HER2-)\n"
    )
    assert "not met" not in verdicts(text, person(hr="positive"))


def test_a_drug_abbreviation_and_a_planned_start():
    f = person(
        drugs=[DrugFact("paclitaxel", ["paclitaxel", "chemotherapy", "taxane"], ["metastatic"])]
    )
    assert (
        only("Exclusion Criteria:\n* Prior treatment with PTX, for any duration\n", f) == "not met"
    )
    planned = (
        "Inclusion Criteria:\n* Planned to initiate first-line therapy with endocrine therapy "
        "plus a CDK4/6 inhibitor\n"
    )
    assert only(planned, person(lines=0)) != "not met"


def test_fold_the_upper_limit_is_a_multiple():
    from mbcnav.trials.labs import lab_checks

    (ast, alt) = lab_checks("AST(SGOT)/ALT(SGPT) ≤3 fold × institutional ULN")
    assert ast["uln"] and alt["uln"] and alt["limit"] == 3.0


def test_a_later_allowance_clause_is_no_requirement():
    text = (
        "Inclusion Criteria:\n* Participants must have progressive disease after at least 1 prior "
        "line of a CDK4/6 inhibitor; Participants may have but are not required to have prior "
        "treatment with fulvestrant.\n"
    )
    f = person(
        drugs=[
            DrugFact("fulvestrant", ["fulvestrant", "endocrine therapy", "SERD"], ["metastatic"])
        ],
    )
    assert "fulvestrant" not in str(parsed(text)["criteria"][-1]["checks"])
    assert only(text, f) != "not met"


def test_the_study_drug_of_a_cohort_is_no_treatment_history():
    for text in (
        "Inclusion Criteria:\n* Part 2B (ER+HER2- breast cancer 2-4L, combination with "
        "fulvestrant) Histological diagnosis of metastatic ER+HER2- breast cancer.\n",
        "Exclusion Criteria:\n* Pre-existing neuropathy Grade 1 or greater for Parts C and D "
        "cohorts with cisplatin or carboplatin\n",
        "Inclusion Criteria:\n* Planned treatment with systemic chemotherapy and/or immune "
        "checkpoint inhibitors\n",
    ):
        assert not any(c["type"] == "therapy" for c in parsed(text)["criteria"][-1]["checks"])


def test_words_left_out_in_brackets_and_preferences_are_no_rules():
    text = (
        "Inclusion Criteria:\n* Patients with more than 5 sites of metastatic disease "
        "(excluding intracranial disease)\n"
    )
    assert not any(c["type"] == "brain" for c in parsed(text)["criteria"][-1]["checks"])
    text = (
        "Inclusion Criteria:\n* Any solid tumor with progression on most recent therapy. "
        "Preferential enrollment consideration will be made for patients with known BRCA2 "
        "mutations.\n"
    )
    assert not any(c["type"] == "biomarker" for c in parsed(text)["criteria"][-1]["checks"])


def test_a_subtype_label_in_an_exclusion_is_a_cohort_not_a_rule():
    text = (
        "Exclusion Criteria:\n* Triple Negative Breast Cancer -Patient is not within five years "
        "of diagnosis\n"
    )
    assert only(text, person(hr="negative", her2="zero")) != "not met"


def test_a_bare_breast_cancer_condition_opens_the_subtype_gate():
    t = Trial(
        "NCT09999993",
        title="A Study of a PARG Inhibitor in Patients With Advanced Solid Malignancies",
        conditions=["Breast Cancer", "ER+ Breast Cancer", "BRCA2 Mutation"],
    )
    assert mismatch(gates(t), person(hr="negative", her2="zero")) == ""
    only_er = Trial("NCT09999992", title="A study", conditions=["ER+ Breast Cancer"])
    assert mismatch(gates(only_er), person(hr="negative", her2="zero")) != ""
    spaced = Trial(
        "NCT09999991", title="A study", conditions=["HER 2 Low-expressing Breast Cancer"]
    )
    assert gates(spaced)["subtypes"] == [[None, ["low"]]]


def test_bare_inclusion_and_exclusion_lines_are_section_headings():
    from mbcnav.trials.split import split

    crits = split(
        "Inclusion\n\n1. Adequate renal function.\n\nExclusion\n\n"
        "1. Known symptomatic brain metastases.\n"
    )
    assert [(c.kind, c.text) for c in crits] == [
        ("inclusion", "Adequate renal function."),
        ("exclusion", "Known symptomatic brain metastases."),
    ]


def test_setting_words_that_name_something_else():
    no_mets = (
        "Inclusion Criteria:\n* Histologically confirmed prostate cancer or breast cancer without "
        "evidence of metastatic disease\n"
    )
    assert only(no_mets, person()) == "not met"
    any_stage = (
        "Inclusion Criteria:\n* Histologically confirmed invasive breast or ovarian cancer "
        "(Stage I, II, III, or IV)\n"
    )
    assert only(any_stage, person()) != "not met"
    lesion = "Exclusion Criteria:\n* Metastatic lesion to the heart or eye.\n"
    assert only(lesion, person()) != "not met"


def test_hba1c_is_no_hemoglobin_and_other_indications_are_no_cancer_history():
    from mbcnav.trials.labs import lab_checks

    assert [c["value"] for c in lab_checks("Hgb A1c > 9%")] != ["hemoglobin"]
    text = (
        "Exclusion Criteria:\n* Chemotherapy for an indication other than treatment of the "
        "current cancer within the past 1 year\n"
    )
    assert not any(c["type"] == "therapy" for c in parsed(text)["criteria"][-1]["checks"])


def test_a_wash_out_inside_an_allowance_belongs_to_what_it_allows():
    text = (
        "Exclusion Criteria:\n* Have received any prior therapy with taxanes, vinca alkaloids, "
        "eribulin, ixabepilone, or platinum. Doxorubicin is allowed (≥ 2 week washout period "
        "required).\n"
    )
    f = person(
        drugs=[DrugFact("paclitaxel", ["paclitaxel", "chemotherapy", "taxane"], ["metastatic"])]
    )
    assert only(text, f) == "not met"


def test_current_therapy_means_what_is_being_taken_now():
    text = "Exclusion Criteria:\n* Current antiestrogen therapy\n"
    ended = DrugFact(
        "anastrozole",
        ["anastrozole", "aromatase inhibitor", "endocrine therapy", "antiestrogen"],
        ["adjuvant"],
        start="2019-01-01",
        end="2024-01-01",
    )
    taking = DrugFact(
        "anastrozole",
        ["anastrozole", "aromatase inhibitor", "endocrine therapy", "antiestrogen"],
        ["metastatic"],
        start="2025-06-01",
        ongoing=True,
    )
    assert only(text, person(drugs=[ended])) != "not met"
    assert only(text, person(drugs=[taking])) == "not met"


def test_a_least_gap_before_entry_never_requires_the_therapy():
    text = (
        "Inclusion Criteria:\n* previous adjuvant hormone therapy > 12 months prior to enrolment\n"
    )
    assert only(text, person(drugs=[])) != "not met"


def test_an_equivocal_result_rule_is_about_the_result_not_the_receptor():
    text = (
        "Exclusion Criteria:\n* Inconclusive, equivocal or unavailable result of HER2/neu "
        "overexpression by IHC and FISH\n"
    )
    assert only(text, person(her2="positive")) != "not met"


def test_time_singular_and_days_since_last_therapy():
    from mbcnav.trials.labs import lab_checks
    from mbcnav.trials.time_windows import window_days

    (ast,) = lab_checks("AST less than or equal to 2.5 time institutional upper limit of normal")
    assert ast["uln"] and ast["limit"] == 2.5
    assert window_days("Fewer than 21 days since last anti-tumor therapy") == 21
