"""The editors' admin: draft -> published actions, status and stale filters."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mbcnav.web.core.models import audit

from .models import ArticleReview, DirectoryEntry, Event, NewsItem, Status, TopicOfTheMonth


class StaleFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("yes", _("Stale (review date passed)")), ("no", _("Up to date"))]

    def queryset(self, request, queryset):
        name = queryset.model.review_field
        today = timezone.localdate()
        if self.value() == "yes":
            return queryset.filter(**{f"{name}__lt": today})
        if self.value() == "no":
            return queryset.exclude(**{f"{name}__lt": today})
        return queryset


@admin.display(boolean=True, description=_("stale"))
def stale(obj):
    return obj.is_stale


@admin.action(description=_("Publish the selected items"), permissions=["change"])
def publish(modeladmin, request, queryset):
    names = [str(item) for item in queryset]
    count = queryset.update(status=Status.PUBLISHED, updated=timezone.now())
    for name in names:
        audit(
            request.user, None, "update", f"published {queryset.model._meta.verbose_name}: {name}"
        )
    modeladmin.message_user(
        request,
        ngettext("%d item published.", "%d items published.", count) % count,
        messages.SUCCESS,
    )


@admin.action(description=_("Move the selected items back to draft"), permissions=["change"])
def unpublish(modeladmin, request, queryset):
    names = [str(item) for item in queryset]
    count = queryset.update(status=Status.DRAFT, updated=timezone.now())
    for name in names:
        audit(
            request.user, None, "update", f"unpublished {queryset.model._meta.verbose_name}: {name}"
        )
    modeladmin.message_user(
        request,
        ngettext("%d item moved to draft.", "%d items moved to draft.", count) % count,
        messages.SUCCESS,
    )


class EditorialAdmin(admin.ModelAdmin):
    list_filter = ["status", StaleFilter]
    actions = [publish, unpublish]
    search_fields = ["title"]


@admin.register(TopicOfTheMonth)
class TopicAdmin(EditorialAdmin):
    list_display = ["title", "month", "status", "review_by", stale]
    fields = ["title", "month", "summary", "body", "link_url", "status", "review_by"]
    date_hierarchy = "month"


@admin.register(NewsItem)
class NewsAdmin(EditorialAdmin):
    list_display = ["title", "date", "status", "review_by", stale]
    fields = ["title", "date", "body", "status", "review_by"]


@admin.register(Event)
class EventAdmin(EditorialAdmin):
    list_display = ["title", "date", "location", "status", "review_by", stale]
    fields = ["title", "date", "location", "body", "status", "review_by"]


@admin.register(DirectoryEntry)
class DirectoryEntryAdmin(EditorialAdmin):
    list_display = ["name", "kind", "slug", "hide", "status", "as_of", "review_by", stale]
    list_filter = ["status", StaleFilter, "kind"]
    search_fields = ["name", "slug"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "kind",
                    "slug",
                    "hide",
                    "name",
                    "website",
                    "phone",
                    "description",
                    "status",
                    "review_by",
                ]
            },
        ),
        (_("Organizations"), {"fields": ["categories"]}),
        (_("Cancer centers"), {"fields": ["city", "state", "zip", "designation"]}),
        (
            _("Source"),
            {"fields": ["source_publisher", "source_title", "source_url", "source_read", "as_of"]},
        ),
    ]


@admin.register(ArticleReview)
class ArticleReviewAdmin(admin.ModelAdmin):
    list_display = ["article_slug", "reviewed", "next_review", "reviewer", stale]
    list_filter = [StaleFilter]
    search_fields = ["article_slug", "reviewer"]
