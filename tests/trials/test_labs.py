"""Blood-test limits: reading them from criteria, and judging them against the record's labs."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from mbcnav.patient import parse
from mbcnav.trials import labs
from mbcnav.trials.errors import TrialsError
from mbcnav.trials.facts import PatientFacts, from_patient
from mbcnav.trials.match import match
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial

DAY = date(2026, 11, 1)


def limits(text):
    return {
        c["value"]: (c["op"], c["limit"], bool(c.get("uln")), c["liver_limit"])
        for c in labs.lab_checks(text)
    }


@pytest.mark.parametrize(
    "text, test, expected",
    [
        ("Absolute neutrophil count ≥ 1,500/µL", "anc", (">=", 1.5, False, None)),
        ("ANC ≥1.0 x 10\\^9/l", "anc", (">=", 1.0, False, None)),
        ("ANC of at least 1500 cells/mm3", "anc", (">=", 1.5, False, None)),
        ("Platelets ≥ 100,000/ mm3", "platelets", (">=", 100.0, False, None)),
        ("Platelet count ≥ 75 x 10^9/L", "platelets", (">=", 75.0, False, None)),
        ("platelets greater than 50,000", "platelets", (">", 50.0, False, None)),
        ("Hemoglobin ≥ 10g/dL", "hemoglobin", (">=", 10.0, False, None)),
        ("Haemoglobin ≥ 90 g/L", "hemoglobin", (">=", 9.0, False, None)),
        ("bilirubin ≤ 1.5 mg/dl", "bilirubin", ("<=", 1.5, False, None)),
        ("total bilirubin ≤ 1.5 x the upper limit of normal", "bilirubin", ("<=", 1.5, True, None)),
        ("Total serum bilirubin ≤ ULN", "bilirubin", ("<=", 1.0, True, None)),
        ("Creatinine clearance ≥ 60 mL/min", "creatinine_clearance", (">=", 60.0, False, None)),
        ("serum creatinine ≤ 133 µmol/L", "creatinine", ("<=", 1.5042, False, None)),
        (
            "alanine aminotransferase ≤ 2.5 x ULN (≤ 5.0 x ULN in patients with liver metastases)",
            "alt",
            ("<=", 2.5, True, 5.0),
        ),
    ],
)
def test_limits_are_read_in_one_unit(text, test, expected):
    assert limits(text)[test] == expected


def test_one_limit_after_two_names_holds_for_both():
    got = limits("AST and ALT ≤ 3 x ULN (≤ 5 x ULN if liver metastases are present)")
    assert got["ast"] == got["alt"] == ("<=", 3.0, True, 5.0)
    got = limits("AST/ALT ≤ 2.5 × upper limit of normal (ULN)")
    assert got["ast"] == got["alt"] == ("<=", 2.5, True, None)


def test_alternatives_joined_by_or_share_a_group_and_lists_do_not():
    either = labs.lab_checks(
        "Serum creatinine ≤ 1.5 x ULN or creatinine clearance ≥ 50 mL/min (Cockcroft-Gault)"
    )
    assert len(either) == 2 and either[0]["group"] == either[1]["group"]
    each = labs.lab_checks("hemoglobin ≥ 9 g/dL, platelets ≥ 100,000/mm3, ANC ≥ 1,500/mm3")
    assert len({c["group"] for c in each}) == 3


@pytest.mark.parametrize(
    "text",
    [
        "neutrophil-to-lymphocyte ratio > 3",
        "Patients with liver metastases are eligible",
        "History of thrombocytopenia",
        "ANC within normal limits",  # no fixed upper limit of normal for a count
        "platelets ≥ 100 g/dL",  # a unit that is not a count: better unread than misread
    ],
)
def test_text_without_a_usable_limit_gives_no_check(text):
    assert labs.lab_checks(text) == []


@pytest.mark.parametrize(
    "text", ["HbA1c ≥ 7%", "hemoglobin A1c above 8", "glycosylated hemoglobin (HbA1c) ≤ 6.4%"]
)
def test_hba1c_is_read_as_its_own_test_never_as_hemoglobin(text):
    """HbA1c is a blood sugar test in per cent (twenty-second session: "glycosylated hemoglobin
    (HbA1c) <= 6.4%" was read as hemoglobin at most 6.4 g/dL)."""
    found = labs.lab_checks(text)
    assert found and {c["value"] for c in found} == {"hba1c"}


def facts_with(**values) -> PatientFacts:
    recent = DAY.replace(day=1).isoformat()
    table = {k: {"value": v, "shown": str(v), "date": recent} for k, v in values.items()}
    return PatientFacts(as_of=DAY.isoformat(), labs=table)


def judged(text, facts):
    return [
        labs.evaluate_lab(c, facts.labs, facts.as_of, facts.sites) for c in labs.lab_checks(text)
    ]


def test_recent_values_decide_absolute_limits():
    assert judged("ANC ≥ 1,500/µL", facts_with(anc=2.1))[0][0] is True
    held, why, settle = judged("ANC ≥ 1,500/µL", facts_with(anc=1.2))[0]
    assert held is False and "1.2" in why and settle == ""


def test_old_values_and_missing_tests_leave_the_limit_open():
    f = facts_with(anc=2.1)
    f.labs["anc"]["date"] = "2026-08-01"  # three months before DAY
    held, why, settle = judged("ANC ≥ 1,500/µL", f)[0]
    assert held is None and "1 Aug 2026" in why and "screening" in why and settle
    held, why, settle = judged("Platelets ≥ 100,000/mm3", f)[0]
    assert held is None and "platelet" in why.lower() and settle == labs.BLOOD_TESTS


def test_uln_multiples_are_decided_only_when_every_normal_range_agrees():
    assert judged("ALT ≤ 2.5 x ULN", facts_with(alt=30))[0][0] is True  # normal anywhere
    assert judged("ALT ≤ 2.5 x ULN", facts_with(alt=300))[0][0] is False  # high anywhere
    held, why, settle = judged("ALT ≤ 2.5 x ULN", facts_with(alt=110))[0]
    assert held is None and "normal range" in why and "normal range" in settle


def test_the_liver_metastases_limit_applies_only_with_liver_spread():
    text = "ALT ≤ 2.5 x ULN (≤ 5 x ULN for patients with liver metastases)"
    assert judged(text, facts_with(alt=150))[0][0] is False
    with_liver = replace(facts_with(alt=150), sites=["liver", "bone"])
    assert judged(text, with_liver)[0][0] is True


def test_record_labs_reach_the_trial_verdict():
    base = {
        "format": "mbcnav-patient/1",
        "sex": "female",
        "birth_year": 1970,
        "metastatic_diagnosis": {"date": "2025-01-10"},
        "metastases": [{"site": "bone", "date": "2025-01-10"}],
        "labs": [
            {"date": "2026-10-20", "test": "ANC", "value": 900, "unit": "/uL"},
            {"date": "2026-10-20", "test": "Platelets", "value": 210, "unit": "K/uL"},
            {"date": "2026-05-01", "test": "Hemoglobin", "value": 8.1, "unit": "g/dL"},
        ],
    }
    facts = from_patient(parse(base), DAY)
    assert facts.labs["anc"]["value"] == pytest.approx(0.9)
    parsed = parse_trial(
        Trial(
            "NCT09999998",
            title="A study",
            eligibility="Inclusion Criteria:\n- Absolute neutrophil count ≥ 1,500/µL\n"
            "- Platelets ≥ 100,000/mm3\n- Hemoglobin ≥ 9 g/dL\n",
        )
    )
    got = {v["text"]: v for v in match(parsed, facts)["criteria"]}
    assert got["Absolute neutrophil count ≥ 1,500/µL"]["verdict"] == "not met"
    assert got["Platelets ≥ 100,000/mm3"]["verdict"] == "met"
    old = got["Hemoglobin ≥ 9 g/dL"]
    assert old["verdict"] == "unknown" and "1 May 2026" in old["why"]
    assert match(parsed, facts)["fit"] == "unlikely"


def test_the_table_is_sourced_and_validated():
    table = labs.load()
    assert table.max_age_days > 0
    for t in table.tests.values():
        assert t.source["url"].startswith("https://") and t.source["read"]
        assert labs.test_id(t.label.split(" (")[0]) in (t.id, None)
    raw = yaml.safe_load((Path(labs.__file__).parent / "data" / "labs.yaml").read_text("utf-8"))
    raw["tests"]["anc"]["units"]["/uL"] = -1
    with pytest.raises(TrialsError, match=r"test 'anc' unit '/uL' has factor '-1'"):
        labs.validate(raw)
    del raw["tests"]["alt"]["source"]
    raw["tests"]["anc"]["units"]["/uL"] = 0.001
    with pytest.raises(TrialsError, match=r"test 'alt' is missing the field 'source'"):
        labs.validate(raw)


def test_record_test_names_map_to_the_table():
    assert labs.test_id("Platelets") == "platelets"
    assert labs.test_id("ANC") == "anc"
    assert labs.test_id("eGFR") == "creatinine_clearance"
    assert labs.test_id("CA 15-3") is None
    assert labs.in_unit("creatinine", 88.4, "µmol/L") == pytest.approx(1.0, abs=0.01)
    assert labs.in_unit("anc", 1.5, "furlongs") is None
