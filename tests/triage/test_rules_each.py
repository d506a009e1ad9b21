"""One case per rule of the bundled rule files (rules, red_flags, drug_risks, combinations, signs, unread, families), with boundary values on both sides.

The cases live in ``data/rule_cases.yaml``: the rule exercised, whether it must
fire, the level expected, a patient file fragment and the check-in. Boundaries
covered there include 37.9/38.0 C, 37.4/37.5 C, 35.9/36.0 C, 3/4 and 6/7 stools,
2/3 vomiting episodes, calcium 12.5/12.6 mg/dL, glucose 249/250 mg/dL, platelets
24/25, and 42/43 days after the last chemotherapy dose. The last test fails when a
rule of the data file has no case that makes it fire.
"""

from pathlib import Path

import pytest
import yaml

from mbcnav.triage import load_rules

DATA = Path(__file__).parent / "data"
CASES = [
    case
    for file in (
        "rule_cases.yaml",
        "red_flag_cases.yaml",
        "sign_cases.yaml",
        "family_cases.yaml",
        "family_body_cases.yaml",
        "round23_cases.yaml",
        "round24_cases.yaml",
        "round26_cases.yaml",
        "round27_cases.yaml",
        "round28_cases.yaml",
        "round29_cases.yaml",
        "round30_cases.yaml",
        "round31_cases.yaml",
        "round32_cases.yaml",
        "round33_cases.yaml",
        "round34_cases.yaml",
        "round35_cases.yaml",
        "round36_cases.yaml",
        "round37_cases.yaml",
        "round38_cases.yaml",
        "round39_cases.yaml",
        "round40_cases.yaml",
        "round41_cases.yaml",
        "round42_cases.yaml",
        "round43_cases.yaml",
        "round44_cases.yaml",
        "round45_cases.yaml",
        "round46_cases.yaml",
        "round47_cases.yaml",
        "round48_cases.yaml",
        "round49_cases.yaml",
        "round50_cases.yaml",
        "round51_cases.yaml",
        "round52_cases.yaml",
        "round53_cases.yaml",
        "round54_cases.yaml",
        "round55_cases.yaml",
        "round56_cases.yaml",
        "round57_cases.yaml",
        "round58_cases.yaml",
        "round59_cases.yaml",
        "round60_cases.yaml",
        "round61_cases.yaml",
        "round62_cases.yaml",
        "round63_cases.yaml",
    )
    for case in yaml.safe_load((DATA / file).read_text("utf-8"))["cases"]
]
#: The generated grade rules (grade3-<term>, grade2-<term>) are tested in test_grades.py.
GENERATED = ("grade3-", "grade2-")


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{i}" for i, c in enumerate(CASES)])
def test_rule(run, case):
    result = run(case["checkin"], **case["patient"])
    fired = {r.rule for r in result.reasons}
    assert result.level == case["level"], sorted(fired)
    assert (case["rule"] in fired) is case["fires"], sorted(fired)


def test_every_rule_has_a_case():
    covered = {c["rule"] for c in CASES if c["fires"]}
    missing = {r.name for r in load_rules() if not r.name.startswith(GENERATED)} - covered
    assert not missing, f"rules without a firing test case: {sorted(missing)}"


def test_cases_name_only_existing_rules():
    names = {r.name for r in load_rules()}
    assert {c["rule"] for c in CASES} <= names
