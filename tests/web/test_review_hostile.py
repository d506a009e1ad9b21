"""Issue 16 (security review): hostile uploads are one sentence and HTTP 400 on both databases,
FHIR uploads are capped before parsing, long lists are paged, and the lab form refuses
non-finite values (so exports stay valid JSON and re-import)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mbcnav.web.record import services
from mbcnav.web.record.models import Lab

HEAD = "format: mbcnav-patient/1\n"
DEEP = 100_000
FILES = {
    "deep json": "[" * DEEP + "]" * DEEP,
    "deep yaml": HEAD + "name: " + "[" * DEEP + "]" * DEEP + "\n",
    "5000 digits": HEAD + "birth_year: " + "9" * 5000 + "\n",
    "1e999 ecog": '{"format": "mbcnav-patient/1", "ecog": 1e999}',
    "NaN birth year": '{"format": "mbcnav-patient/1", "birth_year": NaN}',
    "Infinity lab": HEAD + "labs:\n- {date: 2024-01-01, test: CEA, value: .inf}\n",
    "0000-00-00": HEAD + "birth_date: 0000-00-00\n",
    "NUL name": HEAD + 'name: "Ann\\0Lee"\n',
    "NUL unit": HEAD + 'labs:\n- {date: 2024-01-01, test: CEA, value: 3, unit: "n\\0g"}\n',
    "NUL note": HEAD + 'assessments:\n- {date: 2024-01-01, status: stable, note: "a\\0"}\n',
}


@pytest.mark.parametrize("text", FILES.values(), ids=FILES.keys())
def test_hostile_patient_file_upload_is_400_and_changes_nothing(as_user, patient, text):
    before = services.export_patient(patient)
    resp = as_user(patient).post(
        reverse("record:import"), {"file": SimpleUploadedFile("p.yaml", text.encode())}
    )
    assert resp.status_code == 400
    assert services.export_patient(patient) == before


FHIR = {
    "deep": '{"resourceType": "Bundle", "entry": ' + "[" * DEEP + "]" * DEEP + "}",
    "NaN": '{"resourceType": "Bundle", "total": NaN, "entry": [{"resource": {}}]}',
    "NUL": '{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Patient",'
    ' "name": [{"text": "Ann\\u0000"}]}}]}',
}


@pytest.mark.parametrize("text", FHIR.values(), ids=FHIR.keys())
def test_hostile_fhir_upload_is_400(as_user, patient, text):
    resp = as_user(patient).post(
        reverse("interop:home"),
        {"mode": "merge", "bundle": SimpleUploadedFile("b.json", text.encode())},
    )
    assert resp.status_code == 400


def _bundle(n: int) -> bytes:
    obs = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "2039-6"}]},
        "valueQuantity": {"value": 3.1, "unit": "ng/mL"},
        "effectiveDateTime": "2024-01-01",
    }
    return json.dumps(
        {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": obs}] * n}
    ).encode()


def test_fhir_upload_over_the_entry_cap_is_refused_before_reading(
    as_user, patient, settings, monkeypatch
):
    settings.MBCNAV_FHIR_MAX_ENTRIES = 50
    from mbcnav.fhir import importer

    monkeypatch.setattr(importer, "_read", lambda *a: pytest.fail("read past the cap"))
    resp = as_user(patient).post(
        reverse("interop:home"),
        {"mode": "merge", "bundle": SimpleUploadedFile("b.json", _bundle(51))},
    )
    assert resp.status_code == 400
    assert "50" in resp.content.decode()


def test_fhir_upload_over_the_byte_cap_is_refused_before_parsing(
    as_user, patient, settings, monkeypatch
):
    settings.MBCNAV_FHIR_MAX_BYTES = 1000
    from mbcnav import hostile

    monkeypatch.setattr(hostile, "load_json", lambda *a: pytest.fail("parsed past the cap"))
    resp = as_user(patient).post(
        reverse("interop:home"),
        {"mode": "merge", "bundle": SimpleUploadedFile("b.json", _bundle(40))},
    )
    assert resp.status_code == 400
    assert "larger than" in resp.content.decode()


def test_long_lists_are_paged(as_user, patient):
    Lab.objects.bulk_create(
        [Lab(owner=patient, date="2024-01-01", test="CEA", value=str(i)) for i in range(600)]
    )
    c = as_user(patient)
    url = reverse("record:section_list", args=[patient.pk, "labs"])
    first = c.get(url).content.decode()
    assert first.count("/edit/") < 300
    assert "page=2" in first
    assert c.get(url + "?page=2").status_code == 200
    assert c.get(url + "?page=999").status_code == 404
    for name in ("person", "timeline"):
        page = c.get(reverse(f"record:{name}", args=[patient.pk])).content.decode()
        assert page.count("CEA") < 300, name


@pytest.mark.parametrize("value", ["inf", "nan", "1e999", "-Infinity", "NaN"])
def test_lab_form_refuses_non_finite_values_and_export_stays_valid(as_user, patient, value):
    c = as_user(patient)
    url = reverse("record:section_add", args=[patient.pk, "labs"])
    resp = c.post(url, {"date": "2024-01-01", "test": "CEA", "value": value, "unit": "ng/mL"})
    assert resp.status_code == 200 and "ordinary number" in resp.content.decode()
    assert not Lab.objects.filter(owner=patient, value=value).exists()
    body = c.get(reverse("record:export", args=[patient.pk, "json"])).content
    json.loads(body, parse_constant=lambda x: pytest.fail(f"export holds {x}"))
