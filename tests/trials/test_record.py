import pytest

from mbcnav.trials.errors import TrialsError
from mbcnav.trials.record import Trial, from_trialgpt, from_v2, parse_age


def test_full_v2_record(v2_full):
    t = from_v2(v2_full)
    assert t.nct_id == "NCT03377387"
    assert t.phase == "Phase 1/2"
    assert t.status == "ACTIVE_NOT_RECRUITING" and not t.recruiting
    assert t.sex == "female" and t.min_age == 18.0 and t.max_age is None
    assert t.last_update == "2023-04-18"
    assert len(t.locations) == 10 and all(s.lat is not None for s in t.locations)
    assert "Inclusion Criteria" in t.eligibility


def test_field_subset_record_tolerates_missing_modules(v2_subset):
    t = from_v2(v2_subset)
    assert t.nct_id == "NCT02576665"
    assert t.status == "TERMINATED"
    assert any("Triple" in c or "triple" in c for c in t.conditions)


def test_round_trip(v2_full):
    t = from_v2(v2_full)
    assert Trial.from_dict(t.to_dict()) == t


def test_not_a_v2_record():
    with pytest.raises(TrialsError, match="protocolSection"):
        from_v2({"nct": "x"})


def test_trialgpt_record_with_split_criteria():
    t = from_trialgpt(
        {
            "NCTID": "NCT01397994",
            "brief_title": "Angina",
            "phase": "Phase 4",
            "inclusion_criteria": "inclusion criteria: \n\n Male and female",
            "exclusion_criteria": ": \n\n Unstable angina",
            "diseases_list": "['Angina']",
        }
    )
    assert t.conditions == ["Angina"] and t.phase == "Phase 4"
    assert "Exclusion Criteria:" in t.eligibility


def test_ages():
    assert parse_age("18 Years") == 18.0
    assert parse_age("6 Months") == 0.5
    assert parse_age("N/A") is None
