"""Documents: keep a report (PDF or pasted text), read it with the reports engine, and write the
facts the person accepts into the record, all at once or not at all."""

from __future__ import annotations

import json
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from mbcnav.patient import PatientFileError, parse
from mbcnav.reports import ReportError, pdf_text, read_report
from mbcnav.reports.pdf import MAX_PDF_BYTES, TOO_LARGE
from mbcnav.reports.record import Proposal, method, proposals
from mbcnav.web.core.models import audit
from mbcnav.web.record.adapter import record_dict
from mbcnav.web.record.models import Assessment, Biomarker, Metastasis, Note, Profile

from . import storage
from .models import Document

MAX_UPLOAD = MAX_PDF_BYTES


def create(
    owner, actor, *, kind: str, report_date: date | None, upload=None, text: str = ""
) -> Document:
    """Keep the report and its text; a file that is not a readable PDF changes nothing."""
    if upload is not None:
        if upload.size > MAX_UPLOAD:
            raise ReportError(TOO_LARGE)
        data = upload.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            raise ReportError(TOO_LARGE)
        text = pdf_text(data)
        name = (upload.name or "report.pdf").replace("\x00", "")[-200:]
    else:
        data, name = None, _("Pasted text")
    report = read_report(text, kind)  # checks kind, NUL characters, length
    with transaction.atomic():
        doc = Document.objects.create(
            owner=owner,
            kind=report.kind,
            name=name,
            report_date=report_date or date.today(),
            size=len(data) if data is not None else len(text.encode("utf-8")),
            text=report.text,
        )
        if data is not None:
            doc.stored = storage.save(owner.pk, data)
            doc.save(update_fields=["stored"])
    audit(actor, owner, "import", f"report document {doc.pk} ({doc.kind})")
    return doc


def review(doc: Document) -> list[Proposal]:
    return proposals(read_report(doc.text, doc.kind))


def current_values(owner) -> dict[tuple[str, str], str]:
    """What the record holds now for each place a proposal could write, to show 'replaces'."""
    out: dict[tuple[str, str], str] = {}
    profile = Profile.objects.filter(owner=owner).first()
    if profile:
        for f in ("er", "pr", "her2", "histology"):
            out[("profile", f)] = getattr(profile, f)
    for b in Biomarker.objects.filter(owner=owner):
        out[("biomarker", b.marker)] = b.result
    for m in Metastasis.objects.filter(owner=owner):
        out[("metastasis", m.site)] = "in your record"
    return out


class NothingChosen(ReportError):
    pass


def accept(owner, actor, doc: Document, keys: list[str]) -> int:
    """Write the chosen proposals; all or nothing. Returns how many facts were written.

    What was already accepted is read again under a row lock inside the transaction, so a
    double click or a second tab cannot write the same facts twice."""
    proposed = review(doc)
    notes: list[str] = []
    with transaction.atomic():
        accepted = set(Document.objects.select_for_update().get(pk=doc.pk).accepted)
        chosen = [p for p in proposed if p.key in set(keys) and p.key not in accepted]
        if not chosen:
            raise NothingChosen(_("Tick at least one fact to add to the record."))
        profile, _created = Profile.objects.select_for_update().get_or_create(owner=owner)
        changed_profile = False
        for p in chosen:
            if p.target == "profile":
                setattr(profile, p.field, p.value)
                changed_profile = True
            elif p.target == "biomarker":
                row = Biomarker.objects.filter(owner=owner, marker=p.field).first()
                row = row or Biomarker(owner=owner, marker=p.field)
                row.result, row.test_date = p.value[:40], doc.report_date
                row.save()
            elif p.target == "metastasis":
                if not Metastasis.objects.filter(owner=owner, site=p.field).exists():
                    Metastasis.objects.create(owner=owner, site=p.field, date=doc.report_date)
                notes.append(p.label)
            elif p.target == "assessment":
                Assessment.objects.create(
                    owner=owner,
                    date=doc.report_date,
                    status=p.field,
                    method=method(doc.text),
                    note=_("From the report “%(name)s”: %(words)s")
                    % {"name": doc.name, "words": _sentence(doc, p)},
                )
            else:
                notes.append(p.label)
        if changed_profile:
            profile.save()
        if notes:
            Note.objects.create(
                owner=owner,
                date=doc.report_date,
                title=(_("From your %(kind)s report") % {"kind": doc.get_kind_display()})[:160],
                text="\n".join(f"- {line}" for line in notes),
            )
        try:  # the record must still be a valid patient file, or nothing is written
            parse(json.loads(json.dumps(record_dict(owner))), today=date.today())
        except PatientFileError as err:
            transaction.set_rollback(True)
            raise ReportError(_("Nothing was added: %(why)s") % {"why": str(err)}) from None
        doc.accepted = sorted(accepted | {p.key for p in chosen})
        doc.save(update_fields=["accepted"])
    audit(actor, owner, "update", f"report document {doc.pk}: accepted {len(chosen)} fact(s)")
    return len(chosen)


def _sentence(doc: Document, p: Proposal) -> str:
    a, b = p.fact.sentence
    return " ".join(doc.text[a:b].split())[:400]
