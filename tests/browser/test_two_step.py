"""Two-step sign-in in a real browser, with the site's CSP on: set it up from Account settings
(QR code, typed key, a code from the key), then sign out and sign in with the password and a code."""

import base64
import re
import time

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from mbcnav.web.record import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EMAIL, PASSWORD = "twostep@example.org", "a-long-two-step-password"


def app_code(key_text: str, email: str) -> str:
    """What an authenticator app shows for the typed key, for the next step the site accepts."""
    key = base64.b32decode(key_text.replace(" ", "") + "=" * (-len(key_text.replace(" ", "")) % 8))
    last_t = TOTPDevice.objects.get(user__email=email).last_t
    ahead = max(0, last_t + 1 - int(time.time()) // 30)
    return f"{totp(key, drift=ahead):06d}"


def test_set_up_two_step_then_sign_in_with_a_code(page, live_server, transactional_db):
    services.load_demo(email=EMAIL, password=PASSWORD)
    csp_errors = []
    page.on("console", lambda m: "Content Security Policy" in m.text and csp_errors.append(m.text))
    base = live_server.url

    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name=re.compile("account settings")).click()
    expect(page.get_by_role("heading", name="Two-step sign-in")).to_be_visible()
    page.get_by_role("link", name="Turn on two-step sign-in").click()

    expect(page.locator(".qr svg")).to_be_visible()
    key_text = page.locator("#secret code").inner_text()
    page.get_by_label("Code").fill(app_code(key_text, EMAIL))
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("heading", name="Recovery codes")).to_be_visible()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="Done").click()
    expect(page.get_by_text("On", exact=True)).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    page.goto(base + "/accounts/login/?next=/record/")
    page.get_by_label("Email").fill(EMAIL)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Type your code")).to_be_visible()
    page.goto(base + "/record/")  # the record stays shut until the code
    expect(page.get_by_role("heading", name="Type your code")).to_be_visible()
    page.get_by_label("Code").fill("000000" if app_code(key_text, EMAIL) != "000000" else "111111")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("That code is not right")
    time.sleep(1.1)  # django-otp waits 1 s after one wrong code
    page.get_by_label("Code").fill(app_code(key_text, EMAIL))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/record/$"))
    expect(page.get_by_role("link", name="Timeline")).to_be_visible()
    assert not csp_errors, csp_errors
