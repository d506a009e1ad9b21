"""Menopausal status, Karnofsky and other health problems in the web record (issue 14): the
"Daily activity" form, the "Other health problems" list (add, edit, delete), the engine's
one-sentence errors on the field, the overview and summary, the file round trip through the
rows, and the same permissions as every other section."""

from __future__ import annotations

import yaml
from django.urls import reverse

from mbcnav.patient import dump, loads, parse
from mbcnav.web.record import adapter, services
from mbcnav.web.record.models import Condition, Profile

FILE = """
format: mbcnav-patient/1
sex: female
birth_year: 1974
karnofsky: KPS 80
menopausal_status: postmenopausal (surgical)
conditions:
  - name: HIV on ART, undetectable viral load
    status: controlled
    date: 2012-04-01
  - name: T2DM
  - {name: gout, status: active, note: flares twice a year}
"""


def _add(client, owner, data):
    return client.post(reverse("record:section_add", args=[owner.pk, "health-problems"]), data)


def test_add_edit_delete_a_health_problem(patient, as_user):
    client = as_user(patient)
    response = _add(client, patient, {"name": "T2DM", "status": "controlled", "date": "2019-05-01"})
    assert response.status_code == 302
    row = Condition.objects.get(owner=patient, name="T2DM")  # the rows keep what was typed
    p = services.patient_for(patient)
    assert [(c.name, c.detail, c.status) for c in p.conditions if c.name == "diabetes"] == [
        ("diabetes", "type 2", "controlled")
    ]
    listed = client.get(reverse("record:section_list", args=[patient.pk, "health-problems"]))
    assert b"T2DM" in listed.content
    edit = reverse("record:section_edit", args=[patient.pk, "health-problems", row.pk])
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"name": "T2DM", "status": "past"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == "past" and row.date is None
    delete = reverse("record:section_delete", args=[patient.pk, "health-problems", row.pk])
    assert "T2DM" in client.get(delete).content.decode()  # names the row, not "object (3)"
    assert client.post(delete).status_code == 302
    assert not Condition.objects.filter(pk=row.pk).exists()


def test_a_bad_health_problem_is_one_sentence_on_its_field(patient, as_user):
    client = as_user(patient)
    before = Condition.objects.filter(owner=patient).count()
    response = _add(client, patient, {"name": "breast cancer"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["name"] and "the cancer this file is about" in errors["name"][0]
    response = _add(client, patient, {"name": "HIV", "date": "2030-01-01"})
    errors = response.context["form"].errors
    assert list(errors) == ["date"] and "in the future" in errors["date"][0]
    assert "2030-01-01" not in errors["date"][0] or "wrote" in errors["date"][0]
    assert Condition.objects.filter(owner=patient).count() == before


def test_an_unknown_name_is_kept_as_written(patient, as_user):
    response = _add(as_user(patient), patient, {"name": "Gilbert's syndrome", "status": "active"})
    assert response.status_code == 302
    p = services.patient_for(patient)
    assert "Gilbert's syndrome" in [c.name for c in p.conditions]


def test_daily_activity_form_holds_karnofsky_and_menopause(patient, as_user):
    client = as_user(patient)
    url = reverse("record:profile_edit", args=[patient.pk, "ecog"])
    page = client.get(url).content.decode()
    assert "Karnofsky score" in page and "Menopause" in page
    response = client.post(
        url,
        {
            "ecog": "1",
            "karnofsky": "80",
            "menopausal_status": "postmenopausal",
            "menopausal_detail": "after surgery to remove both ovaries",
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(owner=patient)
    assert (profile.karnofsky, profile.menopausal_status) == (80, "postmenopausal")
    p = services.patient_for(patient)
    assert (p.ecog, p.karnofsky, p.menopausal_status) == (1, 80, "postmenopausal")
    overview = client.get(reverse("record:person", args=[patient.pk])).content.decode()
    assert "Karnofsky score" in overview and "postmenopausal" in overview
    summary = client.get(reverse("record:summary", args=[patient.pk])).content.decode()
    assert "Karnofsky" in summary and "after surgery to remove both ovaries" in summary


def test_a_detail_without_a_status_is_one_sentence_in_words(patient, as_user):
    url = reverse("record:profile_edit", args=[patient.pk, "ecog"])
    response = as_user(patient).post(url, {"menopausal_detail": "surgical"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["menopausal_detail"]
    assert "the menopausal status" in errors["menopausal_detail"][0]
    assert "menopausal_status" not in errors["menopausal_detail"][0]


def test_a_file_round_trips_through_the_web_record(patient, as_user):
    client = as_user(patient)
    services.import_text(patient, FILE, patient)
    assert Condition.objects.filter(owner=patient).count() == 3
    exported = yaml.safe_load(
        client.get(reverse("record:export", args=[patient.pk, "yaml"])).content
    )
    original = loads(FILE)
    assert parse(exported) == original
    assert exported["karnofsky"] == 80
    assert exported["menopausal_status"] == "postmenopausal"
    assert exported["menopausal_detail"] == "surgical"
    assert exported["conditions"][0] == {
        "name": "hiv",
        "status": "controlled",
        "date": "2012-04-01",
        "detail": "on treatment, undetectable viral load",
    }
    assert dump(services.patient_for(patient)) == dump(original)
    # the overview and summary list them in plain words, active first
    overview = client.get(reverse("record:person", args=[patient.pk])).content.decode()
    assert "HIV infection" in overview and "gout" in overview
    summary = client.get(reverse("record:summary", args=[patient.pk])).content.decode()
    assert summary.index("gout") < summary.index("HIV infection")


def test_adding_to_a_record_writes_only_the_new_condition(patient):
    before = services.export_patient(patient)
    after = {**before, "conditions": [*before.get("conditions", []), {"name": "DVT"}]}
    written = services.add_items(patient, before, after, patient, what="test")
    assert written == 1
    assert Condition.objects.filter(owner=patient, name="blood clot").exists()


def test_conditions_are_in_the_export_of_everything(patient, as_user):
    data = services.export_everything(patient)
    assert data["rows"]["condition"] and data["patient_file"]["conditions"]


def test_rows_from_patient_and_record_dict_agree():
    p = loads(FILE)
    rows = adapter.rows_from_patient(None, p)[Condition]
    assert [r.name for r in rows] == ["hiv", "diabetes", "gout"]
    entries = [adapter.condition_entry(r) for r in rows]
    assert parse({"format": "mbcnav-patient/1", "conditions": entries}).conditions == p.conditions


def test_caregivers_navigators_and_strangers(
    patient, caregiver_read, caregiver_edit, navigator, stranger, as_user
):
    row = Condition.objects.filter(owner=patient).first()
    listed = reverse("record:section_list", args=[patient.pk, "health-problems"])
    add = reverse("record:section_add", args=[patient.pk, "health-problems"])
    edit = reverse("record:section_edit", args=[patient.pk, "health-problems", row.pk])
    delete = reverse("record:section_delete", args=[patient.pk, "health-problems", row.pk])
    for reader in (caregiver_read, navigator):
        client = as_user(reader)
        assert client.get(listed).status_code == 200
        for url in (add, edit, delete):
            assert client.get(url).status_code == 403
        assert client.post(delete).status_code == 403
    client = as_user(caregiver_edit)
    assert client.post(add, {"name": "asthma", "status": "controlled"}).status_code == 302
    client = as_user(stranger)
    for url in (listed, add, edit, delete):
        response = client.get(url)
        assert response.status_code == 404 and b"high blood pressure" not in response.content
    assert client.post(delete).status_code == 404
    assert Condition.objects.filter(pk=row.pk).exists()
