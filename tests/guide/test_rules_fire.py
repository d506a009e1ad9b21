"""One test per rule: it fires when its fact holds, and stays silent just short of it."""

from __future__ import annotations

import pytest

from mbcnav.guide import load_rules
from tests.guide.guide_helpers import fired, quiet

# ------------------------------------------------------------------ edits


def new_diagnosis(d, day="2026-08-01", de_novo=False):
    d["metastatic_diagnosis"]["date"] = day
    d["metastatic_diagnosis"]["de_novo"] = de_novo
    d["metastases"][0]["date"] = day
    d["receptors"]["biopsy_date"] = day
    d["treatments"][1]["start"] = "2026-08-15"
    if de_novo:
        d["metastatic_diagnosis"].update(first_diagnosis_date=day, first_diagnosis_stage="IV")
        d["treatments"].pop(0)
    return d


def progression(d, day="2026-11-01"):
    d["treatments"][1]["end"] = day
    d["treatments"][1]["stop_reason"] = "progression"
    d["assessments"].append({"date": day, "status": "progression", "method": "CT"})
    return d


def symptom(d, name, severity, day="2026-11-15", **extra):
    d.setdefault("symptoms", []).append(
        {"date": day, "symptom": name, "severity": severity, **extra}
    )
    return d


def add_met(d, site, day, **extra):
    d["metastases"].append({"site": site, "date": day, **extra})
    return d


def add_treatment(d, drugs, start, **extra):
    d["treatments"].append({"drugs": drugs, "setting": "metastatic", "start": start, **extra})
    return d


def set_in(d, section, **values):
    d[section].update(values)
    return d


def drop(d, section, key):
    d[section].pop(key)
    return d


def triple_negative(d):
    return set_in(d, "receptors", er="negative", pr="negative", her2="IHC 0")


def lines(d, count):
    d["treatments"][1]["end"] = "2025-01-01"
    d["treatments"][1]["stop_reason"] = "progression"
    starts = ["2025-01-10", "2025-09-01", "2026-03-01"]
    drugs = [["fulvestrant"], ["capecitabine"], ["eribulin"]]
    for n in range(count - 1):
        end = {} if n == count - 2 else {"end": starts[n + 1], "stop_reason": "progression"}
        add_treatment(d, drugs[n], starts[n], **end)
    return d


def stop_line(d, day="2026-06-01", reason="patient choice"):
    d["treatments"][1]["end"] = day
    d["treatments"][1]["stop_reason"] = reason
    return d


# rule -> (edit that makes its fact hold, edit just short of it, or a tuple of such edits)
CASES = {
    "brain-new": (
        lambda d: add_met(d, "brain", "2026-10-01"),
        lambda d: add_met(d, "brain", "2026-07-01", status="treated-stable"),
    ),
    "brain-active": (
        lambda d: add_met(d, "brain", "2026-01-01", status="active"),
        lambda d: add_met(d, "brain", "2026-01-01", status="treated-stable"),
    ),
    "after-urgent-checkin": (
        lambda d: symptom(d, "shortness of breath", "very severe"),
        (
            lambda d: symptom(d, "fatigue", "mild"),  # routine
            lambda d: symptom(d, "shortness of breath", "very severe", day="2026-09-01"),  # old
        ),
    ),
    "severe-side-effects": (
        lambda d: symptom(d, "diarrhea", "severe"),
        lambda d: symptom(d, "diarrhea", "moderate"),
    ),
    "severe-symptoms-off-treatment": (
        lambda d: symptom(stop_line(d), "nausea", "severe"),
        lambda d: symptom(stop_line(d), "nausea", "mild"),
    ),
    "pain-palliative-care": (
        lambda d: symptom(d, "pain", "moderate", location="back"),
        lambda d: symptom(d, "pain", "mild", location="back"),
    ),
    "new-diagnosis-recurrence": (
        lambda d: new_diagnosis(d),
        lambda d: new_diagnosis(d, day="2026-04-01"),
    ),
    "new-diagnosis-de-novo": (
        lambda d: new_diagnosis(d, de_novo=True),
        lambda d: new_diagnosis(d, de_novo=False),
    ),
    "new-diagnosis": (
        lambda d: (
            drop(
                drop(new_diagnosis(d, de_novo=None), "metastatic_diagnosis", "de_novo"),
                "metastatic_diagnosis",
                "first_diagnosis_stage",
            )
            and d["treatments"].pop(0)
            and d
        ),
        lambda d: new_diagnosis(d, de_novo=True),
    ),
    "first-treatment-options": (
        lambda d: new_diagnosis(d) and d["treatments"].pop(1) and d,
        (lambda d: new_diagnosis(d), lambda d: new_diagnosis(d, day="2026-04-01")),
    ),
    "first-treatment-goals": (
        lambda d: new_diagnosis(d),
        (
            lambda d: new_diagnosis(d) and d["treatments"].pop(1) and d,
            lambda d: set_in(new_diagnosis(d), "receptors", her2="unknown"),
        ),
    ),
    "receptors-unknown": (
        lambda d: set_in(d, "receptors", her2="unknown"),
        lambda d: set_in(d, "receptors", her2="IHC 2+ ISH-"),
    ),
    "second-opinion-new-diagnosis": (
        lambda d: new_diagnosis(d),
        lambda d: new_diagnosis(d, day="2026-05-01"),
    ),
    "care-team-new-diagnosis": (
        lambda d: new_diagnosis(d),
        lambda d: new_diagnosis(d, day="2026-05-01"),
    ),
    "biopsy-at-recurrence": (
        lambda d: set_in(
            new_diagnosis(d), "receptors", biopsy_site="breast", biopsy_date="2018-02-20"
        ),
        lambda d: set_in(
            new_diagnosis(d), "receptors", biopsy_site="liver", biopsy_date="2026-07-25"
        ),
    ),
    "biopsy-at-progression": (
        lambda d: progression(d),
        lambda d: set_in(progression(d), "receptors", biopsy_date="2026-02-01"),
    ),
    "unusual-site-biopsy": (
        lambda d: add_met(d, "ovary", "2026-09-01"),
        lambda d: set_in(add_met(d, "ovary", "2026-09-01"), "receptors", biopsy_site="ovary"),
    ),
    "esr1-after-aromatase-inhibitor": (
        lambda d: drop(progression(d), "biomarkers", "ESR1"),
        lambda d: set_in(progression(d), "biomarkers", ESR1="mutated"),
    ),
    "esr1-at-recurrence": (
        lambda d: drop(new_diagnosis(d), "biomarkers", "ESR1"),
        lambda d: (
            d["treatments"][0].update(drugs=["tamoxifen"]),
            drop(new_diagnosis(d), "biomarkers", "ESR1"),
        )[1],
    ),
    "esr1-retest-at-progression": (
        lambda d: progression(d),
        (
            lambda d: set_in(progression(d), "biomarkers", ESR1="mutated"),
            lambda d: add_treatment(progression(d), ["fulvestrant"], "2026-11-10"),
        ),
    ),
    "pik3ca-akt1-pten": (
        lambda d: drop(progression(d), "biomarkers", "PIK3CA"),
        lambda d: drop(
            set_in(progression(d), "biomarkers", PIK3CA="mutated"), "biomarkers", "AKT1"
        ),
    ),
    "her2-zero-retest": (
        lambda d: set_in(new_diagnosis(d), "receptors", her2="IHC 0"),
        lambda d: set_in(new_diagnosis(d), "receptors", her2="IHC 0+"),
    ),
    "her2-negative-unscored": (
        lambda d: set_in(new_diagnosis(d), "receptors", her2="negative"),
        lambda d: set_in(new_diagnosis(d), "receptors", her2="IHC 1+"),
    ),
    "pd-l1-triple-negative": (
        lambda d: triple_negative(new_diagnosis(d)),
        lambda d: set_in(triple_negative(new_diagnosis(d)), "biomarkers", **{"PD-L1": "CPS 5"}),
    ),
    "pd-l1-er-low": (
        lambda d: set_in(new_diagnosis(d), "receptors", er="low", pr="negative", her2="IHC 0"),
        lambda d: set_in(new_diagnosis(d), "receptors", er="low", pr="negative", her2="IHC 3+"),
    ),
    "germline-brca-testing": (
        lambda d: drop(d, "biomarkers", "BRCA1"),
        lambda d: set_in(drop(d, "biomarkers", "BRCA2"), "biomarkers", BRCA1="positive"),
    ),
    "next-options-after-progression": (
        lambda d: progression(d),
        (
            lambda d: add_treatment(progression(d), ["fulvestrant"], "2026-11-10"),
            lambda d: (
                progression(d, day="2026-09-01")["assessments"].append(
                    {"date": "2026-11-01", "status": "stable"}
                )
                or d
            ),
        ),
    ),
    "next-options-progression-off-treatment": (
        lambda d: (
            stop_line(d, day="2026-03-01")
            and d["assessments"].append({"date": "2026-11-01", "status": "progression"})
            or d
        ),
        lambda d: (
            stop_line(d, day="2026-03-01")
            and d["assessments"].append({"date": "2026-03-01", "status": "progression"})
            or d
        ),
    ),
    "trials-at-progression": (
        lambda d: progression(d),
        lambda d: progression(d, day="2026-04-01"),
    ),
    "trials-at-diagnosis": (
        lambda d: new_diagnosis(d),
        lambda d: new_diagnosis(d, day="2026-05-01"),
    ),
    "bone-modifying-agent": (
        lambda d: add_met(d, "bone", "2026-09-01"),
        lambda d: add_treatment(
            add_met(d, "bone", "2024-06-01"), ["zoledronic acid"], "2024-07-01"
        ),
    ),
    "bone-agent-dental-care": (
        lambda d: add_treatment(add_met(d, "bone", "2026-09-01"), ["Xgeva"], "2026-10-01"),
        lambda d: add_treatment(add_met(d, "bone", "2026-06-01"), ["Xgeva"], "2026-07-01"),
    ),
    "new-treatment-side-effects": (
        lambda d: d["treatments"][1].update(start="2026-10-01") or d,
        lambda d: d["treatments"][1].update(start="2026-08-01") or d,
    ),
    "scans-new-treatment": (
        lambda d: d["treatments"][1].update(start="2026-10-01") or d,
        lambda d: d["treatments"][1].update(start="2026-08-01") or d,
    ),
    "scans-overdue": (
        lambda d: d["assessments"][0].update(date="2026-04-01") or d,
        lambda d: d["assessments"][0].update(date="2026-06-01") or d,
    ),
    "scans-none-recorded": (
        lambda d: d.update(assessments=[]) or d,
        (
            lambda d: (
                d["treatments"][1].update(start="2026-08-01") or d.update(assessments=[]) or d
            ),
            lambda d: d["assessments"][0].update(date="2025-01-01") or d,
        ),
    ),
    "costs-new-treatment": (
        lambda d: d["treatments"][1].update(start="2026-10-01") or d,
        lambda d: d["treatments"][1].update(start="2026-08-01") or d,
    ),
    "costs-new-diagnosis": (
        lambda d: new_diagnosis(d),
        lambda d: new_diagnosis(d, day="2026-05-01"),
    ),
    "goals-of-care-performance": (
        lambda d: {**d, "ecog": 2},
        lambda d: {**d, "ecog": 1},
    ),
    "palliative-care-low-performance": (
        lambda d: {**d, "ecog": 3},
        lambda d: {**d, "ecog": 2},
    ),
    "goals-of-care-many-lines": (
        lambda d: lines(d, 3),
        lambda d: lines(d, 2),
    ),
    "feelings-support": (
        lambda d: symptom(d, "anxiety", "mild"),
        lambda d: symptom(d, "anxiety", "moderate", day="2026-10-01"),
    ),
    "fatigue-daily-life": (
        lambda d: symptom(d, "fatigue", "moderate"),
        (
            lambda d: symptom(d, "fatigue", "mild"),
            lambda d: symptom({**d, "ecog": 3}, "fatigue", "moderate"),
        ),
    ),
    "skipped-doses-with-reason": (
        lambda d: {**d, "_skipped": [("ribociclib", 2, ["nausea"])]},
        (
            lambda d: {**d, "_skipped": [("ribociclib", 2, [])]},
            lambda d: {**d, "_skipped": []},
        ),
    ),
    "skipped-doses": (
        lambda d: {**d, "_skipped": [("ribociclib", 1, [])]},
        (
            lambda d: {**d, "_skipped": []},
            lambda d: {**d, "_skipped": [("ribociclib", 1, ["forgot"])]},
        ),
    ),
}


def test_the_quiet_record_raises_no_question():
    assert fired(quiet()) == set()


def test_every_rule_has_a_case():
    names = {rule.name for rule in load_rules().rules}
    assert names == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule_fires_when_its_fact_holds(name):
    holds, _ = CASES[name]
    assert name in fired(holds(quiet()))


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule_is_silent_just_short_of_its_fact(name):
    _, near_misses = CASES[name]
    if not isinstance(near_misses, tuple):
        near_misses = (near_misses,)
    for near_miss in near_misses:
        assert name not in fired(near_miss(quiet()))
