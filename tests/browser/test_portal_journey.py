"""The patient-portal journey in a real browser against the SMART test server process:
connect (sign in and approve at the portal), review, accept two items, see them in the
record, refresh, disconnect."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from mbcnav.web.interop.models import PortalConnection
from mbcnav.web.record import services as record

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-safe-passphrase"


def test_connect_review_accept_and_disconnect(page, live_server, settings, smart_server):
    settings.MBCNAV_SMART_PORTALS = [smart_server.portal]
    person = User.objects.create_user("cc@example.org", "cc@example.org", PASSWORD)
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill("cc@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.goto(base + "/fhir/")
    expect(page.get_by_role("heading", name="Connect my patient portal")).to_be_visible()
    page.get_by_role("button", name="Connect Test Health").click()
    expect(page.get_by_text("not a family member's")).to_be_visible()
    page.get_by_role("link", name="Continue to Test Health").click()

    # at the health system: its own sign-in form, then back to the app
    expect(page.get_by_role("heading", name="Test Health patient portal")).to_be_visible()
    page.get_by_label("User name").fill("ancora")
    page.get_by_label("Password").fill("test")
    page.get_by_role("button", name="Approve").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Review what is new")
    expect(page.get_by_text("Read from portal: Test Health")).to_be_visible()
    assert record.export_patient(person) == {"format": "mbcnav-patient/1"}
    page.locator('input[name="item"][value="receptors.er"]').check()
    page.locator('input[name="item"][value="receptors.her2"]').check()
    page.get_by_role("button", name="Add the ticked items").click()
    expect(page.get_by_role("status").first).to_contain_text("2 items were added")
    assert record.export_patient(person)["receptors"] == {"er": "negative", "her2": "negative"}

    # refresh from the portal: the two accepted items are no longer offered
    page.goto(base + "/fhir/")
    page.get_by_role("button", name="Refresh from portal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review what is new")
    expect(page.locator('input[name="item"][value="receptors.er"]')).to_have_count(0)
    expect(page.locator('input[name="item"][value="receptors.pr"]')).to_have_count(1)
    page.get_by_role("button", name="Set it all aside").click()

    page.get_by_role("button", name="Disconnect").click()
    expect(page.get_by_role("button", name="Connect Test Health")).to_be_visible()
    assert not PortalConnection.objects.filter(owner=person).exists()
