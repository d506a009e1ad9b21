"""The smaller things people notice: a styled 403, a favicon, lab values and phone numbers
checked with one sentence, the About page without placeholder text, human dates."""

import re

import pytest
from django.urls import reverse

from mbcnav.web.record.forms import CareTeamForm, LabForm
from tests.spelling import BRITISH


def test_a_read_only_caregiver_gets_a_styled_403(patient, caregiver_read, as_user):
    page = as_user(caregiver_read).get(
        reverse("record:section_add", args=[patient.pk, "treatments"])
    )
    assert page.status_code == 403
    html = page.content.decode()
    assert "site-header" in html and "You cannot do this here" in html


def test_favicon_is_served(client):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"<svg" in content


@pytest.mark.parametrize("value", ["12abc", "-5,000,000", "-5", "5000001", "1.2.3"])
def test_impossible_lab_values_get_one_sentence(value):
    form = LabForm({"date": "2026-10-13", "test": "CA 15-3", "value": value, "unit": "U/mL"})
    assert not form.is_valid()
    (sentence,) = form.errors["value"]
    assert f"“{value}”" in sentence and "number from 0 to 1,000,000" in sentence


@pytest.mark.parametrize("value", ["43", "<0.5", "1,200", "11.2", "negative", ""])
def test_real_lab_values_pass(value):
    form = LabForm({"date": "2026-10-13", "test": "CA 15-3", "value": value, "unit": "U/mL"})
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("value", ["call-me-maybe", "12", "555-CALL-NOW"])
def test_a_phone_that_is_not_a_number_gets_one_sentence(value):
    form = CareTeamForm({"name": "Dr. Kim", "phone": value})
    assert not form.is_valid()
    assert form.errors["phone"] == [
        f"Phone: “{value}” is not a phone number; write its digits, like 312-555-0100."
    ]


@pytest.mark.parametrize("value", ["312-555-0100", "(312) 555 0100", "+1 312.555.0100 ext 42"])
def test_real_phone_numbers_pass(value):
    assert CareTeamForm({"name": "Dr. Kim", "phone": value, "after_hours": value}).is_valid()


def test_about_page_has_no_placeholder_operator(client, settings):
    settings.MBCNAV_OPERATOR = ""
    html = client.get("/about/").content.decode()
    assert "run by the people who run this site" not in html
    assert "has not added their name yet" in html
    settings.MBCNAV_OPERATOR = "the Example Cancer Alliance"
    assert "run by the Example Cancer Alliance" in client.get("/about/").content.decode()


def test_record_pages_write_dates_for_people(patient, as_user):
    html = as_user(patient).get(reverse("record:person", args=[patient.pk])).content.decode()
    assert "5 Oct 2022" in html and "2022-10-05" not in html


def test_printed_visit_questions_carry_the_date(patient, as_user):
    from django.utils import timezone
    from django.utils.formats import date_format

    html = as_user(patient).get(reverse("visits:print")).content.decode()
    assert "printed " + date_format(timezone.localdate(), "j M Y") in html


def test_care_page_searches_near_the_record_zip(patient, as_user):
    html = as_user(patient).get("/care/").content.decode()
    assert "Near 60611, the ZIP code in your record" in html
    assert 'value="60611"' in html


def test_a_center_without_a_phone_says_where_to_find_it(client, db):
    from mbcnav.care import directory

    center = next(c for c in directory.nearest_centers("60611", limit=50) if not c.center.phone)
    html = client.get(reverse("care:center", args=[center.center.id])).content.decode()
    assert "new-patient number" in html


def test_us_english_is_the_language():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "en-us"


def test_forms_and_models_use_us_spelling():
    """Labels people read from forms, models (names, help, choices) and admin headings."""
    import importlib
    import pkgutil

    from django import forms
    from django.apps import apps

    import mbcnav.web

    texts = []
    for model in apps.get_models():
        if not model.__module__.startswith("mbcnav."):
            continue
        texts += [str(model._meta.verbose_name), str(model._meta.verbose_name_plural)]
        for field in model._meta.get_fields():
            texts += [str(getattr(field, "verbose_name", "")), str(getattr(field, "help_text", ""))]
            texts += [str(label) for _, label in (getattr(field, "flatchoices", None) or [])]
    for info in pkgutil.walk_packages(mbcnav.web.__path__, "mbcnav.web."):
        if info.name.rsplit(".", 1)[-1] not in ("forms", "admin", "pages", "views"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, forms.BaseForm):
                for field in value.base_fields.values():
                    texts += [str(field.label or ""), str(field.help_text or "")]
                    texts += [str(c[1]) for c in getattr(field, "choices", []) or []]
            fieldsets = getattr(value, "fieldsets", None)
            if isinstance(value, type) and fieldsets:
                texts += [str(name) for name, _ in fieldsets if name]
    found = sorted({m.group(0) for t in texts for m in BRITISH.finditer(t)})
    assert texts and not found, found


def test_view_titles_use_us_spelling():
    from pathlib import Path

    web = Path(__file__).resolve().parents[2] / "src" / "mbcnav" / "web"
    found = [
        f"{path.relative_to(web)}: {m.group(0)}"
        for path in web.rglob("*.py")
        if "migrations" not in path.parts
        for call in re.findall(r"_\(\s*\"([^\"]*)\"", path.read_text())
        for m in BRITISH.finditer(call)
    ]
    assert not found, found


def test_templates_use_us_spelling():
    """A US-facing app in one spelling; other languages and variants come from translations."""
    from pathlib import Path

    british = BRITISH
    web = Path(__file__).resolve().parents[2] / "src" / "mbcnav" / "web"
    found = [
        f"{path.relative_to(web)}: {m.group(0)}"
        for path in web.rglob("templates/**/*.html")
        for m in british.finditer(path.read_text())
    ]
    assert not found, found


def test_an_emergency_check_in_puts_a_question_on_the_visit_guide(patient, as_user):
    from django.utils import timezone

    from mbcnav.web.record import services

    client = as_user(patient)
    assert "was an emergency" not in client.get(reverse("visits:guide")).content.decode()
    services.add_checkin(
        patient,
        [{"date": timezone.localdate().isoformat(), "symptom": "chest pain", "severity": "severe"}],
        patient,
    )
    html = client.get(reverse("visits:guide")).content.decode()
    assert "was an emergency because of chest pain" in html


def test_model_labels_and_migrations_agree(db):
    """A label change (US spelling, for instance) comes with its migration."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
