"""Follow-up questions after words the app could not read (issue 20, hazard H45): asked on the
result page, a "yes" joins the same day's check-in and the day is triaged again; every persona."""

import pytest
from django.urls import reverse

from mbcnav.web.record.models import CheckIn

DAY = "2026-11-20"
UNREAD = "my insides feel all wrong and funny"


def _checkin(client, url=None, words=UNREAD):
    data = {"date": DAY, "temperature_unit": "F", "other_symptom_words": words}
    return client.post(url or reverse("checkins:new"), data)


def _levels(patient):
    return {r.triage_level for r in CheckIn.objects.filter(owner=patient, date=DAY)}


def test_unread_words_get_the_red_flag_questions_and_a_yes_raises_the_level(as_user, patient):
    c = as_user(patient)
    resp = _checkin(c)
    assert resp.status_code == 302
    page = c.get(resp["Location"]).content.decode()
    assert "We could not read all of your words" in page
    assert UNREAD in page
    assert 'value="suicidal-thoughts"' in page and 'value="chest-pain"' in page
    assert _levels(patient) != {"emergency"}
    url = reverse("checkins:follow_up", kwargs={"day": DAY})
    resp = c.post(url, {"yes": ["chest-pain"]})
    assert resp.status_code == 302
    assert _levels(patient) == {"emergency"}
    page = c.get(resp["Location"]).content.decode()
    assert "Call 911" in page
    assert "We could not read all of your words" not in page  # an emergency asks nothing more
    row = CheckIn.objects.get(owner=patient, date=DAY, symptom="chest pain")
    assert row.note.startswith("answered yes to:")


def test_a_suicidal_thoughts_answer_shows_the_crisis_line(as_user, patient):
    c = as_user(patient)
    _checkin(c)
    resp = c.post(
        reverse("checkins:follow_up", kwargs={"day": DAY}), {"yes": ["suicidal-thoughts"]}
    )
    page = c.get(resp["Location"]).content.decode()
    assert 'href="tel:988"' in page and 'href="sms:988"' in page


def test_none_of_these_keeps_the_check_in_and_says_thank_you(as_user, patient):
    c = as_user(patient)
    _checkin(c)
    before = CheckIn.objects.filter(owner=patient, date=DAY).count()
    levels = _levels(patient)
    resp = c.post(reverse("checkins:follow_up", kwargs={"day": DAY}), {"none": "1"}, follow=True)
    assert resp.status_code == 200
    assert "You said none of these apply" in resp.content.decode()
    assert CheckIn.objects.filter(owner=patient, date=DAY).count() == before
    assert _levels(patient) == levels


def test_a_made_up_answer_is_one_sentence_and_a_400(as_user, patient):
    c = as_user(patient)
    _checkin(c)
    before = CheckIn.objects.filter(owner=patient, date=DAY).count()
    resp = c.post(
        reverse("checkins:follow_up", kwargs={"day": DAY}), {"yes": ["chest-pain", "bogus"]}
    )
    assert resp.status_code == 400
    assert "is not one of the follow-up questions" in resp.content.decode()
    assert CheckIn.objects.filter(owner=patient, date=DAY).count() == before  # nothing half-saved


def test_follow_up_is_post_only_and_needs_a_check_in_that_day(as_user, patient):
    c = as_user(patient)
    url = reverse("checkins:follow_up", kwargs={"day": DAY})
    assert c.get(url).status_code == 405
    assert c.post(url, {"yes": ["chest-pain"]}).status_code == 404


def test_caregiver_with_edit_scope_answers_for_the_person(as_user, patient, caregiver_edit):
    c = as_user(caregiver_edit)
    _checkin(c, reverse("checkins:new", kwargs={"owner_id": patient.pk}))
    page = c.get(
        reverse("checkins:result", kwargs={"owner_id": patient.pk, "day": DAY})
    ).content.decode()
    action = reverse("checkins:follow_up", kwargs={"owner_id": patient.pk, "day": DAY})
    assert f'action="{action}"' in page
    c.post(action, {"yes": ["stroke-signs"]})
    assert _levels(patient) == {"emergency"}


def test_read_only_share_sees_the_questions_but_cannot_answer(as_user, patient, caregiver_read):
    _checkin(as_user(patient))
    c = as_user(caregiver_read)
    page = c.get(
        reverse("checkins:result", kwargs={"owner_id": patient.pk, "day": DAY})
    ).content.decode()
    assert "Ask the person you look after" in page
    assert 'name="yes"' not in page
    url = reverse("checkins:follow_up", kwargs={"owner_id": patient.pk, "day": DAY})
    assert c.post(url, {"yes": ["chest-pain"]}).status_code == 403


def test_a_stranger_gets_404(as_user, patient, stranger):
    _checkin(as_user(patient))
    c = as_user(stranger)
    url = reverse("checkins:follow_up", kwargs={"owner_id": patient.pk, "day": DAY})
    assert c.post(url, {"yes": ["chest-pain"]}).status_code == 404


@pytest.mark.parametrize("words", ["headache", "all good today, nothing to report"])
def test_no_questions_when_every_word_was_read(as_user, patient, words):
    c = as_user(patient)
    resp = _checkin(c, words=words)
    page = c.get(resp["Location"]).content.decode()
    assert "We could not read all of your words" not in page
