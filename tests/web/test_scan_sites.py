"""A scan records the response of each site (new, growing, stable, smaller, gone) and the sites
of disease, summary, timeline and visit guide follow it."""

import datetime

from django.urls import reverse

from mbcnav.web.record.models import Assessment, Metastasis


def _add_scan(client, owner, **extra):
    data = {"date": datetime.date.today().isoformat(), "status": "progression", "method": "CT"}
    return client.post(reverse("record:section_add", args=[owner.pk, "scans"]), data | extra)


def test_the_scan_form_asks_about_each_known_site(patient, as_user):
    page = as_user(patient).get(reverse("record:section_add", args=[patient.pk, "scans"]))
    html = page.content.decode()
    assert 'name="site_liver"' in html and 'name="site_bone"' in html
    assert 'name="new_sites"' in html and 'value="lung"' in html


def test_a_progression_scan_changes_sites_summary_timeline_and_guide(patient, as_user):
    client = as_user(patient)
    guide_before = client.get(reverse("visits:guide")).content.decode()
    resp = _add_scan(client, patient, site_liver="growing", site_bone="stable", new_sites=["lung"])
    assert resp.status_code == 302, resp.content.decode()[:2000]
    scan = Assessment.objects.filter(owner=patient).latest("date")
    assert scan.site_responses == {"liver": "growing", "bone": "stable", "lung": "new"}
    lung = Metastasis.objects.get(owner=patient, site="lung")
    assert lung.date == scan.date and lung.response == "new"
    assert Metastasis.objects.get(owner=patient, site="liver").response == "growing"

    day = scan.date.strftime("%-d %b %Y")
    overview = client.get(reverse("record:person", args=[patient.pk])).content.decode()
    assert f"growing on the scan of {day}" in overview
    summary = client.get(reverse("record:summary", args=[patient.pk])).content.decode()
    assert "lung" in summary.split("Where it has spread", 1)[1].split("</li>", 1)[0]
    assert f"Latest scan: {day}, CT: <strong>progression</strong>" in summary
    timeline = client.get(reverse("record:timeline", args=[patient.pk])).content.decode()
    assert "lung: found" in timeline
    guide_after = client.get(reverse("visits:guide")).content.decode()
    assert "grew on" not in guide_before
    assert "grew on" in guide_after  # the guide's questions for choosing the next treatment


def test_new_or_growing_sites_with_a_stable_result_get_one_sentence(patient, as_user):
    resp = _add_scan(as_user(patient), patient, status="stable", site_liver="growing")
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "You marked liver as new or growing, so the scan shows progression" in html
    assert not Metastasis.objects.filter(owner=patient, site="liver", response="growing").exists()
