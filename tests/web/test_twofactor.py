"""Two-step sign-in: set up with a code computed from the device's secret, the code step after
the password, recovery codes, turning off, strangers, and the staff requirement setting."""

from __future__ import annotations

import json
import re
import time

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from mbcnav.web import config
from mbcnav.web.core.models import AuditEvent
from mbcnav.web.record.models import Note

from .conftest import PASSWORD

MARKER = "Okapi-Lantern-4410"  # only the patient's record holds it
SETUP = reverse("two_step_setup")
CODE_STEP = reverse("two_step_verify")


def next_code(device: TOTPDevice) -> str:
    """The app's code for the first time step the device still accepts (no replay)."""
    device.refresh_from_db()
    now_t = int(time.time()) // device.step
    ahead = max(0, device.last_t + 1 - now_t)
    return f"{totp(device.bin_key, step=device.step, drift=ahead):06d}"


def wrong_code(device: TOTPDevice) -> str:
    right = {f"{totp(device.bin_key, drift=d):06d}" for d in range(-3, 4)}
    return next(c for c in ("000000", "111111", "222222") if c not in right)


def enrol(client) -> tuple[TOTPDevice, list[str]]:
    """Turn two-step sign-in on through the pages; returns the device and the recovery codes."""
    assert client.get(SETUP).status_code == 200
    device = TOTPDevice.objects.get(user_id=client.session["_auth_user_id"])
    resp = client.post(SETUP, {"code": next_code(device)})
    assert resp.status_code == 302 and resp["Location"] == reverse("recovery_codes")
    page = client.get(reverse("recovery_codes")).content.decode()
    return device, re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", page)


def sign_in(client, user):
    return client.post(reverse("login"), {"username": user.email, "password": PASSWORD})


@pytest.fixture
def enrolled(patient, client):
    """The patient with two-step sign-in on, then signed out."""
    Note.objects.create(owner=patient, date="2025-01-01", title=MARKER, text=MARKER)
    client.force_login(patient)
    device, codes = enrol(client)
    client.post(reverse("logout"))
    return patient, device, codes


def test_setup_shows_qr_and_key_and_a_right_code_turns_it_on(patient, as_user):
    c = as_user(patient)
    page = c.get(SETUP).content.decode()
    device = TOTPDevice.objects.get(user=patient)
    assert not device.confirmed
    assert "<svg" in page  # QR drawn in the page, no image from anywhere else
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)  # no inline script: CSP stays strict
    key = re.search(r'id="secret"><code>([A-Z2-7 ]+)</code>', page).group(1)
    assert len(key.replace(" ", "")) == 32  # 20-byte secret in base32
    resp = c.post(SETUP, {"code": next_code(device)})
    assert resp.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    codes_page = c.get(reverse("recovery_codes")).content.decode()
    codes = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", codes_page)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert StaticToken.objects.filter(device__user=patient).count() == 10
    # shown once: a second visit only says how many are left
    again = c.get(reverse("recovery_codes")).content.decode()
    assert not any(code in again for code in codes) and "10 unused recovery codes" in again
    assert AuditEvent.objects.filter(subject=patient, target="two-step sign-in turned on").exists()
    # this session passed the code step while setting up: the record opens
    assert c.get(reverse("record:overview")).status_code == 200


def test_setup_refuses_a_wrong_code(patient, as_user):
    c = as_user(patient)
    c.get(SETUP)
    device = TOTPDevice.objects.get(user=patient)
    resp = c.post(SETUP, {"code": wrong_code(device)})
    assert resp.status_code == 400
    assert "That code is not right" in resp.content.decode()
    device.refresh_from_db()
    assert not device.confirmed and not StaticDevice.objects.filter(user=patient).exists()
    assert c.get(reverse("record:overview")).status_code == 200  # two-step still off


def test_sign_in_needs_the_code_after_the_password(enrolled, client):
    patient, device, _ = enrolled
    resp = sign_in(client, patient)
    assert resp.status_code == 302
    blocked = client.get(reverse("record:overview"))
    assert blocked.status_code == 302
    assert blocked["Location"].startswith(CODE_STEP)
    step = client.get(blocked["Location"])
    assert step.status_code == 200 and "Type your code" in step.content.decode()
    resp = client.post(CODE_STEP, {"code": next_code(device), "next": reverse("record:overview")})
    assert resp.status_code == 302 and resp["Location"] == reverse("record:overview")
    assert (
        MARKER
        in client.get(reverse("record:section_list", args=[patient.pk, "notes"])).content.decode()
    )
    assert AuditEvent.objects.filter(subject=patient, target="two-step code accepted").exists()


def test_record_pages_give_nothing_between_the_password_and_the_code(enrolled, client):
    patient, _, _ = enrolled
    sign_in(client, patient)
    urls = [
        reverse("record:overview"),
        reverse("record:person", args=[patient.pk]),
        reverse("record:timeline", args=[patient.pk]),
        reverse("record:summary", args=[patient.pk]),
        reverse("record:section_list", args=[patient.pk, "notes"]),
        reverse("record:export", args=[patient.pk, "json"]),
        reverse("record:everything"),
        reverse("record:audit"),
        reverse("checkins:new"),
        reverse("visits:guide"),
        reverse("account_settings"),
        reverse("recovery_codes"),
        "/admin/",
    ]
    for url in urls:
        resp = client.get(url)
        assert resp.status_code == 302, url
        assert resp["Location"].startswith(CODE_STEP), url
        assert MARKER.encode() not in resp.content
    notes = Note.objects.filter(owner=patient).count()
    add = reverse("record:section_add", args=[patient.pk, "notes"])
    resp = client.post(add, {"date": "2025-02-02", "title": "sneaky", "text": "x"})
    assert resp.status_code == 302 and Note.objects.filter(owner=patient).count() == notes
    off = client.post(reverse("two_step_off"), {"password": PASSWORD})
    assert (
        off["Location"].startswith(CODE_STEP) and TOTPDevice.objects.filter(user=patient).exists()
    )


def test_a_wrong_code_is_refused_in_one_sentence_and_throttled(enrolled, client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a minute per failure: no timing luck in the test
    patient, device, _ = enrolled
    sign_in(client, patient)
    resp = client.post(CODE_STEP, {"code": wrong_code(device)})
    assert resp.status_code == 400
    assert "That code is not right; type the 6 digits your app shows now" in resp.content.decode()
    assert client.get(reverse("record:overview")).status_code == 302
    # right code too soon after a wrong one: django-otp's throttle says wait
    resp = client.post(CODE_STEP, {"code": next_code(device)})
    assert (
        resp.status_code == 400 and "Too many wrong codes in a row; wait" in resp.content.decode()
    )
    assert client.get(reverse("record:overview")).status_code == 302
    assert AuditEvent.objects.filter(subject=patient, target="two-step code refused").count() == 1
    assert AuditEvent.objects.filter(
        subject=patient, target__startswith="two-step code refused (too many"
    ).exists()


def test_a_recovery_code_works_once(enrolled, client):
    patient, _, codes = enrolled
    sign_in(client, patient)
    typed = codes[0].upper().replace("-", " ").replace("O", "0")  # as people type it
    resp = client.post(CODE_STEP, {"code": typed})
    assert resp.status_code == 302
    assert client.get(reverse("record:overview")).status_code == 200
    assert StaticToken.objects.filter(device__user=patient).count() == 9
    client.post(reverse("logout"))
    sign_in(client, patient)
    resp = client.post(CODE_STEP, {"code": codes[0]})
    assert resp.status_code == 400
    assert client.get(reverse("record:overview")).status_code == 302
    assert AuditEvent.objects.filter(subject=patient, target="recovery code refused").exists()


def test_new_recovery_codes_replace_the_old_ones(enrolled, client):
    patient, device, old = enrolled
    sign_in(client, patient)
    client.post(CODE_STEP, {"code": next_code(device)})
    resp = client.post(reverse("two_step_regenerate"))
    assert resp.status_code == 302
    page = client.get(reverse("recovery_codes")).content.decode()
    new = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", page)
    assert len(new) == 10 and not set(new) & set(old)
    assert AuditEvent.objects.filter(subject=patient, target="recovery codes regenerated").exists()
    client.post(reverse("logout"))
    sign_in(client, patient)
    assert client.post(CODE_STEP, {"code": new[1]}).status_code == 302
    client.post(reverse("logout"))
    sign_in(client, patient)
    assert client.post(CODE_STEP, {"code": old[1]}).status_code == 400


def test_turning_off_needs_the_password(enrolled, client):
    patient, device, _ = enrolled
    sign_in(client, patient)
    client.post(CODE_STEP, {"code": next_code(device)})
    resp = client.post(reverse("two_step_off"), {"password": "not-my-password-1"})
    assert resp.status_code == 400 and "That is not your password" in resp.content.decode()
    assert TOTPDevice.objects.filter(user=patient, confirmed=True).exists()
    resp = client.post(reverse("two_step_off"), {"password": PASSWORD})
    assert resp.status_code == 302
    assert not TOTPDevice.objects.filter(user=patient).exists()
    assert not StaticDevice.objects.filter(user=patient).exists()
    assert AuditEvent.objects.filter(subject=patient, target="two-step sign-in turned off").exists()
    client.post(reverse("logout"))
    sign_in(client, patient)
    assert client.get(reverse("record:overview")).status_code == 200  # password alone again


def test_another_person_never_sees_someones_secret_or_codes(enrolled, as_user, stranger):
    patient, device, codes = enrolled
    secret = device.key
    c = as_user(stranger)
    pages = [
        c.get(reverse("account_settings")),
        c.get(SETUP),
        c.get(reverse("recovery_codes"), follow=True),
        c.get(CODE_STEP, follow=True),
    ]
    from mbcnav.web.accounts.two_step import secret_text

    for resp in pages:
        body = resp.content.decode()
        assert secret_text(device) not in body and secret not in body
        assert not any(code in body for code in codes)
        assert resp.status_code == 200
    assert "Turn on two-step sign-in" in pages[0].content.decode()  # the stranger's own state
    # the stranger's own set-up made their own device, and left the patient's alone
    assert TOTPDevice.objects.filter(user=stranger, confirmed=False).count() == 1
    c.post(reverse("two_step_off"), {"password": PASSWORD})
    c.post(reverse("two_step_regenerate"))
    assert TOTPDevice.objects.filter(user=patient, confirmed=True).count() == 1
    assert StaticToken.objects.filter(device__user=patient).count() == 10


def test_export_holds_the_state_but_no_secret_and_delete_removes_devices(enrolled, client):
    patient, device, codes = enrolled
    sign_in(client, patient)
    client.post(CODE_STEP, {"code": next_code(device)})
    body = client.get(reverse("record:everything")).content.decode()
    data = json.loads(body)
    assert data["two_step_sign_in"]["on"] is True
    assert data["two_step_sign_in"]["recovery_codes_left"] == 10
    assert device.key not in body and not any(c.replace("-", "") in body for c in codes)
    resp = client.post(reverse("record:delete_account"), {"email": patient.email})
    assert resp.status_code == 302
    assert not TOTPDevice.objects.filter(user_id=patient.pk).exists()
    assert not StaticDevice.objects.filter(user_id=patient.pk).exists()
    assert not StaticToken.objects.exists()


def test_the_staff_requirement_setting_is_read_from_the_environment():
    assert config.get("MBCNAV_REQUIRE_2FA_FOR_STAFF", {}) is False
    assert config.get("MBCNAV_REQUIRE_2FA_FOR_STAFF", {"MBCNAV_REQUIRE_2FA_FOR_STAFF": "1"}) is True


def test_when_required_staff_must_set_it_up_and_others_need_not(
    settings, editor, patient, new_user, client
):
    settings.MBCNAV_REQUIRE_2FA_FOR_STAFF = True
    nurse = new_user("nurse2@example.org", "navigators")
    admin = new_user("admin@example.org")
    admin.is_staff = True
    admin.save()
    for user in (editor, nurse, admin):
        client.force_login(user)
        resp = client.get(reverse("record:overview"))
        assert resp.status_code == 302 and resp["Location"].startswith(SETUP), user.email
        assert client.get(SETUP).status_code == 200
    # the editor sets it up, then the site opens
    client.force_login(editor)
    enrol(client)
    assert client.get(reverse("record:overview")).status_code == 200
    # a patient is not asked
    client.force_login(patient)
    assert client.get(reverse("record:overview")).status_code == 200
    # with the setting off (the default), staff are not asked either
    settings.MBCNAV_REQUIRE_2FA_FOR_STAFF = False
    client.force_login(nurse)
    assert client.get(reverse("record:overview")).status_code == 200
