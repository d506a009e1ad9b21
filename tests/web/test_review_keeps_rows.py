"""Accepting items from the import review adds only those items: every other row, its extra
columns (a site's scan response, a check-in's triage level, a biomarker's test date) and the
medicine schedules tied to its treatments stay. Replacing the record keeps the schedules of a
treatment re-created as it was."""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from mbcnav.web.interop import review as reviews
from mbcnav.web.interop import services as interop
from mbcnav.web.record import services as record
from mbcnav.web.record.models import Assessment, Biomarker, CheckIn, Lab, Metastasis, Treatment
from mbcnav.web.reminders.models import MedicineSchedule

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mcode"


@pytest.fixture
def extras(patient):
    """A treatment with an active medicine schedule and the columns the patient file lacks."""
    today = timezone.localdate()
    treatment = Treatment.objects.create(
        owner=patient, drugs=["capecitabine"], setting="metastatic",
        start=today - dt.timedelta(days=30),
    )  # fmt: skip
    schedule = MedicineSchedule.objects.create(
        owner=patient,
        treatment=treatment,
        drug="capecitabine",
        plan={"start": (today - dt.timedelta(days=25)).isoformat(), "times": ["08:00"]},
    )
    site = Metastasis.objects.filter(owner=patient).first()
    site.response, site.response_date = "smaller", today - dt.timedelta(days=3)
    site.save()
    scan = Assessment.objects.filter(owner=patient).first()
    scan.site_responses = {"liver": "smaller"}
    scan.save()
    CheckIn.objects.filter(owner=patient).update(triage_level="urgent")
    Biomarker.objects.filter(owner=patient).update(test_date=today - dt.timedelta(days=90))
    return {"schedule": schedule, "site": site, "scan": scan}


def _one_lab_more(patient) -> dict:
    incoming = record.export_patient(patient)
    incoming["labs"] = incoming.get("labs", []) + [
        {"date": timezone.localdate().isoformat(), "test": "ALT", "value": 31, "unit": "U/L"}
    ]
    return incoming


def _assert_kept(patient, extras):
    schedule = MedicineSchedule.objects.get(pk=extras["schedule"].pk)
    assert schedule.ended is None and schedule.treatment_id is not None
    site = Metastasis.objects.get(pk=extras["site"].pk)
    assert site.response == "smaller" and site.response_date is not None
    assert Assessment.objects.get(pk=extras["scan"].pk).site_responses == {"liver": "smaller"}
    levels = set(CheckIn.objects.filter(owner=patient).values_list("triage_level", flat=True))
    assert levels == {"urgent"}
    assert not Biomarker.objects.filter(owner=patient, test_date__isnull=True).exists()


def test_accepting_one_lab_from_the_review_keeps_every_other_row(as_user, patient, extras):
    labs_before = Lab.objects.filter(owner=patient).count()
    ids_before = {m: set(m.objects.filter(owner=patient).values_list("id", flat=True))
                  for m in (Treatment, Metastasis, Assessment, CheckIn, Biomarker)}  # fmt: skip
    reviews.stage(patient, _one_lab_more(patient), {}, "patient portal", patient)
    c = as_user(patient)
    page = c.get(reverse("interop:review")).content.decode()
    ids = [part.split('"')[0] for part in page.split('name="item" value="')[1:]]
    assert len(ids) == 1 and ids[0].startswith("labs:")
    resp = c.post(reverse("interop:review"), {"item": ids})
    assert resp.status_code == 302
    assert Lab.objects.filter(owner=patient).count() == labs_before + 1
    assert Lab.objects.filter(owner=patient, test="ALT").exists()
    for model, ids in ids_before.items():  # the same rows, not re-created copies
        assert set(model.objects.filter(owner=patient).values_list("id", flat=True)) == ids
    _assert_kept(patient, extras)


def test_adding_what_is_new_from_a_bundle_keeps_every_other_row(as_user, patient, extras):
    own = json.dumps(interop.bundle_for(patient)).encode()
    interop.import_into(patient, own, patient, replace=False)  # merge: adds, rewrites nothing
    _assert_kept(patient, extras)
    data = (FIXTURES / "TrialMatching_Patient01.json").read_bytes()
    c = as_user(patient)
    c.post(reverse("interop:home"), {"mode": "merge", "bundle": _upload(data)})
    page = c.get(reverse("interop:review")).content.decode()
    ids = [part.split('"')[0] for part in page.split('name="item" value="')[1:]]
    if ids:
        c.post(reverse("interop:review"), {"item": ids})
    _assert_kept(patient, extras)


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("b.json", data)


def test_replacing_the_record_keeps_the_schedule_of_a_treatment_recreated_as_it_was(
    patient, extras
):
    text = json.dumps(record.export_patient(patient))
    record.import_text(patient, text, patient)
    schedule = MedicineSchedule.objects.get(pk=extras["schedule"].pk)
    assert schedule.ended is None
    assert Treatment.objects.filter(pk=schedule.treatment_id, drugs=["capecitabine"]).exists()
    # a record without that treatment ends it, with the reason
    data = record.export_patient(patient)
    data["treatments"] = [t for t in data["treatments"] if t.get("drugs") != ["capecitabine"]]
    record.import_text(patient, json.dumps(data), patient)
    schedule.refresh_from_db()
    assert schedule.ended is not None and "removed" in schedule.end_reason
