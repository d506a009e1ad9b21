"""Registry wordings met in the 2026-12-02 blind sets 11-13 (NIH TrialBench and a 2026 CT.gov
export; NCT ids given, some shortened): comparison signs with a slash, another cancer named only
by the criteria, lists of checkpoint targets, drugs an exception names, lab limits the wrong way
round or for some people only, class line counts, informational sentences, "advanced" of another
organ, a population's own section, ages that say whom a rule is for, and survivorship titles open
to every stage."""

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.match import match
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.population import gates
from mbcnav.trials.record import Trial

from .people import AS_OF, facts
from .test_report_wordings import PDL1_NEGATIVE

TDXD = DrugFact(
    "trastuzumab deruxtecan",
    [
        "trastuzumab deruxtecan",
        "antibody-drug conjugate",
        "topoisomerase I inhibitor",
        "anti-HER2 antibody",
    ],
    ["metastatic"],
)
OLAPARIB = DrugFact("olaparib", ["olaparib", "PARP inhibitor"], ["metastatic"])


def verdicts(eligibility: str, f, title: str = "A study", **kw) -> list[dict]:
    res = match(parse_trial(Trial("NCT09999996", title=title, eligibility=eligibility, **kw)), f)
    return [v for v in res["criteria"] if "from the study" not in v["text"]]


def one(text: str, f, kind: str = "Inclusion") -> dict:
    (v,) = verdicts(f"{kind} Criteria:\n* {text}\n", f)
    return v


def test_slash_signs_are_read_as_limits():  # NCT06526819
    assert one("ECOG performance </= 2 at screening", facts(ecog=1))["verdict"] == "met"
    assert one("ECOG performance </= 1 at screening", facts(ecog=2))["verdict"] == "not met"


def test_checkpoint_targets_listed_with_one_head_are_drugs_not_results():  # NCT04840589
    v = one(
        "Prior therapy with PD-1, PD-L1, or CTLA-4 inhibitors, or any other antibody targeting "
        "immune checkpoint pathways.",
        facts(pdl1=PDL1_NEGATIVE),
        "Exclusion",
    )
    assert v["verdict"] == "met" and "PD-L1 result" not in v["why"]


def test_a_drug_an_exception_names_does_not_count_towards_the_class():  # NCT05785741
    text = "Prior treatment with antibody drug conjugate with topoisomerase I inhibitor (except trastuzumab deruxtecan)"
    assert one(text, facts(drugs=[TDXD]), "Exclusion")["verdict"] == "met"
    # an exception only in some settings is left as the rule says (NCT05296798)
    text = "Previous anti-HER2 agents, except trastuzumab in the neoadjuvant or adjuvant setting"
    tras = DrugFact("trastuzumab", ["trastuzumab", "anti-HER2 antibody"], ["metastatic"])
    assert one(text, facts(drugs=[tras]), "Exclusion")["verdict"] == "not met"


def test_a_lab_limit_the_wrong_way_round_is_left_to_the_study_team():  # NCT01534598
    f = facts(labs={"ast": {"value": 30.0, "shown": "30 U/L", "date": AS_OF}})
    v = one(
        "normal organ function: AST(SGOT)/ALT(SGPT) greater than or equal to 3 X institutional upper limit of normal",
        f,
    )
    assert v["verdict"] == "unknown" and "wrong way round" in v["why"]


def test_a_lab_limit_for_some_people_only_never_rules_out():  # NCT05053971
    f = facts(labs={"creatinine_clearance": {"value": 48.0, "shown": "48 mL/min", "date": AS_OF}})
    v = one(
        "GFR >= 60 mL/min/1.73 m2 for patients with creatinine levels above institutional normal", f
    )
    assert v["verdict"] == "unknown"


def test_a_line_count_of_one_class_counts_that_class():  # NCT06907043
    v = one(
        "Up to 1 prior line of PARP inhibitor containing treatment",
        facts(lines=2, drugs=[OLAPARIB]),
    )
    assert v["verdict"] == "met"


def test_informational_sentences_set_no_rule():  # NCT05327010, NCT01116648
    f = facts()
    v = one("The effects of talazoparib on the developing human fetus are unknown.", f)
    assert v["verdict"] == "unknown"
    v = one(
        "Patients who have the following risk factors are considered to be at increased risk for "
        "cardiac toxicities; these patients should have increased monitoring: Prior trastuzumab",
        f,
    )
    assert v["verdict"] != "not met"


def test_advanced_of_another_organ_is_not_the_cancer_stage():  # NCT00804154
    v = one(
        "Evidence of advanced brain pathology or elevated intracranial pressure",
        facts(),
        "Exclusion",
    )
    assert v["verdict"] != "not met"


def test_a_population_section_scopes_its_rules():  # NCT06907043
    text = (
        "Inclusion Criteria:\n* Age 18 or older\n\nCNS Inclusion Criteria:\n\n"
        "* Untreated CNS metastases not needing immediate local therapy\n"
    )
    assert all(v["verdict"] != "not met" for v in verdicts(text, facts(brain="none")))


def test_an_age_that_says_whom_a_rule_is_for_is_no_age_limit():  # NCT04589845
    v = one(
        "Performance status as follows: Participants aged >= 18 years: ECOG 0-2; Participants aged "
        "16 to < 18 years: Karnofsky score >= 50%",
        facts(age=45, ecog=0),
    )
    assert v["verdict"] == "met"


def test_another_cancer_named_only_by_the_criteria_is_another_population():  # NCT04511039
    t = Trial(
        "NCT09999995",
        title="Talazoparib in Advanced Cancers",
        conditions=["Advanced Malignant Solid Neoplasm", "Metastatic Colorectal Adenocarcinoma"],
        eligibility="Inclusion Criteria:\n* Histologically or cytologically confirmed CRC or EGC adenocarcinoma\n"
        "* Measurable disease per RECIST 1.1\n",
    )
    assert gates(t, parse_trial(t)["criteria"])["other_cancer"] == "CRC"
    t2 = Trial(
        "NCT09999994",
        title="T cells for Metastatic Non-Small Cell Lung Cancer",
        conditions=["Advanced NSCLC", "Adenocarcinoma"],
    )
    assert "Lung Cancer" in gates(t2)["other_cancer"] or gates(t2)["other_cancer"] == "NSCLC"


def test_a_survivorship_title_with_every_stage_in_the_criteria_is_open_to_stage_iv():  # NCT07055854
    res = match(
        parse_trial(
            Trial(
                "NCT09999993",
                title="Mindfulness to Promote Sexual Health for Breast Cancer Survivors",
                eligibility="Inclusion Criteria:\n* Diagnosed with breast cancer at stage I-IV\n",
            )
        ),
        facts(),
    )
    assert all("early-stage or no cancer" not in v["text"] for v in res["criteria"])


def test_what_the_disease_is_fit_for_is_no_history():  # NCT07647016, NCT07259226
    radiated = DrugFact("radiation", ["radiation"], ["metastatic"])
    v = one(
        "HR+ breast cancer with metastatic disease that is not amenable to curative-intent surgery or radiation therapy",
        facts(drugs=[radiated]),
    )
    assert v["verdict"] != "not met"
    assert (
        one("adequate organ function, compatible with ADC administration", facts())["verdict"]
        != "not met"
    )


def test_a_setting_after_the_therapy_scopes_it():  # NCT07259226
    v = one(
        "Patients treated with an antibody drug conjugate in a curative setting;",
        facts(drugs=[TDXD]),
        "Exclusion",
    )
    assert v["verdict"] == "met"


def test_a_grade_and_above_is_no_age():  # NCT05181033
    v = one(
        "Presence of proteinuria of grade 2 and above (protein >1.0g/24h)",
        facts(age=62),
        "Exclusion",
    )
    assert v["verdict"] != "not met"


def test_brain_spread_including_asymptomatic_cases_is_any_brain_spread():  # NCT06150664
    v = one(
        "Known central nervous system (CNS) and brain metastasis, including asymptomatic cases.",
        facts(brain="treated-stable"),
        "Exclusion",
    )
    assert v["verdict"] == "not met"


def test_study_stages_beside_an_age_are_no_cancer_stage():  # NCT06609187
    v = one(
        "Age: ≥18 years old and ≤75 years old (stage Ia); ≥18 years old (stage Ib);", facts(age=63)
    )
    assert v["verdict"] != "not met"


def test_a_treatment_if_indicated_is_never_required():  # NCT07116161
    assert one("Completed adjuvant chemotherapy, if indicated", facts())["verdict"] != "not met"


def test_a_treatment_targeting_a_receptor_names_no_result():  # NCT07193394
    v = one("Having received any prior treatment targeting HER2.", facts(her2="low"), "Exclusion")
    assert v["verdict"] != "not met"


def test_surgery_of_brain_metastases_says_nothing_of_the_brain():
    v = one(
        "Major surgery (including surgery of brain metastases) < 21 days prior to first dose",
        facts(brain="active"),
        "Exclusion",
    )
    assert v["verdict"] != "not met"
