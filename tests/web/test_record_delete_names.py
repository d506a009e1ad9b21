"""Delete confirmations name what goes: "Delete the treatment letrozole started 3 Mar 2025?"."""

import datetime

import pytest
from django.urls import reverse

from mbcnav.web.record.models import Assessment, CareTeamMember, Lab, Treatment


@pytest.mark.parametrize(
    "section, make, expected",
    [
        (
            "treatments",
            lambda o: Treatment.objects.create(
                owner=o, drugs=["letrozole"], start=datetime.date(2025, 3, 3)
            ),
            "Delete the treatment letrozole started 3 Mar 2025?",
        ),
        (
            "scans",
            lambda o: Assessment.objects.create(
                owner=o, date=datetime.date(2026, 10, 19), status="stable"
            ),
            "Delete the scan of 19 Oct 2026 (stable)?",
        ),
        (
            "labs",
            lambda o: Lab.objects.create(
                owner=o, date=datetime.date(2026, 10, 13), test="CA 15-3", value="43", unit="U/mL"
            ),
            "Delete the lab result CA 15-3 43 U/mL of 13 Oct 2026?",
        ),
        (
            "care-team",
            lambda o: CareTeamMember.objects.create(owner=o, name="Dr. Kim"),
            "Delete Dr. Kim from the care team?",
        ),
    ],
)
def test_delete_confirmation_names_the_row(patient, as_user, section, make, expected):
    row = make(patient)
    client = as_user(patient)
    page = client.get(reverse("record:section_delete", args=[patient.pk, section, row.pk]))
    html = page.content.decode()
    assert expected in html
    assert "object (" not in html
    done = client.post(
        reverse("record:section_delete", args=[patient.pk, section, row.pk]), follow=True
    )
    assert "Deleted " + expected[len("Delete ") : -1] + "." in done.content.decode()


def test_the_treatment_list_names_a_surgery_and_its_date(patient, as_user):
    html = as_user(patient).get(reverse("record:section_list", args=[patient.pk, "treatments"]))
    text = html.content.decode()
    assert "lumpectomy and sentinel node biopsy" in text and "1 Jun 2017" in text
    assert "left breast" in text  # the radiation's site


def test_an_appointment_is_named_in_local_time_not_utc(patient, as_user, settings):
    from zoneinfo import ZoneInfo

    from mbcnav.web.record.models import Appointment

    settings.TIME_ZONE = "America/Chicago"
    when = datetime.datetime(2026, 12, 9, 15, 30, tzinfo=ZoneInfo("America/Chicago"))
    row = Appointment.objects.create(owner=patient, when=when, with_whom="Dr. Kim")
    page = as_user(patient).get(
        reverse("record:section_delete", args=[patient.pk, "appointments", row.pk])
    )
    html = page.content.decode()
    assert "Delete the appointment on 9 Dec 2026, 15:30 with Dr. Kim?" in html, html
