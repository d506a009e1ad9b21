"""FHIR buttons on the record: download a bundle that validates, upload a real mCODE bundle with a
report, merge twice without duplicates, refuse a broken bundle without changing anything."""

import json
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mbcnav.fhir import validate_bundle
from mbcnav.web.record import services as record

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mcode"


def upload(client, data: bytes, mode="merge", url=None):
    return client.post(
        url or reverse("interop:home"), {"mode": mode, "bundle": SimpleUploadedFile("b.json", data)}
    )


def test_download_is_a_valid_fhir_bundle(as_user, patient):
    resp = as_user(patient).get(reverse("interop:bundle"))
    assert resp.status_code == 200 and resp["Content-Type"] == "application/fhir+json"
    bundle = json.loads(resp.content)
    assert bundle["resourceType"] == "Bundle" and bundle["entry"]
    validate_bundle(bundle)


def test_upload_real_mcode_bundle_into_a_new_account_with_a_report(as_user, new_user):
    person = new_user("fresh@example.org")
    data = (FIXTURES / "TrialMatching_Patient01.json").read_bytes()
    resp = upload(as_user(person), data, mode="replace")
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "What we imported" in html and "imported" in html
    patient = record.patient_for(person)
    assert patient.metastases and patient.receptors.er


def accept_all(client, url=None):
    page = client.get(url or reverse("interop:review")).content.decode()
    ids = [part.split('"')[0] for part in page.split('name="item" value="')[1:]]
    return ids, client.post(url or reverse("interop:review"), {"item": ids})


def test_adding_what_is_new_waits_for_the_review(as_user, patient):
    c = as_user(patient)
    before = record.export_patient(patient)
    resp = upload(c, (FIXTURES / "TrialMatching_Patient01.json").read_bytes())
    assert resp.status_code == 302 and resp["Location"] == reverse("interop:review")
    assert record.export_patient(patient) == before  # nothing enters before it is accepted
    ids, resp = accept_all(c)
    assert ids and resp.status_code == 302
    after = record.export_patient(patient)
    assert after != before
    assert len(after["treatments"]) > len(before["treatments"])


def test_merging_the_same_bundle_twice_changes_nothing_the_second_time(as_user, patient):
    c = as_user(patient)
    data = (FIXTURES / "TrialMatching_Patient01.json").read_bytes()
    upload(c, data)
    accept_all(c)
    once = record.export_patient(patient)
    upload(c, data)
    page = c.get(reverse("interop:review")).content.decode()
    assert "Everything it holds is already in the record" in page
    ids, _ = accept_all(c)
    assert ids == [] and record.export_patient(patient) == once


def test_a_caregiver_with_edit_scope_reviews_for_the_owner(as_user, patient, caregiver_edit):
    c = as_user(caregiver_edit)
    url = reverse("interop:home", kwargs={"owner_id": patient.pk})
    review = reverse("interop:review", kwargs={"owner_id": patient.pk})
    resp = upload(c, (FIXTURES / "TrialMatching_Patient01.json").read_bytes(), url=url)
    assert resp.status_code == 302 and resp["Location"] == review
    before = record.export_patient(patient)
    ids, resp = accept_all(c, review)
    assert ids and record.export_patient(patient) != before
    assert "Connect my patient portal" not in c.get(url).content.decode()  # owner only


def test_setting_an_import_aside_changes_nothing(as_user, patient):
    c = as_user(patient)
    before = record.export_patient(patient)
    upload(c, (FIXTURES / "TrialMatching_Patient01.json").read_bytes())
    resp = c.post(reverse("interop:review"), {"action": "discard"})
    assert resp.status_code == 302 and record.export_patient(patient) == before
    assert "Nothing is waiting for review" in c.get(reverse("interop:review")).content.decode()
    resp = c.post(reverse("interop:review"), {"item": ["ecog"]})
    assert resp.status_code == 400 and "nothing waiting for review" in resp.content.decode()


def test_broken_bundle_changes_nothing_and_says_why(as_user, patient):
    before = record.export_patient(patient)
    resp = upload(as_user(patient), b'{"resourceType": "Bundle", "entry": "oops"')
    assert resp.status_code == 400
    assert "Nothing was changed" in resp.content.decode()
    assert record.export_patient(patient) == before


def test_permissions(as_user, patient, caregiver_read, stranger):
    data = (FIXTURES / "TrialMatching_Patient01.json").read_bytes()
    url = reverse("interop:home", kwargs={"owner_id": patient.pk})
    assert (
        as_user(caregiver_read)
        .get(reverse("interop:bundle", kwargs={"owner_id": patient.pk}))
        .status_code
        == 200
    )
    assert upload(as_user(caregiver_read), data, url=url).status_code == 403
    for name in ("home", "bundle"):
        assert (
            as_user(stranger)
            .get(reverse(f"interop:{name}", kwargs={"owner_id": patient.pk}))
            .status_code
            == 404
        )
    before = record.export_patient(patient)
    assert upload(as_user(stranger), data, url=url).status_code == 404
    assert record.export_patient(patient) == before
