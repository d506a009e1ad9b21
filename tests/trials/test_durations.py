"""How long an earlier line lasted: reading the rule, and checking it against the lines."""

import pytest

from mbcnav.trials.durations import duration_check, evaluate_duration


@pytest.mark.parametrize(
    ("text", "minimum", "cls", "first"),
    [
        (
            "Radiographic disease progression on 12 months or more of ET in combination with "
            "CDK4/6 inhibitor in the noncurative setting",
            12,
            "CDK4/6 inhibitor",
            False,
        ),
        ("at least 12 months of clinical response to first-line systemic therapy", 12, None, True),
        ("A minimum of 6 months on endocrine therapy", 6, "endocrine therapy", False),
    ],
)
def test_reads_the_minimum_length_of_a_named_line(text, minimum, cls, first):
    c = duration_check(text)
    assert (c["min"], c["class"], c["first_line"]) == (minimum, cls, first)


@pytest.mark.parametrize(
    "text",
    [
        "Life expectancy of at least 3 months",
        "at least 12 months since completion of adjuvant therapy",
        "at least 6 months of treatment",
        "within 12 months of completing adjuvant endocrine therapy",
    ],
)
def test_other_month_counts_are_not_line_lengths(text):
    assert duration_check(text) is None


def test_checks_the_named_line_and_keeps_unknowns_open():
    rule = duration_check("progression on 12 months or more of ET with a CDK4/6 inhibitor")
    labels = [["letrozole", "endocrine therapy", "CDK4/6 inhibitor"], ["fulvestrant"]]
    assert evaluate_duration(rule, labels, [5.1, 20.0])[0] is False
    assert evaluate_duration(rule, labels, [22.0, 3.0])[0] is True
    assert evaluate_duration(rule, [["fulvestrant"]], [30.0])[0] is None  # no such line
    assert evaluate_duration(rule, None, None)[0] is None
    first = duration_check("at least 12 months of response to first-line therapy")
    assert evaluate_duration(first, labels, [13.0, 1.0])[0] is True
