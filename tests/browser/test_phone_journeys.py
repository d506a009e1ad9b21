"""Journeys on a phone (390 x 844): sign-up -> guided set-up -> first check-in; caregiver
invite -> sign-up -> the shared record; a progression scan changes the sites, timeline,
summary and visit guide."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from mbcnav.web.record import services
from mbcnav.web.record.models import Share

from .conftest import confirm_signup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-safe-passphrase"


@pytest.fixture
def phone(page):
    page.set_viewport_size({"width": 390, "height": 844})
    return page


def _fits(page) -> None:
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the phone"


def _signup(page, base, name, email, start=None):
    page.goto(start or base + "/accounts/signup/")
    if start:
        page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Your name").fill(name)
    if not start:
        page.get_by_label("Email").fill(email)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    confirm_signup(page, email)


def test_sign_up_guided_set_up_then_first_check_in(phone, live_server):
    page, base = phone, live_server.url
    _signup(page, base, "Ada", "ada@example.org")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your record")
    _fits(page)
    page.get_by_role("link", name="Start with step 1").click()
    expect(page.locator(".eyebrow")).to_have_text("Step 1 of 6")
    page.locator("#id_dx_date").fill("2025-06-02")
    page.get_by_role("button", name="Save and continue").click()
    page.locator("#id_er").select_option("positive")
    page.locator("#id_pr").select_option("positive")
    page.locator("#id_her2").select_option("IHC 0")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("bone").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("link", name="Skip this step").click()  # treatment: not sure yet
    expect(page.get_by_role("heading", level=1)).to_contain_text("Care team")
    _fits(page)
    page.locator("#id_name").fill("Dr. Ortiz")
    page.locator("#id_after_hours").fill("call-me-maybe")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".field-error")).to_have_text(
        "After-hours phone: “call-me-maybe” is not a phone number; write its digits, like 312-555-0100."
    )
    page.locator("#id_after_hours").fill("312-555-0142")
    page.get_by_role("button", name="Save and continue").click()
    page.locator("#id_postal_code").fill("60611")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your record is set up")

    page.get_by_role("link", name="Do a first check-in").click()
    symptom = page.locator("details.symptom").first
    symptom.locator("summary").click()
    first = symptom.locator("select, input").first
    if first.evaluate("e => e.tagName") == "SELECT":
        first.select_option(index=2)
    else:
        first.check()
    page.get_by_role("button", name="Save and check").click()
    expect(page.locator("#what-now")).to_be_visible()
    _fits(page)
    page.goto(base + "/record/")
    expect(page.locator("#subtype-card h2")).to_have_text("HR+/HER2-")
    expect(page.locator("main")).to_contain_text("312-555-0142")


def test_caregiver_invite_survives_sign_up_and_lands_on_the_record(phone, live_server):
    page, base = phone, live_server.url
    owner = services.load_demo(email="rose@example.org", password=PASSWORD)
    share = Share.objects.create(
        owner=owner, email="cara@example.org", token="invite-t0k", scope="read"
    )
    invite = f"{base}/record/invite/{share.token}/"
    page.goto(invite)
    expect(page.locator("main")).to_contain_text("invites you to see their record")
    _fits(page)
    _signup(page, base, "Cara", "cara@example.org", start=invite)
    expect(page).to_have_url(invite)
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Record of")
    expect(page.locator("#lines tbody tr")).to_have_count(3)
    _fits(page)


def test_progression_scan_changes_sites_timeline_summary_and_guide(phone, live_server):
    page, base = phone, live_server.url
    owner = services.load_demo(email="scan@example.org", password=PASSWORD)
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill("scan@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(base + "/visits/")
    expect(page.locator("main")).not_to_contain_text("grew on")

    page.goto(f"{base}/record/{owner.pk}/scans/add/")
    _fits(page)
    page.locator("#id_date").fill("2026-11-20")
    page.locator("#id_status").select_option("progression")
    page.locator("#id_method").select_option("CT")
    page.locator("#id_site_liver").select_option("growing")
    page.locator("#id_site_bone").select_option("stable")
    page.get_by_label("lung").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".message")).to_have_text("Saved.")

    page.goto(f"{base}/record/{owner.pk}/")
    expect(page.locator("main")).to_contain_text("growing on the scan of 20 Nov 2026")
    expect(page.locator("main")).to_contain_text("lung")
    page.goto(f"{base}/record/{owner.pk}/timeline/")
    expect(page.locator("#timeline svg title", has_text="lung: found 20 Nov 2026")).to_have_count(1)
    expect(page.locator("#timeline-table")).to_contain_text("lung")
    page.goto(f"{base}/record/{owner.pk}/summary/")
    expect(page.locator(".summary")).to_contain_text("Latest scan: 20 Nov 2026, CT: progression")
    _fits(page)
    page.goto(base + "/visits/")
    expect(page.locator("main")).to_contain_text(re.compile("grew on"))


def test_unread_words_then_the_follow_up_questions_on_a_phone(phone, live_server):
    """Issue 20 (H45): words no list reads get the red-flag questions; a yes raises the level."""
    page, base = phone, live_server.url
    _signup(page, base, "Bea", "bea@example.org")
    page.goto(base + "/checkins/")
    page.locator("details.symptom summary", has_text="Something else").click()
    page.get_by_label("What is it, in your own words?").fill("my insides feel all wrong and funny")
    page.get_by_role("button", name="Save and check").click()
    questions = page.locator("section.follow-up")
    expect(questions).to_contain_text("We could not read all of your words")
    expect(questions).to_contain_text("my insides feel all wrong and funny")
    _fits(page)
    questions.get_by_label("Pain, pressure or tightness in your chest").check()
    questions.get_by_role("button", name="Add my answers").click()
    expect(page.locator("#what-now")).to_contain_text("Call 911")
    expect(page.locator("section.follow-up")).to_have_count(0)
    _fits(page)
