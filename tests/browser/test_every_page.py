"""Every page of the app, as the demo person, a caregiver and a navigator, on a phone (390 x 844)
and a desktop (1280 x 900): nothing wider than the screen (``scrollWidth <= innerWidth``), axe
with no serious or critical violation, and a full-page screenshot of each saved as a test
artefact (``MBCNAV_ARTEFACTS``, default ``artefacts/pages``; pytest-playwright empties test-results/) for a person to look at.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.test import Client

from tests.pages import demo_people, pages_for

from .test_accessibility import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTEFACTS = Path(os.environ.get("MBCNAV_ARTEFACTS", "artefacts/pages"))
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}  # axe is injected as a script


@pytest.fixture
def people(transactional_db):
    return demo_people("pages")


def sign_in_as(context, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("who", ["owner", "caregiver", "navigator"])
def test_every_page_fits_and_passes_axe(page, live_server, people, who, size):
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    sign_in_as(page.context, live_server, people[who])
    out = ARTEFACTS / f"{who}-{size}"
    out.mkdir(parents=True, exist_ok=True)
    problems: dict[str, list[str]] = {}
    for path in pages_for(who, people):
        response = page.goto(live_server.url + path)
        assert response.status == 200, f"{who} got {response.status} on {path}"
        name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
        page.screenshot(path=str(out / f"{name}.png"), full_page=True)
        found = []
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            wide = page.evaluate(
                """() => [...document.querySelectorAll('main *')]
                   .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                   .slice(0, 3).map(e => e.tagName + '.' + e.className)"""
            )
            found.append(f"{overflow}px too wide: {wide}")
        found += serious_violations(page)
        if found:
            problems[path] = found
    report = "\n".join(f"{path}: {'; '.join(found)}" for path, found in problems.items())
    (out / "problems.txt").write_text(report + "\n")
    assert not problems, report
