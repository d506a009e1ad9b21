"""A blood sugar reading typed in the person's words (H47): the ``sugar_reading``
condition (mbcnav.triage.conditions.sugar_readings) and the words around it."""

import pytest

from mbcnav.triage.conditions import sugar_readings


def sugar_reading(text: str) -> float | None:
    """The highest reading in the words (None without one), as the "above" rules compare."""
    values = sugar_readings(text)
    return max(values) if values else None


@pytest.mark.parametrize(
    "text, mg_dl",
    [
        ("sugar reading 28 and really thirsty", 504),
        ("my glucose was 450 this morning", 450),
        ("sugars are at 22", 396),
        ("blood sugar of 5.6", 101),
        ("meter just says HI", 600),
        ("bg 2.9 feeling shaky", 52),
        # a blood-pressure reading on a meter never hides a low sugar (second review)
        ("my sugar was 2.8, my blood pressure on the meter was 150 over 90", 50),
        # set 30: the meter named, the unit after the numbers
        ("on dex since Monday, meter was 290 after dinner and 262 this morning (mg/dL)", 290),
    ],
)
def test_a_reading_is_read_in_mg_dl(text, mg_dl):
    assert sugar_reading(text) == pytest.approx(mg_dl)


@pytest.mark.parametrize(
    "text",
    [
        "took 2 sugars in tea",
        "sugar free sweets 2 a day",
        "sugar 3 spoons in my porridge",
        "pooed 3 times today",
        "temperature 38.2",
        "peak flow meter 290",
        "pulse meter 65",
        "ketone meter 1.8",
        "bp meter 150 over 90",
        "ketones on the meter 2.1",
        "the meter said 39 degrees",
    ],
)
def test_a_count_of_sugars_or_another_number_is_not_a_reading(text):
    assert sugar_reading(text) is None


def test_lists_and_logs_of_sugar_readings_sixteenth_session():
    # a log in the next sentence, a list, a number before a full stop
    assert sugar_readings("my fasting glucose. This week 6.4, 6.9, 6.7. feel normal") == [
        115,
        124,
        121,
    ]
    assert sugar_readings("fasting glucose 6.6. no thirst") == [119]
    # a low reading before a recovery reading is kept
    assert min(sugar_readings("sugar 2.8, 5.9 after jelly babies")) < 70
    # numbers that are no readings: a time, a count of tablets, "2 at night"
    assert sugar_readings("sugar 5.5, 30 minutes after food") == [99]
    assert sugar_readings("no symptoms. blood sugar checked. Today 2 paracetamol") == []
    assert sugar_readings("blood sugar 6.0, 2 at night, feel confused") == [108]
