"""Readings typed in the person's own words (mbcnav.triage.readings, data/readings.yaml)."""

import pytest

from mbcnav.triage import readings
from mbcnav.triage.errors import TriageError


@pytest.mark.parametrize(
    "text, of, found",
    [
        ("the lab said my calcium was high, 11.9. I feel tired", "calcium", [11.9]),
        ("corrected calcium 2.98 mmol", "calcium", [11.9]),  # mmol/L -> mg/dL
        ("sodium 129 on my bloods", "sodium", [129.0]),
        ("potassium came back at 6.4", "potassium", [6.4]),
        ("home blood pressure is 168/102 twice today", "systolic", [168.0]),
        ("home blood pressure is 168/102 twice today", "diastolic", [102.0]),
        ("bp 182 over 121", "diastolic", [121.0]),
        ("bp 150/90, later bp 172/96", "systolic", [150.0, 172.0]),
    ],
)
def test_readings_in_words(text, of, found):
    assert readings.values(text, of) == found


@pytest.mark.parametrize(
    "text, of",
    [
        ("calcium 3 times a day", "calcium"),  # a count, not a reading
        ("calcium tablets 500 mg", "calcium"),  # a dose
        ("I take 2 calcium a day", "calcium"),  # the number comes first
        ("pressure sore for 3 days", "systolic"),
        ("sodium free salt, 2 teaspoons", "sodium"),
        ("potassium 40 mg tablets", "potassium"),  # out of the plausible range
        ("oxygen tank delivery at 10", "oxygen"),  # a time, out of the plausible range
    ],
)
def test_counts_doses_and_implausible_numbers_are_not_readings(text, of):
    assert readings.values(text, of) == []


def test_every_measure_is_read_and_the_file_is_sourced():
    assert set(readings.measures()) == {
        "calcium",
        "sodium",
        "potassium",
        "systolic",
        "diastolic",
        "oxygen",
        "pulse",
        "neutrophils",
        "platelets",
        "hemoglobin",
        "alt",
        "ast",
    }


@pytest.mark.parametrize(
    "text, of, value",
    [
        ("the portal says ALT 212 U/L (H) [ref 7-40] AST 165 U/L", "alt", 212),
        ("the portal says ALT 212 U/L (H) [ref 7-40] AST 165 U/L", "ast", 165),
        ("sgpt came back 96", "alt", 96),
    ],
)
def test_liver_tests_are_read(text, of, value):
    assert value in readings.values(text, of)


@pytest.mark.parametrize(
    "data, field",
    [
        ({"measures": [{"name": "ca", "words": ["ca"], "unit": "x", "range": [1, 2]}]}, "sources"),
        (
            {
                "sources": [1],
                "as_of": 1,
                "measures": [{"name": "ca", "words": [], "unit": "x", "range": [1, 2]}],
            },
            "words",
        ),
        (
            {
                "sources": [1],
                "as_of": 1,
                "measures": [{"name": "ca", "words": ["ca"], "unit": "x", "range": [3, 2]}],
            },
            "range",
        ),
        (
            {
                "sources": [1],
                "as_of": 1,
                "measures": [
                    {"name": "ca", "words": ["ca"], "unit": "x", "range": [1, 2], "pair": "third"}
                ],
            },
            "pair",
        ),
    ],
)
def test_a_bad_readings_file_is_refused_naming_the_field(data, field):
    with pytest.raises(TriageError) as err:
        readings.parse(data)
    assert field in str(err.value)


@pytest.mark.parametrize(
    "text, value", [("my finger oximeter says 90", 90.0), ("sats 93% on air", 93.0)]
)
def test_an_oxygen_level_from_a_finger_monitor_is_read(text, value):
    assert readings.values(text, "oxygen") == [value]


@pytest.mark.parametrize(
    "text, of, value",
    [
        ("my pulse one hundred and twenty two", "pulse", 122.0),
        ("heart rate 138 on my watch", "pulse", 138.0),
        ("the bp machine at my mums says 86 over 50", "systolic", 86.0),
        ("bp eighty eight over fifty five on the home cuff", "diastolic", 55.0),
        ("sodium one hundred and twenty seven on the portal", "sodium", 127.0),
    ],
)
def test_numbers_in_words_and_a_pair_further_from_its_word_are_read(text, of, value):
    assert readings.values(text, of) == [value]


@pytest.mark.parametrize(
    "text", ["pulse ox says 91%", "took my pulse twice, fine", "no one took my pulse today"]
)
def test_what_is_no_pulse_reading(text):
    assert not [v for v in readings.values(text, "pulse") if v > 100]


@pytest.mark.parametrize(
    "text, value",
    [
        ("heart going at 122 bpm and sweaty", 122.0),
        ("140 beats a minute", 140.0),
        ("heart going at 130 and I feel faint", 130.0),
        ("my heart is racing, about 140", 140.0),
    ],
)
def test_a_pulse_with_its_unit_after_the_number_is_read(text, value):
    assert readings.values(text, "pulse") == [value]


def test_unit_words_after_a_number_must_be_a_list():
    data = {
        "sources": [1],
        "as_of": 1,
        "measures": [{"name": "hr", "words": ["hr"], "unit": "x", "range": [1, 2], "after": "bpm"}],
    }
    with pytest.raises(TriageError) as err:
        readings.parse(data)
    assert "after" in str(err.value)


@pytest.mark.parametrize(
    "text, of, value",
    [
        ("my pulse is one forty", "pulse", 140.0),
        ("bp one twenty over eighty, pulse one thirty five", "pulse", 135.0),
    ],
)
def test_a_spoken_hundred_after_a_measure_word_is_read(text, of, value):
    assert readings.values(text, of) == [value]


@pytest.mark.parametrize(
    "text, of",
    [
        ("blood pressure normal today, took 88 over 2 days", "systolic"),
        ("pulse ox 120 on my finger", "pulse"),
        ("bp fine, 80/120 written backwards", "systolic"),
    ],
)
def test_what_only_looks_like_a_reading_is_none(text, of):
    assert readings.values(text, of) == []
