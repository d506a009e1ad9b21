"""Visit guide pages: the question list (add, reorder, tick, answer), print view and PDF."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mbcnav.web.core.models import audit
from mbcnav.web.record import services as record

from . import services
from .forms import AnswerForm, QuestionForm
from .models import VisitQuestion


def _back(request, owner):
    kwargs = record.url_kwargs(request.user, owner)
    return redirect(reverse("visits:guide", kwargs=kwargs))


def _context(request, owner):
    can_edit = record.can_edit(request.user, owner)
    if can_edit:
        services.refresh(owner, timezone.localdate())
    questions = list(services.current(owner))
    return {
        "owner": owner,
        "questions": questions,
        "can_edit": can_edit,
        "form": QuestionForm(),
        "next_visit": next(iter(record.upcoming_appointments(owner, 1)), None),
        "printed": timezone.localdate(),
        "kw": record.url_kwargs(request.user, owner),
        "past": VisitQuestion.objects.filter(owner=owner, archived_at__isnull=False).exclude(
            answer=""
        )[:50],
    }


@login_required
def guide(request, owner_id=None):
    owner = record.get_owner_for(request.user, owner_id)
    audit(request.user, owner, "view", "visit guide")
    return render(request, "visits/guide.html", _context(request, owner))


@login_required
def printable(request, owner_id=None):
    owner = record.get_owner_for(request.user, owner_id)
    return render(request, "visits/print.html", _context(request, owner))


@login_required
def pdf(request, owner_id=None):
    from weasyprint import HTML

    owner = record.get_owner_for(request.user, owner_id)
    html = render_to_string("visits/pdf.html", _context(request, owner), request=request)
    data = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    audit(request.user, owner, "export", "visit guide PDF")
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="visit-questions.pdf"'
    return response


@login_required
@require_POST
def add(request, owner_id=None):
    owner = record.get_owner_for(request.user, owner_id, "edit")
    form = QuestionForm(request.POST)
    if form.is_valid():
        services.add_question(owner, form.cleaned_data["text"])
        audit(request.user, owner, "create", "visit question")
        return _back(request, owner)
    ctx = _context(request, owner)
    ctx["form"] = form
    return render(request, "visits/guide.html", ctx, status=400)


@login_required
@require_POST
def act(request, pk, action, owner_id=None):
    """tick / untick / up / down / remove / answer on one question."""
    owner = record.get_owner_for(request.user, owner_id, "edit")
    q = get_object_or_404(VisitQuestion, pk=pk, owner=owner, archived_at__isnull=True)
    if action in ("up", "down"):
        services.move(owner, q.pk, -1 if action == "up" else 1)
    elif action in ("tick", "untick"):
        q.ticked = action == "tick"
        q.save(update_fields=["ticked"])
    elif action == "remove":
        if q.rule:
            q.dismissed = True
            q.save(update_fields=["dismissed"])
        else:
            q.delete()
    elif action == "answer":
        form = AnswerForm(request.POST)
        if form.is_valid():
            q.answer = form.cleaned_data["answer"]
            q.ticked = q.ticked or bool(q.answer)
            q.save(update_fields=["answer", "ticked"])
    else:
        return HttpResponse(status=404)
    audit(request.user, owner, "update", f"visit question {q.pk} ({action})")
    return _back(request, owner)


@login_required
@require_POST
def finish(request, owner_id=None):
    owner = record.get_owner_for(request.user, owner_id, "edit")
    services.finish_visit(owner, timezone.now())
    audit(request.user, owner, "update", "visit finished")
    return _back(request, owner)
