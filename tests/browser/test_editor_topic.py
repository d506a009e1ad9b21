"""An editor publishes a topic of the month in the admin; a patient then sees it on the home page."""

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-safe-passphrase"
TITLE = "Living well with bone metastases"


def test_editor_publishes_topic_and_patient_sees_it(page, live_server, browser):
    # post_migrate made the group; transaction=True flushes tables, so make sure it exists.
    from mbcnav.web.care.apps import ensure_editors_group

    ensure_editors_group(sender=None)
    editor = User.objects.create_user(
        username="ed@example.org", email="ed@example.org", password=PASSWORD, is_staff=True
    )
    editor.groups.add(Group.objects.get(name="editors"))
    User.objects.create_user(
        username="pat@example.org", email="pat@example.org", password=PASSWORD, first_name="Pat"
    )

    # The editor signs in to the admin and writes a draft topic.
    page.goto(live_server.url + "/admin/")
    page.locator("#id_username").fill("ed@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.goto(live_server.url + "/admin/care/topicofthemonth/add/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_month").fill(timezone.localdate().isoformat())
    page.locator("#id_summary").fill(
        "Ways to protect your bones and ease pain, to talk over with your team."
    )
    page.locator("input[name=_save]").click()
    expect(page.locator("#result_list")).to_contain_text(TITLE)

    # Not on the home page while it is a draft.
    patient = browser.new_context().new_page()
    patient.goto(live_server.url + "/")
    expect(patient.locator("body")).not_to_contain_text(TITLE)

    # The editor publishes it with the admin action.
    page.locator("#result_list input.action-select").first.check()
    page.locator("select[name=action]").select_option("publish")
    page.locator("button[name=index], input[name=index], .actions button").first.click()
    expect(page.locator(".messagelist")).to_contain_text("1 item published")

    # The patient signs in and sees the topic of the month on the home page.
    patient.goto(live_server.url + "/accounts/login/")
    patient.get_by_label("Email").fill("pat@example.org")
    patient.locator("#id_password").fill(PASSWORD)
    patient.get_by_role("button", name="Sign in").click()
    patient.goto(live_server.url + "/")
    topic_card = patient.locator("section.topic")
    expect(topic_card).to_contain_text(TITLE)
    expect(topic_card).to_contain_text("Topic of the month")
    topic_card.get_by_role("link", name="Read more").click()
    expect(patient.get_by_role("heading", level=1)).to_have_text(TITLE)


def test_care_pages_load_nothing_from_other_hosts(page, live_server):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(live_server.url + "/care/?zip=60611&within=25")
    expect(
        page.get_by_role("heading", name="NCI-designated cancer centers nearest to you")
    ).to_be_visible()
    page.get_by_role(
        "link", name="Robert H. Lurie Comprehensive Cancer Center of Northwestern University"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lurie")
    page.goto(live_server.url + "/care/organizations/?category=helpline")
    assert requests and all(u.startswith(live_server.url) for u in requests), requests
