"""Accessibility: axe-core (vendored from the npm registry) on every main page with no serious or
critical violations; a keyboard-only journey; the mobile viewport without sideways scrolling."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from mbcnav.web.core import setup
from mbcnav.web.record import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
EMAIL, PASSWORD = "a11y@example.org", "a-long-a11y-password"
PUBLIC = [
    "/",
    "/library/",
    "/library/what-is-mbc/",
    "/library/search/?q=bone+mets",
    "/library/glossary/",
    "/library/faq/",
    "/trials/",
    "/care/",
    "/care/?zip=60611",
    "/about/",
    "/accounts/login/",
    "/accounts/signup/",
]
PRIVATE = [
    "/record/",
    "/checkins/",
    "/checkins/history/",
    "/visits/",
    "/reminders/",
    "/trials/",
    "/accounts/settings/",
    "/accounts/two-step/setup/",
    "/fhir/",
    "/fhir/review/",
]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe is injected as a script; our CSP (rightly) forbids that, so the audit context bypasses it
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def demo_user(transactional_db):
    setup.load_bundled_content()
    return services.load_demo(email=EMAIL, password=PASSWORD)


def sign_in(page, base):
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".who")).to_be_visible()


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_axe_finds_no_serious_violations_on_public_and_private_pages(page, live_server, demo_user):
    problems = {}
    for path in PUBLIC:
        page.goto(live_server.url + path)
        problems[path] = serious_violations(page)
    sign_in(page, live_server.url)
    for path in PRIVATE:
        page.goto(live_server.url + path)
        problems["(signed in) " + path] = serious_violations(page)
    bad = {k: v for k, v in problems.items() if v}
    assert not bad, bad


def test_axe_detects_a_real_violation(page, live_server, demo_user):
    page.goto(live_server.url + "/")
    page.evaluate(
        "() => { const i = document.createElement('input'); document.querySelector('main').appendChild(i);"
        " const b = document.createElement('button'); document.querySelector('main').appendChild(b); }"
    )
    assert serious_violations(page), "axe should flag an unlabeled input and an empty button"


def test_keyboard_only_sign_in_and_check_in(page, live_server, demo_user):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.goto(live_server.url + "/accounts/login/")
    expect(
        page.locator("#id_username")
    ).to_be_focused()  # the sign-in form puts the cursor in Email
    page.keyboard.type(EMAIL)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.locator(".who")).to_be_visible()
    page.goto(live_server.url + "/checkins/")
    summary = page.locator("details.symptom summary").first
    summary.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.name")
    first = page.evaluate(
        "() => document.querySelector('details.symptom[open] select, details.symptom[open] input').name"
    )
    assert focused == first  # Tab from the opened symptom lands on its first question
    kind = page.evaluate("() => document.activeElement.type")
    page.keyboard.press("Space" if kind == "checkbox" else "ArrowDown")
    page.locator("button[type=submit]", has_text="Save and check").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#what-now")).to_be_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/library/what-is-mbc/",
        "/record/",
        "/checkins/",
        "/visits/",
        "/reminders/",
        "/trials/",
        "/care/",
    ],
)
def test_mobile_viewport_has_no_sideways_scroll(page, live_server, demo_user, path):
    page.set_viewport_size({"width": 375, "height": 740})
    sign_in(page, live_server.url)
    page.goto(live_server.url + path)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{path} is {overflow}px wider than a phone screen"


def test_axe_on_the_follow_up_questions_after_unread_words(page, live_server, demo_user):
    """Issue 20 (H45): the result page with its follow-up form passes axe."""
    sign_in(page, live_server.url)
    page.goto(live_server.url + "/checkins/")
    page.locator("details.symptom summary", has_text="Something else").click()
    page.get_by_label("What is it, in your own words?").fill(
        "everything feels off and wobbly inside"
    )
    page.get_by_role("button", name="Save and check").click()
    expect(page.locator("section.follow-up")).to_be_visible()
    assert serious_violations(page) == []


def test_print_styles_hide_navigation(page, live_server, demo_user):
    sign_in(page, live_server.url)
    page.goto(live_server.url + "/visits/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("main h1")).to_be_visible()


def test_axe_on_the_portal_and_review_pages_with_items(page, live_server, demo_user, settings):
    from mbcnav.fhir import import_bundle
    from mbcnav.web.interop import review

    settings.MBCNAV_SMART_PORTALS = [
        {"name": "Test Health", "fhir_base": "https://ehr.example.org/fhir", "client_id": "x"}
    ]
    fixture = Path(__file__).parents[1] / "fixtures" / "mcode" / "TrialMatching_Patient01.json"
    incoming, report = import_bundle(fixture.read_text(encoding="utf-8"))
    review.stage(demo_user, incoming, report, "FHIR bundle", demo_user)
    sign_in(page, live_server.url)
    problems = {}
    for path in ("/fhir/", "/fhir/review/"):
        page.goto(live_server.url + path)
        problems[path] = serious_violations(page)
    expect(page.locator('input[name="item"]').first).to_be_visible()
    expect(page.get_by_role("heading", name="Does not fit your record (not taken)")).to_be_visible()
    assert not {k: v for k, v in problems.items() if v}, problems
