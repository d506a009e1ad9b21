"""Check-in pages: the form, the result (emergency line first, with the person's own numbers),
history and weekly sheet, the navigator inbox and email, and every persona."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from mbcnav.web.checkins.models import Alert
from mbcnav.web.record.models import CareTeamMember, CheckIn

DAY = "2026-11-20"


def post_checkin(client, url=None, **fields):
    data = {"date": DAY, "temperature_unit": "F", **fields}
    return client.post(url or reverse("checkins:new"), data)


def test_fever_on_chemotherapy_is_an_emergency_with_the_team_numbers(as_user, patient, navigator):
    CareTeamMember.objects.create(
        owner=patient, name="Dr. Night", role="oncologist", phone="555-0001", after_hours="555-0999"
    )
    c = as_user(patient)
    # the demo record's current treatment is checked by the engine; add chemo to be sure of the context
    from mbcnav.web.record.models import Treatment

    Treatment.objects.create(
        owner=patient, drugs=["capecitabine"], setting="metastatic", start="2026-10-01"
    )
    resp = post_checkin(c, temperature="101.2", fever_severity="moderate")
    assert resp.status_code == 302
    page = c.get(resp["Location"])
    html = page.content.decode()
    assert "Call 911" in html
    assert html.index("Call 911") < html.index("Why")
    assert "555-0999" in html
    rows = CheckIn.objects.filter(owner=patient, date=DAY)
    assert rows.count() == 1 and rows[0].temperature_c == pytest.approx(38.4, abs=0.05)
    assert rows[0].triage_level == "emergency"
    alert = Alert.objects.get(navigator=navigator)
    assert alert.level == "emergency" and alert.owner == patient
    assert mail.outbox and navigator.email in mail.outbox[0].to
    # the email writes the day for people (issue 17)
    assert "on 20 Nov 2026 that triage rates" in mail.outbox[0].body


def test_mild_fatigue_is_routine_or_none_and_no_alert(as_user, patient, navigator):
    c = as_user(patient)
    resp = post_checkin(c, fatigue_severity="mild")
    page = c.get(resp["Location"]).content.decode()
    assert "Call 911" not in page
    level = CheckIn.objects.get(owner=patient, date=DAY).triage_level
    assert level in ("routine", "none")
    assert not Alert.objects.exists() and not mail.outbox


def test_empty_checkin_says_what_to_do(as_user, patient):
    resp = post_checkin(as_user(patient))
    assert resp.status_code == 200
    assert "Nothing to save yet" in resp.content.decode()
    assert not CheckIn.objects.filter(owner=patient, date=DAY).exists()


def test_future_date_is_refused_with_one_sentence_and_nothing_saved(as_user, patient):
    resp = post_checkin(as_user(patient), date="2999-01-01", pain_severity="mild")
    assert resp.status_code == 200
    assert "in the future" in resp.content.decode()
    assert not CheckIn.objects.filter(owner=patient, date="2999-01-01").exists()


def test_history_and_week_pages_show_the_symptom(as_user, patient):
    c = as_user(patient)
    post_checkin(c, pain_severity="severe", pain_location="back")
    history = c.get(reverse("checkins:history")).content.decode()
    assert "<svg" in history and "Pain" in history
    week = c.get(reverse("checkins:week") + f"?end={DAY}").content.decode()
    assert "severe" in week


def test_caregiver_with_edit_scope_checks_in_for_the_person(as_user, patient, caregiver_edit):
    c = as_user(caregiver_edit)
    resp = post_checkin(
        c, reverse("checkins:new", kwargs={"owner_id": patient.pk}), nausea_severity="mild"
    )
    assert resp.status_code == 302
    assert CheckIn.objects.filter(owner=patient, date=DAY, symptom="nausea").exists()


def test_read_only_caregiver_cannot_check_in_but_can_read(as_user, patient, caregiver_read):
    c = as_user(caregiver_read)
    resp = post_checkin(
        c, reverse("checkins:new", kwargs={"owner_id": patient.pk}), nausea_severity="mild"
    )
    assert resp.status_code == 403
    assert not CheckIn.objects.filter(owner=patient, date=DAY).exists()
    assert c.get(reverse("checkins:history", kwargs={"owner_id": patient.pk})).status_code == 200


@pytest.mark.parametrize("name", ["new", "history", "week"])
def test_stranger_gets_404(as_user, patient, stranger, name):
    c = as_user(stranger)
    assert c.get(reverse(f"checkins:{name}", kwargs={"owner_id": patient.pk})).status_code == 404


def test_stranger_cannot_see_a_result_or_write(as_user, patient, stranger):
    as_user(patient)
    post_checkin(as_user(patient), pain_severity="mild")
    c = as_user(stranger)
    assert (
        c.get(reverse("checkins:result", kwargs={"owner_id": patient.pk, "day": DAY})).status_code
        == 404
    )
    before = CheckIn.objects.filter(owner=patient).count()
    assert (
        post_checkin(
            c, reverse("checkins:new", kwargs={"owner_id": patient.pk}), pain_severity="mild"
        ).status_code
        == 404
    )
    assert CheckIn.objects.filter(owner=patient).count() == before


def test_anonymous_is_sent_to_sign_in(client):
    assert client.get(reverse("checkins:new")).status_code == 302


def test_inbox_is_for_navigators_and_acknowledge_is_theirs(as_user, patient, navigator, stranger):
    alert = Alert.objects.create(
        owner=patient, navigator=navigator, checkin_date=DAY, level="urgent", summary="cough"
    )
    assert as_user(stranger).get(reverse("checkins:inbox")).status_code == 404
    assert (
        as_user(stranger).post(reverse("checkins:acknowledge", args=[alert.pk])).status_code == 404
    )
    c = as_user(navigator)
    assert "cough" in c.get(reverse("checkins:inbox")).content.decode()
    c.post(reverse("checkins:acknowledge", args=[alert.pk]))
    alert.refresh_from_db()
    assert alert.acknowledged_at is not None


def test_warmed_symptom_fields_are_the_page_a_cold_cache_renders(as_user, patient):
    from django.core.cache import cache

    from mbcnav.web.checkins.views import warm_symptom_fields

    c = as_user(patient)
    url = reverse("checkins:new")
    cache.clear()
    cold = c.get(url).content.decode()
    cache.clear()
    warm_symptom_fields()
    warmed = c.get(url).content.decode()
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", cold) == token.sub("", warmed)
    assert warmed.count("<details") > 10  # the symptom fields are on the page


def test_words_we_cannot_read_are_kept_and_sent_to_the_24_hour_line(as_user, patient):
    """Issue 20: a typed symptom is never dropped, even with no severity chosen."""
    c = as_user(patient)
    resp = post_checkin(c, other_symptom_words="everything feels strange and far away")
    assert resp.status_code == 302
    row = CheckIn.objects.get(owner=patient, date=DAY)
    assert row.symptom == "other symptom" and "everything feels strange" in row.note
    assert row.triage_level == "urgent"
    page = c.get(resp["Location"]).content.decode()
    assert "could not read" in page and "everything feels strange and far away" in page
    assert "988" in page


def test_words_we_can_read_become_that_symptom(as_user, patient):
    c = as_user(patient)
    post_checkin(c, other_symptom_words="black tarry poop", other_symptom_severity="mild")
    row = CheckIn.objects.get(owner=patient, date=DAY)
    assert row.symptom == "black stools" and row.severity == "mild"
    assert row.triage_level == "emergency"


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("my right leg keeps jerking on its own", "911"),
        ("been cutting my arms to cope", "988"),
        ("haven't pooed for 5 days, belly swollen, keep being sick", "911"),
    ],
)
def test_a_sign_family_typed_in_the_box_is_an_emergency(as_user, patient, words, number):
    """Issue 20, round 4: the 'something else' box reaches the sign families of families.yaml."""
    c = as_user(patient)
    resp = post_checkin(c, other_symptom_words=words)
    assert resp.status_code == 302
    assert {r.triage_level for r in CheckIn.objects.filter(owner=patient, date=DAY)} == {
        "emergency"
    }
    page = c.get(resp["Location"]).content.decode()
    assert f'href="tel:{number}"' in page
