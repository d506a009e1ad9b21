"""Dates people read are written "12 Oct 2026" on every page (issue 17); form inputs and
exports stay ISO."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from mbcnav.web.record import services

ISO = re.compile(r"\b\d{4}-\d\d-\d\d\b")


def text(response) -> str:
    """What a person reads: no tags, no attribute values (links, form inputs)."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_the_filter_reads_dates_and_iso_strings():
    from mbcnav.web.core.templatetags.people_dates import day

    assert day(date(2026, 10, 12)) == "12 Oct 2026"
    assert day("2026-10-12") == "12 Oct 2026"
    assert day("2026-10") == "2026-10"  # not a whole date: left as written
    assert day(None) == ""


def test_checkin_result_writes_its_dates_for_people(patient, as_user):
    today = timezone.localdate()
    services.add_checkin(
        patient, [{"date": today.isoformat(), "symptom": "fever", "temperature_c": 38.6}], patient
    )
    page = text(as_user(patient).get(reverse("checkins:result", args=[today.isoformat()])))
    assert f"Check-in of {date_format(today, 'j M Y')}." in page
    assert "read 21 Nov 2026" in page  # a rule source's date read
    assert not ISO.search(page), ISO.findall(page)


@pytest.mark.parametrize(
    "url", ["/library/what-is-mbc/", "/library/glossary/", "/library/medicines/abemaciclib/"]
)
def test_library_pages_write_dates_for_people(client, db, url):
    page = text(client.get(url))
    assert re.search(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b", page)
    assert not ISO.search(page), ISO.findall(page)


def test_trial_snapshot_date_is_written_for_people(patient, as_user):
    from mbcnav.web.trials import services as trials

    trials.load_snapshot()
    as_of = trials.data_dates()["snapshot"]
    page = text(as_user(patient).get(reverse("trials:list")))
    assert f"newest record is from {date_format(date.fromisoformat(as_of), 'j M Y')}" in page
    assert f"from {as_of}" not in page


def test_form_inputs_stay_iso(patient, as_user):
    yesterday = timezone.localdate() - timedelta(days=1)
    services.add_checkin(
        patient,
        [{"date": yesterday.isoformat(), "symptom": "fatigue", "severity": "mild"}],
        patient,
        triage_level="routine",
    )
    html = as_user(patient).get(reverse("checkins:history")).content.decode()
    assert f"/result/{yesterday.isoformat()}/" in html


def test_symptom_charts_write_dates_for_people():
    from mbcnav.web.checkins.charts import severity_chart

    svg = severity_chart("nausea", [(date(2026, 10, 12), "mild"), (date(2026, 11, 3), None)])
    assert "from 12 Oct 2026 to 3 Nov 2026" in svg and ">3 Nov 2026<" in svg
    assert not ISO.search(svg), ISO.findall(svg)


def test_engine_sentences_on_forms_write_dates_and_fields_for_people():
    from mbcnav.patient import PatientFileError
    from mbcnav.web.core.sentences import for_people

    err = PatientFileError(
        "metastatic_diagnosis.date: 2016-01-01 is before first_diagnosis_date 2017-05-01; "
        "metastatic disease cannot be found before the first diagnosis.",
        field="metastatic_diagnosis.date",
    )
    assert for_people(err) == (
        "1 Jan 2016 is before the first diagnosis date 1 May 2017; "
        "metastatic disease cannot be found before the first diagnosis."
    )
    odd = PatientFileError("symptoms[0].date: “2026-02-30” is not a real calendar date.", "x")
    assert "2026-02-30" in for_people(odd)  # not a day: shown as typed
