"""Issue 16 (security review), item 4: a check-in, its triage level and its alerts are saved in
one transaction, and check-ins left untriaged (by a crash under the old code, or imported) are
re-triaged at start-up (``mbcnav ops repair``, ``mbcnav serve``) and in the navigator roster."""

import pytest
from click.testing import CliRunner
from django.urls import reverse
from django.utils import timezone

from mbcnav.web.checkins import notify
from mbcnav.web.checkins.models import Alert
from mbcnav.web.record import services
from mbcnav.web.record.models import CheckIn, Treatment


def fever(day):
    return [{"date": day, "symptom": "fever", "severity": "moderate", "temperature_c": 38.6}]


@pytest.fixture
def on_chemo(patient):
    Treatment.objects.create(
        owner=patient, drugs=["capecitabine"], setting="metastatic", start="2026-10-01"
    )
    return patient


def test_a_crash_while_alerting_leaves_no_untriaged_checkin(
    as_user, on_chemo, navigator, monkeypatch
):
    def crash(*args, **kwargs):
        raise RuntimeError("killed")

    monkeypatch.setattr(notify.Alert.objects, "create", crash)
    before = CheckIn.objects.filter(owner=on_chemo).count()
    day = timezone.localdate().isoformat()
    with pytest.raises(RuntimeError):
        as_user(on_chemo).post(
            reverse("checkins:new"),
            {
                "date": day,
                "temperature_unit": "C",
                "temperature": "38.6",
                "fever_severity": "moderate",
            },
        )
    assert CheckIn.objects.filter(owner=on_chemo).count() == before


def _stranded(owner):
    """A check-in saved without its triage, as the old two-transaction code left after kill -9."""
    day = timezone.localdate()
    services.add_checkin(owner, fever(day), owner)
    assert CheckIn.objects.get(owner=owner, date=day).triage_level is None
    return day


def test_repair_command_triages_and_alerts(on_chemo, navigator):
    from mbcnav.cli import main

    day = _stranded(on_chemo)
    result = CliRunner().invoke(main, ["ops", "repair"])
    assert result.exit_code == 0, result.output
    assert CheckIn.objects.get(owner=on_chemo, date=day).triage_level == "emergency"
    alert = Alert.objects.get(owner=on_chemo, navigator=navigator, checkin_date=day)
    assert alert.level == "emergency"
    CliRunner().invoke(main, ["ops", "repair"])  # twice changes nothing
    assert Alert.objects.filter(owner=on_chemo).count() == 1


def test_navigator_roster_repairs_untriaged_checkins(as_user, on_chemo, navigator):
    day = _stranded(on_chemo)
    page = as_user(navigator).get(reverse("record:roster")).content.decode()
    assert CheckIn.objects.get(owner=on_chemo, date=day).triage_level == "emergency"
    assert "emergency" in page
    assert Alert.objects.filter(owner=on_chemo, navigator=navigator, checkin_date=day).exists()


def test_old_imported_symptoms_get_a_level_but_raise_no_alert(on_chemo, navigator):
    from mbcnav.web.checkins.repair import repair_untriaged

    assert CheckIn.objects.filter(owner=on_chemo, triage_level__isnull=True).exists()  # demo file
    repair_untriaged()
    assert not CheckIn.objects.filter(owner=on_chemo, triage_level__isnull=True).exists()
    assert not Alert.objects.exists()
