"""Browser journey: check in with a red flag (fever on chemotherapy) and see the emergency line with
the person's own numbers first; then prepare the next visit: add a question, move it up, tick it,
write the answer and open the print view."""

import pytest
from playwright.sync_api import expect

from mbcnav.web.record import services
from mbcnav.web.record.models import Treatment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EMAIL, PASSWORD = "journey@example.org", "a-long-journey-password"


def test_red_flag_checkin_then_visit_preparation(page, live_server):
    user = services.load_demo(email=EMAIL, password=PASSWORD)
    Treatment.objects.create(
        owner=user, drugs=["paclitaxel"], setting="metastatic", start="2026-10-01"
    )
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("link", name="Check-in").first.click()
    page.get_by_label("Temperature, if you took it").fill("101.5")
    page.locator("details.symptom", has_text="Fever").locator("summary").click()
    page.locator("#id_fever_present").check()  # fever asks only "I have this" and the temperature
    page.get_by_role("button", name="Save and check").click()
    headline = page.locator("#what-now")
    expect(headline).to_contain_text("Call 911")
    expect(page.locator("main")).to_contain_text("312-555-0199")  # the demo team's after-hours line

    page.get_by_role("link", name="Visit guide").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("next visit")
    page.get_by_label("Your question").fill("Should my fever plan change while I am on paclitaxel?")
    page.get_by_role("button", name="Add my question").click()
    mine = page.locator("li.question", has_text="fever plan")
    expect(mine).to_be_visible()
    mine.get_by_role("button", name="Move up").click()
    mine = page.locator("li.question", has_text="fever plan")
    mine.get_by_role("button", name="Mark as asked").click()
    mine = page.locator("li.question", has_text="fever plan")
    mine.locator("summary", has_text="Write down the answer").click()
    mine.locator("textarea").fill("Call the 24-hour line for any temperature of 100.4 F or more.")
    mine.get_by_role("button", name="Save answer").click()
    expect(page.locator("li.question", has_text="fever plan")).to_contain_text("100.4 F")
    page.get_by_role("link", name="Print view").click()
    expect(page.locator("main")).to_contain_text("fever plan")
