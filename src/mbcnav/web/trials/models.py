"""Trials kept in the database (with the engine's parse), the sync log, and the trials a person saved."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredTrial(models.Model):
    """One ClinicalTrials.gov study: the engine's ``Trial.to_dict()`` and its parse (done once)."""

    ORIGINS = [("snapshot", _("bundled snapshot")), ("sync", _("ClinicalTrials.gov sync"))]

    nct_id = models.CharField(max_length=16, unique=True)
    title = models.TextField(blank=True)
    status = models.CharField(max_length=40, blank=True)
    phase = models.CharField(max_length=40, blank=True)
    conditions = models.JSONField(default=list, blank=True)
    last_update = models.CharField(
        max_length=10,
        blank=True,
        db_index=True,
        help_text=_("The study record's last-update date (YYYY-MM-DD)."),
    )
    data = models.JSONField(help_text=_("The engine's Trial record."))
    parse = models.JSONField(
        null=True, blank=True, help_text=_("The engine's parse of the eligibility criteria.")
    )
    origin = models.CharField(max_length=10, choices=ORIGINS, default="sync")
    synced_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["nct_id"]

    def __str__(self) -> str:
        return self.nct_id


class TrialSync(models.Model):
    """One load of the bundled snapshot or one ClinicalTrials.gov sync that changed the table."""

    KINDS = [("snapshot", _("bundled snapshot")), ("sync", _("ClinicalTrials.gov sync"))]

    kind = models.CharField(max_length=10, choices=KINDS)
    as_of = models.CharField(
        max_length=10, help_text=_("The date the data are as of (YYYY-MM-DD).")
    )
    counts = models.JSONField(default=dict, blank=True)
    source = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]


class SavedTrial(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    nct_id = models.CharField(max_length=16)
    created = models.DateTimeField(auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "nct_id"], name="trials_saved_once")
        ]
