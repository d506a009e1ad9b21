"""Trial finder pages: the ranked list (or a plain browse list when signed out), one trial's page
with every criterion explained, and save / unsave / add-a-question actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mbcnav.web.core.models import audit
from mbcnav.web.record import services as record

from . import one_trial, services
from .forms import BrowseForm, FilterForm

PER_PAGE = 20


def _common(request) -> dict:
    from mbcnav.trials.snapshot import age_words

    cat = services.catalogue()
    dates = services.data_dates()
    age = age_words(dates["snapshot"], timezone.localdate()) if dates["snapshot"] else ""
    return {"stored": len(cat.trials), "dates": dates, "snapshot_age": age}


def _paged(request, items: list, name: str) -> dict:
    """One page of ``items`` (``?page=N``, a bad number gives the nearest page) and the other
    query parameters, so the pager's links keep the filters."""
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    others = request.GET.copy()
    others.pop("page", None)
    return {name: page.object_list, "page": page, "query": others.urlencode()}


@require_GET
def trial_list(request, owner_id=None):
    if owner_id is None and not request.user.is_authenticated:
        return _browse(request)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?next={request.path}")
    owner = record.get_owner_for(request.user, owner_id)
    form = FilterForm(request.GET or None)
    found = services.MatchList()
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        found = services.matches_for(
            owner,
            timezone.localdate(),
            within_miles=data.get("within_miles"),
            phase=data.get("phase") or None,
            fit=form.fits() if form.is_bound else None,
            q=data.get("q") or None,
            saved_only=data.get("saved", False),
        )
    audit(request.user, owner, "view", "trial matches")
    return render(
        request,
        "trials/list.html",
        {
            **_common(request),
            "owner": owner,
            "form": form,
            **_paged(request, found, "matches"),
            "count": len(found),
            "closed": found.closed,
            "nct": found.nct,
            "total": found.total,
            "located": found.located,
            "zip": found.zip,
            "kw": record.url_kwargs(request.user, owner),
            "owners": record.visible_owners(request.user),
            "can_edit": record.can_edit(request.user, owner),
        },
    )


def _browse(request):
    form = BrowseForm(request.GET or None)
    trials = []
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        trials = services.browse(q=data.get("q") or None, phase=data.get("phase") or None)
    nct = services.normalise_nct(request.GET.get("q", ""))
    closed = [t for t in trials if not services.is_open(t.status)]
    trials = [t for t in trials if services.is_open(t.status)]
    return render(
        request,
        "trials/browse.html",
        {
            **_common(request),
            "form": form,
            **_paged(request, trials, "trials"),
            "count": len(trials),
            "closed": closed,
            "nct": nct,
        },
    )


@require_GET
def detail(request, nct_id, owner_id=None):
    owner = None
    if request.user.is_authenticated or owner_id is not None:
        if not request.user.is_authenticated:
            return redirect(f"{reverse('login')}?next={request.path}")
        owner = record.get_owner_for(request.user, owner_id)
    found = one_trial.trial_detail(owner, nct_id, timezone.localdate())
    if found is None:
        raise Http404
    ctx = {
        **_common(request),
        "d": found,
        "t": found.trial,
        "owner": owner,
        "study_team": one_trial.STUDY_TEAM,
    }
    if owner is not None:
        from mbcnav.web.visits import services as visits

        prefix = f"trial:{found.trial.nct_id}:"
        rules = set(
            visits.current(owner).filter(rule__startswith=prefix).values_list("rule", flat=True)
        )
        kw = {"nct_id": found.trial.nct_id, **record.url_kwargs(request.user, owner)}
        ctx.update(
            {
                "kw": record.url_kwargs(request.user, owner),
                "can_edit": record.can_edit(request.user, owner),
                "save_url": reverse("trials:save", kwargs=kw),
                "unsave_url": reverse("trials:unsave", kwargs=kw),
                "list_url": reverse("trials:list", kwargs=record.url_kwargs(request.user, owner)),
                "questions": [
                    (
                        q,
                        reverse("trials:ask", kwargs={**kw, "number": q.number}),
                        f"{prefix}{q.number}" in rules,
                    )
                    for q in found.questions
                ],
            }
        )
        audit(request.user, owner, "view", f"trial {found.trial.nct_id}")
    return render(request, "trials/detail.html", ctx)


def _back(request, owner, nct):
    kwargs = {"nct_id": nct, **record.url_kwargs(request.user, owner)}
    return redirect(reverse("trials:detail", kwargs=kwargs))


@login_required
@require_POST
def save(request, nct_id, owner_id=None):
    owner = record.get_owner_for(request.user, owner_id, "edit")
    saved = services.save_trial(owner, nct_id)
    if saved is None:
        raise Http404
    audit(request.user, owner, "create", f"saved trial {saved.nct_id}")
    messages.success(
        request, _("Trial saved. Find it again with the filter “Only trials I saved”.")
    )
    return _back(request, owner, saved.nct_id)


@login_required
@require_POST
def unsave(request, nct_id, owner_id=None):
    owner = record.get_owner_for(request.user, owner_id, "edit")
    nct = services.normalise_nct(nct_id)
    if nct is None:
        raise Http404
    if services.unsave_trial(owner, nct):
        audit(request.user, owner, "delete", f"saved trial {nct}")
        messages.success(request, _("Trial removed from your saved trials."))
    return _back(request, owner, nct)


@login_required
@require_POST
def ask(request, nct_id, number, owner_id=None):
    owner = record.get_owner_for(request.user, owner_id, "edit")
    question = one_trial.add_trial_question(owner, nct_id, number, timezone.localdate())
    if question is None:
        raise Http404
    audit(
        request.user, owner, "create", f"visit question from trial {services.normalise_nct(nct_id)}"
    )
    messages.success(request, _("Added to your visit questions."))
    return _back(request, owner, services.normalise_nct(nct_id))
