"""Shared helpers for the record views: who may see whose record, and the page context."""

from __future__ import annotations

from datetime import date
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.translation import gettext as _

from mbcnav.web.core.models import audit

from .. import services


def today() -> date:
    return date.today()


def record_view(scope: str = "read", owner_only: bool = False, log: str | None = None):
    """Decorate a view taking ``(request, owner, ...)``; the URL gives ``owner_id``.

    Strangers get 404 (via ``services.get_owner_for``); a read-only caregiver asking for
    an edit page gets 403. ``owner_only`` pages (sharing, import, delete) 404 for anyone
    but the owner. ``log`` writes a 'view' audit event naming the page.
    """

    def decorate(view):
        @login_required
        @wraps(view)
        def wrapper(request, owner_id=None, **kwargs):
            owner_id = request.user.pk if owner_id is None else owner_id
            owner = services.get_owner_for(request.user, owner_id, scope)
            if owner_only and owner.pk != request.user.pk:
                raise Http404
            if log and request.method == "GET":
                audit(request.user, owner, "view", log)
            return view(request, owner, **kwargs)

        return wrapper

    return decorate


#: Rows one page of a long list shows (150,000 lab results once made a 26 MB page).
PAGE_SIZE = 100


def paged(request, items, per_page: int = PAGE_SIZE):
    """One page of ``items`` (a list or queryset) from ``?page=``; a page past the end is a 404."""
    from django.core.paginator import InvalidPage, Paginator

    try:
        return Paginator(items, per_page).page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404 from None


def person_label(owner) -> str:
    from ..models import Profile

    profile = Profile.objects.filter(owner=owner).only("name").first()
    return (profile.name if profile and profile.name else "") or owner.first_name or owner.email


def context(request, owner, **extra) -> dict:
    is_self = owner.pk == request.user.pk
    return {
        "owner": owner,
        "is_self": is_self,
        "can_edit": services.can_edit(request.user, owner),
        "person": person_label(owner),
        "others": [o for o in services.visible_owners(request.user) if o.pk != request.user.pk],
        "heading_suffix": "" if is_self else _(" (shared with you)"),
        **extra,
    }
