"""A reason names as current only the drugs current on the check-in day (issue 17)."""

from datetime import date

from mbcnav.patient.days import human

DAY = date(2026, 11, 20)


def on(*drugs, start="2026-06-01", end=None):
    t = {"drugs": list(drugs), "setting": "metastatic", "start": start}
    if end:
        t["end"] = end
    return t


def test_human_date_is_day_short_month_year():
    assert human(date(2026, 10, 12)) == "12 Oct 2026"
    assert human(date(2026, 1, 5)) == "5 Jan 2026"


def test_fever_after_a_drug_stopped_three_days_ago_says_it_was_stopped(run):
    fever = [{"symptom": "fever", "temperature_c": 38.6}]
    result = run(fever, treatments=[on("paclitaxel", end="2026-11-17")])
    assert result.level == "emergency"  # chemotherapy still lowers blood counts after it ends
    why = result.reasons[0].why
    assert "paclitaxel (stopped on 17 Nov 2026)" in why
    assert "taking paclitaxel." not in why


def test_current_drug_is_named_plainly_and_first(run):
    fever = [{"symptom": "fever", "temperature_c": 38.6}]
    result = run(
        fever,
        treatments=[
            on("paclitaxel", end="2026-11-17"),
            on("capecitabine", start="2026-11-18"),
        ],
    )
    why = result.reasons[0].why
    assert "taking capecitabine, paclitaxel (stopped on 17 Nov 2026)" in why


def test_drug_ending_on_the_checkin_day_is_still_current(run):
    fever = [{"symptom": "fever", "temperature_c": 38.6}]
    result = run(fever, treatments=[on("paclitaxel", end="2026-11-20")])
    assert "taking paclitaxel." in result.reasons[0].why


def test_lab_and_no_checkin_sentences_write_dates_for_people(make_patient):
    from mbcnav.triage import triage
    from mbcnav.triage.context import LabValue

    assert LabValue("calcium", 12.8, "mg/dL", date(2026, 11, 18)).text() == (
        "calcium 12.8 mg/dL on 18 Nov 2026"
    )
    assert "on or before 20 Nov 2026" in triage(make_patient([]), DAY).advice
