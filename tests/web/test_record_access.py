"""Every record view with every persona. Strangers get 404 and never data; a read-only
caregiver gets 403 on edit pages (documented in record.services); owner-only pages
(sharing, import, audit, own data) always act on the signed-in user's own record."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, reverse

from mbcnav.web.record import urls as record_urls
from mbcnav.web.record.models import Share, Treatment

READ_VIEWS = [
    ("record:person", []),
    ("record:timeline", []),
    ("record:summary", []),
    ("record:summary_pdf", []),
    ("record:export", ["yaml"]),
    ("record:export", ["json"]),
] + [
    ("record:section_list", [s])
    for s in (
        "treatments",
        "scans",
        "sites",
        "biomarkers",
        "labs",
        "health-problems",
        "care-team",
        "appointments",
        "notes",
    )
]
EDIT_VIEWS = [
    ("record:section_add", ["treatments"]),
    ("record:section_add", ["labs"]),
    ("record:section_add", ["health-problems"]),
    ("record:profile_edit", ["diagnosis"]),
    ("record:profile_edit", ["receptors"]),
    ("record:profile_edit", ["ecog"]),
]
PRIVATE_WORDS = (b"ribociclib", b"Demo Patient", b"alpelisib")


def _url(name, owner, extra):
    return reverse(name, args=[owner.pk, *extra])


def _row_urls(owner):
    t = Treatment.objects.filter(owner=owner).first()
    return [
        reverse("record:section_edit", args=[owner.pk, "treatments", t.pk]),
        reverse("record:section_delete", args=[owner.pk, "treatments", t.pk]),
    ]


@pytest.mark.parametrize("name,extra", READ_VIEWS + EDIT_VIEWS)
def test_owner_sees_every_page(patient, as_user, name, extra):
    response = as_user(patient).get(_url(name, patient, extra))
    assert response.status_code == 200


@pytest.mark.parametrize("persona", ["caregiver_read", "caregiver_edit", "navigator"])
@pytest.mark.parametrize("name,extra", READ_VIEWS)
def test_people_shared_with_can_read(request, patient, as_user, persona, name, extra):
    user = request.getfixturevalue(persona)
    response = as_user(user).get(_url(name, patient, extra))
    assert response.status_code == 200


@pytest.mark.parametrize("name,extra", EDIT_VIEWS)
def test_read_only_caregiver_cannot_edit(patient, caregiver_read, as_user, name, extra):
    client = as_user(caregiver_read)
    assert client.get(_url(name, patient, extra)).status_code == 403
    assert (
        client.post(
            _url(name, patient, extra),
            {"type": "systemic", "drug_1": "letrozole", "start": "2026-01-01"},
        ).status_code
        == 403
    )
    assert Treatment.objects.filter(owner=patient).count() == 10


def test_read_only_caregiver_cannot_edit_or_delete_rows(patient, caregiver_read, as_user):
    client = as_user(caregiver_read)
    for url in _row_urls(patient):
        assert client.get(url).status_code == 403
        assert client.post(url).status_code == 403
    assert Treatment.objects.filter(owner=patient).count() == 10


@pytest.mark.parametrize("name,extra", EDIT_VIEWS)
def test_edit_caregiver_can_edit(patient, caregiver_edit, as_user, name, extra):
    assert as_user(caregiver_edit).get(_url(name, patient, extra)).status_code == 200


def test_edit_caregiver_page_has_no_edit_links_for_reader(
    patient, caregiver_read, caregiver_edit, as_user
):
    url = reverse("record:section_list", args=[patient.pk, "treatments"])
    assert b"/edit/" not in as_user(caregiver_read).get(url).content
    assert b"/edit/" in as_user(caregiver_edit).get(url).content


@pytest.mark.parametrize("name,extra", READ_VIEWS + EDIT_VIEWS)
def test_stranger_gets_404_and_no_data(patient, stranger, as_user, name, extra):
    response = as_user(stranger).get(_url(name, patient, extra))
    assert response.status_code == 404
    assert not any(word in response.content for word in PRIVATE_WORDS)


def test_anonymous_is_sent_to_sign_in(patient, client):
    response = client.get(reverse("record:person", args=[patient.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_revoked_share_gives_404(patient, caregiver_read, as_user):
    Share.objects.filter(grantee=caregiver_read).update(revoked_at="2026-01-01T00:00Z")
    assert (
        as_user(caregiver_read).get(reverse("record:person", args=[patient.pk])).status_code == 404
    )


def _kwargs_for(pattern: URLPattern, patient) -> dict:
    share = Share.objects.filter(owner=patient).first()
    values = {
        "owner_id": patient.pk,
        "section": "treatments",
        "part": "diagnosis",
        "step": "diagnosis",
        "fmt": "yaml",
        "token": share.token,
        "pk": Treatment.objects.filter(owner=patient).first().pk,
    }
    if pattern.name == "revoke":
        values["pk"] = share.pk
    return {k: values[k] for k in pattern.pattern.converters}


def test_every_record_url_keeps_strangers_out(patient, caregiver_read, stranger, as_user):
    """Enumerate the app's URL patterns: for each, the stranger never sees the patient's data,
    and every URL naming the patient (or one of their rows) answers 404 or 403."""
    client = as_user(stranger)
    checked = 0
    for pattern in record_urls.urlpatterns:
        kwargs = _kwargs_for(pattern, patient)
        url = reverse(f"record:{pattern.name}", kwargs=kwargs)
        for method in (client.get, client.post):
            response = method(url)
            assert not any(word in response.content for word in PRIVATE_WORDS), url
            if "owner_id" in kwargs or pattern.name == "revoke":
                assert response.status_code == 404, (url, response.status_code)
            if pattern.name == "roster":
                assert response.status_code == 404  # not a navigator
        checked += 1
    assert checked == len(record_urls.urlpatterns) >= 20
    assert Share.objects.get(grantee=caregiver_read).revoked_at is None
    assert Treatment.objects.filter(owner=patient).count() == 10


@pytest.mark.parametrize("name,extra", READ_VIEWS + EDIT_VIEWS)
def test_a_new_empty_record_renders_everywhere(stranger, as_user, name, extra):
    response = as_user(stranger).get(_url(name, stranger, extra))
    assert response.status_code == 200
    assert b"Demo Patient" not in response.content  # (drug names do appear: the autocomplete list)


def test_views_are_logged_for_the_owner(patient, caregiver_read, as_user):
    from mbcnav.web.core.models import AuditEvent

    as_user(caregiver_read).get(reverse("record:summary", args=[patient.pk]))
    event = AuditEvent.objects.filter(subject=patient, action="view").first()
    assert (event.actor_label, event.target) == (caregiver_read.email, "summary")
