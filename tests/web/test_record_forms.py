"""Forms: every rule is the engine's, shown as one sentence on the right field."""

from __future__ import annotations

from django.urls import reverse

from mbcnav.web.record import services
from mbcnav.web.record.models import Assessment, Biomarker, Profile, Treatment


def _add(client, owner, section, data):
    return client.post(reverse("record:section_add", args=[owner.pk, section]), data)


def test_add_treatment_then_it_is_a_line(patient, as_user):
    client = as_user(patient)
    response = _add(
        client,
        patient,
        "treatments",
        {
            "type": "systemic",
            "drug_1": "Ibrance",
            "drug_2": "letrozole",
            "setting": "metastatic",
            "start": "2026-11-01",
        },
    )
    assert response.status_code == 302
    row = Treatment.objects.get(owner=patient, start="2026-11-01")
    assert row.drugs == ["Ibrance", "letrozole"]
    page = client.get(reverse("record:person", args=[patient.pk])).content.decode()
    assert "palbociclib" in page  # the engine maps the brand name to its generic name


def test_end_before_start_is_one_sentence_on_the_end_field(patient, as_user):
    client = as_user(patient)
    before = Treatment.objects.filter(owner=patient).count()
    response = _add(
        client,
        patient,
        "treatments",
        {"type": "systemic", "drug_1": "capecitabine", "start": "2026-05-01", "end": "2026-04-01"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["end"]
    assert "before the start 1 May 2026" in errors["end"][0]
    assert "2026-04-01" not in errors["end"][0]
    assert Treatment.objects.filter(owner=patient).count() == before


def test_future_date_is_refused(patient, as_user):
    response = _add(
        as_user(patient),
        patient,
        "scans",
        {"date": "2030-01-01", "status": "stable", "method": "CT"},
    )
    assert "in the future" in response.context["form"].errors["date"][0]
    assert not Assessment.objects.filter(owner=patient, date="2030-01-01").exists()


def test_impossible_value_is_refused(patient, as_user):
    response = _add(
        as_user(patient), patient, "biomarkers", {"marker": "PD-L1", "result": "purple"}
    )
    assert response.context["form"].errors
    assert "is not allowed" in str(response.context["form"].errors)
    response = _add(
        as_user(patient), patient, "biomarkers", {"marker": "PIK3CA", "result": "mutated"}
    )
    assert "already in your record" in str(response.context["form"].errors)


def test_brain_status_on_bone_is_refused(patient, as_user):
    response = _add(
        as_user(patient),
        patient,
        "sites",
        {"site": "bone", "status": "active", "measurable": "unknown"},
    )
    assert "only for brain" in response.context["form"].errors["status"][0]


def test_systemic_treatment_needs_a_drug(patient, as_user):
    response = _add(
        as_user(patient), patient, "treatments", {"type": "systemic", "start": "2026-01-01"}
    )
    assert "at least one drug" in str(response.context["form"].errors)


def test_edit_and_delete_a_scan(patient, as_user):
    client = as_user(patient)
    scan = Assessment.objects.filter(owner=patient).last()
    url = reverse("record:section_edit", args=[patient.pk, "scans", scan.pk])
    assert (
        client.post(
            url, {"date": scan.date.isoformat(), "status": "regression", "method": "MRI"}
        ).status_code
        == 302
    )
    scan.refresh_from_db()
    assert (scan.status, scan.method) == ("regression", "MRI")
    client.post(reverse("record:section_delete", args=[patient.pk, "scans", scan.pk]))
    assert not Assessment.objects.filter(pk=scan.pk).exists()


def test_editing_an_entry_checks_it_in_place(patient, as_user):
    """Editing a treatment replaces it in the would-be record rather than adding a copy."""
    t = Treatment.objects.get(owner=patient, drugs=["Enhertu"])
    url = reverse("record:section_edit", args=[patient.pk, "treatments", t.pk])
    response = as_user(patient).post(
        url,
        {
            "type": "systemic",
            "drug_1": "Enhertu",
            "setting": "metastatic",
            "start": "2025-04-02",
            "end": "2026-11-10",
            "stop_reason": "side effects",
        },
    )
    assert response.status_code == 302
    lines = services.patient_for(patient)
    assert len([x for x in lines.treatments if "Enhertu" in x.drugs]) == 1


def test_receptors_form_explains_her2_and_saves(patient, as_user):
    client = as_user(patient)
    url = reverse("record:profile_edit", args=[patient.pk, "receptors"])
    page = client.get(url).content.decode()
    assert "IHC 1+" in page and "HER2-low" in page and "pathology report" in page
    assert client.post(url, {"er": "low", "pr": "negative", "her2": "IHC 0"}).status_code == 302
    assert Profile.objects.get(owner=patient).her2 == "IHC 0"
    overview = client.get(reverse("record:person", args=[patient.pk])).content.decode()
    assert "ER-low" in overview


def test_diagnosis_date_before_first_diagnosis_is_refused(patient, as_user):
    url = reverse("record:profile_edit", args=[patient.pk, "diagnosis"])
    response = as_user(patient).post(
        url,
        {
            "dx_date": "2016-01-01",
            "first_diagnosis_date": "2017-05-01",
            "de_novo": "false",
            "first_diagnosis_stage": "II",
        },
    )
    (sentence,) = response.context["form"].errors["dx_date"]
    assert sentence.startswith("1 Jan 2016 is before the first diagnosis date 1 May 2017;")


def test_drug_autocomplete_lists_brand_names(patient, as_user):
    page = (
        as_user(patient)
        .get(reverse("record:section_add", args=[patient.pk, "treatments"]))
        .content.decode()
    )
    assert 'list="drug-names"' in page and 'type="date"' in page
    assert '<option value="Kisqali">' in page and '<option value="ribociclib">' in page


def test_care_team_appointments_notes(patient, as_user):
    client = as_user(patient)
    assert (
        _add(
            client,
            patient,
            "care-team",
            {
                "name": "Dr. Who",
                "role": "oncologist",
                "phone": "555-0100",
                "after_hours": "555-0199",
            },
        ).status_code
        == 302
    )
    assert (
        _add(
            client, patient, "appointments", {"when": "2026-12-01T09:30", "with_whom": "Dr. Who"}
        ).status_code
        == 302
    )
    assert (
        _add(
            client,
            patient,
            "notes",
            {"date": "2026-11-20", "title": "Questions", "text": "Ask about scans"},
        ).status_code
        == 302
    )
    assert "555-0199" in client.get(reverse("record:person", args=[patient.pk])).content.decode()
    assert services.care_team_for(patient)[0].after_hours == "555-0199"


def test_biomarker_keeps_test_date_and_sample(patient, as_user):
    _add(
        as_user(patient),
        patient,
        "biomarkers",
        {
            "marker": "AKT1",
            "result": "not mutated",
            "test_date": "2024-02-01",
            "sample_site": "blood",
        },
    )
    row = Biomarker.objects.get(owner=patient, marker="AKT1")
    assert (row.test_date.isoformat(), row.sample_site) == ("2024-02-01", "blood")
    assert services.patient_for(patient).biomarkers["AKT1"] == "not mutated"


def test_biomarker_written_as_the_report_writes_it(patient, as_user):
    client = as_user(patient)
    for marker, result in (("TP53", "R248Q (ctDNA, VAF 3%)"), ("ERBB2", "amplified")):
        assert (
            _add(client, patient, "biomarkers", {"marker": marker, "result": result}).status_code
            == 302
        )
    record = services.patient_for(patient)
    assert record.biomarkers["TP53"] == "mutated"
    assert record.biomarker_details["TP53"].changes == ("R248Q",)
    assert record.biomarkers["HER2 amplification"] == "amplified"
    assert "HER2 mutation" not in record.biomarkers
    response = _add(client, patient, "biomarkers", {"marker": "HER2", "result": "positive"})
    assert "amplified or mutated" in str(response.context["form"].errors)


def test_imported_report_detail_stays_in_the_rows(patient):
    from mbcnav.patient import parse

    imported = parse(
        {
            "format": "mbcnav-patient/1",
            "biomarkers": ["ESR1 D538G (ctDNA, VAF 3%)", "PD-L1 CPS 15 (22C3)", "germline BRCA2"],
        }
    )
    services.import_patient(patient, imported, patient)
    row = Biomarker.objects.get(owner=patient, marker="ESR1")
    assert row.result == "mutated D538G (ctDNA, VAF 3%)"
    again = services.patient_for(patient)
    assert again.biomarkers == imported.biomarkers
    assert again.biomarker_details == imported.biomarker_details


def test_help_text_is_tied_to_its_field_and_inflammatory_shows_on_the_record(patient, as_user):
    """A screen reader reads each field's help (aria-describedby names the help paragraph's
    id); an inflammatory breast cancer saved on the diagnosis form shows on the record page."""
    client = as_user(patient)
    url = reverse("record:profile_edit", args=[patient.pk, "diagnosis"])
    page = client.get(url).content.decode()
    assert 'aria-describedby="id_inflammatory_helptext"' in page
    assert 'id="id_inflammatory_helptext"' in page
    before = client.get(reverse("record:person", args=[patient.pk])).content.decode()
    assert "inflammatory breast cancer" not in before
    data = {"dx_date": "2025-03-01", "de_novo": "true", "inflammatory": "true"}
    assert client.post(url, data).status_code == 302
    overview = client.get(reverse("record:person", args=[patient.pk])).content.decode()
    assert "inflammatory breast cancer" in overview
