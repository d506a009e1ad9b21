"""The first browser journey: open the home page, sign up, sign out, sign in again."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import confirm_signup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_signup_signin(page, live_server):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("metastatic breast cancer")
    page.get_by_role("link", name="Create account").first.click()
    page.get_by_label("Your name").fill("Ada")
    page.get_by_label("Email").fill("ada@example.org")
    page.locator("#id_password1").fill("a-long-safe-passphrase")
    page.locator("#id_password2").fill("a-long-safe-passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    confirm_signup(page, "ada@example.org")
    expect(page.locator(".who")).to_have_text("Ada")
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("link", name="Sign in").first.click()
    page.get_by_label("Email").fill("ada@example.org")
    page.locator("#id_password").fill("a-long-safe-passphrase")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".who")).to_have_text("Ada")
    expect(page).to_have_url(re.compile(r"/$"))


def test_pages_load_nothing_from_other_hosts(page, live_server):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(live_server.url + "/")
    page.goto(live_server.url + "/accounts/signup/")
    assert requests and all(u.startswith(live_server.url) for u in requests), requests
