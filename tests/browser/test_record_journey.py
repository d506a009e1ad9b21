"""The record journey in a real browser: sign up, enter a diagnosis, two treatment lines and
a scan, see the timeline, download the PDF; invite a caregiver, check their view, revoke."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import confirm_signup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-safe-passphrase"


def _signup(page, base, name, email):
    page.goto(base + "/accounts/signup/")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    confirm_signup(page, email)
    expect(page.locator(".who")).to_have_text(name)


def _signin(page, base, email):
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _signout(page):
    page.get_by_role("button", name="Sign out").click()


def _add_treatment(page, drugs, start, end=None, reason=None):
    page.get_by_role("link", name="Add a treatment").click()
    for i, drug in enumerate(drugs, start=1):
        page.locator(f"#id_drug_{i}").fill(drug)
    page.locator("#id_setting").select_option("metastatic")
    page.locator("#id_start").fill(start)
    if end:
        page.locator("#id_end").fill(end)
        page.locator("#id_stop_reason").select_option(reason)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".message")).to_have_text("Saved.")
    page.get_by_role("link", name="Overview").click()


def test_record_journey(page, live_server, tmp_path):
    base = live_server.url
    _signup(page, base, "Rose", "rose@example.org")
    page.get_by_role("link", name="My record").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My record")

    page.get_by_role("link", name="Edit diagnosis").click()
    page.locator("#id_name").fill("Rose Example")
    page.locator("#id_dx_date").fill("2024-03-10")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Edit receptors").click()
    page.locator("#id_er").select_option("positive")
    page.locator("#id_pr").select_option("negative")
    page.locator("#id_her2").select_option("IHC 1+")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#subtype-card h2")).to_have_text("HR+/HER2-")

    _add_treatment(page, ["letrozole", "Ibrance"], "2024-03-20", "2025-01-15", "progression")
    # a wrong date is refused with one sentence, and nothing is saved
    page.get_by_role("link", name="Add a treatment").click()
    page.locator("#id_drug_1").fill("fulvestrant")
    page.locator("#id_start").fill("2025-02-01")
    page.locator("#id_end").fill("2025-01-01")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".field-error")).to_contain_text("before the start 1 Feb 2025")
    page.locator("#id_end").fill("")
    page.locator("#id_setting").select_option("metastatic")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Overview").click()
    rows = page.locator("#lines tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("letrozole + palbociclib")
    expect(rows.nth(1)).to_contain_text("fulvestrant")

    page.get_by_role("link", name="Add a scan").click()
    page.locator("#id_date").fill("2025-01-10")
    page.locator("#id_status").select_option("progression")
    page.locator("#id_method").select_option("CT")
    page.get_by_role("button", name="Save").click()

    page.get_by_role("link", name="Timeline").click()
    expect(page.locator("#timeline svg")).to_be_visible()
    expect(page.locator("#timeline svg circle[fill='#a4161a']")).to_have_count(1)
    expect(page.locator("#timeline-table")).to_contain_text("Line 2: fulvestrant")

    page.get_by_role("link", name="One-page summary").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download PDF").click()
    pdf = tmp_path / "summary.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    # invite a read-only caregiver
    page.get_by_role("link", name="Sharing").click()
    page.get_by_label("Their email").fill("cara@example.org")
    page.get_by_role("button", name="Send invitation").click()
    link = re.search(
        r"http://\S+/record/invite/[\w-]+/", page.locator("#shares").inner_text()
    ).group(0)
    _signout(page)

    _signup(page, base, "Cara", "cara@example.org")
    page.goto(link)
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record of Rose Example")
    expect(page.locator("#lines tbody tr")).to_have_count(2)
    expect(page.get_by_role("link", name="Add a treatment")).to_have_count(0)
    record_url = page.url
    _signout(page)

    # the owner revokes; the caregiver's next visit finds nothing
    _signin(page, base, "rose@example.org")
    page.goto(base + "/record/sharing/")
    page.get_by_role("button", name="Stop sharing").click()
    expect(page.locator("#shares")).to_contain_text("stopped")
    page.get_by_role("link", name="Who looked").click()
    expect(page.locator("#audit")).to_contain_text("cara@example.org")
    _signout(page)
    _signin(page, base, "cara@example.org")
    response = page.goto(record_url)
    assert response.status == 404
    assert "Rose Example" not in page.content()
