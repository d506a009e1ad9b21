"""The person's list of questions for their next visit, and the answers they wrote down."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class VisitQuestion(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("question"))
    topic = models.CharField(_("topic"), max_length=40, blank=True)
    why = models.TextField(_("why this question"), blank=True)
    article = models.CharField(max_length=80, blank=True)
    rule = models.CharField(
        max_length=80,
        blank=True,
        help_text=_("The guide rule that wrote it; empty for your own questions."),
    )
    sources = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)
    ticked = models.BooleanField(_("asked"), default=False)
    answer = models.TextField(_("what I was told"), blank=True)
    dismissed = models.BooleanField(
        default=False, help_text=_("Removed by the person; the rule will not add it again.")
    )
    archived_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Set when a visit is done; kept as history.")
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
