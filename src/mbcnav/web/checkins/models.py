"""The navigator inbox: one alert per urgent or emergency check-in of a person who shared with a navigator."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Alert(models.Model):
    LEVELS = [("emergency", _("emergency")), ("urgent", _("urgent"))]

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    navigator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_alerts"
    )
    checkin_date = models.DateField()
    level = models.CharField(max_length=10, choices=LEVELS)
    summary = models.TextField()
    created = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["acknowledged_at", "-created", "-id"]
