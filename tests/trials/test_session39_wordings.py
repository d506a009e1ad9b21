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
