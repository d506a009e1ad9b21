"""Invite, accept, revoke; the navigator roster; the audit log the owner reads."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

from mbcnav.web.core.models import AuditEvent
from mbcnav.web.record import services
from mbcnav.web.record.models import Share


def _invite(client, email, scope="read", role="caregiver"):
    return client.post(reverse("record:sharing"), {"email": email, "scope": scope, "role": role})


def test_invite_accept_read_then_revoke(patient, as_user, new_user):
    friend = new_user("friend@example.org")
    client = as_user(patient)
    assert _invite(client, "Friend@Example.org").status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["friend@example.org"]
    link = re.search(r"http://\S+/record/invite/\S+/", mail.outbox[0].body).group(0)
    # before accepting, the friend sees nothing
    client = as_user(friend)
    assert client.get(reverse("record:person", args=[patient.pk])).status_code == 404
    assert client.post(link).status_code == 302
    assert client.get(reverse("record:person", args=[patient.pk])).status_code == 200
    assert services.visible_owners(friend) == [friend, patient]
    assert not services.can_edit(friend, patient)
    # the owner revokes; access ends at once
    s = Share.objects.get(email="friend@example.org")
    as_user(patient).post(reverse("record:revoke", args=[s.pk]))
    assert as_user(friend).get(reverse("record:person", args=[patient.pk])).status_code == 404
    actions = list(AuditEvent.objects.filter(subject=patient).values_list("action", flat=True))
    assert "share" in actions and "revoke" in actions


def test_edit_invite_lets_the_caregiver_edit(patient, as_user, new_user):
    helper = new_user("helper2@example.org")
    _invite(as_user(patient), helper.email, scope="edit")
    token = Share.objects.get(email=helper.email).token
    client = as_user(helper)
    client.post(reverse("record:accept", args=[token]))
    response = client.post(
        reverse("record:section_add", args=[patient.pk, "scans"]),
        {"date": "2026-11-20", "status": "stable", "method": "CT"},
    )
    assert response.status_code == 302
    assert services.can_edit(helper, patient)
    event = AuditEvent.objects.filter(subject=patient, action="create").first()
    assert event.actor_label == helper.email


def test_invitation_for_someone_else_is_refused(patient, stranger, as_user):
    _invite(as_user(patient), "friend@example.org")
    token = Share.objects.get(email="friend@example.org").token
    response = as_user(stranger).post(reverse("record:accept", args=[token]))
    assert response.status_code == 403
    assert Share.objects.get(token=token).grantee is None
    assert (
        as_user(stranger).get(reverse("record:accept", args=["no-such-token"])).status_code == 404
    )


def test_navigator_roster_shows_status_and_red_flags(patient, navigator, as_user, new_user, grant):
    services.add_checkin(
        patient,
        [{"date": "2026-11-20", "symptom": "fever", "temperature_c": 38.6}],
        patient,
        triage_level="emergency",
    )
    other = new_user("other@example.org")
    grant(other, navigator, "read", "navigator")
    page = as_user(navigator).get(reverse("record:roster")).content.decode()
    assert "Demo Patient" in page and "other" in page
    assert "emergency" in page
    assert "No check-in in the last 30 days." in page  # the other person never checked in
    assert "HR+/HER2-" in page and "trastuzumab deruxtecan" in page


def test_roster_is_only_for_navigators(patient, caregiver_read, as_user):
    assert as_user(caregiver_read).get(reverse("record:roster")).status_code == 404


def test_caregiver_share_does_not_put_people_on_the_roster(patient, as_user, new_user, grant):
    nurse = new_user("nurse2@example.org", "navigators")
    grant(patient, nurse, "read", "caregiver")
    assert "Demo Patient" not in as_user(nurse).get(reverse("record:roster")).content.decode()


def test_owner_reads_who_viewed(patient, caregiver_read, as_user):
    as_user(caregiver_read).get(reverse("record:timeline", args=[patient.pk]))
    page = as_user(patient).get(reverse("record:audit")).content.decode()
    assert caregiver_read.email in page and "timeline" in page


def test_audit_page_is_private(patient, caregiver_read, as_user):
    as_user(patient).get(reverse("record:person", args=[patient.pk]))
    page = as_user(caregiver_read).get(reverse("record:audit")).content.decode()
    assert "record overview" not in page  # the caregiver sees only their own (empty) log


def test_a_used_or_withdrawn_invitation_link_shows_no_names(patient, as_user, new_user, client):
    """The link in an old email shows the owner's name and the invitee's address only while the
    invitation is still open; once accepted or withdrawn, one generic sentence."""
    from mbcnav.web.record.models import Profile

    Profile.objects.update_or_create(owner=patient, defaults={"name": "Rosa Example"})
    _invite(as_user(patient), "friend@example.org")
    _invite(as_user(patient), "other@example.org")
    used = Share.objects.get(email="friend@example.org")
    withdrawn = Share.objects.get(email="other@example.org")
    link = reverse("record:accept", args=[used.token])
    client.logout()
    page = client.get(link).content.decode()  # open: details shown
    assert "Rosa Example" in page and "friend@example.org" in page
    friend = new_user("friend@example.org")
    assert as_user(friend).post(link).status_code == 302
    client.logout()
    as_user(patient).post(reverse("record:revoke", args=[withdrawn.pk]))
    client.logout()
    for share in (used, withdrawn):
        response = client.get(reverse("record:accept", args=[share.token]))
        page = response.content.decode()
        assert response.status_code == 404
        assert "This invitation has already been used or withdrawn." in page
        assert "Rosa Example" not in page and share.email not in page
    # someone else signed in gets the same sentence; the friend is simply taken to the record
    stranger = new_user("stranger@example.org")
    response = as_user(stranger).get(link)
    assert response.status_code == 404 and "Rosa Example" not in response.content.decode()
    assert as_user(friend).get(link).status_code == 302
