"""Issue 16 (security review), access items: a revoked navigator's inbox, the week page's
far-past date, and FHIR "replace" being the owner's alone."""

import pytest
from django.urls import reverse
from django.utils import timezone

from mbcnav.web.checkins.models import Alert
from mbcnav.web.record.models import Share

DAY = "2026-11-20"


def test_revoked_navigator_no_longer_sees_or_acknowledges_alerts(as_user, patient, navigator):
    alert = Alert.objects.create(
        owner=patient, navigator=navigator, checkin_date=DAY, level="urgent", summary="cough"
    )
    c = as_user(navigator)
    assert "cough" in c.get(reverse("checkins:inbox")).content.decode()
    Share.objects.filter(owner=patient, grantee=navigator).update(revoked_at=timezone.now())
    page = c.get(reverse("checkins:inbox")).content.decode()
    assert "cough" not in page and patient.first_name not in page
    assert c.post(reverse("checkins:acknowledge", args=[alert.pk])).status_code == 404
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


@pytest.mark.parametrize("end", ["0001-01-01", "0001-01-06", "9999-12-31"])
def test_week_page_with_a_date_at_the_calendar_edge_is_not_a_500(as_user, patient, end):
    resp = as_user(patient).get(reverse("checkins:week") + f"?end={end}")
    assert resp.status_code in (400, 404)


def test_week_page_for_a_caregiver_at_the_calendar_edge(as_user, patient, caregiver_read):
    url = reverse("checkins:week", kwargs={"owner_id": patient.pk}) + "?end=0001-01-01"
    assert as_user(caregiver_read).get(url).status_code in (400, 404)


def test_only_the_owner_may_replace_the_record_through_fhir(as_user, patient, caregiver_edit):
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    from mbcnav.web.record.models import CheckIn
    from mbcnav.web.record.services import add_checkin

    add_checkin(patient, [{"date": DAY, "symptom": "cough", "severity": "mild"}], patient)
    before = CheckIn.objects.filter(owner=patient).count()
    assert before
    data = (
        Path(__file__).resolve().parents[1] / "fixtures" / "mcode" / "TrialMatching_Patient01.json"
    ).read_bytes()
    url = reverse("interop:home", kwargs={"owner_id": patient.pk})
    c = as_user(caregiver_edit)
    assert "Replace my record" not in c.get(url).content.decode()
    resp = c.post(url, {"mode": "replace", "bundle": SimpleUploadedFile("b.json", data)})
    assert resp.status_code == 400
    assert CheckIn.objects.filter(owner=patient).count() == before
    assert "Only the person whose record it is can replace it" in resp.content.decode()
