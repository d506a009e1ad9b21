"""Portal connections (tokens encrypted at rest) and imports waiting for the person's review."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PortalConnection(models.Model):
    """One person's link to one patient portal (SMART on FHIR). Tokens are Fernet-encrypted
    (see ``portal.seal``); deleting the row is "disconnect"."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portal_connections"
    )
    portal = models.CharField(max_length=100)  # the operator's portal name
    fhir_base = models.URLField(max_length=500)
    patient_id = models.CharField(max_length=64)
    scope = models.TextField(blank=True)
    access_token = models.TextField()  # encrypted
    refresh_token = models.TextField(blank=True)  # encrypted, or empty
    expires_at = models.DateTimeField(null=True, blank=True)
    connected_at = models.DateTimeField(auto_now_add=True)
    last_read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "portal"], name="one_connection_per_portal")
        ]


class PendingImport(models.Model):
    """A record read from a bundle or a portal, not yet in the person's record: the review
    page offers its new items one by one. One per person; a newer import replaces it."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_import"
    )
    source = models.CharField(max_length=120)  # "FHIR bundle" or "portal: <name>"
    record = models.JSONField()  # a valid mbcnav-patient/1 dict
    report = models.JSONField(default=dict)  # ImportReport.as_dict()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
