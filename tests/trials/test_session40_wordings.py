"""Fortieth-session wordings (issue 14): read from older sets and this session's tuning sets.
Each test is checked both ways."""

from mbcnav.trials.her2 import her2_scores
from mbcnav.trials.match import match
from mbcnav.trials.modality import modality

from .test_cohort_scoping import parsed
from .test_session35_wordings import _patient

# NCT05768932's HER2-negative definition, its items carried under a cohort heading
HER2_ITEMS = """Inclusion Criteria:

4. Patients enrolled in Dose Expansion only

   * TNBC cohorts ii. Must have triple negative breast cancer, defined as both of the following.
   2. Human epidermal growth factor receptor 2 (HER2) negative as per ASCO/CAP guidelines

      * IHC 0 or 1 fluorescence in situ hybridization (FISH) negative (or equivalent negative test)
      * Patients with IHC 2 must have a negative by FISH (or equivalent negative test)

Exclusion Criteria:

* Pregnancy
"""


def _verdicts(text: str, receptors: dict) -> dict[str, str]:
    res = match(parsed(text), _patient(receptors=receptors, ecog=1))
    return {c["text"]: c["verdict"] for c in res["criteria"]}


def test_an_ihc_list_with_bare_scores_is_a_list():
    assert her2_scores("HER2 IHC 0, 1 or 2 and ISH negative") == ["low", "ultralow", "zero"]
    assert her2_scores("IHC 0 or 1 fluorescence in situ hybridization (FISH) negative") == [
        "low",
        "ultralow",
        "zero",
    ]
    assert her2_scores("HER2 IHC 3+ or 2+ with ISH amplified") == ["positive"]
    # not a score: a percent, a decimal, another marker with no in situ hybridization
    assert her2_scores("HER2 IHC 1 % of cells or 2") is None
    assert her2_scores("ER IHC 0 or 1") is None
    assert her2_scores("HER2 IHC 1.5 or 2.5") is None


def test_ihc_1_fits_a_list_of_0_or_1_and_a_labelled_premise_is_conditional():
    low = _verdicts(HER2_ITEMS, {"er": "ER 0%", "pr": "PR 0%", "her2": "HER2 IHC 1+"})
    ihc = [v for t, v in low.items() if "IHC 0 or 1" in t]
    assert ihc == ["met"]
    premise = [v for t, v in low.items() if "Patients with IHC 2" in t]
    assert premise and premise[0] != "not met"
    # the other way: HER2-positive is still outside the list
    pos = _verdicts(HER2_ITEMS, {"er": "ER 0%", "pr": "PR 0%", "her2": "HER2 IHC 3+"})
    assert [v for t, v in pos.items() if "IHC 0 or 1" in t] == ["not met"]


def test_a_label_before_a_conditional_keeps_it_conditional():
    text = "Patients enrolled in Dose Expansion only: Patients with IHC 2 must have a negative FISH"
    assert modality(text, "inclusion") == "conditional"
    assert modality("Adequate organ function: patients must have ANC >= 1500", "inclusion") == (
        "required"
    )
    assert modality("Part B: Patients must have measurable disease", "inclusion") != "conditional"


# NCT07151586's subtype rule: a bulleted stem over plain lines, "both of the following"
TNBC_LOW = """Inclusion Criteria:
* Men or women >= 18 years of age
* Histologically confirmed metastatic or locally advanced and unresectable triple-negative breast cancer, meeting both of the following criteria by local testing:
HER2-low breast cancer, defined as either immunohistochemistry (IHC) 2+ / in situ hybridization (ISH)-negative or IHC 1+ (ISH-negative or untested), on either the primary or any metastatic site
Estrogen receptor (ER) expression <10% and progesterone receptor (PR) expression <10%
* Eastern Cooperative Oncology Group (ECOG) performance status <=1

Exclusion Criteria:
* Pregnancy
"""


def test_a_bulleted_both_of_stem_over_plain_lines_goes_into_each_line():
    crits = [c for c in parsed(TNBC_LOW)["criteria"] if c["number"]]
    stemmed = [c for c in crits if c["text"].startswith("Histologically confirmed")]
    assert len(stemmed) == 2
    assert "HER2-low" in stemmed[0]["text"] and "Estrogen receptor" in stemmed[1]["text"]
    assert any("ECOG" in c["text"] and "Histolog" not in c["text"] for c in crits)


def _fits(text: str, receptors: dict) -> bool:
    return "not met" not in _verdicts(text, receptors).values()


def test_a_subtype_that_refines_another_is_no_option_beside_it():
    # HR-positive HER2-low, ER-0 HER2-0 and ER-0 ultralow are each outside "TNBC meeting HER2-low"
    assert not _fits(TNBC_LOW, {"er": "ER 90%", "pr": "PR 15%", "her2": "IHC 2+, ISH negative"})
    assert not _fits(TNBC_LOW, {"er": "ER 0%", "pr": "PR 0%", "her2": "IHC 0"})
    assert not _fits(TNBC_LOW, {"er": "ER 0%", "pr": "PR 0%", "her2": "HER2-ultralow"})
    # the other way: triple-negative and HER2-low fits, and a list joined by "or" stays options
    assert _fits(TNBC_LOW, {"er": "ER 0%", "pr": "PR 0%", "her2": "IHC 1+"})
    either = "Inclusion Criteria:\n\n* HR-positive/HER2-negative breast cancer or triple-negative breast cancer\n"
    assert _fits(either, {"er": "ER 90%", "pr": "PR 15%", "her2": "IHC 0"})


def test_newly_diagnosed_untreated_breast_cancer_is_no_treatment_yet():
    (check,) = [
        k for k in checks_of("Newly diagnosed, untreated breast cancer;") if k["type"] == "lines"
    ]
    assert check["max"] == 0
    assert not [k for k in checks_of("Untreated brain metastases") if k["type"] == "lines"]


def checks_of(text: str) -> list[dict]:
    return next(c for c in parsed(f"Inclusion Criteria:\n\n* {text}\n")["criteria"] if c["number"])[
        "checks"
    ]


def test_an_ihc_result_written_after_its_short_name_is_a_list():
    text = (
        "Human epidermal growth factor receptor-2 immunohistochemistry (HER2-IHC) result of 0/1+ "
        "or 2+ with negative fluorescence in situ hybridization (FISH) test"
    )
    (check,) = [k for k in checks_of(text) if k["type"] == "receptor"]
    assert check["value"] == "her2-in" and set(check["allowed"]) == {"zero", "ultralow", "low"}


def test_a_growth_window_after_how_the_growth_was_shown():
    text = (
        "Demonstrated progression of disease by radiological assessment or by clinical "
        "assessment within the last 6 weeks."
    )
    (check,) = [k for k in checks_of(text) if k["type"] == "progression_within"]
    assert check["days"] == 42
    # a scan's own window is still no growth window
    assert not [
        k
        for k in checks_of("progressive disease, with a CT scan within 4 weeks")
        if k["type"] == "progression_within"
    ]


WINDOW = "Inclusion Criteria:\n\n* Radiological progression within the last 6 weeks\n"


def _window_verdict(assessments: list[dict]) -> str:
    f = _patient(assessments=assessments)
    res = match(parsed(WINDOW), f)
    return next(c["verdict"] for c in res["criteria"] if "6 weeks" in c["text"])


def test_a_recent_scan_without_growth_and_no_growth_on_record_is_no_recent_growth():
    assert _window_verdict([{"date": "2026-01-06", "status": "regression", "method": "CT"}]) == (
        "not met"
    )
    # the other way: the scan is older than the window, or no scan at all: the study team asks
    assert _window_verdict([{"date": "2025-10-06", "status": "stable"}]) == "unknown"
    assert _window_verdict([]) == "unknown"
    assert _window_verdict([{"date": "2026-01-06", "status": "progression"}]) == "met"


def test_another_cancer_named_only_for_a_looser_limit_keeps_the_rule_for_everyone():
    text = (
        "Adequate hepatic function defined by: a total bilirubin level <= 1.5x of upper limit of "
        "normal (ULN); AST and ALT levels <= 2.5 x of ULN or <= 5x of ULN in known hepatic "
        "metastases or with primary hepatocellular carcinoma."
    )
    assert modality(text, "inclusion") == "required"
    assert modality("Hepatocellular carcinoma cohort: Child-Pugh A", "inclusion") == "other_cancer"


def test_time_on_her2_treatment_may_run_over_lines():
    text = (
        "Patient must have received continuous anti-HER2 targeted therapy (including "
        "Trastuzumab, T-DM1) for at least 2 years in any line setting"
    )
    (check,) = [k for k in checks_of(text) if k["type"] == "line_months"]
    assert check["min"] == 24 and check["total"]
    rule = f"Inclusion Criteria:\n\n* {text}\n"

    def verdict_for(lines: list[tuple[str, str, str]]) -> str:
        treatments = [
            {"drugs": drugs.split("+"), "setting": "metastatic", "line": n, "start": a, "end": b}
            for n, (drugs, a, b) in enumerate(lines, 1)
        ]
        f = _patient(treatments=treatments)
        res = match(parsed(rule), f)
        return next(c["verdict"] for c in res["criteria"] if "continuous" in c["text"])

    assert verdict_for([("trastuzumab deruxtecan", "2024-04-16", "2025-12-23")]) == "not met"
    # two lines that together reach two years: the study team decides whether they were one time
    assert (
        verdict_for(
            [
                ("trastuzumab+pertuzumab", "2022-01-01", "2023-06-01"),
                ("ado-trastuzumab emtansine", "2023-06-10", "2024-09-01"),
            ]
        )
        == "unknown"
    )
    assert verdict_for([("trastuzumab+pertuzumab", "2022-01-01", "2024-06-01")]) == "met"


TRIAL_RULE = (
    "Inclusion Criteria:\n\n* Metastatic breast cancer\n\nExclusion Criteria:\n\n"
    "* Prior or current enrollment in any interventional clinical trial for ABC/MBC.\n"
    "* Participation in another clinical study with an investigational product within 4 weeks "
    "before enrollment\n"
)


def _trial_verdicts(**extra) -> dict[str, str]:
    res = match(parsed(TRIAL_RULE), _patient(**extra))
    return {c["text"][:30]: c["verdict"] for c in res["criteria"] if c["kind"] == "exclusion"}


def _line(drugs: list[str], start: str, end: str | None) -> dict:
    return {"drugs": drugs, "setting": "metastatic", "line": 1, "start": start, "end": end}


def test_an_earlier_trial_the_record_tells_of_settles_the_trial_rules():
    named = _trial_verdicts(
        treatments=[
            _line(["camizestrant (investigational, clinical trial)"], "2023-09-01", "2025-06-01")
        ]
    )
    assert named == {
        "Prior or current enrollment in": "not met",
        "Participation in another clini": "met",
    }
    noted = _trial_verdicts(
        assessments=[
            {
                "date": "2026-01-05",
                "status": "progression",
                "note": "Came off the phase 1 study; last dose of study drug 2025-12-28.",
            }
        ]
    )
    assert set(noted.values()) == {"not met"}


def test_a_trial_only_weighed_or_a_record_silent_on_trials_leaves_the_rules_open():
    weighed = _trial_verdicts(
        assessments=[
            {
                "date": "2026-01-05",
                "status": "progression",
                "note": "She asks about phase 1 trials.",
            }
        ]
    )
    assert set(weighed.values()) == {"unknown"}
    assert set(_trial_verdicts().values()) == {"unknown"}
    # a note that tells of a trial with no date leaves a window open, not the rule without one
    undated = _trial_verdicts(
        assessments=[
            {
                "date": "2026-01-05",
                "status": "progression",
                "note": "Progressed on a clinical trial of an oral SERD.",
            }
        ]
    )
    assert undated == {
        "Prior or current enrollment in": "not met",
        "Participation in another clini": "unknown",
    }


BRAIN_ONLY = (
    "Inclusion Criteria:\n\n* Brain metastases and/or leptomeningeal metastases involving the "
    "brain demonstrated by MR imaging of the brain. For patients with brain metastases, "
    "measurable lesion by RANO-BM is required. Patients with spine leptomeningeal metastases are "
    "eligible for the study if they have leptomeningeal metastases of the brain demonstrated by "
    "MRI imaging of the brain.\n"
)


def test_a_later_sentence_for_some_people_leaves_the_first_the_rule_for_everyone():
    crit = next(c for c in parsed(BRAIN_ONLY)["criteria"] if c["number"])
    assert crit["modality"] == "required"
    later = [k for k in crit["checks"] if k["type"] == "measurable"]
    assert later and all(k.get("conditional") for k in later)
    assert all(not k.get("conditional") for k in crit["checks"] if k["type"] == "brain")
    # the other way: a condition in the first sentence keeps the whole rule conditional
    first = "If bone-only disease, at least one lytic lesion. Measurable disease otherwise."
    assert modality(first, "inclusion") == "conditional"


def test_a_later_condition_does_not_rule_out_people_it_is_not_for():
    text = (
        "Inclusion Criteria:\n\n* Measurable disease per RECIST 1.1. For patients with bone-only "
        "disease, at least one lytic bone lesion is required.\n"
    )
    low = {"er": "ER 95%", "pr": "PR 40%", "her2": "IHC 1+"}
    f = _patient(receptors=low, ecog=1, metastases=[{"site": "liver"}, {"site": "bone"}])
    res = match(parsed(text), f)
    assert "not met" not in {c["verdict"] for c in res["criteria"]}


def test_a_study_for_those_of_an_earlier_study_named_by_its_code():
    from mbcnav.trials.population import gates
    from mbcnav.trials.record import Trial

    title = (
        "A Long-term Follow-up Study for Cardiac Safety in the Patients With HER2 (+) Breast "
        "Cancer Who Have Completed the SB3-G31-BC"
    )
    assert gates(Trial("NCT09999996", title=title))["follow_up_only"]
    rule = "Inclusion Criteria:\n\n* Subjects who received the study treatment of SB3-G31-BC.\n"
    trial = Trial("NCT09999996", title="A cardiac safety study", eligibility=rule)
    assert gates(trial, parsed(rule)["criteria"])["follow_up_only"]
    # the other way: a study's own treatment or a lower-case word is no earlier study
    own = "Inclusion Criteria:\n\n* Patients who received the study treatment for at least one cycle.\n"
    trial = Trial("NCT09999996", title="A study", eligibility=own)
    assert not gates(trial, parsed(own)["criteria"])["follow_up_only"]
    plain = "A Study in Patients With Breast Cancer Who Have Completed the first-line chemotherapy"
    assert not gates(Trial("NCT09999996", title=plain))["follow_up_only"]


def test_her2_high_is_the_positive_category():
    assert [k["value"] for k in checks_of("Expansion (Cohort 2): HER2-high breast cancer")] == [
        "her2-positive"
    ]
    # the other way: a high-risk or high-dose word after HER2 is no category
    assert not [
        k
        for k in checks_of("HER2 high-risk features such as nodal involvement")
        if k.get("value") == "her2-positive"
    ]


# ---- first review (session 40): each S1's input and its neighbours


def test_review_what_is_no_trial_participation():
    scan = [
        {
            "date": "2026-01-05",
            "status": "progression",
            "note": "Liver lesion seen on the prior study has grown.",
        }
    ]
    cited = [
        {
            "date": "2026-01-05",
            "status": "stable",
            "note": "Ribociclib chosen given OS benefit in the MONALEESA-2 trial.",
        }
    ]
    never = [
        {
            "date": "2026-01-05",
            "status": "stable",
            "note": "She has never participated in a clinical trial.",
        }
    ]
    declined = [
        {
            "date": "2026-01-05",
            "status": "stable",
            "note": "Declined enrollment in the clinical trial.",
        }
    ]
    for notes in (scan, cited, never, declined):
        assert set(_trial_verdicts(assessments=notes).values()) == {"unknown"}
    # the other way: "no longer on the trial" tells of one
    left = [
        {
            "date": "2026-01-05",
            "status": "progression",
            "note": "No longer on the trial after progression.",
        }
    ]
    assert _trial_verdicts(assessments=left)["Prior or current enrollment in"] == "not met"


def _one_exclusion(text: str, **extra) -> str:
    rule = f"Inclusion Criteria:\n\n* Metastatic breast cancer\n\nExclusion Criteria:\n\n* {text}\n"
    res = match(parsed(rule), _patient(**extra))
    return next(c["verdict"] for c in res["criteria"] if c["kind"] == "exclusion")


ENDED = {
    "treatments": [
        _line(["camizestrant (investigational, clinical trial)"], "2024-09-01", "2025-06-20")
    ]
}


def test_review_trial_rules_about_now_windows_and_allergies():
    assert (
        _one_exclusion("Concurrent participation in another interventional clinical trial", **ENDED)
        == "met"
    )
    assert _one_exclusion("Simultaneous participation in another clinical trial", **ENDED) == "met"
    for window in (
        "Participation in another clinical study with an investigational product during the last 30 days",
        "Treatment with any investigational drug in the past 30 days",
        "Treatment with an investigational agent ≤ 4 weeks before the first dose of study treatment",
    ):
        assert _one_exclusion(window, **ENDED) == "met"
    assert (
        _one_exclusion(
            "Known hypersensitivity to the investigational product or any of its excipients",
            **ENDED,
        )
        != "not met"
    )
    excepted = "Participation in another interventional clinical trial, except observational studies or the follow-up phase of an interventional study"
    assert _one_exclusion(excepted, **ENDED) == "unknown"
    # the other way: an ongoing trial treatment is a trial now
    ongoing = {
        "treatments": [
            _line(["camizestrant (investigational, clinical trial)"], "2025-09-01", None)
        ]
    }
    assert (
        _one_exclusion(
            "Concurrent participation in another interventional clinical trial", **ongoing
        )
        == "not met"
    )


def test_review_untreated_brain_metastases_are_no_first_line_rule():
    for text in (
        "Patients with newly diagnosed, untreated brain metastases",
        "Newly diagnosed, untreated CNS metastases not needing immediate local therapy",
    ):
        assert not [k for k in checks_of(text) if k["type"] == "lines"]


def test_review_growth_told_or_found_inside_the_window_is_no_no():
    rule = "Inclusion Criteria:\n\n* Documented disease progression by radiological assessment or by clinical assessment within the last 6 months\n"

    def verdict(**extra) -> str:
        res = match(parsed(rule), _patient(**extra))
        return next(c["verdict"] for c in res["criteria"] if "6 months" in c["text"])

    told = [
        {
            "date": "2025-11-01",
            "status": "unknown",
            "method": "CT",
            "note": "new liver lesions, progression",
        },
        {"date": "2025-12-20", "status": "stable", "method": "CT"},
    ]
    brain = [
        {
            "date": "2025-12-20",
            "status": "stable",
            "method": "MRI",
            "note": "brain MRI stable",
        }
    ]
    markers = [
        {"date": "2025-12-20", "status": "stable", "method": "CT", "note": "stable; rising CA 15-3"}
    ]
    for assessments in (told, brain, markers):
        assert verdict(assessments=assessments) == "unknown"
    recent = _patient(
        metastatic_diagnosis={"date": "2025-11-10"},
        assessments=[{"date": "2026-01-05", "status": "stable", "method": "CT"}],
    )
    res = match(parsed(rule), recent)
    assert next(c["verdict"] for c in res["criteria"] if "6 months" in c["text"]) == "unknown"
    # the other way: a body scan inside the window, stable, nothing else
    assert (
        verdict(assessments=[{"date": "2025-12-20", "status": "stable", "method": "CT"}])
        == "not met"
    )


def test_review_time_off_a_drug_and_early_her2_treatment():
    assert not [
        k
        for k in checks_of(
            "Patients must have been off trastuzumab treatment for at least 3 months"
        )
        if k["type"] == "line_months"
    ]
    rule = "Inclusion Criteria:\n\n* Continuous anti-HER2 targeted therapy (including trastuzumab) for at least 2 years in any line setting\n"
    early = {
        "drugs": ["trastuzumab", "pertuzumab"],
        "setting": "adjuvant",
        "start": "2020-06-01",
        "end": "2021-06-01",
    }
    f = _patient(treatments=[early, _line(["trastuzumab deruxtecan"], "2024-04-16", "2025-12-23")])
    res = match(parsed(rule), f)
    assert next(c["verdict"] for c in res["criteria"] if "Continuous" in c["text"]) == "unknown"


def test_review_clearance_needs_a_plausible_creatinine_and_a_measured_way_stays_open():
    from mbcnav.patient.model import Lab
    from mbcnav.trials import clearance
    from mbcnav.trials.labs import evaluate_lab, lab_checks, latest

    day = __import__("datetime").date(2026, 1, 15)
    labs = [Lab(day, "creatinine", 70, None), Lab(day, "weight", 70, "kg")]
    out = latest(labs, day)
    clearance.add_clearance(out, labs, 58, "female")
    assert clearance.KEY not in out  # 70 with no unit is no creatinine in mg/dL
    labs = [Lab(day, "creatinine", 1.2, "mg/dL"), Lab(day, "weight", 69.8544, "kg")]
    out = latest(labs, day)
    clearance.add_clearance(out, labs, 58, "female")
    assert "70 kg" in out[clearance.KEY]["shown"]
    (check,) = lab_checks(
        "Creatinine clearance ≥ 60 mL/min calculated by Cockcroft-Gault or measured by 24-hour urine"
    )
    assert evaluate_lab(check, out, day.isoformat())[0] is None
    (plain,) = lab_checks("Creatinine clearance ≥ 60 mL/min")
    assert evaluate_lab(plain, out, day.isoformat())[0] is False


def test_review_two_part_names_are_no_study_codes():
    from mbcnav.trials.population import gates
    from mbcnav.trials.record import Trial

    for title in (
        "Sacituzumab Govitecan in Patients With HR+ Breast Cancer Who Have Received TROP2-ADC",
        "Study in Women Who Have Received CDK4-6 Inhibitors",
        "A Study of Tucatinib in Patients Who Have Completed HER2-CLIMB Eligible Treatment",
    ):
        assert not gates(Trial("NCT09999996", title=title))["follow_up_only"]


def test_review_other_cancer_after_an_age_or_a_count_is_still_the_subject():
    for text in (
        "Patients ≥ 18 years with advanced NSCLC who progressed on ≥ 1 prior platinum-based chemotherapy",
        "≥ 1 prior line of platinum chemotherapy for ovarian cancer",
    ):
        assert modality(text, "inclusion") == "other_cancer"


def test_review_a_first_sentence_count_that_borrows_from_a_later_one_stays_conditional():
    text = (
        "Progressed after 1-2 prior lines. Patients with HER2-positive disease are eligible only "
        "if they received prior trastuzumab and prior T-DM1 or T-DXd."
    )
    crit = next(c for c in parsed(f"Inclusion Criteria:\n\n* {text}\n")["criteria"] if c["number"])
    assert crit["modality"] == "conditional"


def test_review_her2_lists_amplification_and_other_targets():
    assert her2_scores("HER2-positive defined as IHC 3 or IHC 2 with FISH amplification") == [
        "positive"
    ]
    assert her2_scores(
        "HER2 overexpression by IHC of 2+ or 3+, or documented gene amplification by FISH"
    ) == ["positive"]
    assert her2_scores("c-MET overexpression (IHC 2+ or 3+) or MET amplification by FISH") is None
    assert her2_scores("HER3 IHC 2+ or 3+ ; no HER2 amplification by ISH") is None
    assert her2_scores("HER2 IHC 3+ or 2 copies") is None
    # the other way: "not amplified" keeps 2+ low
    assert her2_scores("HER2-low: IHC 1 or IHC 2 and ISH not amplified") == ["low"]


# ---- final review (session 40)


def test_final_review_denied_amplification_keeps_2_plus_negative():
    for text in (
        "HER2-negative breast cancer, defined as IHC 0, 1+, or 2+ without gene amplification by ISH",
        "HER2-negative (IHC 0, 1+ or 2+ and ISH negative for amplification)",
        "HER2-negative disease defined as IHC 0, 1+, or IHC 2+ with lack of HER2 gene amplification by ISH",
    ):
        assert her2_scores(text) == ["low", "ultralow", "zero"], text
    # the other way: amplification said plainly
    assert her2_scores("HER2 IHC 3+ or IHC 2+ with gene amplification by ISH") == ["positive"]


def test_final_review_a_her2_word_between_another_marker_and_the_scores():
    assert her2_scores("Triple-negative: ER <1%, PR <1%, AR any, HER2 IHC 0 or 1+") == [
        "low",
        "ultralow",
        "zero",
    ]
    assert (
        her2_scores("c-MET protein overexpression by immunohistochemistry (IHC 2+ or 3+)") is None
    )


def test_final_review_no_trial_is_told_by_a_trial_of_a_drug_a_registry_or_a_plan():
    for note in (
        "Started on a trial of duloxetine for neuropathy.",
        "Consented to a research study for tissue banking.",
        "Enrolled in a clinical registry study (observational).",
        "Will be enrolled in the phase 2 trial next week.",
        "Awaiting a slot in the phase 1 trial.",
    ):
        got = _trial_verdicts(
            assessments=[{"date": "2026-01-05", "status": "stable", "note": note}]
        )
        assert set(got.values()) == {"unknown"}, note


def test_final_review_a_trial_told_in_a_note_without_an_end_is_not_over():
    note = "Enrolled in a phase 2 trial of drug X on 2025-10-01."
    assessments = [{"date": "2026-01-05", "status": "stable", "note": note}]
    assert (
        _one_exclusion(
            "Concurrent participation in another interventional clinical trial",
            assessments=assessments,
        )
        == "unknown"
    )
    assert (
        _one_exclusion(
            "Patients who are participating in another therapeutic clinical trial", **ENDED
        )
        == "met"
    )


def test_final_review_later_sentences_in_other_forms_keep_borrowed_counts_open():
    for text in (
        "Progression on at least 1 prior line of therapy. HER2+ patients must have received trastuzumab.",
        "1-3 prior lines in the metastatic setting. If HER2-positive, patients must have received trastuzumab.",
        "At least one prior line of chemotherapy for metastatic disease. For HER2-positive disease, prior trastuzumab is required.",
    ):
        crit = next(
            c for c in parsed(f"Inclusion Criteria:\n\n* {text}\n")["criteria"] if c["number"]
        )
        assert crit["modality"] == "conditional", text


def test_final_review_one_lab_limit_beside_a_cohorts_cancer_keeps_it_the_subject():
    text = "Cohort B: bilirubin ≤ 1.5 x ULN, and histologically confirmed NSCLC that progressed on platinum"
    assert modality(text, "inclusion") == "other_cancer"


def test_final_review_time_without_a_drug_is_no_time_on_it():
    for text in (
        "Patients must not have received trastuzumab therapy for at least 3 months before enrollment",
        "Trastuzumab-free interval of at least 6 months",
    ):
        assert not [k for k in checks_of(text) if k["type"] == "line_months"], text


# ---- read from held-out sets 112 and 113 after their one measurement


def test_less_than_or_equal_written_with_or():
    assert checks_of("ECOG performance status < or = 2.") == [
        {"type": "ecog", "allowed": [0, 1, 2]}
    ]
    assert [k for k in checks_of("Age > or = 18 years") if k["type"] == "age"][0]["min"] == 18


def test_not_in_a_complete_remission_turns_the_state_round():
    text = "Patients with HER-2+ Stage IV breast cancer that have been maximally treated and not in a complete remission"
    (ned,) = [k for k in checks_of(text) if k["type"] == "no_evidence_of_disease"]
    assert ned["neg"]
    (plain,) = [
        k
        for k in checks_of("No clinical evidence of disease (complete remission).")
        if k["type"] == "no_evidence_of_disease"
    ]
    assert not plain["neg"]


def test_a_receptor_named_for_how_it_is_tested_asks_no_status():
    text = (
        "Participants must have biopsy proven HR+, HER2 non-amplified (negative), invasive breast "
        "cancer. ER, PR, and HER2 positivity would be determined per institutional (local) testing."
    )
    values = {k["value"] for k in checks_of(text) if k["type"] == "receptor"}
    assert "her2-positive" not in values and "her2-negative" in values
    # the other way: a positivity asked for stays
    assert "her2-positive" in {
        k["value"] for k in checks_of("HER2 positivity by IHC 3+") if k["type"] == "receptor"
    }
