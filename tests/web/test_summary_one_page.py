"""The one-page summary of the demo record: exactly one page (counted by a real PDF reader),
with early-stage treatment, the latest scan, recent labs, the care team and each recent symptom
once."""

import io
import os
from pathlib import Path

import pypdf
from django.urls import reverse

from mbcnav.web.record import services
from mbcnav.web.record.models import CheckIn

ARTEFACTS = Path(os.environ.get("MBCNAV_ARTEFACTS", "artefacts/pages"))


def _pdf(client, owner) -> pypdf.PdfReader:
    response = client.get(reverse("record:summary_pdf", args=[owner.pk]))
    assert response["Content-Type"] == "application/pdf"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / "summary.pdf").write_bytes(response.content)
    return pypdf.PdfReader(io.BytesIO(response.content))


def test_demo_summary_pdf_is_exactly_one_page_with_everything_on_it(db, client):
    owner = services.load_demo(email="one-page@example.org")
    client.force_login(owner)
    reader = _pdf(client, owner)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for expected in (
        "lumpectomy",  # surgery
        "doxorubicin + cyclophosphamide",  # adjuvant chemotherapy
        "radiation to the left breast",
        "anastrozole",  # adjuvant endocrine therapy
        "Latest scan: 19 Oct 2026, CT: stable",
        "hemoglobin 11.2 g/dL",
        "Dr. Ana Rivera",
        "312-555-0199",
        "Sam Lee, RN",
    ):
        assert expected in text, expected


def test_a_symptom_reported_on_two_days_is_listed_once(db, client):
    owner = services.load_demo(email="twice@example.org")
    last = CheckIn.objects.filter(owner=owner).order_by("-date").first()
    CheckIn.objects.create(owner=owner, date=last.date, symptom="nausea", severity="mild")
    CheckIn.objects.create(
        owner=owner, date=last.date.replace(day=max(last.date.day - 2, 1)), symptom="nausea"
    )
    client.force_login(owner)
    page = client.get(reverse("record:summary", args=[owner.pk])).content.decode()
    symptoms = page.split("Recent symptoms", 1)[1].split("</p>", 1)[0]
    assert symptoms.count("nausea") == 1


def test_a_long_record_still_fits_one_page(db, client):
    owner = services.load_demo(email="long@example.org")
    for day in range(1, 28):
        CheckIn.objects.create(
            owner=owner,
            date=CheckIn.objects.latest("date").date,
            symptom="pain",
            location=f"place {day}",
            severity="mild",
        )
    client.force_login(owner)
    assert len(_pdf(client, owner).pages) == 1
