"""Concepts a chart settles that were left open or misread (registry wording, NCT ids given):
the coming line of treatment ("planned to initiate first-line ..."), "no prior systemic therapy
for metastatic disease", group headings ("Control Inclusion Criteria"), lists of breast subtypes
inside one criterion, bone-metastasis and non-cancer studies, newly diagnosed cancer and
current treatment for cancer."""

from mbcnav.trials.facts import DrugFact, PatientFacts
from mbcnav.trials.line_checks import lines_checks
from mbcnav.trials.match import match
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.population import gates, mismatch
from mbcnav.trials.record import Trial
from mbcnav.trials.split import split

from .people import facts

AS_OF = "2026-01-15"


def person(**kw) -> PatientFacts:
    return facts(**kw)


def verdicts(text: str, f: PatientFacts, **kw) -> list[str]:
    t = Trial("NCT09999998", title=kw.pop("title", "A study"), eligibility=text, **kw)
    return [
        v["verdict"]
        for v in match(parse_trial(t), f)["criteria"]
        if "from the study" not in v["text"]
    ]


# NCT05977036
PLANNED = (
    "Inclusion Criteria:\n* Planned to initiate standard of care first-line therapy with "
    "FDA-approved endocrine therapy plus CDK4/6 inhibitor for the stated diagnosis at the time of "
    "study enrollment. Ribociclib is the preferred CDK4/6 inhibitor.\n"
)


def test_a_planned_first_line_is_not_a_treatment_history():
    # about to start: no ribociclib yet is no reason to fail
    assert verdicts(PLANNED, person()) == ["met"]
    # two metastatic lines already finished: past first line
    two = person(lines=2, lines_done=2, line_labels=[["letrozole"], ["elacestrant"]])
    assert verdicts(PLANNED, two) == ["not met"]


def test_receiving_or_planning_first_line():
    text = (
        "Inclusion Criteria:\n* Patients must have a diagnosis of hormone receptor positive, HER-2 "
        "negative, metastatic (M1) breast cancer and must be receiving or plan to receive first-line "
        "systemic treatment for metastatic disease.\n"
    )  # NCT03723928
    on_first = person(lines=1, lines_done=0, line_labels=[["letrozole"]])
    assert verdicts(text, on_first) == ["met"]  # an ongoing first line is "receiving"
    assert verdicts(text, person(lines=2, lines_done=2, line_labels=[[], []])) == ["not met"]


def test_first_or_second_line_plan_allows_one_finished_line():
    (c,) = lines_checks(
        "plans to consider results in either first- or second-line therapy in the metastatic setting"
    )  # NCT06896162
    assert c["max"] == 1 and c.get("done")
    # lines already given are no plan
    assert lines_checks("Patients who progressed on first- or second-line therapy") == []


def test_no_prior_systemic_therapy_for_metastatic_disease():
    text = (
        "Inclusion Criteria:\n* Patients must not have received prior systemic therapy for "
        "metastatic breast cancer, except for their current line of therapy.\n"
    )  # NCT03723928
    assert verdicts(text, person()) == ["met"]
    assert verdicts(text, person(lines=1, lines_done=0, line_labels=[["letrozole"]])) == ["met"]
    assert verdicts(text, person(lines=2, lines_done=1, line_labels=[[], []])) == ["not met"]


def test_eligible_for_a_drug_is_not_having_had_it():
    text = (
        "Inclusion Criteria:\n* Eligible for fulvestrant therapy and at least one of the following: "
        "palbociclib, ribociclib, or abemaciclib\n"
    )  # NCT04862663
    assert verdicts(text, person()) != ["not met"]


def test_group_headings_without_a_colon():
    text = (
        "Case Inclusion Criteria:\n\n* Able and willing to provide informed consent\n* ≥40 years of age\n\n"
        "Case Exclusion Criteria:\n\n* Women who are known to be pregnant (self-reported)\n\n"
        "Control Inclusion Criteria\n\n* ≥40 years of age\n\n"
        "Control Exclusion Criteria\n\n* Women who are known to be pregnant (self-reported)\n"
    )  # NCT05366881
    kinds = [(c.kind, c.text) for c in split(text)]
    assert kinds.count(("inclusion", "≥40 years of age")) == 2
    assert "not met" not in verdicts(text, person(age=56))


def test_a_list_of_breast_subtypes_is_one_choice():
    text = (
        "Inclusion Criteria:\n* Histologically or cytologically confirmed solid tumors including "
        "locally advanced/metastatic NSCLC, HR+ and HER2- breast cancer, HR- and HER2-positive breast "
        "cancer, TNBC, HNSCC, ovarian cancer\n"
    )  # NCT05720117
    assert verdicts(text, person(hr="positive", her2="positive")) == ["not met"]
    assert verdicts(text, person(hr="positive", her2="low")) == ["met"]
    assert verdicts(text, person(hr="negative", her2="positive")) == ["met"]
    assert verdicts(text, person(hr="negative", her2="zero")) == ["met"]
    assert verdicts(text, person(hr=None, her2="positive")) == ["unknown"]
    other = (
        "Inclusion Criteria:\n* mCRPC, breast cancer (TNBC, HR+/HER2-negative or HER2-low, "
        "HR-/HER2+), CRC, NSCLC, or PDAC\n"
    )  # NCT07145255
    assert verdicts(other, person(hr="positive", her2="positive")) == ["not met"]
    assert verdicts(other, person(hr="positive", her2="low")) == ["met"]
    glued = (
        "Inclusion Criteria:\n* Documented diagnosis of locally advanced or metastatic hepatocellular "
        "carcinoma (HCC), triple negative breast cancer (TNBC), hormone receptor+/HER2-breast cancer "
        "(HR+/HER2-BC), head and neck\n"
    )  # NCT06084481
    assert verdicts(glued, person(hr="positive", her2="positive")) == ["not met"]


def test_er_low_is_never_ruled_out_by_a_subtype_list():
    text = "Inclusion Criteria:\n* HR+/HER2- breast cancer or HR-/HER2+ breast cancer\n"
    assert verdicts(text, person(hr="positive", her2="zero", er_low_only=True)) == ["unknown"]
    assert "not met" not in verdicts(text, person(hr="positive", her2="positive", er_low_only=True))


def test_bone_metastasis_trials():
    t = Trial(
        "NCT06745024",
        title="Radiation Therapy for High-Risk Asymptomatic Bone Metastases: A Pragmatic Multicenter "
        "Randomized Phase 3 Clinical Trial (PREEMPT)",
        conditions=[
            "Metastatic Malignant Neoplasm in the Bone",
            "Metastatic Malignant Solid Neoplasm",
        ],
    )
    g = gates(t)
    assert "bone" in mismatch(g, person(sites=["liver", "lung"]))
    assert mismatch(g, person(sites=["bone", "liver"])) == ""
    assert mismatch(g, PatientFacts()) == ""  # nothing known never gates
    plain = gates(Trial("NCT0", title="Letrozole With or Without Bone Metastases Therapy"))
    assert mismatch(plain, person(sites=["liver"])) == ""


def test_a_study_that_is_not_about_cancer():
    t = Trial(
        "NCT01994343",
        title="Pain in Women With Chronic Pelvic Pain",
        conditions=["Chronic Pain"],
        eligibility="Inclusion Criteria:\n* Women.\n* Clinical diagnosis of chronic pelvic pain.\n",
    )
    assert "not about cancer" in mismatch(gates(t), person())
    pain = Trial(
        "NCT0",
        title="Pain in Women With Chronic Pelvic Pain",
        conditions=["Chronic Pain"],
        eligibility="Inclusion Criteria:\n* Women treated for breast cancer.\n",
    )
    assert mismatch(gates(pain), person()) == ""


NEWLY = (
    "Inclusion Criteria:\n* Newly diagnosed (within 90 days) with cancer or a recurrence of a cancer "
    "diagnosed >5 years ago of one of the following subtypes: Breast, Lung\n"
    "Exclusion Criteria:\n* Currently receiving any treatment for cancer\n"
)  # NCT05366881


def test_newly_diagnosed_and_current_treatment():
    new = person(diagnosed_on="2025-12-04")
    assert verdicts(NEWLY, new) == ["met", "met"]
    old = person(diagnosed_on="2023-04-01")
    assert verdicts(NEWLY, old)[0] == "not met"
    assert verdicts(NEWLY, person())[0] == "unknown"  # no date: cannot say
    on = person(
        diagnosed_on="2025-12-04",
        drugs=[DrugFact("letrozole", ["letrozole", "endocrine therapy"], ongoing=True)],
    )
    assert verdicts(NEWLY, on)[1] == "not met"
    bone_only = person(
        diagnosed_on="2025-12-04",
        drugs=[DrugFact("denosumab", ["denosumab", "bone-modifying agent"], ongoing=True)],
    )
    assert verdicts(NEWLY, bone_only)[1] == "met"


def test_a_study_of_operated_patients_is_for_early_disease():
    t = Trial(
        "NCT01621529",
        title="Contribution of 18FDG PET-Scan in Tumour Volume Determination in Patients Operated of "
        "Breast Cancer",
        conditions=["Infiltrating Ductal Carcinoma"],
        eligibility="Inclusion Criteria:\n* Women aged 18 or more\n",
    )
    setting = [c for c in parse_trial(t)["criteria"] if c["text"].startswith("Setting:")]
    assert setting and setting[0]["checks"][0]["value"] == "early"
    assert match(parse_trial(t), person())["fit"] == "unlikely"  # metastatic: not this study
    # "metastatic" in the title wins: "Postoperative ... for Brain Metastases" is no early study
    later = Trial("NCT0", title="Postoperative Radiosurgery for Resected Brain Metastases")
    assert not any(c["text"].startswith("Setting: early") for c in parse_trial(later)["criteria"])
