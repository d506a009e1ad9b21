"""Thirty-ninth-session wordings (issue 14): read from last session's held-out sets after their
one measurement (106, 107) and from this session's tuning set 108. Each test is checked both
ways."""

from mbcnav.trials.match import match
from mbcnav.trials.population import gates, mismatch
from mbcnav.trials.record import Trial

from .test_cohort_scoping import parsed
from .test_session35_wordings import _patient

# NCT06264921's inclusion list: a part's tumor types written bare under its heading
BASKET = """Inclusion Criteria:

* Must have confirmed unresectable advanced/metastatic solid tumors (as outlined below).

  * An Eastern Cooperative Oncology Group (ECOG) performance status of 0 to 1

Dose Escalation(Part 1):

1. Ovarian cancer
2. Endometrial cancer
3. Small cell lung cancer (SCLC)
4. Triple-negative breast cancer (human epidermal growth factor receptor 2 [HER2], estrogen receptor [ER], progesterone receptor negative)
5. ER/progesterone-receptor positive, HER2 negative breast cancer (must have progressed following treatment with a CDK4/6 inhibitor, and not suitable for endocrine therapy)
6. Other solid tumors with CCNE1 amplification as determined by NGS by local liquid or tissue biopsy.

Exclusion Criteria:

* Prior CDK2 inhibitor
"""

# the same shape, but the items are a breast cohort's own rules, not tumor types to choose from
RULES = """Inclusion Criteria:

Part A:

1. Histologically confirmed HER2-positive breast cancer
2. Measurable disease per RECIST 1.1
3. Prior treatment with trastuzumab for metastatic breast cancer

Exclusion Criteria:

* Active brain metastases
"""

TNBC = {"er": "ER 0%", "pr": "PR 0%", "her2": "IHC 0"}
HR_LOW = {"er": "ER 95%", "pr": "PR 40%", "her2": "IHC 1+"}


def _not_met(text: str, receptors: dict) -> list[str]:
    f = _patient(receptors=receptors, ecog=1)
    res = match(parsed(text), f)
    return [c["text"] for c in res["criteria"] if c["verdict"] == "not met"]


def test_a_parts_bare_list_of_tumor_types_is_one_choice():
    crits = [c for c in parsed(BASKET)["criteria"] if "Part 1" in c["text"]]
    assert len(crits) == 6 and len({c.get("any_of") for c in crits}) == 1
    assert crits[0].get("any_of")
    # the person's own subtype is one of the options: the other breast subtype is no "no"
    assert not [t for t in _not_met(BASKET, TNBC) if "Part 1" in t]
    assert not [t for t in _not_met(BASKET, HR_LOW) if "Part 1" in t]


def test_a_parts_list_of_its_own_rules_stays_a_list_of_rules():
    crits = [c for c in parsed(RULES)["criteria"] if "Part A" in c["text"]]
    assert crits and not any(c.get("any_of") for c in crits)
    assert [t for t in _not_met(RULES, HR_LOW) if "HER2-positive" in t]


def _trial(title: str, conditions: list[str], summary: str = "") -> Trial:
    return Trial("NCT09999995", title=title, summary=summary, conditions=conditions)


def test_a_study_for_early_stages_only_is_not_for_metastatic_disease():
    # NCT04180579: no criteria list, the conditions give the stages
    scalp = _trial(
        "Safety of Lower Scalp Cooling Temperature to Prevent Hair Loss From Chemotherapy in "
        "Breast Cancer Patients",
        [
            "Breast Cancer",
            "Breast Cancer Stage I",
            "Breast Cancer Stage II",
            "Breast Cancer Stage III",
        ],
    )
    g = gates(scalp)
    assert g["early_only"]
    assert "early breast cancer" in mismatch(g, _patient())
    assert gates(_trial("Adjuvant Giredestrant in Early Breast Cancer", ["Early Breast Cancer"]))[
        "early_only"
    ]
    # a later stage, spread or return named anywhere opens the study to it
    for title, conditions in (
        ("Scalp Cooling in Breast Cancer", ["Breast Cancer Stage I", "Breast Cancer Stage IV"]),
        ("Scalp Cooling in Stage I-IV Breast Cancer", ["Breast Cancer"]),
        ("Exercise in Early and Metastatic Breast Cancer", ["Early Breast Cancer"]),
        ("Scalp Cooling in Breast Cancer", ["Breast Cancer"]),
    ):
        assert not gates(_trial(title, conditions))["early_only"], (title, conditions)


# NCT00159458's rule, with a later sentence for people who relapsed early
LINES = (
    "Must have received at least 1 but not more than 3 prior chemotherapy regimens for recurrent "
    "or metastatic breast cancer. Patients who relapse within 12 months of completing adjuvant "
    "chemotherapy can only have had up to 2 prior regimens for metastatic disease."
)


def _lines_patient(lines: int):
    treatments = [
        {
            "drugs": [drug],
            "setting": "metastatic",
            "line": i + 1,
            "start": f"202{i}-01-10",
            "end": f"202{i}-12-10",
            "stop_reason": "progression",
        }
        for i, drug in enumerate(["letrozole", "capecitabine", "eribulin", "paclitaxel"][:lines])
    ]
    return _patient(treatments=treatments)


def test_a_later_sentence_for_some_people_is_no_rule_for_everyone():
    text = "Inclusion Criteria:\n\n* " + LINES
    got = match(parsed(text), _lines_patient(4))["criteria"]
    rule = next(c for c in got if c["text"].startswith("Must have received"))
    assert rule["verdict"] != "not met"
    # the rule's own limit still counts: 4 chemotherapy regimens are more than 3
    four = (
        "Inclusion Criteria:\n\n* Must have received at least 1 but not more than 3 prior "
        "chemotherapy regimens for metastatic breast cancer."
    )
    treatments = [
        {
            "drugs": [d],
            "setting": "metastatic",
            "line": i + 1,
            "start": f"202{i}-01-10",
            "end": f"202{i}-12-10",
            "stop_reason": "progression",
        }
        for i, d in enumerate(["capecitabine", "eribulin", "paclitaxel", "vinorelbine"])
    ]
    got = match(parsed(four), _patient(treatments=treatments))["criteria"]
    assert (
        next(c for c in got if c["text"].startswith("Must have received"))["verdict"] == "not met"
    )
    # a later sentence that says who is kept out is the rule itself
    out = parsed(
        "Inclusion Criteria:\n\n* Measurable disease. Patients with bone-only disease are not eligible."
    )
    checks = [ch for c in out["criteria"] for ch in c.get("checks", []) if c.get("number")]
    assert not any(ch.get("conditional") for ch in checks)


# the first review's inputs: a part's list of its own rules, and look-alike lists
OWN_RULES = (
    "Inclusion Criteria:\n\n* Age 18 or over\n\nPart A (Dose Expansion):\n\n"
    "1. HR-positive, HER2-negative advanced breast cancer\n"
    "2. PIK3CA-mutant tumor by local or central testing\n"
    "3. Archival tumor tissue or fresh biopsy\n"
)
BRAIN_RULES = (
    "Inclusion Criteria:\n\n* Age 18 or over\n\nCohort A:\n\n"
    "1. HER2-positive metastatic breast cancer\n"
    "2. Brain metastases from breast cancer\n"
    "3. Leptomeningeal carcinomatosis\n"
)
EXCLUDED_TYPES = (
    "Inclusion Criteria:\n\n* Metastatic breast cancer\n\nExclusion Criteria:\n\nPart B:\n\n"
    "1. HER2-positive breast cancer\n2. Gastric cancer\n3. Lung cancer\n"
)


def test_a_parts_own_rules_that_name_tumors_are_not_options():
    for text in (OWN_RULES, BRAIN_RULES, EXCLUDED_TYPES):
        assert not any(c.get("any_of") for c in parsed(text)["criteria"]), text
    f = _patient(receptors=HR_LOW, biomarkers={"PIK3CA": "not mutated"})
    got = match(parsed(OWN_RULES), f)["criteria"]
    assert [c["verdict"] for c in got if "PIK3CA" in c["text"]] == ["not met"]


def test_a_study_whose_stages_reach_iv_is_not_early_only():
    for title, conditions in (
        ("Docetaxel in Women With Stage IIIB, IIIC, or IV Breast Cancer", ["Breast Cancer"]),
        ("Yoga for Stage I, II, III, or IV Breast Cancer", ["Breast Cancer"]),
        ("Exercise for Women With Stage III/IV Breast Cancer", ["Breast Cancer"]),
        ("Scalp cooling in Stage I–IV breast cancer", ["Breast Cancer"]),
        ("Scalp cooling", ["Breast Cancer Stage II", "Breast Carcinoma Stages I-IV"]),
        # a study's stage is no disease stage
        ("Stage 2 of a Phase 1/2 Study of Drug X in HER2+ Breast Cancer", ["Breast Cancer"]),
        ("Stage II Expansion of ABC-123 in Breast Cancer", ["Breast Cancer"]),
    ):
        assert not gates(_trial(title, conditions))["early_only"], title
    assert gates(
        _trial(
            "Targeted T Cells After Neoadjuvant Chemotherapy in Women With Stage II or III Breast "
            "Cancer",
            ["Breast Cancer"],
        )
    )["early_only"]


def _verdicts(text: str, f, kind: str = "exclusion") -> list[str]:
    crits = match(parsed(text), f)["criteria"]
    return [c["verdict"] for c in crits if c["kind"] == kind]


def test_a_later_sentence_that_is_the_rule_keeps_its_no():
    on_cdk = _patient(
        treatments=[
            {
                "drugs": ["letrozole", "palbociclib"],
                "setting": "metastatic",
                "line": 1,
                "start": "2024-04-01",
                "end": "2025-10-01",
                "stop_reason": "progression",
            }
        ]
    )
    for rule in (
        "Other investigational agents. Patients who have had prior CDK4/6 inhibitor therapy must "
        "not take part.",
        "Any prior systemic therapy for advanced disease; patients who received palbociclib should "
        "not take part.",
    ):
        text = (
            f"Inclusion Criteria:\n\n* Metastatic breast cancer\n\nExclusion Criteria:\n\n* {rule}"
        )
        assert "not met" in _verdicts(text, on_cdk), rule
    # a later sentence for some people is never a "no" for those it is not about (the final
    # review: a TNBC chart told "not met" by "Patients who are HER2/neu-positive must be treated
    # with a HER2/neu inhibitor", NCT05768932), and stays open for those it is about
    tnbc = _patient(receptors=TNBC)
    for rule in (
        "Metastatic breast cancer. Patients who are HER2/neu-positive must be treated with a "
        "HER2/neu inhibitor.",
        "Measurable disease. Patients with brain metastases must have completed local therapy at "
        "least 4 weeks before enrolment.",
        "Metastatic breast cancer. Patients who received a prior CDK4/6 inhibitor must not have "
        "progressed within 6 months of starting it.",
    ):
        text = f"Inclusion Criteria:\n\n* {rule}"
        assert "not met" not in _verdicts(text, tnbc, "inclusion"), rule
    her2 = _patient(
        receptors={"er": "ER 0%", "pr": "PR 0%", "her2": "IHC 3+"},
        treatments=[
            {
                "drugs": ["capecitabine"],
                "setting": "metastatic",
                "line": 1,
                "start": "2024-04-01",
                "end": "2025-10-01",
                "stop_reason": "progression",
            }
        ],
    )
    text = (
        "Inclusion Criteria:\n\n* Metastatic breast cancer. Patients with HER2-positive disease "
        "must have received prior trastuzumab."
    )
    assert _verdicts(text, her2, "inclusion") == ["unknown"]


def test_periods_stopped_in_a_contraception_rule_are_no_menopause_rule():
    from mbcnav.trials.menopause import menopause_check

    for text in (
        "Women must be surgically sterile or amenorrheic for at least 12 months, or agree to use "
        "two effective methods of birth control",
        "Women of non-reproductive potential: amenorrheic for 12 months",
        "Amenorrhea for 12 months following chemotherapy",
    ):
        assert menopause_check(text) is None, text
    got = menopause_check("Age <60 years and amenorrheic for 12 or more months")
    assert got is not None and got["value"] == "post"


def test_more_ways_of_naming_spread_keep_a_study_open():
    for title in (
        "Exercise in Stage 3 or 4 Breast Cancer",
        "Yoga in Stage I-III or Stage Four Breast Cancer",
        "Stage I-III and Secondary Breast Cancer",
        "Early Breast Cancer and Breast Cancer That Has Spread",
    ):
        assert not gates(_trial(title, ["Breast Cancer"]))["early_only"], title


def test_sites_of_spread_in_brackets_are_no_other_cancers():
    text = (
        "Inclusion Criteria:\n\n* Age 18 or over\n\nCohort B:\n\n"
        "1. PIK3CA-mutant tumor\n2. Visceral tumor involvement (liver or lung)\n"
        "3. Tumor lesion amenable to biopsy (liver, lung or lymph node)\n"
    )
    assert not any(c.get("any_of") for c in parsed(text)["criteria"])


# read from the held-out sets 109 and 110 after their one measurement


def test_inline_items_numbered_with_a_bracket_and_no_space():
    # NCT06970795 as a stored web copy gives it
    text = (
        "Inclusion Criteria: 1)Aged ≥18 years; 2) Subjects with histologically or cytologically "
        "confirmed advanced solid tumors who have failed standard therapy. 3\\) At least one "
        "measurable lesion per RECIST v1.1; 4) ECOG score of 0 or 1; 5) Life expectancy ≥3 months"
    )
    crits = parsed(text)["criteria"]
    assert any(c["text"].startswith("ECOG score of 0 or 1") for c in crits)
    ecog2 = _patient(ecog=2)
    got = match(parsed(text), ecog2)["criteria"]
    assert [c["verdict"] for c in got if c["text"].startswith("ECOG")] == ["not met"]
    # a bracket closing a number inside brackets is no item ("(ECOG 1)Patients" stays)
    assert not any(
        c["text"].startswith("Patients")
        for c in parsed(
            "Inclusion Criteria: Performance status (ECOG 1)Patients with measurable disease"
        )["criteria"]
    )


def test_a_diagnosis_dated_inside_a_window():
    rule = (
        "Inclusion Criteria:\n\n* Must have a histological or cytological confirmed previous "
        "diagnosis as HER2-negative (IHC zero, 1+, 2+/ISH-) locally-advanced or mBC between 01 "
        "January 2019 and 31 December 2022, regardless of HR status"
    )
    late = _patient(metastatic_diagnosis={"date": "2024-03-12"}, receptors=HR_LOW)
    inside = _patient(metastatic_diagnosis={"date": "2021-06-01"}, receptors=HR_LOW)
    assert "not met" in _verdicts(rule, late, "inclusion")
    assert "not met" not in _verdicts(rule, inside, "inclusion")


def test_a_study_only_for_people_from_an_earlier_study():
    t = Trial(
        "NCT09999994",
        title="Immune Response and Potential Booster for Patients Who Have Received HER2-pulsed DC1",
        official_title=(
            "Immune Response Surveillance and Potential Booster Vaccines for Patients Who Have "
            "Received HER2-pulsed DC1 Vaccine"
        ),
        conditions=["HER2-positive Breast Cancer"],
    )
    g = gates(t)
    assert g["follow_up_only"] and "earlier study" in mismatch(g, _patient())
    for title in (
        "A Study of Drug X in Patients Who Have Received Prior CDK4/6 Inhibitors",
        "Trastuzumab Deruxtecan in Patients Who Have Received Two Prior Lines",
    ):
        assert not gates(_trial(title, ["Breast Cancer"]))["follow_up_only"], title
