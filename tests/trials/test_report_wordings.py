"""Registry wordings of older records (TREC-era ClinicalTrials.gov texts, NCT ids given, some
paraphrased): histology words joined by "or", "-ve" receptor spellings, "positive ER
expression", MD Anderson's ">/=" limits, "positive OR negative ... allowed", a line count over
two kinds of treatment, "primary metastatic" (de novo) disease, "(CNS)" in a site name,
"Anthracyclin", "both A and B", and subtype definitions that are not options."""

from mbcnav.trials.facts import DrugFact, PatientFacts
from mbcnav.trials.labs import lab_checks
from mbcnav.trials.match import match
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.population import subtype_list
from mbcnav.trials.record import Trial

from .people import facts

AS_OF = "2026-01-15"
PDL1_POSITIVE = {
    "result": "CPS 12",
    "type": "CPS",
    "comparator": "",
    "value": 12.0,
    "assay": None,
    "positive": True,
}
PDL1_NEGATIVE = {
    "result": "CPS <1",
    "type": "CPS",
    "comparator": "<",
    "value": 1.0,
    "assay": None,
    "positive": False,
}
PACLITAXEL = DrugFact("paclitaxel", ["paclitaxel", "chemotherapy", "taxane"], ["metastatic"])


def person(**kw) -> PatientFacts:
    # HR-negative, HER2-positive, two lines (one with chemotherapy), no brain metastases
    base = dict(
        age=55,
        hr="negative",
        her2="positive",
        lines=2,
        chemo_lines=1,
        lines_done=None,
        line_labels=None,
        brain="none",
    )
    return facts(**{**base, **kw})


def verdict(text: str, f: PatientFacts, kind: str = "Inclusion") -> tuple[str, str]:
    res = match(
        parse_trial(
            Trial("NCT09999997", title="A study", eligibility=f"{kind} Criteria:\n* {text}\n")
        ),
        f,
    )
    (v,) = [v for v in res["criteria"] if "from the study" not in v["text"]]
    return v["verdict"], v["why"]


TNBC = (
    "Biopsy proven triple negative invasive ductal or lobular metastatic breast cancer. Tumor "
    "estrogen, progesterone, and HER2 (tested by IHC or FISH) negative disease. (ER- defined as "
    "</=1% by IHC, PR- defined as </=1% by IHC, and HER2- by IHC 1+. If HER2 result by IHC is 2+ "
    "(equivocal), the tumor must be confirmed to be HER2- by FISH."
)  # NCT01818999


def test_ductal_or_lobular_is_one_cancer_not_two_alternatives():
    assert verdict(TNBC, person())[0] == "not met"  # HR-/HER2+
    assert verdict(TNBC, person(hr="positive", her2="zero"))[0] == "not met"
    assert verdict(TNBC, person(hr="negative", her2="zero"))[0] == "met"


def test_a_subtype_definition_is_not_a_second_option():
    assert subtype_list(TNBC) is None
    # a real list of options is still one
    assert subtype_list("HR+/HER2- or triple-negative breast cancer") is not None


def test_ve_spellings_of_receptor_results():
    text = "Histologically or cytologically confirmed HER2-ve breast cancer with evidence of metastatic disease."  # NCT03078036
    assert verdict(text, person())[0] == "not met"
    assert verdict(text, person(her2="zero"))[0] == "met"
    assert (
        verdict("ER-ve metastatic breast cancer", person(hr="positive", her2="zero"))[0]
        == "not met"
    )


def test_positive_er_expression_is_hormone_receptor_positive():
    text = "Patients have positive ER expression in the primary tumor site by IHC (defined as >/=10%) (PR status is not required)"  # NCT01952054
    assert verdict(text, person())[0] == "not met"
    assert verdict(text, person(hr="positive", her2="zero"))[0] == "met"


def test_md_anderson_limits():
    (ast,) = lab_checks("Aspartate aminotransferase (AST) </= 2.5 x ULN;")
    assert (ast["op"], ast["limit"], ast.get("uln")) == ("<=", 2.5, True)
    (cr,) = lab_checks("Serum creatinine >/= 1.5 mg/dL")
    assert (cr["op"], cr["limit"]) == (">=", 1.5)
    (bili,) = lab_checks("Total bilirubin at least 1.5 x ULN")
    assert bili["op"] == ">="


def test_positive_or_negative_allowed_never_rules_out():
    text = "Estrogen/progesterone receptor positive OR negative disease allowed."  # NCT03368729
    assert verdict(text, person())[0] != "not met"
    assert verdict(text, person(hr="positive"))[0] != "not met"


def test_a_line_count_over_two_kinds_counts_either():
    text = "Patients must have had two or more lines of prior therapy (chemo or hormonal) in the metastatic setting"  # NCT03272334
    assert verdict(text, person(lines=2, chemo_lines=2))[0] == "met"
    assert verdict(text, person(lines=1, chemo_lines=1))[0] == "not met"


def test_primary_metastatic_disease_is_de_novo():
    text = "Primary confirmed distant metastatic breast cancer (M1)"  # NCT04697043
    assert verdict(text, person(de_novo=False))[0] == "not met"
    assert verdict(text, person(de_novo=True))[0] == "met"
    # tissue wording is no stage rule
    assert (
        verdict(
            "Tissue from the primary or metastatic breast tumor is available", person(de_novo=False)
        )[0]
        != "not met"
    )


def test_a_bracketed_abbreviation_inside_a_site_name():
    text = "Patient has known active central nervous system (CNS) metastases and/or carcinomatous meningitis."  # NCT03368729
    assert verdict(text, person(brain="active"), "Exclusion")[0] == "not met"
    assert verdict(text, person(brain="none"), "Exclusion")[0] == "met"
    # NCT06428396: radiotherapy for disease outside the CNS says nothing of brain metastases
    other = "Has received prior radiotherapy for non-central nervous system (CNS) disease within 2 weeks"
    assert verdict(other, person(brain="none"), "Exclusion")[0] != "not met"


def test_both_a_and_b_requires_each():
    text = "Previously reveived both Anthracyclin and Taxane."  # NCT02973737, as written
    assert verdict(text, person(drugs=[PACLITAXEL]))[0] == "not met"
    doxorubicin = DrugFact(
        "doxorubicin", ["doxorubicin", "chemotherapy", "anthracycline"], ["adjuvant"]
    )
    assert verdict(text, person(drugs=[PACLITAXEL, doxorubicin]))[0] == "met"
    # a plain "A or B" list still takes either
    assert verdict("Prior anthracycline or taxane", person(drugs=[PACLITAXEL]))[0] == "met"


def test_radiotherapy_to_the_only_area_of_measurable_disease_is_no_measurability_rule():
    text = "Prior radiotherapy to the only area of measurable disease."  # NCT01677455
    assert verdict(text, person(measurable=True), "Exclusion")[0] != "not met"


def test_a_checkpoint_drugs_target_is_not_a_pd_l1_result():
    text = (
        "Previous treatment with eribulin mesylate or any anti-programmed death receptor-1 "
        "(anti-PD-1), programmed death receptor ligand-1 (PD-L1), or PD-L2 agent."
    )  # NCT02513472
    assert verdict(text, person(pdl1=PDL1_POSITIVE), "Exclusion")[0] == "met"
    # a result still reads as one, next to a checkpoint drug
    (crit,) = parse_trial(
        Trial(
            "NCT09999997",
            title="A study",
            eligibility="Inclusion Criteria:\n* PD-L1 positive (CPS >= 10) and no prior anti-PD-1 therapy\n",
        )
    )["criteria"][-1:]
    assert "biomarker" in {c["type"] for c in crit["checks"]}


def test_the_premise_of_an_alternative_is_not_required():
    text = "INR < 1.5 times ULN, or if on warfarin, can safely transition off for biopsy"  # NCT02953860
    assert verdict(text, person())[0] == "unknown"


def test_a_clarification_of_what_counts_is_not_a_treatment_history():
    text = (
        "Previously treated with 0 to 2 lines of systemic anticancer therapy (cytotoxic or targeted "
        "anticancer agents) in the metastatic setting. Hormonal therapy and bone metastases treatment "
        "(example, bisphosphonates, denosumab, etc) are not considered forms of systemic anticancer therapy."
    )  # NCT02513472
    assert verdict(text, person(lines=0, chemo_lines=0))[0] == "met"


def test_discordant_receptors_are_left_to_the_study_team():
    text = "Tissue biopsies that support the presence of both ER+ and ER- metastatic breast cancer in the same patient"  # NCT03161834
    assert verdict(text, person(hr="positive"), "Exclusion")[0] == "unknown"


def test_a_subgroup_rule_after_a_comma_binds_only_that_subgroup():
    text = "Documented HER2 and hormonal receptor status per protocol, ER/PR+ patients must be refractory to at least one prior hormonal treatment."  # NCT01677455
    assert verdict(text, person(hr="negative"))[0] != "not met"
