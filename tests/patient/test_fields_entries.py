"""The entries of a patient file (treatments, scans, labs, check-ins): accepted words,
normalisation and the error sentence. The other fields are in test_fields.py."""

from datetime import date

from tests.patient.patient_file import error_of, p


def test_treatment_fields():
    t = p(
        treatments=[
            {
                "drugs": "Femara + Ibrance",
                "setting": "advanced",
                "start": "2024-01-01",
                "end": "2024-06-01",
                "stop_reason": "toxicity",
            }
        ]
    ).treatments[0]
    assert t.type == "systemic" and t.drugs == ("Femara", "Ibrance")
    assert t.setting == "metastatic" and t.stop_reason == "side effects"


def test_treatment_errors():
    assert (
        "end"
        in error_of(
            treatments=[{"drugs": ["letrozole"], "start": "2024-05-01", "end": "2024-01-01"}]
        ).field
    )
    assert error_of(treatments=[{"drugs": ["letrozole"]}]).field == "treatments[0].start"
    assert error_of(treatments=[{"start": "2024-01-01"}]).field == "treatments[0].type"
    assert error_of(treatments=[{"type": "surgery"}]).field == "treatments[0].date"
    assert (
        error_of(treatments=[{"type": "radiation", "drugs": ["x"], "start": "2024-01-01"}]).field
        == "treatments[0].drugs"
    )
    assert (
        error_of(
            treatments=[{"drugs": ["x"], "start": "2024-01-01", "stop_reason": "progression"}]
        ).field
        == "treatments[0].stop_reason"
    )
    assert (
        error_of(treatments=[{"drugs": ["x"], "start": "2024-01-01", "setting": "curative"}]).field
        == "treatments[0].setting"
    )
    assert (
        error_of(treatments=[{"drugs": ["x"], "start": "2024-01-01", "type": "magic"}]).field
        == "treatments[0].type"
    )


def test_radiation_and_surgery():
    ts = p(
        treatments=[
            {"type": "radiotherapy", "site": "spine", "start": "2024-04-01", "end": "2024-04-10"},
            {"type": "surgery", "procedure": "mastectomy", "date": "2017-06-01"},
        ]
    ).treatments
    assert [t.type for t in ts] == ["radiation", "surgery"]
    assert ts[1].begins == date(2017, 6, 1)


def test_assessments():
    a = p(
        assessments=[{"date": "2025-01-15", "status": "Progressive disease", "method": "PET/CT"}]
    ).assessments[0]
    assert (a.status, a.method) == ("progression", "PET")
    assert (
        p(assessments=[{"date": "2025-01-15", "status": "complete response"}]).assessments[0].status
        == "ned"
    )
    assert (
        error_of(assessments=[{"date": "2025-01-15", "status": "better"}]).field
        == "assessments[0].status"
    )
    assert error_of(assessments=[{"status": "stable"}]).field == "assessments[0].date"
    assert (
        error_of(
            assessments=[{"date": "2025-01-15", "status": "stable", "method": "ultrasound scan"}]
        ).field
        == "assessments[0].method"
    )


def test_labs():
    lab = p(labs=[{"date": "2025-01-10", "test": "ca15-3", "value": "85", "unit": "U/mL"}]).labs[0]
    assert (lab.test, lab.value) == ("CA 15-3", 85.0)
    assert (
        p(labs=[{"date": "2025-01-10", "test": "HER2 shed antigen", "value": "high"}]).labs[0].value
        == "high"
    )
    assert error_of(labs=[{"date": "2025-01-10"}]).field == "labs[0].test"
    assert (
        error_of(labs=[{"date": "2025-01-10", "test": "ANC", "value": True}]).field
        == "labs[0].value"
    )


def test_symptoms():
    s = p(
        symptoms=[
            {
                "date": "2025-06-01",
                "symptom": "Back pain",
                "severity": "Severe",
                "frequency": "often",
                "interference": "a lot",
                "new": "yes",
            }
        ]
    ).symptoms[0]
    assert (s.symptom, s.location, s.severity, s.frequency, s.interference, s.new) == (
        "pain",
        "back",
        "severe",
        "frequently",
        "quite a bit",
        True,
    )
    fever = p(
        symptoms=[{"date": "2025-06-01", "symptom": "fever", "temperature_f": 100.4}]
    ).symptoms[0]
    assert fever.temperature_c == 38.0
    assert (
        p(symptoms=[{"date": "2025-06-01", "symptom": "diarrhoea", "count_per_day": 5}])
        .symptoms[0]
        .symptom
        == "diarrhea"
    )


def test_symptom_errors():
    err = error_of(symptoms=[{"date": "2025-06-01", "symptom": "fevr"}])
    assert err.field == "symptoms[0].symptom" and "did you mean 'fever'" in str(err)
    assert (
        error_of(symptoms=[{"date": "2025-06-01", "symptom": "pain", "severity": "awful"}]).field
        == "symptoms[0].severity"
    )
    assert (
        error_of(symptoms=[{"date": "2025-06-01", "symptom": "fever", "temperature_c": 50}]).field
        == "symptoms[0].temperature_c"
    )
    assert (
        error_of(
            symptoms=[
                {
                    "date": "2025-06-01",
                    "symptom": "fever",
                    "temperature_c": 38,
                    "temperature_f": 100,
                }
            ]
        ).field
        == "symptoms[0].temperature_f"
    )
    assert (
        error_of(
            symptoms=[{"date": "2025-06-01", "symptom": "diarrhea", "count_per_day": 2.5}]
        ).field
        == "symptoms[0].count_per_day"
    )
    assert (
        error_of(symptoms=[{"date": "2025-06-01", "symptom": "pain", "new": "perhaps"}]).field
        == "symptoms[0].new"
    )
    assert error_of(symptoms=[{"symptom": "pain"}]).field == "symptoms[0].date"
