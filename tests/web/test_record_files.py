"""Import/export (web), the PDF summary read back as text, export everything, delete account."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mbcnav.patient import dump, loads
from mbcnav.web.core.models import AuditEvent
from mbcnav.web.record import services
from mbcnav.web.record.models import CareTeamMember, CheckIn, Lab, Share, Treatment


def _upload(client, text: str, name="p.yaml"):
    return client.post(
        reverse("record:import"), {"file": SimpleUploadedFile(name, text.encode("utf-8"))}
    )


def test_export_then_import_round_trips(patient, as_user):
    client = as_user(patient)
    exported = client.get(reverse("record:export", args=[patient.pk, "yaml"]))
    assert exported["Content-Disposition"].endswith('mbcnav-patient.yaml"')
    before = services.patient_for(patient)
    assert _upload(client, exported.content.decode()).status_code == 302
    assert services.patient_for(patient) == before
    as_json = json.loads(client.get(reverse("record:export", args=[patient.pk, "json"])).content)
    assert as_json == dump(before)


@pytest.mark.parametrize(
    "bad,why",
    [
        (
            "format: mbcnav-patient/1\ntreatments:\n  - drugs: [letrozole]\n    start: 2025-05-01\n    end: 2025-01-01\n",
            "treatments[0].end",
        ),
        (
            # an English word near a symptom name is refused with a suggestion; a plain
            # misspelling ("hedache") is read as meant (patient/typos.py)
            "format: mbcnav-patient/1\nsymptoms:\n  - {date: 2026-01-01, symptom: breeding}\n",
            "did you mean",
        ),
        ("format: mbcnav-patient/2\n", "format"),
        ("format: [unclosed\n", "not valid YAML"),
        (
            "format: mbcnav-patient/1\nlabs:\n  - {date: 2026-01-01, test: CA 15-3, value: 5}\nnickname: x\n",
            "nickname",
        ),
    ],
)
def test_bad_import_changes_nothing_and_says_why(patient, as_user, bad, why):
    client = as_user(patient)
    before = services.export_everything(patient)["rows"]
    response = _upload(client, bad)
    assert response.status_code == 400
    assert why in response.content.decode()
    assert "Nothing was changed" in response.content.decode()
    assert services.export_everything(patient)["rows"] == before


def test_import_is_atomic_when_the_database_fails_midway(patient, monkeypatch):
    """A failure after some rows were replaced rolls everything back."""
    before = services.export_patient(patient)
    new = loads("format: mbcnav-patient/1\nlabs:\n  - {date: 2026-01-01, test: CEA, value: 3}\n")

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(CheckIn.objects, "bulk_create", boom)
    with pytest.raises(RuntimeError):
        services.import_patient(patient, new, patient)
    assert services.export_patient(patient) == before
    assert Lab.objects.filter(owner=patient, test="CEA").count() == 0


def test_import_keeps_care_team_and_shares(patient, caregiver_read, as_user):
    CareTeamMember.objects.create(owner=patient, name="Dr. Kept")
    _upload(as_user(patient), "format: mbcnav-patient/1\nname: New\n")
    assert Treatment.objects.filter(owner=patient).count() == 0
    assert CareTeamMember.objects.filter(owner=patient, name="Dr. Kept").exists()
    assert Share.objects.filter(owner=patient, grantee=caregiver_read).exists()


def test_caregiver_cannot_import_into_the_record(patient, caregiver_edit, as_user):
    """Import is owner-only: it always acts on the signed-in person's own record."""
    _upload(as_user(caregiver_edit), "format: mbcnav-patient/1\nname: Replaced\n")
    assert services.patient_for(patient).name == "Demo Patient"


def test_summary_pdf_text_reads_back(patient, as_user):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    CareTeamMember.objects.create(
        owner=patient, name="Dr. Ana Rivera", role="oncologist", after_hours="312-555-0199"
    )
    response = as_user(patient).get(reverse("record:summary_pdf", args=[patient.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    for expected in (
        "Summary for Demo Patient",
        "HR+/HER2-",
        "IHC 1+",
        "PIK3CA",
        "letrozole + ribociclib",
        "20 Oct 2022",
        "trastuzumab deruxtecan",
        "denosumab",
        "liver",
        "fatigue",
        "Dr. Ana Rivera",
        "312-555-0199",
    ):
        assert expected in text, expected
    pages = subprocess.run(
        ["pdfinfo", "-"], input=response.content, capture_output=True
    ).stdout.decode()
    assert "Pages:           1" in pages


def test_print_summary_has_the_timeline_and_no_script(patient, as_user):
    page = as_user(patient).get(reverse("record:summary", args=[patient.pk])).content.decode()
    assert "<svg" in page and "Lines of therapy" in page
    assert "style=" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_export_everything_holds_all_rows(patient, caregiver_read, as_user):
    CareTeamMember.objects.create(owner=patient, name="Dr. Everything")
    response = as_user(patient).get(reverse("record:everything"))
    data = json.loads(response.content)
    assert data["patient_file"]["name"] == "Demo Patient"
    assert data["rows"]["careteammember"][0]["name"] == "Dr. Everything"
    assert len(data["rows"]["lab"]) == Lab.objects.filter(owner=patient).count()
    assert data["shares"][0]["email"] == caregiver_read.email
    assert any(e["action"] == "export" for e in data["audit"])
    assert yaml.safe_load(json.dumps(data["patient_file"]))["format"] == "mbcnav-patient/1"


def test_delete_account_needs_the_email_then_deletes_everything(patient, caregiver_read, as_user):
    client = as_user(patient)
    response = client.post(reverse("record:delete_account"), {"email": "someone@else.org"})
    assert response.status_code == 400 and User.objects.filter(pk=patient.pk).exists()
    pk = patient.pk
    response = client.post(reverse("record:delete_account"), {"email": "Patient@Example.org"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=pk).exists()
    for model in (Treatment, Lab, CheckIn, Share, CareTeamMember):
        assert not model.objects.filter(owner_id=pk).exists()
    assert not AuditEvent.objects.filter(subject_id=pk).exists()
    assert User.objects.filter(pk=caregiver_read.pk).exists()
