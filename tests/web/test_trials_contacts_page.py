"""Trial finder web app: a trial's contacts (central first, then the nearest site's) and
distances placed by ZIP code, for the person, a signed-out visitor and a stranger."""

import pytest
from django.utils import timezone

from mbcnav.trials.sync import sync
from mbcnav.web.trials import services
from mbcnav.web.trials.store import DatabaseStore
from tests.web.trial_pages import (
    FakeClient,
    detail_url,
    list_url,
    shown_ids,
    study,
)


# ----------------------------------------------------------------- contacts and distances by ZIP
def contacts_study(nct="NCT00000101"):
    """A recruiting study with a central contact and two sites with their own contacts: one in
    Chicago with a ZIP code but no geoPoint, one in Boston with a geoPoint."""
    s = study(nct, "2026-06-01")
    s["protocolSection"]["contactsLocationsModule"] = {
        "centralContacts": [
            {
                "name": "Central Desk",
                "role": "CONTACT",
                "phone": "1-800-555-0199",
                "phoneExt": "7",
                "email": "trial.desk@example.org",
            }
        ],
        "overallOfficials": [
            {"name": "Dr Lead", "affiliation": "Lakeside University", "role": "STUDY_CHAIR"}
        ],
        "locations": [
            {
                "facility": "Boston Breast Center",
                "city": "Boston",
                "state": "Massachusetts",
                "zip": "02114",
                "country": "United States",
                "status": "RECRUITING",
                "geoPoint": {"lat": 42.36, "lon": -71.06},
                "contacts": [{"name": "Far Person", "phone": "617-555-0100"}],
            },
            {
                "facility": "Lakeside Cancer Center",
                "city": "Chicago",
                "state": "Illinois",
                "zip": "60611",
                "country": "United States",
                "status": "RECRUITING",
                "contacts": [
                    {"name": "Near Person", "phone": "(312) 555-0142", "email": "near@example.org"}
                ],
            },
        ],
    }
    return s


@pytest.fixture
def with_contacts(db):
    sync(DatabaseStore(), FakeClient([contacts_study()]))
    return "NCT00000101"


def test_trial_page_shows_central_then_nearest_site_contact(as_user, patient, with_contacts):
    body = as_user(patient).get(detail_url(with_contacts)).content.decode()
    assert body.find("Near Person") < body.find("Contacts and locations"), "on the card too"
    body = body[body.find("Contacts and locations") :]
    central, near = body.find("Central Desk"), body.find("Near Person")
    assert 0 < central < near, "the study's central contact first, then the nearest site's"
    assert "Far Person" not in body, "only the nearest open site's contact"
    assert (
        'href="tel:+18005550199;ext=7"' in body and 'href="mailto:trial.desk@example.org"' in body
    )
    assert 'href="tel:+13125550142"' in body and 'href="mailto:near@example.org"' in body
    assert "contact at the nearest open site, Lakeside Cancer Center" in body
    assert "can answer questions about who can join (eligibility)" in body
    assert "Dr Lead" in body and "study chair" in body
    assert "less than 1 mile (by ZIP code)" in body  # the Chicago site, placed by its ZIP code


def test_signed_out_visitor_sees_the_central_contact_only(client, with_contacts):
    body = client.get(detail_url(with_contacts)).content.decode()
    assert "Central Desk" in body and "Near Person" not in body and "Far Person" not in body
    assert "Sign in with a record that has a US ZIP code" in body


def test_stranger_gets_404_on_the_personal_trial_page(as_user, patient, stranger, with_contacts):
    resp = as_user(stranger).get(detail_url(with_contacts, patient))
    assert resp.status_code == 404 and "Near Person" not in resp.content.decode()
    assert as_user(patient).get(detail_url(with_contacts, patient)).status_code == 200


def test_distance_filter_keeps_a_trial_placed_by_zip_code(as_user, patient, with_contacts):
    m = next(
        x
        for x in services.matches_for(patient, timezone.localdate())
        if x.trial.nct_id == with_contacts
    )
    assert m.nearest["located_by"] == "zip" and m.nearest["city"] == "Chicago"
    near = as_user(patient).get(list_url(within_miles=25))
    assert with_contacts in shown_ids(near)
    assert "(by ZIP code)" in near.content.decode()
