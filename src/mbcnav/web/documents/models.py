"""Report documents a person keeps with their record: the uploaded PDF (on disk, 0600) or the
pasted text, the text we read, and which proposed facts the person has accepted so far."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

KINDS = [
    ("pathology", _("pathology")),
    ("biomarker", _("biomarker / NGS")),
    ("imaging", _("imaging (scan)")),
]


class Document(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind of report"), max_length=12, choices=KINDS)
    name = models.CharField(_("name"), max_length=200)
    report_date = models.DateField(_("date of the report"))
    stored = models.CharField(max_length=200, blank=True)  # file name under the owner's folder
    size = models.PositiveIntegerField(default=0)
    text = models.TextField(blank=True)
    accepted = models.JSONField(default=list, blank=True)  # proposal keys already written
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]

    @property
    def is_pdf(self) -> bool:
        return bool(self.stored)
