"""Grade-based rules for every symptom term (triage/data/grades.yaml, triage/grading.py)."""

import copy

import pytest

from mbcnav.patient import symptoms
from mbcnav.triage import TriageError, grading, load_rules

TERMS = symptoms.vocabulary().names
TABLE = grading.table_data()
RULES = {r.name: r for r in load_rules()}


def _level(term, key):
    return (TABLE["terms"][term] or {}).get(key, TABLE["default"][key])


@pytest.mark.parametrize("term", TERMS)
def test_every_term_has_two_grade_rules_with_sources(term):
    for key in ("grade3", "grade2"):
        rule = RULES[f"{key}-{term}"]
        assert rule.fallback and rule.sources and rule.level == _level(term, key)


@pytest.mark.parametrize("term", TERMS)
def test_severe_answer_gets_at_least_the_grade_3_level(run, term):
    result = run([{"symptom": term, "severity": "severe", "new": False}])
    rank = {"emergency": 4, "urgent": 3, "routine": 2, "none": 1}
    assert rank[result.level] >= rank[_level(term, "grade3")]


@pytest.mark.parametrize("term", TERMS)
def test_moderate_answer_gets_at_least_the_grade_2_level(run, term):
    result = run([{"symptom": term, "severity": "moderate", "new": False}])
    rank = {"emergency": 4, "urgent": 3, "routine": 2, "none": 1}
    assert rank[result.level] >= rank[_level(term, "grade2")]


def test_grade_reads_words_and_counts(make_patient):
    p = make_patient(
        [
            {"symptom": "fatigue", "interference": "very much"},
            {"symptom": "nausea", "frequency": "frequently", "severity": "mild"},
            {"symptom": "diarrhea", "count_per_day": 7},
            {"symptom": "vomiting", "count_per_day": 2},
            {"symptom": "hives"},
        ]
    )
    assert [grading.grade(s) for s in p.symptoms] == [3, 2, 3, 1, None]


def test_hair_loss_at_its_worst_stays_routine(run):
    assert run([{"symptom": "hair loss", "severity": "very severe"}]).level == "routine"


def test_a_term_missing_from_grades_is_an_error():
    raw = copy.deepcopy(TABLE)
    del raw["terms"]["hiccups"]
    with pytest.raises(TriageError, match="'hiccups'"):
        grading.check(raw)


def test_a_bad_level_names_the_term_and_field():
    raw = copy.deepcopy(TABLE)
    raw["terms"]["hiccups"] = {"grade3": "soon"}
    with pytest.raises(TriageError, match=r"terms.hiccups.grade3"):
        grading.check(raw)
