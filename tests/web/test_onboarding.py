"""Sign-up leads to a guided set-up (each step skippable, each checked by the engine); an empty
record says "start here"; an invitation survives sign-up; the home page is personal."""

import re

from django.contrib.auth.models import User
from django.urls import reverse

from mbcnav.web.record.models import CareTeamMember, Metastasis, Profile, Share, Treatment

PASSWORD = "a-long-test-password-42"


def _signup(client, email, next_url=""):
    data = {"name": "Ann", "email": email, "password1": PASSWORD, "password2": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/accounts/signup/", data, REMOTE_ADDR="192.0.2.9", follow=True)


def _confirm_link(mailoutbox, email) -> str:
    body = [m.body for m in mailoutbox if email in m.to][-1]
    return re.search(r"https?://[^/\s]+(/accounts/confirm/\S+)", body).group(1)


def test_signup_lands_on_the_guided_set_up(client, db, mailoutbox):
    _signup(client, "new@example.org")
    resp = client.get(_confirm_link(mailoutbox, "new@example.org"), follow=True)
    assert resp.redirect_chain[-1][0] == reverse("record:start")
    html = resp.content.decode()
    assert "Set up your record" in html
    assert reverse("record:import") in html and reverse("interop:home") in html


def test_every_step_can_be_filled_or_skipped_and_the_engine_checks_it(client, db):
    user = User.objects.create_user("s@example.org", "s@example.org", PASSWORD)
    client.force_login(user)
    step = lambda slug: reverse("record:start_step", args=[slug])  # noqa: E731
    r = client.post(step("diagnosis"), {"dx_date": "2024-03-01", "first_diagnosis_date": ""})
    assert r.status_code == 302 and r["Location"] == step("receptors")
    page = client.get(step("receptors")).content.decode()
    assert "Skip this step" in page and step("sites") in page  # skipping is a link onward
    r = client.post(step("sites"), {"sites": ["bone", "liver"], "date": "2024-03-01"})
    assert r["Location"] == step("treatment")
    bad = client.post(step("treatment"), {"drug_1": "letrozole", "start": "2999-01-01"})
    assert bad.status_code == 200 and "field-error" in bad.content.decode()
    r = client.post(
        step("treatment"), {"drug_1": "letrozole", "drug_2": "palbociclib", "start": "2024-03-20"}
    )
    assert r["Location"] == step("care-team")
    r = client.post(step("care-team"), {"name": "Dr. Ortiz", "after_hours": "312-555-0142"})
    assert r["Location"] == step("zip")
    r = client.post(step("zip"), {"postal_code": "60611"})
    assert r["Location"] == reverse("record:start_done")
    assert Profile.objects.get(owner=user).postal_code == "60611"
    assert set(Metastasis.objects.filter(owner=user).values_list("site", flat=True)) == {
        "bone",
        "liver",
    }
    t = Treatment.objects.get(owner=user)
    assert t.drugs == ["letrozole", "palbociclib"] and t.setting == "metastatic"
    assert CareTeamMember.objects.get(owner=user).after_hours == "312-555-0142"
    done = client.get(reverse("record:start_done")).content.decode()
    assert reverse("checkins:new") in done


def test_an_empty_record_says_start_here_not_subtype_unknown(client, db):
    user = User.objects.create_user("e@example.org", "e@example.org", PASSWORD)
    client.force_login(user)
    html = client.get(reverse("record:overview")).content.decode()
    assert "Start here" in html and reverse("record:start") in html
    assert "Not entered yet" in html and "<h2>unknown" not in html.replace("\n", "")


def test_an_invitation_survives_sign_up(client, patient, mailoutbox):
    share = Share.objects.create(
        owner=patient, email="cara@example.org", token="tok-123", scope="read"
    )
    invite = reverse("record:accept", args=[share.token])
    landing = client.get(invite).content.decode()
    assert "invites you" in landing and "/accounts/signup/?next=" in landing
    _signup(client, "cara@example.org", next_url=invite)
    link = _confirm_link(mailoutbox, "cara@example.org")
    assert "next=" in link
    client.cookies.clear()  # even when the email is opened in another browser
    resp = client.get(link, follow=True)
    assert resp.redirect_chain[-1][0] == invite
    client.post(invite)
    share.refresh_from_db()
    assert share.grantee.email == "cara@example.org"


def test_signup_ignores_an_offsite_next(client, db, mailoutbox):
    _signup(client, "x@example.org", next_url="https://evil.example/")
    assert "evil" not in _confirm_link(mailoutbox, "x@example.org")


def test_home_page_is_personal_when_signed_in(client, patient, navigator):
    from mbcnav.web.visits.models import VisitQuestion

    VisitQuestion.objects.create(owner=patient, text="Is my liver working well?")
    client.force_login(patient)
    html = client.get("/").content.decode()
    for expected in (
        "Hello,",
        "Check-in",
        "Next appointment",
        "Questions for the next visit",
        "Is my liver working well?",
        "New trial matches",
    ):
        assert expected in html, expected
    client.force_login(navigator)
    html = client.get("/").content.decode()
    assert "Shared with you" in html and reverse("record:person", args=[patient.pk]) in html


def test_signed_out_home_page_is_unchanged(client, db):
    html = client.get("/").content.decode()
    assert "Hello," not in html and "Create your private account" in html
