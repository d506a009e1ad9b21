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

from mbcnav.web.core import setup
from mbcnav.web.record import services
from mbcnav.web.record.models import Assessment, CareTeamMember, Lab, Metastasis, Treatment
from mbcnav.web.trials.services import load_snapshot

from .test_accessibility import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTEFACTS = Path(os.environ.get("MBCNAV_ARTEFACTS", "artefacts/pages"))
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}  # axe is injected as a script


def _first(model, owner):
    row = model.objects.filter(owner=owner).order_by("pk").first()
    return row.pk if row else 0


def record_pages(owner, prefix: str = "", can_edit: bool = True) -> list[str]:
    """The pages of one record (``prefix`` = ``/for/<id>`` on the other apps' pages); a
    read-only viewer gets no form that changes it."""
    o = owner.pk
    day = services.latest_checkins(owner, 1)[0].date.isoformat()
    pages = [
        f"/record/{o}/",
        f"/record/{o}/timeline/",
        f"/record/{o}/summary/",
        f"/checkins{prefix}/",
        f"/checkins{prefix}/result/{day}/",
        f"/checkins{prefix}/history/",
        f"/checkins{prefix}/week/",
        f"/visits{prefix}/",
        f"/visits{prefix}/print/",
        f"/trials{prefix}/",
        f"/fhir{prefix}/",
    ]
    for section, model in [
        ("treatments", Treatment),
        ("scans", Assessment),
        ("sites", Metastasis),
        ("biomarkers", None),
        ("labs", Lab),
        ("care-team", CareTeamMember),
        ("appointments", None),
        ("notes", None),
    ]:
        pages.append(f"/record/{o}/{section}/")
        if model is not None:
            pk = _first(model, owner)
            pages += [f"/record/{o}/{section}/{pk}/edit/", f"/record/{o}/{section}/{pk}/delete/"]
    pages += [f"/record/{o}/{section}/add/" for section in ("treatments", "scans", "labs")]
    pages += [f"/record/{o}/edit/{part}/" for part in ("diagnosis", "receptors", "ecog")]
    if not can_edit:
        changes = ("/edit/", "/delete/", "/add/")
        pages = [
            p for p in pages if not any(c in p for c in changes) and p != f"/checkins{prefix}/"
        ]
    return pages


PUBLIC = [
    "/",
    "/about/",
    "/library/",
    "/library/what-is-mbc/",
    "/library/search/?q=bone+mets",
    "/library/glossary/",
    "/library/faq/",
    "/care/",
    "/care/?zip=60611",
    "/care/organizations/",
    "/care/second-opinions/",
    "/care/contribute/",
]
MINE = ["/record/", "/record/sharing/", "/record/audit/", "/record/import/", "/record/my-data/"]
MINE += ["/accounts/settings/", "/accounts/two-step/setup/", "/accounts/password/change/"]
MINE += ["/record/start/", "/record/start/diagnosis/", "/record/start/sites/"]
MINE += ["/record/start/treatment/", "/record/start/care-team/", "/record/start/done/"]


@pytest.fixture
def people(transactional_db):
    setup.load_bundled_content()
    load_snapshot()
    owner = services.load_demo(email="demo-pages@example.org", password="a-long-demo-password")
    from tests.web.conftest import make_user, share

    caregiver = make_user("carer-pages@example.org")
    share(owner, caregiver, "edit")
    navigator = make_user("nurse-pages@example.org", "navigators")
    share(owner, navigator, "read", "navigator")
    return {"owner": owner, "caregiver": caregiver, "navigator": navigator}


def pages_for(who: str, people) -> list[str]:
    owner = people["owner"]
    if who == "owner":
        trial = "/trials/" + _a_trial() + "/"
        return PUBLIC + MINE + record_pages(owner) + [trial]
    prefix = f"/for/{owner.pk}"
    extra = ["/record/roster/", "/checkins/inbox/"] if who == "navigator" else []
    pages = record_pages(owner, prefix, can_edit=who != "navigator")  # the nurse reads only
    return ["/", "/accounts/settings/", *extra, *pages]


def _a_trial() -> str:
    from mbcnav.web.trials.models import StoredTrial

    return StoredTrial.objects.order_by("nct_id").values_list("nct_id", flat=True).first()


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
