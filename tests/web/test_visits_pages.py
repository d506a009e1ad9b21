"""Visit guide pages: questions from the record, add / reorder / tick / answer / remove, print,
PDF, finishing a visit, and every persona."""

import subprocess

import pytest
from django.urls import reverse

from mbcnav.web.visits import services
from mbcnav.web.visits.models import VisitQuestion


def guide_page(client, owner=None):
    url = (
        reverse("visits:guide", kwargs={"owner_id": owner.pk}) if owner else reverse("visits:guide")
    )
    return client.get(url)


def test_guide_writes_questions_from_the_record(as_user, patient):
    resp = guide_page(as_user(patient))
    assert resp.status_code == 200
    questions = list(services.current(patient))
    assert questions, "the demo record (progression, bone metastases...) must raise questions"
    assert all(q.why and q.topic for q in questions if q.rule)
    assert questions[0].text in resp.content.decode()


def test_refresh_does_not_duplicate_and_respects_removal(as_user, patient):
    c = as_user(patient)
    guide_page(c)
    first = services.current(patient).count()
    guide_page(c)
    assert services.current(patient).count() == first
    q = services.current(patient).exclude(rule="").first()
    c.post(reverse("visits:act", kwargs={"pk": q.pk, "action": "remove"}))
    guide_page(c)
    assert not services.current(patient).filter(pk=q.pk).exists()
    assert services.current(patient).count() == first - 1


def test_add_reorder_tick_and_answer(as_user, patient):
    c = as_user(patient)
    guide_page(c)
    c.post(reverse("visits:add"), {"text": "Can I travel in March?"})
    mine = VisitQuestion.objects.get(owner=patient, text="Can I travel in March?")
    assert mine.rule == "" and list(services.current(patient))[-1] == mine
    c.post(reverse("visits:act", kwargs={"pk": mine.pk, "action": "up"}))
    assert list(services.current(patient))[-2] == mine
    c.post(
        reverse("visits:act", kwargs={"pk": mine.pk, "action": "answer"}),
        {"answer": "Yes, between cycles."},
    )
    mine.refresh_from_db()
    assert mine.answer == "Yes, between cycles." and mine.ticked


def test_empty_own_question_is_refused(as_user, patient):
    resp = as_user(patient).post(reverse("visits:add"), {"text": ""})
    assert resp.status_code == 400
    assert not VisitQuestion.objects.filter(owner=patient, rule="").exists()


def test_finish_visit_archives_and_keeps_answers(as_user, patient):
    c = as_user(patient)
    guide_page(c)
    q = services.current(patient).first()
    c.post(
        reverse("visits:act", kwargs={"pk": q.pk, "action": "answer"}),
        {"answer": "We will test ESR1."},
    )
    c.post(reverse("visits:finish"))
    assert VisitQuestion.objects.filter(pk=q.pk, archived_at__isnull=False).exists()
    page = guide_page(c).content.decode()
    assert "We will test ESR1." in page  # shown under earlier visits


def test_print_and_pdf(as_user, patient):
    c = as_user(patient)
    guide_page(c)
    text = services.current(patient).first().text
    assert text in c.get(reverse("visits:print")).content.decode()
    resp = c.get(reverse("visits:pdf"))
    assert resp["Content-Type"] == "application/pdf" and resp.content.startswith(b"%PDF")
    try:
        out = subprocess.run(
            ["pdftotext", "-", "-"], input=resp.content, capture_output=True, check=True
        ).stdout.decode()
    except FileNotFoundError:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    assert "Questions for my visit" in out
    assert " ".join(text.split()[:4]) in " ".join(out.split())


def test_caregiver_scopes(as_user, patient, caregiver_read, caregiver_edit):
    assert guide_page(as_user(caregiver_read), patient).status_code == 200
    assert (
        as_user(caregiver_read)
        .post(reverse("visits:add", kwargs={"owner_id": patient.pk}), {"text": "x?"})
        .status_code
        == 403
    )
    assert (
        as_user(caregiver_edit)
        .post(
            reverse("visits:add", kwargs={"owner_id": patient.pk}),
            {"text": "Who do I call at night?"},
        )
        .status_code
        == 302
    )
    assert VisitQuestion.objects.filter(owner=patient, text="Who do I call at night?").exists()


def test_stranger_gets_404_everywhere(as_user, patient, stranger):
    guide_page(as_user(patient))
    q = services.current(patient).first()
    c = as_user(stranger)
    for name in ("guide", "print", "pdf"):
        assert c.get(reverse(f"visits:{name}", kwargs={"owner_id": patient.pk})).status_code == 404
    assert (
        c.post(reverse("visits:add", kwargs={"owner_id": patient.pk}), {"text": "x"}).status_code
        == 404
    )
    assert (
        c.post(
            reverse("visits:act", kwargs={"owner_id": patient.pk, "pk": q.pk, "action": "remove"})
        ).status_code
        == 404
    )
    # acting on someone else's question through one's own URL finds nothing either
    assert c.post(reverse("visits:act", kwargs={"pk": q.pk, "action": "remove"})).status_code == 404
    assert services.current(patient).filter(pk=q.pk).exists()


def test_a_fourth_line_updates_the_unasked_question_but_not_an_answered_one(as_user, patient):
    import datetime

    from mbcnav.web.record.models import Treatment

    client = as_user(patient)
    client.get(reverse("visits:guide"))
    q = VisitQuestion.objects.get(owner=patient, rule="goals-of-care-many-lines")
    assert q.text.startswith("I have had 3 treatments")
    Treatment.objects.filter(owner=patient, end__isnull=True, drugs__icontains="Enhertu").update(
        end=datetime.date(2026, 9, 1), stop_reason="progression"
    )
    Treatment.objects.create(
        owner=patient,
        drugs=["capecitabine"],
        setting="metastatic",
        start=datetime.date(2026, 9, 10),
    )
    client.get(reverse("visits:guide"))
    q.refresh_from_db()
    assert q.text.startswith("I have had 4 treatments")
    q.answer = "We talked about it."
    q.save()
    Treatment.objects.create(
        owner=patient, drugs=["eribulin"], setting="metastatic", start=datetime.date(2026, 11, 1)
    )
    client.get(reverse("visits:guide"))
    q.refresh_from_db()
    assert q.text.startswith("I have had 4 treatments")  # what was answered stays as asked
