"""The trial finder journey: sign in, open Trials, filter by fit, open a trial, read the criteria
table and put a question about the trial on the visit guide."""

import re

import pytest
from playwright.sync_api import expect

from mbcnav.web.record.services import load_demo
from mbcnav.web.trials.services import load_snapshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-safe-passphrase"


def test_find_a_trial_and_add_a_question(page, live_server):
    load_demo(email="trials@example.org", password=PASSWORD)
    load_snapshot()
    requests = []
    page.on("request", lambda r: requests.append(r.url))

    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill("trials@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".who")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Trials").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Clinical trials")
    page.get_by_label("Fit").select_option("likely")
    page.get_by_role("button", name="Show trials").click()
    expect(page).to_have_url(re.compile(r"fit=likely"))
    rows = page.locator("tr.trial-row")
    expect(rows.first).to_be_visible()
    assert rows.count() == page.locator("tr.trial-row.fit-likely").count()

    rows.first.get_by_role("link").click()
    expect(page.get_by_role("heading", name="How the trial seems to fit")).to_contain_text(
        "Likely fit"
    )
    table = page.locator("table.criteria")
    expect(table).to_be_visible()
    expect(table.locator(".badge.verdict-met").first).to_be_visible()

    question = page.locator(".trial-questions li").first.locator("strong").inner_text()
    page.get_by_role("button", name="Add to my visit questions").first.click()
    expect(page.locator(".messages")).to_contain_text("Added to your visit questions")
    expect(page.locator(".trial-questions li").first).to_contain_text("On your visit list")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Visit guide").click()
    expect(page.locator("main")).to_contain_text(question)
    assert all(u.startswith(live_server.url) for u in requests), (
        "a page loaded something from another host"
    )


def test_closed_trials_stay_apart_and_pages_fit_a_phone(page, live_server):
    load_demo(email="phone@example.org", password=PASSWORD)
    load_snapshot()
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill("phone@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".who")).to_be_visible()

    def overflow() -> int:
        return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")

    page.goto(live_server.url + "/trials/")
    closed = page.locator("details.closed-trials")
    expect(closed).to_be_visible()
    expect(closed.locator("li.closed-row").first).to_be_hidden()  # collapsed
    assert overflow() <= 1, "the trial list is wider than a phone screen"

    page.goto(live_server.url + "/trials/?q=NCT00286117")  # a completed trial, by NCT id
    expect(page.locator("details.closed-trials li.closed-row")).to_have_count(1)
    expect(page.locator("details.closed-trials li.closed-row")).to_be_visible()
    page.locator("details.closed-trials li.closed-row a").click()
    expect(page.locator(".trial-closed")).to_contain_text("Closed to new patients (Completed)")
    expect(page.locator(".trial-card")).to_contain_text("Phase 3: compares the new treatment")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('main *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
        .filter(e => !e.closest('.table-scroll'))
        .map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 60))"""
    )
    assert overflow() <= 1, f"the trial page is wider than a phone screen: {wide[:5]}"
