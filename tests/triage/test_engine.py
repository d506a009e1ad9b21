"""How the engine reads the record and combines rules."""

from datetime import date

from mbcnav.triage import triage

DAY = date(2026, 11, 20)


def on(*drugs, start="2026-06-01", end=None):
    t = {"drugs": list(drugs), "setting": "metastatic", "start": start}
    if end:
        t["end"] = end
    return t


def test_same_cough_is_urgent_on_tdxd_and_routine_otherwise(run):
    cough = [{"symptom": "cough", "severity": "mild", "new": True}]
    assert run(cough, treatments=[on("Enhertu")]).level == "urgent"
    assert run(cough, treatments=[on("anastrozole")]).level == "routine"
    assert run(cough).level == "routine"


def test_drug_that_ended_long_ago_gives_no_context(run):
    cough = [{"symptom": "cough", "severity": "mild", "new": True}]
    old = on("Enhertu", start="2025-01-01", end="2025-06-01")
    assert run(cough, treatments=[old]).level == "routine"


def test_drug_not_started_yet_gives_no_context(run):
    fever = [{"symptom": "fever", "temperature_c": 38.5}]
    assert run(fever, treatments=[on("paclitaxel", start="2026-11-21")]).level == "urgent"
    assert run(fever, treatments=[on("paclitaxel", start="2026-11-20")]).level == "emergency"


def test_most_severe_level_wins_and_every_reason_is_listed(run):
    result = run(
        [
            {"symptom": "fatigue", "severity": "mild"},
            {"symptom": "diarrhea", "count_per_day": 5},
            {"symptom": "chest pain", "severity": "mild"},
        ],
    )
    assert result.level == "emergency"
    assert [r.level for r in result.reasons] == ["emergency", "urgent", "routine"]
    assert {r.symptom for r in result.reasons} == {"chest pain", "diarrhea", "fatigue"}
    assert result.advice == result.reasons[0].do
    assert "911" in result.advice


def test_only_the_latest_checkin_on_or_before_the_date_is_read(make_patient):
    p = make_patient(
        [],
        symptoms=[
            {"date": "2026-11-01", "symptom": "chest pain"},
            {"date": "2026-11-10", "symptom": "fatigue", "severity": "mild"},
            {"date": "2026-11-10", "symptom": "nausea", "severity": "mild"},
            {"date": "2026-11-21", "symptom": "seizure"},
        ],
    )
    result = triage(p, DAY)
    assert result.checkin_date == date(2026, 11, 10)
    assert result.level == "routine"
    assert {r.symptom for r in result.reasons} == {"fatigue", "nausea"}
    assert triage(p, date(2026, 11, 5)).level == "emergency"
    assert triage(p, date(2026, 11, 21)).level == "emergency"


def test_no_checkin_is_none(run, make_patient):
    result = triage(make_patient([]), DAY)
    assert result.level == "none" and result.reasons == ()
    assert "No symptom check-in" in result.advice


def test_only_none_severities_is_none(run):
    result = run(
        [{"symptom": "pain", "severity": "none"}, {"symptom": "nausea", "severity": "none"}]
    )
    assert result.level == "none"
    assert result.to_json() == {"level": "none", "advice": result.advice, "reasons": []}


def test_measured_fever_counts_even_when_severity_says_none(run):
    result = run(
        [{"symptom": "fever", "severity": "none", "temperature_c": 38.2}],
        treatments=[on("docetaxel")],
    )
    assert result.level == "emergency"


def test_fahrenheit_temperature_is_converted(run):
    assert (
        run([{"symptom": "fever", "temperature_f": 100.4}], treatments=[on("docetaxel")]).level
        == "emergency"
    )
    assert (
        run([{"symptom": "fever", "temperature_f": 99.5}], treatments=[on("docetaxel")]).level
        == "emergency"  # 37.5 °C on docetaxel (H157)
    )


def test_group_keeps_only_the_most_severe_rule_per_symptom(run):
    result = run([{"symptom": "fever", "temperature_c": 39.0}], treatments=[on("paclitaxel")])
    assert [r.rule for r in result.reasons] == ["fever-on-treatment-that-lowers-white-cells"]


def test_fallback_does_not_repeat_a_specific_rule(run):
    result = run([{"symptom": "pain", "location": "hip", "severity": "severe"}])
    assert [r.rule for r in result.reasons] == ["uncontrolled-pain"]


def test_fallback_raises_a_routine_specific_rule_when_severe(run):
    result = run(
        [{"symptom": "diarrhea", "count_per_day": 2, "severity": "very severe"}],
        treatments=[on("abemaciclib")],
    )
    assert result.level == "urgent"


def test_why_names_the_drug_and_the_site(run):
    result = run(
        [{"symptom": "cough", "severity": "mild", "new": True}], treatments=[on("Enhertu")]
    )
    assert "trastuzumab deruxtecan" in result.reasons[0].why
    result = run(
        [{"symptom": "headache", "severity": "severe"}],
        metastases=[{"site": "brain", "status": "active"}],
    )
    assert "brain" in result.reasons[0].why


def test_lab_units_are_converted(run):
    tired = [{"symptom": "fatigue", "severity": "mild"}]
    labs = [{"date": "2026-11-19", "test": "calcium", "value": 3.3, "unit": "mmol/L"}]
    assert run(tired, labs=labs).level == "emergency"  # 3.3 mmol/L = 13.2 mg/dL
    labs = [{"date": "2026-11-19", "test": "ANC", "value": 400, "unit": "cells/uL"}]
    assert run(tired, labs=labs).level == "urgent"
    labs = [{"date": "2026-11-19", "test": "platelets", "value": 150, "unit": "x10^3/uL"}]
    assert run(tired, labs=labs).level == "routine"


def test_latest_lab_in_window_is_used(run):
    tired = [{"symptom": "fatigue", "severity": "mild"}]
    labs = [
        {"date": "2026-11-14", "test": "calcium", "value": 13.0},
        {"date": "2026-11-19", "test": "calcium", "value": 9.5},
    ]
    assert run(tired, labs=labs).level == "routine"


def test_json_shape_is_exactly_the_spec(run):
    data = run([{"symptom": "seizure"}]).to_json()
    assert set(data) == {"level", "advice", "reasons"}
    assert all(set(r) == {"symptom", "level", "why"} for r in data["reasons"])
    assert data["level"] in ("emergency", "urgent", "routine", "none")


def test_symptom_synonyms_from_the_file_are_understood(run):
    assert (
        run([{"symptom": "back pain", "new": True}, {"symptom": "weak legs"}]).level == "emergency"
    )
    assert run([{"symptom": "jaundice"}]).level == "urgent"


def test_an_entry_answered_never_is_not_a_report(run):
    on_everolimus = {
        "treatments": [{"drugs": ["everolimus"], "setting": "metastatic", "start": "2026-06-01"}]
    }
    assert run([{"symptom": "cough", "frequency": "never"}], **on_everolimus).level == "none"
    assert run([{"symptom": "cough", "frequency": "rarely"}], **on_everolimus).level == "urgent"
