"""Reminder pages: schedules tied to treatments, marks and adherence, one-sentence errors,
sharing read-only, strangers 404, export and erase, summary and visit guide mention skips."""

import datetime as dt

import pytest
from django.utils import timezone

from mbcnav.web.record import services as record
from mbcnav.web.record.models import Treatment
from mbcnav.web.reminders.models import DoseMark, MedicineSchedule, Outbox, ReminderSettings
from mbcnav.web.visits.models import VisitQuestion


@pytest.fixture
def capecitabine(patient):
    return Treatment.objects.create(
        owner=patient, drugs=["capecitabine"], setting="metastatic",
        start=timezone.localdate() - dt.timedelta(days=30),
    )  # fmt: skip


def post_schedule(client, treatment, **values):
    data = {
        "medicine": f"{treatment.pk}:capecitabine",
        "pattern": "cycle",
        "start": (timezone.localdate() - dt.timedelta(days=25)).isoformat(),
        "days_on": "14",
        "days_off": "7",
        "times": "08:00, 20:00",
    }
    return client.post("/reminders/schedule/add/", {**data, **values})


def test_usual_schedule_is_offered_with_source_never_imposed(client, patient, capecitabine):
    client.force_login(patient)
    page = client.get("/reminders/").content.decode()
    assert "Twice a day for 14 days, then 7 days off" in page
    assert "Usual schedule; follow your care team&#x27;s plan." in page
    assert "dailymed.nlm.nih.gov" in page
    assert MedicineSchedule.objects.count() == 0  # nothing set until the person saves one
    filled = client.get("/reminders/?usual=capecitabine").content.decode()
    assert 'value="14"' in filled and 'value="08:00, 20:00"' in filled


def test_bad_input_gets_one_sentence(client, patient, capecitabine):
    client.force_login(patient)
    r = post_schedule(client, capecitabine, days_off="40")
    assert r.status_code == 400
    assert "Days off must be a number from 0 to 28; you wrote 40." in r.content.decode()
    r = client.post(
        "/reminders/settings/",
        {
            "time_zone": "Mars/Olympus",
            "checkin_time": "18:00",
            "quiet_start": "21:00",
            "quiet_end": "08:00",
        },
    )
    assert r.status_code == 400
    assert "Time zone &#x27;Mars/Olympus&#x27; is not one we know" in r.content.decode()
    assert MedicineSchedule.objects.count() == 0


def test_marks_and_adherence_per_cycle_in_summary_and_guide(client, patient, capecitabine):
    client.force_login(patient)
    assert post_schedule(client, capecitabine).status_code == 302
    row = MedicineSchedule.objects.get()
    assert row.from_usual
    first = dt.date.fromisoformat(row.plan["start"])
    r = client.post(
        f"/reminders/schedule/{row.pk}/mark/", {"day": first, "at": "08:00", "status": "taken"}
    )
    assert r.status_code == 302
    client.post(
        f"/reminders/schedule/{row.pk}/mark/",
        {"day": first, "at": "20:00", "status": "skipped", "reason": "bad nausea"},
    )
    off_day = first + dt.timedelta(days=15)
    r = client.post(
        f"/reminders/schedule/{row.pk}/mark/", {"day": off_day, "at": "08:00", "status": "taken"}
    )
    assert r.status_code == 400 and "has no dose on" in r.content.decode()
    future = timezone.localdate() + dt.timedelta(days=3)
    r = client.post(
        f"/reminders/schedule/{row.pk}/mark/", {"day": future, "at": "08:00", "status": "taken"}
    )
    assert r.status_code == 400
    assert DoseMark.objects.count() == 2
    page = client.get("/reminders/").content.decode()
    assert "Cycle 1" in page and "Cycle 2" in page and "bad nausea" in page
    overview = client.get("/record/").content.decode()
    assert "Doses this cycle" in overview and "Cycle 2" in overview
    summary = client.get(f"/record/{patient.pk}/summary/").content.decode()
    assert "Missed doses" in summary and "capecitabine: 1 dose recorded as skipped" in summary
    assert "bad nausea" in summary
    client.get("/visits/")
    q = VisitQuestion.objects.get(owner=patient, rule="skipped-doses-with-reason")
    assert "1 dose of capecitabine" in q.text and "bad nausea" in q.text


def test_ending_or_changing_the_treatment_ends_the_schedule(client, patient, capecitabine):
    client.force_login(patient)
    post_schedule(client, capecitabine)
    capecitabine.end = timezone.localdate()
    capecitabine.save()
    row = MedicineSchedule.objects.get()
    assert row.ended == capecitabine.end and row.end_reason == "the treatment ended"
    other = Treatment.objects.create(
        owner=patient, drugs=["capecitabine"], start=timezone.localdate()
    )
    post_schedule(client, other, start=timezone.localdate().isoformat())
    other.drugs = ["eribulin"]
    other.save()
    assert MedicineSchedule.objects.filter(ended__isnull=True).count() == 0
    third = Treatment.objects.create(
        owner=patient, drugs=["capecitabine"], start=timezone.localdate()
    )
    post_schedule(client, third, start=timezone.localdate().isoformat())
    third.delete()
    assert MedicineSchedule.objects.filter(ended__isnull=True).count() == 0
    assert MedicineSchedule.objects.count() == 3  # kept, read-only, for the history


def test_sharing_is_read_only_and_strangers_get_404(
    client, patient, capecitabine, caregiver_edit, navigator, stranger
):
    client.force_login(patient)
    post_schedule(client, capecitabine)
    row = MedicineSchedule.objects.get()
    for viewer in (caregiver_edit, navigator):
        client.force_login(viewer)
        page = client.get(f"/reminders/{patient.pk}/")
        assert page.status_code == 200
        text = page.content.decode()
        assert "capecitabine" in text and "(read only)" in text
        assert "Save schedule" not in text and "calendar address" not in text
        day = row.plan["start"]
        r = client.post(
            f"/reminders/schedule/{row.pk}/mark/", {"day": day, "at": "08:00", "status": "taken"}
        )
        assert r.status_code == 404
    client.force_login(stranger)
    assert client.get(f"/reminders/{patient.pk}/").status_code == 404
    assert client.post(f"/reminders/schedule/{row.pk}/end/").status_code == 404
    assert DoseMark.objects.count() == 0 and MedicineSchedule.objects.get().active


def test_export_and_erase(client, patient, capecitabine):
    client.force_login(patient)
    post_schedule(client, capecitabine)
    row = MedicineSchedule.objects.get()
    client.post(
        f"/reminders/schedule/{row.pk}/mark/",
        {"day": row.plan["start"], "at": "08:00", "status": "taken"},
    )
    client.post("/reminders/feed/renew/")
    data = record.export_everything(patient)["reminders"]
    assert data["medicine_schedules"][0]["drug"] == "capecitabine"
    assert data["dose_marks"][0]["status"] == "taken"
    assert data["calendar_feed"] == {"active": True}
    assert "token" not in str(data["calendar_feed"])
    record.delete_account(patient)
    for model in (MedicineSchedule, DoseMark, ReminderSettings, Outbox):
        assert model.objects.count() == 0


def test_a_schedule_replaced_before_its_first_day_has_no_doses(client, patient, capecitabine):
    client.force_login(patient)
    later = timezone.localdate() + dt.timedelta(days=10)
    post_schedule(client, capecitabine, start=later.isoformat())
    post_schedule(client, capecitabine, start=(later - dt.timedelta(days=5)).isoformat())
    old, new = MedicineSchedule.objects.order_by("id")
    assert old.never_started and not new.never_started and new.active
    from mbcnav.web.reminders import feed, services

    assert services.adherence(old, later) == []
    assert (
        feed.dose_events(old, ReminderSettings.for_owner(patient).zone, later, timezone.now()) == []
    )


@pytest.mark.parametrize("zone", ["America", "Etc", "US", "../etc/passwd", "posixrules "])
def test_a_time_zone_folder_is_one_sentence_not_a_500(client, patient, zone):
    client.force_login(patient)
    fields = {"checkin_time": "18:00", "quiet_start": "21:00", "quiet_end": "08:00"}
    r = client.post("/reminders/settings/", {**fields, "time_zone": zone})
    assert r.status_code == 400
    assert "is not one we know; choose one such as America/Chicago." in r.content.decode()
    r = client.post("/reminders/settings/", {**fields, "time_zone": "America/Chicago"})
    assert r.status_code == 302


def test_a_first_day_in_year_one_is_refused_in_one_sentence(client, patient, capecitabine):
    client.force_login(patient)
    r = post_schedule(client, capecitabine, start="0001-01-01")
    assert r.status_code == 400
    assert "The first day can be at most 10 years ago" in r.content.decode()
    assert "you wrote 0001-01-01." in r.content.decode()
    assert MedicineSchedule.objects.count() == 0


def test_export_holds_the_caregivers_who_stopped_copies_as_json(patient, caregiver_read):
    import json

    from mbcnav.web.record.models import Share

    prefs = ReminderSettings.for_owner(patient)
    prefs.copy_stopped.add(Share.objects.get(owner=patient, grantee=caregiver_read))
    data = record.export_everything(patient)["reminders"]
    stopped = data["settings"][0]["copy_stopped"]
    assert stopped == [Share.objects.get(grantee=caregiver_read).pk]
    json.dumps(data)
