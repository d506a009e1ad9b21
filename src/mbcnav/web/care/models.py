"""Content that editors run from the admin: topic of the month, news, events, directory
entries beside the shipped data, and review dates of library articles.

Each has a status (draft -> published) and a review date; an item whose review date has
passed is "stale" and shows up under the admin's "stale" filter.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mbcnav.care import CATEGORIES, DESIGNATIONS


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def validate_link(value: str) -> None:
    """A link is a path on this site (/library/...) or an https:// address."""
    if not (value.startswith("/") and not value.startswith("//")) and not value.startswith(
        "https://"
    ):
        raise ValidationError(
            _("Write a path on this site (starting with /) or an https:// address.")
        )


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class Editorial(models.Model):
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("Check this item again by this date; after it, the item is flagged as stale."),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = PublishedQuerySet.as_manager()
    review_field = "review_by"

    class Meta:
        abstract = True

    @property
    def is_stale(self) -> bool:
        due = getattr(self, self.review_field)
        return due is not None and due < timezone.localdate()


class TopicOfTheMonth(Editorial):
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three plain sentences shown on the home page."),
    )
    body = models.TextField(_("body"), blank=True)
    link_url = models.CharField(
        _("link"),
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_(
            "Optional: a library article (/library/...) or an https:// page. Without it, 'Read more' opens the topic's own page."
        ),
    )
    month = models.DateField(
        _("month"), help_text=_("Any day in the month; stored as the first day.")
    )

    class Meta:
        ordering = ["-month", "-id"]
        verbose_name = _("topic of the month")
        verbose_name_plural = _("topics of the month")

    def __str__(self):
        return f"{self.month:%B %Y}: {self.title}"

    def save(self, *args, **kwargs):
        if self.month:
            self.month = self.month.replace(day=1)
        super().save(*args, **kwargs)

    @property
    def url(self) -> str:
        return self.link_url or reverse("care:topic", args=[self.pk])


class NewsItem(Editorial):
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"))
    date = models.DateField(_("date"), default=timezone.localdate)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def __str__(self):
        return self.title


class Event(Editorial):
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"))
    date = models.DateField(_("date of the event"))
    location = models.CharField(
        _("where"), max_length=200, blank=True, help_text=_("A place or 'online'.")
    )

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return f"{self.date}: {self.title}"


slug_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$", _("Use lower-case words joined by hyphens.")
)
zip_validator = RegexValidator(r"^\d{5}$", _("Write 5 digits."))
phone_validator = RegexValidator(r"^\d{3}-\d{3}-\d{4}$", _("Write it like 800-555-0100."))


class DirectoryEntry(Editorial):
    """An editor's center or organization beside the shipped data. Same id: it replaces the
    shipped entry; 'hide' removes the shipped entry with that id."""

    KINDS = [("center", _("Cancer center")), ("organization", _("Support organization"))]

    kind = models.CharField(_("kind"), max_length=12, choices=KINDS)
    slug = models.CharField(
        _("id"),
        max_length=100,
        validators=[slug_validator],
        help_text=_("Lower-case words joined by hyphens. Use a shipped entry's id to correct it."),
    )
    hide = models.BooleanField(
        _("hide the shipped entry"),
        default=False,
        help_text=_(
            "Tick to remove the shipped entry with this id (for example a center that closed)."
        ),
    )
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=12, blank=True, validators=[phone_validator])
    description = models.TextField(
        _("description"), blank=True, help_text=_("In our own words, plain language.")
    )
    categories = models.CharField(
        _("categories"),
        max_length=300,
        blank=True,
        help_text=_("Organizations: comma-separated, from: ") + ", ".join(CATEGORIES),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state"), max_length=2, blank=True)
    zip = models.CharField(_("ZIP"), max_length=5, blank=True, validators=[zip_validator])
    designation = models.CharField(
        _("designation"), max_length=20, blank=True, choices=[(d, d) for d in DESIGNATIONS]
    )
    source_publisher = models.CharField(_("source publisher"), max_length=200)
    source_title = models.CharField(_("source title"), max_length=300)
    source_url = models.URLField(_("source address"))
    source_read = models.DateField(_("date the source was read"))
    as_of = models.DateField(_("facts current as of"))

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("directory entry")
        verbose_name_plural = _("directory entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "slug"], name="care_directory_kind_slug")
        ]

    def __str__(self):
        return f"{self.name} ({self.slug})"

    def clean(self):
        if self.hide:
            return
        from . import services  # the engine checks the entry exactly as it checks the data files

        try:
            services.entry_record(self)
        except Exception as err:  # noqa: BLE001 - shown to the editor as a form error
            raise ValidationError(str(err)) from err


class ArticleReview(models.Model):
    article_slug = models.CharField(
        _("article"),
        max_length=100,
        unique=True,
        validators=[slug_validator],
        help_text=_("The library article's id, as in /library/<id>/."),
    )
    reviewed = models.DateField(_("last reviewed"))
    next_review = models.DateField(_("next review due"))
    reviewer = models.CharField(_("reviewer"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)

    review_field = "next_review"

    class Meta:
        ordering = ["next_review", "article_slug"]
        verbose_name = _("article review")
        verbose_name_plural = _("article reviews")

    def __str__(self):
        return self.article_slug

    @property
    def is_stale(self) -> bool:
        return self.next_review < timezone.localdate()

    def clean(self):
        if self.reviewed and self.next_review and self.next_review < self.reviewed:
            raise ValidationError(
                {"next_review": _("The next review must come after the last review.")}
            )
        if self.article_slug and not _article_exists(self.article_slug):
            raise ValidationError({"article_slug": _("There is no library article with this id.")})


def _article_exists(slug: str) -> bool:
    """True when the bundled library has the article (or the library cannot be read: no false alarm)."""
    try:
        from mbcnav.library.articles import load_library

        return load_library().get(slug) is not None
    except Exception:  # noqa: BLE001 - a library problem is reported by the library, not here
        return True
