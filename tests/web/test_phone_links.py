"""Every phone number a person reads in the web app is a ``tel:`` link they can tap (issue 17):
every page of the demo record as its owner, a caregiver and a navigator, the emergency and
urgent check-in results, and the care pages with registry study lines.

A phone number here: a US number (312-555-0100, (203) 499-9297, 1-800-227-2345, +1 617 632
2335), a 7-digit local number (555-0100), or 911 and 988. It counts as linked when it stands
inside ``<a href="tel:...">`` (988 may also be ``sms:``). Numbers inside form fields (values a
person is editing) and inside other links (a contents entry, a source's title: a link cannot
hold a link) are left alone.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.pages import demo_people, pages_for

PHONE = re.compile(
    r"(?<![\w/.:-])(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])"
    r"|(?<![\w/.:-])\d{3}-\d{4}(?![\w-])"
    r"|\b(?:911|988)\b(?![-.,]?\d)(?!\s*(?:miles|km|%))"
)


class _Unlinked(HTMLParser):
    """Collects the shown text that stands outside tel:/sms: links."""

    SKIP = {"script", "style", "textarea", "title", "option"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.linked: list[str] = []
        self._in_tel = 0
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self._in_tel += 1 if href.startswith(("tel:", "sms:")) else 0
            self._stack = getattr(self, "_stack", []) + [href.startswith(("tel:", "sms:"))]

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        if tag == "a" and getattr(self, "_stack", None):
            self._in_tel -= 1 if self._stack.pop() else 0

    def handle_data(self, data):
        if self._skip:
            return
        # Text of any other link (a contents entry, a source's title) cannot hold a tel: link.
        in_other_link = any(not tel for tel in getattr(self, "_stack", []))
        (self.linked if self._in_tel or in_other_link else self.text).append(data)


def unlinked_numbers(page: str) -> list[str]:
    parser = _Unlinked()
    parser.feed(page)
    return PHONE.findall(" ".join(parser.text))


def test_the_finder_sees_numbers_and_links():
    page = (
        '<p>Call 911 or <a href="tel:+13125550100">312-555-0100</a>; text 988.'
        " Desk (203) 499-9297, ext 12; 555-0101. Not: 2026-11-20, NCT05514054, 60611, 911 miles.</p>"
        '<textarea>312-555-0199</textarea><a href="sms:988">988</a>'
        '<a href="https://988lifeline.org/">988 Lifeline</a>'
    )
    assert unlinked_numbers(page) == ["911", "988", "(203) 499-9297", "555-0101"]


def test_tel_addresses_follow_rfc_3966():
    from mbcnav.phones import tel_address

    assert tel_address("312-555-0100") == "tel:+13125550100"
    assert tel_address("(312) 555-0100 ext. 12") == "tel:+13125550100;ext=12"
    assert tel_address("1-800-227-2345") == "tel:+18002272345"
    assert tel_address("+44 20 7946 0000") == "tel:+442079460000"
    assert tel_address("555-0100") == "tel:5550100"
    assert tel_address("911") == "tel:911"
    assert tel_address("call-me-maybe") == ""


def test_phone_links_link_text_and_html_once_and_escape():
    from django.utils.safestring import mark_safe

    from mbcnav.web.core.phones import link_phones

    text = link_phones("Call 911 <now>, or 312-555-0100; the site is 911 miles away.")
    assert text == (
        'Call <a href="tel:911">911</a> &lt;now&gt;, or '
        '<a href="tel:+13125550100">312-555-0100</a>; the site is 911 miles away.'
    )
    html = mark_safe('<p>Call 988 or <a href="tel:911">911</a> (<a href="/x/">988 page</a>).</p>')
    assert link_phones(html) == (
        '<p>Call <a href="tel:988">988</a> or <a href="tel:911">911</a> '
        '(<a href="/x/">988 page</a>).</p>'
    )


@pytest.fixture
def people(db):
    return demo_people("phones")


@pytest.mark.parametrize("who", ["owner", "caregiver", "navigator"])
def test_every_phone_number_on_the_demo_pages_is_a_tel_link(client, people, who):
    client.force_login(people[who])
    pages = pages_for(who, people)
    if who == "owner":
        o = people["owner"].pk
        pages += ["/reminders/", f"/documents/{o}/", "/library/medicines/abemaciclib/"]
        pages += ["/trials/NCT05514054/", "/care/topics/", "/care/?zip=06510"]
        pages += ["/care/centers/yale-cancer-center/", "/care/organizations/"]
    found = {}
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, f"{who} got {response.status_code} on {path}"
        if numbers := unlinked_numbers(response.content.decode()):
            found[path] = numbers
    assert not found, f"phone numbers that are not tel: links: {found}"


@pytest.mark.parametrize(
    "fields",
    [
        {"chest_pain_severity": "moderate"},  # emergency
        {"suicidal_thoughts_present": "on"},  # the 988 crisis line
        {"temperature": "101.2", "fever_severity": "moderate"},  # fever
    ],
)
def test_every_phone_number_on_a_check_in_result_is_a_tel_link(as_user, patient, fields):
    from django.urls import reverse

    from mbcnav.web.record.models import CareTeamMember

    CareTeamMember.objects.create(
        owner=patient, name="Dr. Night", role="oncologist", phone="312-555-0101 ext 4",
        after_hours="(312) 555-0999",
    )  # fmt: skip
    client = as_user(patient)
    data = {"date": "2026-11-20", "temperature_unit": "F", **fields}
    response = client.post(reverse("checkins:new"), data)
    assert response.status_code == 302, response.content.decode()[:300]
    page = client.get(response["Location"]).content.decode()
    assert 'href="tel:911"' in page or 'href="tel:988"' in page
    assert unlinked_numbers(page) == []


def test_every_phone_number_in_the_library_is_a_tel_link(client, db):
    from mbcnav.library.articles import load_library

    found = {}
    for article in load_library().articles.values():
        path = f"/library/{article.slug}/"
        response = client.get(path)
        assert response.status_code == 200, path
        if numbers := unlinked_numbers(response.content.decode()):
            found[path] = numbers
    assert not found, f"phone numbers that are not tel: links: {found}"
