"""Documents pages: upload or paste a report, list, download and delete (owner only), and the
review page where the owner or an edit-scope caregiver accepts proposed facts one by one."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mbcnav.reports import ReportError
from mbcnav.web.core.models import audit
from mbcnav.web.record.views.common import context, record_view

from . import services, storage
from .forms import UploadForm
from .models import Document


@record_view(scope="edit", log="documents")
def documents(request, owner):
    is_owner = owner.pk == request.user.pk
    form = UploadForm(request.POST or None, request.FILES or None) if is_owner else None
    error = None
    if request.method == "POST":
        if not is_owner:
            raise Http404
        if form.is_valid():
            try:
                doc = services.create(
                    owner,
                    request.user,
                    kind=form.cleaned_data["kind"],
                    report_date=form.cleaned_data.get("report_date"),
                    upload=form.cleaned_data.get("file"),
                    text=form.cleaned_data.get("text") or "",
                )
            except ReportError as err:
                error = str(err)
            else:
                return redirect("documents:review", owner_id=owner.pk, pk=doc.pk)
        else:
            error = " ".join(str(e) for errs in form.errors.values() for e in errs)
    docs = Document.objects.filter(owner=owner).only(
        "id", "kind", "name", "report_date", "stored", "size", "accepted", "created"
    )
    return render(
        request,
        "documents/list.html",
        context(request, owner, form=form, error=error, documents=docs, is_owner=is_owner),
        status=400 if error else 200,
    )


def _doc(owner, pk) -> Document:
    return get_object_or_404(Document, owner=owner, pk=pk)


@record_view(scope="edit")
def review(request, owner, pk):
    doc = _doc(owner, pk)
    error = None
    if request.method == "POST":
        keys = request.POST.getlist("fact")
        if request.POST.get("one"):
            keys = [request.POST["one"]]
        try:
            n = services.accept(owner, request.user, doc, keys)
        except ReportError as err:
            error = str(err)
        else:
            messages.success(request, _("Added %(n)d fact(s) to the record.") % {"n": n})
            return redirect("documents:review", owner_id=owner.pk, pk=doc.pk)
    else:
        audit(request.user, owner, "view", f"report document {doc.pk}")
    current = services.current_values(owner)
    items = []
    for p in services.review(doc):
        a, b = p.fact.sentence
        items.append(
            {
                "p": p,
                "before": doc.text[a : p.fact.start],
                "words": doc.text[p.fact.start : p.fact.end],
                "after": doc.text[p.fact.end : b],
                "done": p.key in doc.accepted,
                "now": current.get((p.target, p.field)),
            }
        )
    return render(
        request,
        "documents/review.html",
        context(
            request,
            owner,
            doc=doc,
            items=items,
            error=error,
            pending=[i for i in items if not i["done"]],
        ),
        status=400 if error else 200,
    )


@record_view(owner_only=True)
def download(request, owner, pk):
    doc = _doc(owner, pk)
    audit(request.user, owner, "export", f"report document {doc.pk}")
    if doc.stored:
        try:
            handle = open(storage.path_of(owner.pk, doc.stored), "rb")  # noqa: SIM115 - FileResponse closes it
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(
            handle, as_attachment=True, filename="report.pdf", content_type="application/pdf"
        )
    response = HttpResponse(doc.text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="report.txt"'
    return response


@require_POST
@record_view(owner_only=True)
def delete(request, owner, pk):
    doc = _doc(owner, pk)
    doc.delete()  # the file goes with it (apps.ready)
    audit(request.user, owner, "delete", f"report document {pk}")
    messages.success(
        request, _("The document was deleted. Facts you had added stay in your record.")
    )
    return redirect("documents:list", owner_id=owner.pk)
