"""Documents: upload or paste a report, review each proposed fact with its sentence, accept item
by item or all checked; owner-only files (0600), strangers 404, hostile uploads one sentence + 400."""

from __future__ import annotations

import stat

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mbcnav.reports import NO_TEXT_LAYER
from mbcnav.web.documents import storage
from mbcnav.web.documents.models import Document
from mbcnav.web.record.models import Assessment, Biomarker, Metastasis, Note, Profile

PATHOLOGY = """SURGICAL PATHOLOGY
CLINICAL HISTORY: diagnosed 2019 with an ER positive, HER2 negative breast cancer.
DIAGNOSIS: Liver, core biopsy: metastatic invasive lobular carcinoma.
Estrogen receptor: Negative (0%)
Progesterone receptor: Negative (0%)
HER2 (IHC): 3+
Ki-67: 30%
"""
NGS = """GENOMIC FINDINGS
  PIK3CA  p.H1047R
  ERBB2   amplification
BIOMARKER FINDINGS
  PD-L1 (22C3): CPS 15
"""
IMAGING = """CT CHEST ABDOMEN PELVIS
Liver: new 2 cm lesion in segment VI.
IMPRESSION: Progression of disease with a new liver metastasis.
"""


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"


def _url(name, owner, *args):
    return reverse(f"documents:{name}", args=[owner.pk, *args])


def _paste(client, owner, text, kind="pathology", **extra):
    return client.post(_url("list", owner), {"kind": kind, "text": text, **extra})


def _pdf(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string="".join(f"<p>{line}</p>" for line in text.splitlines())).write_pdf()


def _review_keys(doc):
    from mbcnav.web.documents import services

    return {p.fact.field: p.key for p in services.review(doc)}


def test_paste_review_then_accept_one_and_all_checked(patient, as_user):
    client = as_user(patient)
    response = _paste(client, patient, PATHOLOGY, report_date="2026-11-02")
    doc = Document.objects.get(owner=patient)
    assert response.status_code == 302 and response.url == _url("review", patient, doc.pk)
    before = Profile.objects.get(owner=patient).er
    page = client.get(_url("review", patient, doc.pk)).content.decode()
    # each fact shows its sentence with the words highlighted; history is not proposed
    assert "<mark>Estrogen receptor: Negative (0%)</mark>" in page
    assert "HER2 IHC: 3+" in page and "Ki-67: 30%" in page
    assert "ER positive" not in page.split("<table>")[1].split("</table>")[0]
    assert Profile.objects.get(owner=patient).er == before  # nothing written yet
    keys = _review_keys(doc)
    # one item: ER only
    assert client.post(_url("review", patient, doc.pk), {"one": keys["er"]}).status_code == 302
    profile = Profile.objects.get(owner=patient)
    assert profile.er == "negative" and profile.her2 != "IHC 3+"
    # all checked: HER2 and histology and Ki-67 (a note)
    chosen = [keys["her2_ihc"], keys["histology"], keys["ki67_percent"]]
    assert client.post(_url("review", patient, doc.pk), {"fact": chosen}).status_code == 302
    profile.refresh_from_db()
    assert profile.her2 == "IHC 3+" and profile.histology == "lobular"
    assert Note.objects.filter(owner=patient, text__contains="Ki-67: 30%").exists()
    doc.refresh_from_db()
    assert set(doc.accepted) == {keys["er"], *chosen}
    # accepting the same item again changes nothing and says why
    again = client.post(_url("review", patient, doc.pk), {"one": keys["er"]})
    assert again.status_code == 400 and b"Tick at least one fact" in again.content


def test_ngs_and_imaging_facts_go_to_biomarkers_sites_and_scans(patient, as_user):
    client = as_user(patient)
    _paste(client, patient, NGS, kind="biomarker", report_date="2026-10-01")
    doc = Document.objects.get(owner=patient, kind="biomarker")
    keys = list(_review_keys(doc).values())
    assert client.post(_url("review", patient, doc.pk), {"fact": keys}).status_code == 302
    rows = dict(Biomarker.objects.filter(owner=patient).values_list("marker", "result"))
    assert rows["PIK3CA"] == "mutated H1047R"
    assert rows["HER2 amplification"] == "amplified"
    assert rows["PD-L1"] == "CPS 15 (22C3)"
    Metastasis.objects.filter(owner=patient, site="liver").delete()
    _paste(client, patient, IMAGING, kind="imaging", report_date="2026-11-20")
    doc = Document.objects.get(owner=patient, kind="imaging")
    keys = list(_review_keys(doc).values())
    assert client.post(_url("review", patient, doc.pk), {"fact": keys}).status_code == 302
    scan = Assessment.objects.get(owner=patient, date="2026-11-20")
    assert (
        scan.status == "progression"
        and scan.method == "CT"
        and "Progression of disease" in scan.note
    )
    assert Metastasis.objects.filter(owner=patient, site="liver").exists()


def test_pdf_upload_is_kept_owner_only_0600_downloadable_and_deletable(
    patient, as_user, stranger, caregiver_edit
):
    client = as_user(patient)
    upload = SimpleUploadedFile("path.pdf", _pdf(PATHOLOGY), content_type="application/pdf")
    assert (
        client.post(_url("list", patient), {"kind": "pathology", "file": upload}).status_code == 302
    )
    doc = Document.objects.get(owner=patient)
    path = storage.path_of(patient.pk, doc.stored)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "Estrogen receptor" in doc.text
    listing = client.get(_url("list", patient)).content.decode()
    assert "path.pdf" in listing
    got = client.get(_url("download", patient, doc.pk))
    assert got.status_code == 200 and b"".join(got.streaming_content).startswith(b"%PDF")
    # strangers: 404 everywhere; an edit-scope caregiver reviews but cannot download or delete
    for name, args in (("list", ()), ("review", (doc.pk,)), ("download", (doc.pk,))):
        assert as_user(stranger).get(_url(name, patient, *args)).status_code == 404
    helper = as_user(caregiver_edit)
    assert helper.get(_url("review", patient, doc.pk)).status_code == 200
    assert helper.get(_url("download", patient, doc.pk)).status_code == 404
    assert helper.post(_url("delete", patient, doc.pk)).status_code == 404
    assert as_user(stranger).post(_url("delete", patient, doc.pk)).status_code == 404
    # the owner deletes: row and file go
    assert as_user(patient).post(_url("delete", patient, doc.pk)).status_code == 302
    assert not Document.objects.filter(pk=doc.pk).exists() and not path.exists()


def test_an_edit_caregiver_may_accept_a_read_only_one_may_not(
    patient, as_user, caregiver_edit, caregiver_read
):
    _paste(as_user(patient), patient, PATHOLOGY)
    doc = Document.objects.get(owner=patient)
    key = _review_keys(doc)["her2_ihc"]
    assert as_user(caregiver_read).get(_url("review", patient, doc.pk)).status_code == 403
    assert (
        as_user(caregiver_read).post(_url("review", patient, doc.pk), {"one": key}).status_code
        == 403
    )
    assert Profile.objects.get(owner=patient).her2 != "IHC 3+"
    assert (
        as_user(caregiver_edit).post(_url("review", patient, doc.pk), {"one": key}).status_code
        == 302
    )
    assert Profile.objects.get(owner=patient).her2 == "IHC 3+"


def test_deleting_the_account_removes_the_files(patient, as_user):
    client = as_user(patient)
    client.post(
        _url("list", patient),
        {"kind": "pathology", "file": SimpleUploadedFile("a.pdf", _pdf(PATHOLOGY))},
    )
    path = storage.path_of(patient.pk, Document.objects.get(owner=patient).stored)
    assert path.exists()
    patient.delete()
    assert not path.exists()


def _png_pdf() -> bytes:
    import base64

    from tests.reports.test_pdf import _png, make_pdf

    return make_pdf(f'<img src="data:image/png;base64,{base64.b64encode(_png(50, 20)).decode()}">')


@pytest.mark.parametrize(
    "data,words",
    [
        ("scan", NO_TEXT_LAYER),
        (b"just some text, not a pdf", "not a PDF"),
        (b"%PDF-1.4\n" + b"x" * (5 * 1024 * 1024 + 10), "larger than 5 MB"),
        (b"%PDF-1.4\n\x00\x00\x00 broken", "could not be read"),
        ("bogus filter", "could not be read"),
    ],
)
def test_hostile_uploads_are_one_sentence_and_400(patient, as_user, data, words):
    if data == "scan":
        data = _png_pdf()
    elif data == "bogus filter":
        from tests.reports.test_pdf import bogus_filter_pdf

        data = bogus_filter_pdf()
    upload = SimpleUploadedFile("x.pdf", data, content_type="application/pdf")
    response = as_user(patient).post(_url("list", patient), {"kind": "pathology", "file": upload})
    assert response.status_code == 400
    assert words.replace("'", "&#x27;") in response.content.decode()
    assert not Document.objects.filter(owner=patient).exists()


@pytest.mark.parametrize(
    "form,words",
    [
        ({"kind": "pathology", "text": "ER 90%\x00"}, "The report text holds NUL characters"),
        ({"kind": "pathology", "text": "   "}, "Choose a report PDF or paste"),
        ({"kind": "x-ray", "text": "ER 90%"}, "x-ray"),
        ({"kind": "pathology", "text": "ER 90%", "report_date": "2999-01-01"}, "in the future"),
    ],
)
def test_bad_pasted_text_is_one_sentence_and_400(patient, as_user, form, words):
    response = as_user(patient).post(_url("list", patient), form)
    assert response.status_code == 400 and words in response.content.decode()
    assert not Document.objects.filter(owner=patient).exists()


def test_an_accept_that_would_break_the_record_writes_nothing(patient, as_user, monkeypatch):
    from mbcnav.web.documents import services

    _paste(as_user(patient), patient, NGS, kind="biomarker")
    doc = Document.objects.get(owner=patient)
    before = sorted(Biomarker.objects.filter(owner=patient).values_list("marker", "result"))
    import mbcnav.reports.record as rec

    real = rec.proposals

    def broken(report):
        return [
            p.__class__(p.key, p.fact, p.target, p.field, "not a result", p.label)
            for p in real(report)
        ]

    monkeypatch.setattr(services, "proposals", broken)
    keys = [p.key for p in broken(services.read_report(doc.text, doc.kind))]
    response = as_user(patient).post(_url("review", patient, doc.pk), {"fact": keys})
    assert response.status_code == 400 and b"Nothing was added" in response.content
    assert sorted(Biomarker.objects.filter(owner=patient).values_list("marker", "result")) == before
    doc.refresh_from_db()
    assert doc.accepted == []


def test_export_everything_holds_the_documents(patient, as_user):
    from mbcnav.web.record import services

    _paste(as_user(patient), patient, NGS, kind="biomarker")
    docs = services.export_everything(patient)["documents"]
    assert len(docs) == 1 and "PIK3CA" in docs[0]["text"] and docs[0]["kind"] == "biomarker"


def test_accepting_the_same_facts_twice_adds_nothing(patient, as_user):
    """A double click or a second tab: both requests hold the document as read before either wrote."""
    from mbcnav.web.documents import services

    _paste(as_user(patient), patient, IMAGING, kind="imaging", report_date="2026-11-20")
    first_tab = Document.objects.get(owner=patient)
    second_tab = Document.objects.get(pk=first_tab.pk)
    keys = list(_review_keys(first_tab).values())
    assert services.accept(patient, patient, first_tab, keys) == len(keys)
    scans = Assessment.objects.filter(owner=patient).count()
    notes = Note.objects.filter(owner=patient).count()
    with pytest.raises(services.NothingChosen):
        services.accept(patient, patient, second_tab, keys)
    assert Assessment.objects.filter(owner=patient).count() == scans
    assert Note.objects.filter(owner=patient).count() == notes
    second_tab.refresh_from_db()
    assert sorted(second_tab.accepted) == sorted(keys)
