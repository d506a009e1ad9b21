"""Care and support pages: public (no account needed), read-only."""

import re

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from mbcnav.care import CareError, directory

from . import services
from .forms import CATEGORY_LABELS, FindCareForm
from .models import Event, NewsItem, TopicOfTheMonth


def _category_label(category):
    return CATEGORY_LABELS.get(category, category)


def _record_zip(request) -> str:
    """The ZIP code of the signed-in person's own record, to search near it at once."""
    if not request.user.is_authenticated:
        return ""
    from mbcnav.web.record.models import Profile

    return (
        Profile.objects.filter(owner=request.user).values_list("postal_code", flat=True).first()
        or ""
    )


def home(request):
    data = request.GET or None
    zip_from_record = "" if data else _record_zip(request)
    if zip_from_record:
        data = {"zip": zip_from_record}
    form = FindCareForm(data)
    layer = services.editor_layer()
    hits, searched, category = None, False, ""
    if form.is_bound and form.is_valid():
        zip_code = form.cleaned_data["zip"].strip()
        category = form.cleaned_data["category"]
        within = float(form.cleaned_data["within"]) if form.cleaned_data["within"] else None
        if zip_code:
            try:
                hits = [
                    (hit, next(iter(services.registry_phones(hit.center)), None))
                    for hit in directory.nearest_centers(
                        zip_code, within_miles=within, limit=10, **layer.for_centers()
                    )
                ]
                searched = True
            except CareError as err:
                form.add_error("zip", str(err))
    orgs = directory.organizations(category or None, **layer.for_organizations())
    return render(
        request,
        "care/home.html",
        {
            "form": form,
            "hits": hits,
            "searched": searched,
            "category": category,
            "category_label": _category_label(category) if category else "",
            "organizations": orgs,
            "news": services.news(),
            "events": services.upcoming_events(),
            "topic": services.current_topic(),
            "zip_from_record": zip_from_record,
        },
    )


def center_detail(request, slug):
    try:
        center = directory.center(slug, **services.editor_layer().for_centers())
    except CareError:
        raise Http404(slug) from None
    phones = services.registry_phones(center)
    main = re.sub(r"\D", "", center.phone or "")
    confirmed = [p for p in phones if re.sub(r"\D", "", p.phone.phone) == main]
    others = [p for p in phones if p not in confirmed]
    return render(
        request,
        "care/center.html",
        {"center": center, "study_phones": others, "main_confirmed": confirmed[:1]},
    )


def organization_list(request):
    form = FindCareForm(request.GET or None)
    category = form.cleaned_data["category"] if form.is_bound and form.is_valid() else ""
    orgs = directory.organizations(category or None, **services.editor_layer().for_organizations())
    return render(
        request,
        "care/organizations.html",
        {
            "form": form,
            "organizations": orgs,
            "category_label": _category_label(category) if category else "",
        },
    )


def organization_detail(request, slug):
    try:
        org = directory.organization(slug, **services.editor_layer().for_organizations())
    except CareError:
        raise Http404(slug) from None
    labels = [_category_label(c) for c in org.categories]
    return render(request, "care/organization.html", {"org": org, "category_labels": labels})


def second_opinions(request):
    orgs = directory.organizations("second opinions", **services.editor_layer().for_organizations())
    return render(request, "care/second_opinions.html", {"organizations": orgs})


def contribute(request):
    return render(
        request,
        "care/contribute.html",
        {
            "operator": settings.MBCNAV_OPERATOR,
            "contact": settings.MBCNAV_CONTACT_EMAIL,
        },
    )


def _visible(request, model, pk):
    """Published items for everyone; drafts only for people allowed to edit them (preview)."""
    item = get_object_or_404(model, pk=pk)
    if item.status != "published" and not request.user.has_perm(
        f"care.change_{model._meta.model_name}"
    ):
        raise Http404("draft")
    return item


def topic_list(request):
    return render(request, "care/topics.html", {"topics": services.past_topics()})


def topic_detail(request, pk):
    return render(
        request, "care/item.html", {"item": _visible(request, TopicOfTheMonth, pk), "kind": "topic"}
    )


def news_detail(request, pk):
    return render(
        request, "care/item.html", {"item": _visible(request, NewsItem, pk), "kind": "news"}
    )


def event_detail(request, pk):
    return render(
        request, "care/item.html", {"item": _visible(request, Event, pk), "kind": "event"}
    )
