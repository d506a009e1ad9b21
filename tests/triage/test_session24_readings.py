"""Twenty-fourth session (issue 20): readings from last session's held-out set 53 (read after it
was measured) and this session's tuning set 54. Each is checked both ways."""

from mbcnav.patient.answers import answers
from mbcnav.triage import semantic


def test_a_blood_count_is_no_temperature():
    """ "Hb came back 104" is a hemoglobin of 104 g/L, not 104 °F; a temperature beside a count is
    still read."""
    assert "temperature_f" not in answers("Hb came back 104, it was 109 last cycle", {})
    assert "temperature_c" not in answers("platelets 37 on my bloods", {})
    assert answers("platelets came back 98, and 38.4 this morning", {})["temperature_c"] == 38.4
    assert answers("feel rough, 101.3 on the thermometer", {})["temperature_f"] == 101.3
    # review: a count word earlier in the words does not hide a temperature after other words
    assert answers("wbc low last week and i'm 38.5 now", {})["temperature_c"] == 38.5
    assert answers("nurse checked my counts and i am running 38.4", {})["temperature_c"] == 38.4


def test_review_counts_with_units_us_cells_zero_and_a_fall():
    from mbcnav.triage.readings import values

    assert values("hb 7.9 g/dL", "hemoglobin") == [79.0]
    assert values("hb 75g/l", "hemoglobin") == [75.0]
    assert values("plts 15 x 10^9", "platelets") == [15.0]
    assert values("the portal says my ANC is 500", "neutrophils") == [0.5]
    assert values("neutrophils 0 on todays bloods", "neutrophils") == [0.0]
    assert 0.6 in values("neutrophils went from 1.8 to 0.6", "neutrophils")
    assert values("calcium tablets 3 times a day", "calcium") == []


def test_breathing_said_to_be_good_is_no_trouble_breathing():
    names = lambda t: {h.concept.name for h in semantic.hits(t)}  # noqa: E731
    assert "breathing-difficulty" not in names("the drain gave 120 ml today, breathing is good")
    assert "breathing-difficulty" not in names("breathing's fine")
    assert "breathing-difficulty" in names("breathing is really hard and fast")
    assert "breathing-difficulty" in names("I can't get enough air in")
