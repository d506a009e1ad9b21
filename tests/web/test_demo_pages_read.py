"""What a person reads on every page of the demo record, as its owner, a caregiver and a
navigator (the browser tier's page list, read here with the Django client): no ISO date
(2026-11-20) in visible text, tooltips or labels, and no British spelling in a US-facing app.

Kept as written: titles of sources (quoted as their publishers wrote them) and trial text
quoted from ClinicalTrials.gov.
"""

from __future__ import annotations

import html as htmllib
import re

import pytest

from tests.pages import demo_people, pages_for
from tests.spelling import british_in

ISO = re.compile(r"\b\d{4}-\d\d-\d\d\b")
_SHOWN_ATTRS = re.compile(r'\s(?:title|aria-label|alt|placeholder)="([^"]*)"')


def visible_text(page: str) -> str:
    """Text, tooltips (SVG <title>, title=) and labels a person can read; not links, input
    values, datetime attributes or file names."""
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S)
    shown = " ".join(_SHOWN_ATTRS.findall(page))
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", page) + " " + shown)


@pytest.fixture
def people(db):
    return demo_people("read")


@pytest.mark.parametrize("who", ["owner", "caregiver", "navigator"])
def test_demo_pages_write_dates_for_people_in_us_spelling(client, people, who):
    client.force_login(people[who])
    dates, spelling = {}, {}
    pages = pages_for(who, people)
    if who == "owner":  # pages the browser tier leaves to their own tests
        o = people["owner"].pk
        pages += ["/reminders/", f"/documents/{o}/", "/library/medicines/abemaciclib/"]
        pages += ["/trials/NCT05514054/", "/care/topics/", "/care/?zip=06510"]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, f"{who} got {response.status_code} on {path}"
        text = visible_text(response.content.decode())
        if found := ISO.findall(text):
            dates[path] = found
        if found := british_in(text):
            spelling[path] = found
    assert not dates and not spelling, f"ISO dates: {dates}; British spellings: {spelling}"
