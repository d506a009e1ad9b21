""" "Connect my patient portal" against a real SMART server process on loopback
(tests/fixtures/smart_server.py): sign-in with PKCE, review, accept item by item, refresh,
disconnect; tokens encrypted at rest; every portal failure is one sentence with HTTP 400."""

import json
from urllib.parse import urlsplit

import httpx
import pytest
from django.urls import reverse

from mbcnav.web.core.models import AuditEvent
from mbcnav.web.interop import portal
from mbcnav.web.interop.models import PendingImport, PortalConnection
from mbcnav.web.record import services as record


@pytest.fixture
def portal_on(settings, smart_server):
    settings.MBCNAV_SMART_PORTALS = [smart_server.portal]
    return smart_server


def sign_in_at_portal(authorize_url: str, user="ancora", answer="approve") -> str:
    """What the person does at the portal: open the form, type name and password, press a button."""
    page = httpx.get(authorize_url)
    assert page.status_code == 200 and "Test Health patient portal" in page.text
    form_id = page.text.split('name="form" value="')[1].split('"')[0]
    root = f"{urlsplit(authorize_url).scheme}://{urlsplit(authorize_url).netloc}"
    answer = httpx.post(
        f"{root}/authorize",
        data={"form": form_id, "username": user, "password": "test", "answer": answer},
    )
    assert answer.status_code == 302
    back = urlsplit(answer.headers["Location"])
    return f"{back.path}?{back.query}"


def start(client) -> str:
    """Press Connect: a page says where the person goes, with the portal's sign-in link."""
    resp = client.post(reverse("interop:portal_connect"), {"portal": "Test Health"})
    assert resp.status_code == 200, resp.content.decode()[:500]
    html = resp.content.decode()
    assert "Continue to Test Health" in html and "not a family member" in html
    return html.split('class="button" href="')[1].split('"')[0].replace("&amp;", "&")


def connect(client, user="ancora", answer="approve"):
    return client.get(sign_in_at_portal(start(client), user, answer))


def test_no_portal_is_enabled_by_default_and_the_page_says_so(as_user, patient, settings):
    settings.MBCNAV_SMART_PORTALS = []
    html = as_user(patient).get(reverse("interop:home")).content.decode()
    assert "No patient portal is set up on this site yet" in html


def test_connect_review_accept_item_by_item(as_user, new_user, portal_on):
    person = new_user("portal@example.org")
    c = as_user(person)
    resp = connect(c)
    assert resp.status_code == 302 and resp["Location"] == reverse("interop:review")
    # nothing enters the record before it is accepted
    assert record.export_patient(person) == {"format": "mbcnav-patient/1"}
    page = c.get(reverse("interop:review")).content.decode()
    assert "Read from portal: Test Health" in page and 'value="receptors.er"' in page
    assert 'value="metastatic_diagnosis.de_novo"' in page
    resp = c.post(reverse("interop:review"), {"item": ["receptors.er", "receptors.her2"]})
    assert resp.status_code == 302
    now = record.export_patient(person)
    assert now["receptors"] == {"er": "negative", "her2": "negative"} and "metastases" not in now
    page = c.get(reverse("interop:review")).content.decode()
    assert "2 items were added" in page and 'value="receptors.er"' not in page
    assert 'value="receptors.pr"' in page
    assert AuditEvent.objects.filter(subject=person, action="import").count() == 2


def test_tokens_are_encrypted_at_rest_and_disconnect_deletes_them(as_user, new_user, portal_on):
    person = new_user("portal@example.org")
    c = as_user(person)
    connect(c)
    row = PortalConnection.objects.get(owner=person)
    assert row.patient_id == "Ancora-13" and row.refresh_token
    access = portal.unseal(row.access_token)
    assert access and access not in row.access_token  # the stored text is ciphertext
    assert "patient/Observation.rs" in row.scope and "offline_access" in row.scope
    everything = json.dumps(record.export_everything(person))
    assert '"portal": "Test Health"' in everything and access not in everything
    resp = c.post(reverse("interop:portal_disconnect"), {"portal": "Test Health"})
    assert resp.status_code == 302
    assert not PortalConnection.objects.filter(owner=person).exists()
    assert AuditEvent.objects.filter(subject=person, action="delete").exists()


def test_refresh_shows_only_what_is_new(as_user, new_user, portal_on):
    person = new_user("portal@example.org")
    c = as_user(person)
    connect(c)
    ids = [p.id for p in portal_refresh_items(person)]
    c.post(reverse("interop:review"), {"item": ids})
    assert not PendingImport.objects.filter(owner=person).exists()
    portal_on.control(
        "add",
        {
            "patient": "Ancora-13",
            "resource": {
                "resourceType": "Observation",
                "id": "ecog-new",
                "status": "final",
                "category": [{"coding": [{"code": "survey"}]}],
                "code": {"coding": [{"system": "http://loinc.org", "code": "89247-1"}]},
                "subject": {"reference": "Patient/Ancora-13"},
                "effectiveDateTime": "2024-06-01",
                "valueInteger": 1,
            },
        },
    )
    portal_on.control("expire")  # the saved access token is stale: the refresh token renews it
    resp = c.post(reverse("interop:portal_refresh"), {"portal": "Test Health"})
    assert resp.status_code == 302, resp.content.decode()[:400]
    items = portal_refresh_items(person)
    assert [p.kind for p in items] == ["differs"]  # ECOG 1 now, the record says 3: shown, not taken
    assert "ECOG" in items[0].section


def portal_refresh_items(person):
    from mbcnav.web.interop import review

    return review.items_for(person, review.pending_for(person))


def test_a_refusal_at_the_portal_is_one_sentence_with_400(as_user, new_user, portal_on):
    person = new_user("portal@example.org")
    resp = connect(as_user(person), answer="deny")
    assert resp.status_code == 400
    assert "did not give access: The patient said no." in resp.content.decode()
    assert not PortalConnection.objects.filter(owner=person).exists()


def test_a_callback_without_a_started_sign_in_is_refused(as_user, patient, portal_on):
    resp = as_user(patient).get(reverse("interop:portal_callback") + "?code=x&state=y")
    assert resp.status_code == 400 and "No portal sign-in was started" in resp.content.decode()


def test_a_state_from_another_sign_in_is_refused(as_user, new_user, portal_on):
    c = as_user(new_user("portal@example.org"))
    first = start(c)
    start(c)  # a newer sign-in
    resp = c.get(sign_in_at_portal(first))
    assert resp.status_code == 400 and "does not match" in resp.content.decode()


def test_another_patients_data_stops_the_read(as_user, new_user, portal_on):
    person = new_user("portal@example.org")
    portal_on.control("leak")
    resp = connect(as_user(person))
    assert resp.status_code == 400
    assert "about a different patient" in resp.content.decode()
    assert not PendingImport.objects.filter(owner=person).exists()


def test_an_unreachable_or_unknown_portal_is_a_sentence(as_user, patient, settings):
    settings.MBCNAV_SMART_PORTALS = [
        {"name": "Gone", "fhir_base": "http://127.0.0.1:9/fhir", "client_id": "x"}
    ]
    c = as_user(patient)
    resp = c.post(reverse("interop:portal_connect"), {"portal": "Gone"})
    assert resp.status_code == 400 and "could not be reached" in resp.content.decode()
    resp = c.post(reverse("interop:portal_connect"), {"portal": "Nope"})
    assert resp.status_code == 400 and "no patient portal called" in resp.content.decode()


def test_strangers_and_caregivers_cannot_use_someone_elses_review(
    as_user, patient, caregiver_read, stranger
):
    url = reverse("interop:review", kwargs={"owner_id": patient.pk})
    assert as_user(stranger).get(url).status_code == 404
    assert as_user(caregiver_read).get(url).status_code == 403


def test_a_changed_token_key_is_a_sentence_not_a_crash(as_user, new_user, portal_on, settings):
    person = new_user("portal@example.org")
    c = as_user(person)
    connect(c)
    settings.MBCNAV_SMART_TOKEN_KEY = "a-different-key"
    resp = c.post(reverse("interop:portal_refresh"), {"portal": "Test Health"})
    assert resp.status_code == 400
    assert "the site&#x27;s key changed" in resp.content.decode()


def test_a_sign_in_that_cannot_be_renewed_says_connect_again(as_user, new_user, portal_on):
    person = new_user("portal@example.org")
    c = as_user(person)
    connect(c)
    row = PortalConnection.objects.get(owner=person)
    row.refresh_token = portal.seal("spent-or-revoked")
    row.save()
    portal_on.control("expire")
    resp = c.post(reverse("interop:portal_refresh"), {"portal": "Test Health"})
    html = resp.content.decode()
    assert resp.status_code == 400 and "could not be renewed" in html and "connect again" in html
