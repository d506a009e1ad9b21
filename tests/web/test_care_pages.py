"""Care and support pages for three personas (editor, patient, stranger), and the editors' admin."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mbcnav.web.care import services
from mbcnav.web.care.models import (
    ArticleReview,
    DirectoryEntry,
    Event,
    NewsItem,
    Status,
    TopicOfTheMonth,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


PUBLIC_PAGES = [
    "/care/",
    "/care/?zip=60611&within=25",
    "/care/?zip=60611&category=financial",
    "/care/centers/memorial-sloan-kettering/",
    "/care/organizations/",
    "/care/organizations/?category=helpline",
    "/care/organizations/living-beyond-breast-cancer/",
    "/care/second-opinions/",
    "/care/contribute/",
    "/care/topics/",
]
ADMIN_PAGES = [
    "/admin/care/topicofthemonth/",
    "/admin/care/topicofthemonth/add/",
    "/admin/care/newsitem/",
    "/admin/care/event/",
    "/admin/care/directoryentry/",
    "/admin/care/articlereview/",
    "/admin/care/topicofthemonth/?status__exact=draft",
    "/admin/care/articlereview/?stale=yes",
]


def make_user(email, *, staff=False, editor=False):
    user = User.objects.create_user(
        username=email, email=email, password="a-long-safe-passphrase", is_staff=staff
    )
    if editor:
        user.groups.add(Group.objects.get(name="editors"))
    return user


def client_for(persona):
    client = Client()
    if persona == "editor":
        client.force_login(make_user("ed@example.org", staff=True, editor=True))
    elif persona == "patient":
        client.force_login(make_user("pat@example.org"))
    elif persona == "staff-not-editor":
        client.force_login(make_user("staff@example.org", staff=True))
    return client


@pytest.mark.parametrize("persona", ["editor", "patient", "stranger"])
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_directory_pages_are_public(persona, url):
    response = client_for(persona).get(url)
    assert response.status_code == 200
    assert b"<h1>" in response.content


@pytest.mark.parametrize("persona", ["editor", "patient", "stranger"])
def test_search_lists_nearest_centres_with_miles(persona):
    body = client_for(persona).get("/care/", {"zip": "10032", "within": "25"}).content.decode()
    assert "Herbert Irving" in body and "Memorial Sloan Kettering" in body
    assert body.index("Herbert Irving") < body.index("Memorial Sloan Kettering")
    assert "5.2 miles" in body
    assert "Cold Spring Harbor" not in body  # research only: not offered as a place for care


def test_unknown_zip_is_a_form_error_not_a_crash():
    response = Client().get("/care/", {"zip": "00000"})
    assert response.status_code == 200
    assert "not in our list of US ZIP codes" in response.content.decode()


def test_category_filter_on_organisations():
    body = Client().get("/care/organizations/", {"category": "financial"}).content.decode()
    assert "Patient Advocate Foundation" in body and "METAvivor" not in body


def test_unknown_centre_or_org_is_404():
    assert Client().get("/care/centers/nowhere/").status_code == 404
    assert Client().get("/care/organizations/nobody/").status_code == 404


def test_care_home_links_to_record_and_library():
    body = Client().get("/care/").content.decode()
    assert 'href="/record/"' in body
    assert 'href="/library/care-team/"' in body
    body = Client().get("/care/second-opinions/").content.decode()
    assert 'href="/library/second-opinions/"' in body and 'href="/library/care-team/"' in body


def test_contribute_names_the_operator(settings):
    settings.MBCNAV_OPERATOR = "the Example Cancer Alliance"
    settings.MBCNAV_CONTACT_EMAIL = "errors@example.org"
    body = Client().get("/care/contribute/").content.decode()
    assert "the Example Cancer Alliance" in body and "errors@example.org" in body


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_editor_can_use_admin(url):
    assert client_for("editor").get(url).status_code == 200


@pytest.mark.parametrize("persona", ["patient", "stranger"])
@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_non_staff_are_sent_to_admin_login(persona, url):
    response = client_for(persona).get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_staff_without_editor_group_is_refused(url):
    assert client_for("staff-not-editor").get(url).status_code == 403


def test_editors_group_has_the_content_permissions():
    codenames = set(
        Group.objects.get(name="editors").permissions.values_list("codename", flat=True)
    )
    for model in ("topicofthemonth", "newsitem", "event", "directoryentry", "articlereview"):
        assert {f"add_{model}", f"change_{model}", f"view_{model}", f"delete_{model}"} <= codenames
    assert not any(code.endswith("_user") for code in codenames)


def topic(title, month, status=Status.DRAFT, **extra):
    return TopicOfTheMonth.objects.create(
        title=title, summary=f"{title} summary.", month=month, status=status, **extra
    )


def test_publishing_a_topic_puts_it_on_the_home_page():
    draft = topic("Scanxiety and how to cope", timezone.localdate())
    assert "Scanxiety" not in Client().get("/").content.decode()
    editor = client_for("editor")
    response = editor.post(
        "/admin/care/topicofthemonth/",
        {
            "action": "publish",
            "_selected_action": [draft.pk],
            "index": 0,
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    for persona in ("patient", "stranger"):
        body = client_for(persona).get("/").content.decode()
        assert "Scanxiety and how to cope" in body
        assert reverse("care:topic", args=[draft.pk]) in body


def test_current_topic_is_latest_published_not_future():
    today = timezone.localdate().replace(day=1)
    last_month = (today - timedelta(days=1)).replace(day=1)
    next_month = (today + timedelta(days=40)).replace(day=1)
    assert services.current_topic() is None
    older = topic("Older", last_month, Status.PUBLISHED)
    assert services.current_topic() == older
    topic("Future", next_month, Status.PUBLISHED)
    topic("Draft now", today)
    assert services.current_topic() == older
    now = topic("Now", today, Status.PUBLISHED, link_url="/library/second-opinions/")
    assert services.current_topic() == now
    assert now.url == "/library/second-opinions/"


def test_draft_topic_page_only_for_editors():
    draft = topic("Draft topic", timezone.localdate())
    url = reverse("care:topic", args=[draft.pk])
    assert client_for("patient").get(url).status_code == 404
    assert Client().get(url).status_code == 404
    assert client_for("editor").get(url).status_code == 200


@pytest.mark.parametrize("persona", ["editor", "patient", "stranger"])
def test_news_and_events_on_care_home(persona):
    today = timezone.localdate()
    news = NewsItem.objects.create(
        title="New helpline hours", body="Longer hours.", date=today, status=Status.PUBLISHED
    )
    NewsItem.objects.create(title="Unpublished news", body="x", date=today)
    event = Event.objects.create(
        title="Support group evening",
        body="Join us.",
        date=today + timedelta(days=7),
        location="online",
        status=Status.PUBLISHED,
    )
    client = client_for(persona)
    body = client.get("/care/").content.decode()
    assert "New helpline hours" in body and "Support group evening" in body
    assert "Unpublished news" not in body
    assert client.get(reverse("care:news", args=[news.pk])).status_code == 200
    assert client.get(reverse("care:event", args=[event.pk])).status_code == 200


def entry(**fields):
    base = dict(
        kind="organization",
        slug="local-hope",
        name="Local Hope Group",
        website="https://example.org/",
        description="A local peer group.",
        categories="emotional",
        source_publisher="Local Hope",
        source_title="About us",
        source_url="https://example.org/about",
        source_read=date(2026, 11, 1),
        as_of=date(2026, 11, 1),
        status=Status.PUBLISHED,
    )
    base.update(fields)
    return DirectoryEntry.objects.create(**base)


def test_editor_entries_join_and_override_the_directory():
    entry()
    entry(
        kind="center",
        slug="memorial-sloan-kettering",
        name="MSK (corrected)",
        website="https://www.mskcc.org/",
        city="New York",
        state="NY",
        zip="10065",
        designation="comprehensive",
        categories="",
    )
    entry(kind="organization", slug="metavivor", hide=True)
    body = Client().get("/care/organizations/", {"category": "emotional"}).content.decode()
    assert "Local Hope Group" in body and "METAvivor" not in body
    body = Client().get("/care/", {"zip": "10065", "within": "25"}).content.decode()
    assert "MSK (corrected)" in body
    assert Client().get("/care/organizations/local-hope/").status_code == 200


def test_invalid_editor_entry_is_refused_in_admin_form():
    bad = DirectoryEntry(
        kind="organization",
        slug="bad",
        name="Bad",
        website="https://example.org/",
        categories="cooking",
        source_publisher="x",
        source_title="x",
        source_url="https://example.org/",
        source_read=date(2026, 11, 1),
        as_of=date(2026, 11, 1),
    )
    with pytest.raises(Exception, match="categories"):
        bad.full_clean()


def test_stale_flag_and_filter():
    today = timezone.localdate()
    old = ArticleReview.objects.create(
        article_slug="what-is-mbc",
        reviewed=today - timedelta(days=400),
        next_review=today - timedelta(days=35),
        reviewer="Nurse A",
    )
    fresh = ArticleReview.objects.create(
        article_slug="subtypes",
        reviewed=today,
        next_review=today + timedelta(days=365),
        reviewer="Nurse B",
    )
    assert old.is_stale and not fresh.is_stale
    body = client_for("editor").get("/admin/care/articlereview/", {"stale": "yes"}).content.decode()
    assert "what-is-mbc" in body and "subtypes" not in body
    news = NewsItem.objects.create(title="Old news", body="x", review_by=today - timedelta(days=1))
    assert news.is_stale


def test_article_review_must_name_a_library_article():
    today = timezone.localdate()
    review = ArticleReview(
        article_slug="no-such-article", reviewed=today, next_review=today, reviewer="A"
    )
    with pytest.raises(Exception, match="no library article"):
        review.full_clean()
    ArticleReview(
        article_slug="what-is-mbc", reviewed=today, next_review=today, reviewer="A"
    ).full_clean()


def _hrefs_and_phones(html: str):
    phones = re.findall(r">\s*(\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4})", html)
    links = re.findall(r'<a href="tel:[^"]+">\s*(\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4})', html)
    return phones, links


def test_center_page_gives_registry_phone_numbers_with_their_source(client, db):
    from mbcnav.web.trials.services import load_snapshot

    load_snapshot()
    html = client.get(reverse("care:center", args=["yale-cancer-center"])).content.decode()
    assert 'href="tel:+12034999297"' in html
    assert "https://clinicaltrials.gov/study/NCT05514054" in html
    assert "ClinicalTrials.gov record NCT05514054" in html and "last updated 25 Jun 2025" in html
    assert "bundled snapshot" in html
    phones, links = _hrefs_and_phones(html)
    assert phones and sorted(phones) == sorted(links)  # every number is a tel: link


def test_center_list_shows_a_study_line_when_no_main_line_is_known(client, db):
    from mbcnav.web.trials.services import load_snapshot

    load_snapshot()
    html = client.get("/care/?zip=06510").content.decode()
    assert 'href="tel:+12034999297"' in html and "NCT05514054" in html
    phones, links = _hrefs_and_phones(html)
    assert sorted(phones) == sorted(links)


def test_a_center_with_no_known_number_says_so_and_how_to_find_it(client, db):
    from mbcnav.care import directory

    center = next(c for c in directory.centers() if not c.phone and c.sees_patients)
    html = client.get(reverse("care:center", args=[center.id])).content.decode()
    assert "We do not know a phone number for this center" in html
    assert "new-patient number on the center" in html and center.website in html
    assert "tel:" not in html.split('id="phones-heading"')[1].split("</section>")[0]
