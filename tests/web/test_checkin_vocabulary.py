"""The check-in form offers every symptom term in the person's words and asks only what matters;
the result page makes 911, 988 and the team's numbers tappable; a fever on the wrong unit is read."""

import re

import pytest
from django.urls import reverse

from mbcnav.patient import symptoms
from mbcnav.triage.rule import symptoms_reading
from mbcnav.web.checkins.forms import CheckInForm, slug
from mbcnav.web.record.models import CareTeamMember, CheckIn, Treatment

DAY = "2026-11-20"


def post(client, **fields):
    return client.post(reverse("checkins:new"), {"date": DAY, "temperature_unit": "F", **fields})


def test_every_term_is_offered_with_its_words(as_user, patient):
    html = as_user(patient).get(reverse("checkins:new")).content.decode()
    for term in symptoms.vocabulary().terms:
        assert f'id="symptom-{slug(term.term)}"' in html, term.term
        for word in term.synonyms[:2]:
            assert f'value="{word}"' in html.replace("&#x27;", "'"), word
    assert 'list="symptom-words"' in html and "finder.js" in html
    assert not re.search(r'<script[^>]+src="https?://', html), "no third-party scripts"


def test_only_questions_that_change_the_level_are_asked():
    form = CheckInForm()
    asks_new = symptoms_reading("new")
    for term in symptoms.vocabulary().terms:
        s = slug(term.term)
        assert (f"{s}_new" in form.fields) == (term.term in asks_new), term.term
        assert (f"{s}_interference" in form.fields) == ("interference" in term.ask), term.term
        assert (f"{s}_location" in form.fields) == ("location" in term.ask), term.term
    assert "hair_loss_new" not in form.fields and "hair_loss_present" in form.fields


def test_body_site_choices_are_offered(as_user, patient):
    html = as_user(patient).get(reverse("checkins:new")).content.decode()
    assert 'list="sites-pain"' in html and '<option value="back or spine">' in html


def test_a_red_flag_ticked_on_the_form_is_an_emergency(as_user, patient):
    c = as_user(patient)
    resp = post(c, slurred_speech_present="on", slurred_speech_new="on")
    assert resp.status_code == 302
    html = c.get(resp["Location"]).content.decode()
    assert 'href="tel:911"' in html
    assert CheckIn.objects.get(owner=patient, date=DAY).triage_level == "emergency"


def test_suicidal_thoughts_show_the_988_crisis_line(as_user, patient):
    c = as_user(patient)
    resp = post(c, suicidal_thoughts_present="on")
    html = c.get(resp["Location"]).content.decode()
    assert 'href="tel:988"' in html and 'href="sms:988"' in html
    assert html.index("tel:988") < html.index("Why")


def test_emergency_numbers_are_tappable_with_the_24_hour_line_first(as_user, patient):
    CareTeamMember.objects.create(
        owner=patient, name="Dr. Night", role="oncologist", phone="555-0001", after_hours="555-0999"
    )
    c = as_user(patient)
    resp = post(c, chest_pain_severity="moderate")
    html = c.get(resp["Location"]).content.decode()
    assert (
        html.index('href="tel:911"')
        < html.index('href="tel:555-0999"')
        < html.index('href="tel:555-0001"')
    )


@pytest.mark.parametrize("value,unit", [("38.6", "F"), ("101.5", "C")])
def test_a_temperature_on_the_wrong_unit_is_read_in_the_other_unit(as_user, patient, value, unit):
    Treatment.objects.create(
        owner=patient, drugs=["paclitaxel"], setting="metastatic", start="2026-10-01"
    )
    c = as_user(patient)
    resp = c.post(
        reverse("checkins:new"), {"date": DAY, "temperature": value, "temperature_unit": unit}
    )
    assert resp.status_code == 302
    page = c.get(resp["Location"]).content.decode()
    row = CheckIn.objects.get(owner=patient, date=DAY)
    assert row.temperature_c == pytest.approx(38.6, abs=0.1)
    assert row.triage_level == "emergency"
    assert "we read it as" in page and "temperature_f" not in page


def test_an_impossible_temperature_is_one_plain_sentence(as_user, patient):
    resp = post(as_user(patient), temperature="250")
    html = resp.content.decode()
    assert resp.status_code == 200 and "is not a body temperature" in html
    assert (
        "temperature_f" not in html and not CheckIn.objects.filter(owner=patient, date=DAY).exists()
    )


def test_record_page_shows_the_days_level_once_not_on_every_symptom(as_user, patient):
    c = as_user(patient)
    post(c, chest_pain_severity="moderate", fatigue_severity="mild", nausea_severity="mild")
    html = c.get(reverse("record:overview")).content.decode()
    table = html[html.index('class="checkins"') :]
    table = table[: table.index("</table>")]
    assert table.count("badge emergency") == 1
    assert "fatigue" in table and "chest pain" in table
