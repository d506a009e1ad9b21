"""The record's service API used by the other web apps."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from mbcnav.patient import PatientFileError, derive, load
from mbcnav.web.record import services
from mbcnav.web.record.models import CheckIn, Profile


def test_patient_for_matches_the_demo_file(patient):
    p = services.patient_for(patient)
    from_file = load(services.resources.files("mbcnav.patient").joinpath("data/demo-patient.yaml"))
    assert p == from_file
    assert derive.subtype(p) == "HR+/HER2-" and derive.her2_category(p) == "low"
    assert [ln.drugs for ln in derive.lines_of_therapy(p, date(2026, 11, 21))] == [
        ("letrozole", "ribociclib"),
        ("fulvestrant", "alpelisib"),
        ("trastuzumab deruxtecan",),
    ]


def test_empty_record_is_a_valid_patient(stranger):
    p = services.patient_for(stranger)
    assert derive.subtype(p) == "unknown" and p.treatments == ()


def test_add_checkin_stores_every_field(patient):
    rows = services.add_checkin(
        patient,
        [
            {
                "date": "2026-11-20",
                "symptom": "diarrhoea",
                "severity": "moderate",
                "frequency": "frequently",
                "interference": "somewhat",
                "count_per_day": 5,
                "new": True,
                "note": "since Tuesday",
            },
            {"date": "2026-11-20", "symptom": "fever", "temperature_f": 101.3},
        ],
        patient,
        triage_level="urgent",
    )
    assert [r.symptom for r in rows] == ["diarrhea", "fever"]
    assert rows[0].count_per_day == 5 and rows[0].new is True and rows[0].note == "since Tuesday"
    assert rows[1].temperature_c == 38.5 and rows[1].triage_level == "urgent"
    latest = services.latest_checkins(patient, 2)
    assert {c.symptom for c in latest} == {"diarrhea", "fever"}
    assert services.patient_for(patient).symptoms[-1].symptom == "fever"


def test_bad_checkin_stores_nothing(patient):
    before = CheckIn.objects.filter(owner=patient).count()
    with pytest.raises(PatientFileError, match="severity"):
        services.add_checkin(
            patient, [{"date": "2026-11-20", "symptom": "pain", "severity": "awful"}], patient
        )
    assert CheckIn.objects.filter(owner=patient).count() == before


def test_set_triage_level(patient):
    assert services.set_triage_level(patient, date(2026, 11, 17), "routine") == 3


def test_get_owner_for(patient, caregiver_read, caregiver_edit, stranger):
    assert services.get_owner_for(patient, patient.pk) == patient
    assert services.get_owner_for(caregiver_read, patient.pk) == patient
    with pytest.raises(PermissionDenied):
        services.get_owner_for(caregiver_read, patient.pk, "edit")
    assert services.get_owner_for(caregiver_edit, patient.pk, "edit") == patient
    for owner_id in (patient.pk, 999999):
        with pytest.raises(Http404):
            services.get_owner_for(stranger, owner_id)
    assert services.visible_owners(stranger) == [stranger]


def test_load_demo_is_repeatable(db):
    user = services.load_demo(password="demo-password-123")
    user = services.load_demo(password="demo-password-123")
    assert user.check_password("demo-password-123")
    assert Profile.objects.get(owner=user).name == "Demo Patient"
    assert len(services.care_team_for(user)) == 3
    assert len(derive.lines_of_therapy(services.patient_for(user), date(2026, 11, 21))) == 3
