"""Ending, changing or removing a treatment ends the medicine schedules tied to it."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from mbcnav.web.record.models import Treatment

from . import services


@receiver(post_save, sender=Treatment)
def treatment_saved(sender, instance, **kwargs):
    services.end_for_treatment(instance)


@receiver(pre_delete, sender=Treatment)
def treatment_deleted(sender, instance, **kwargs):
    services.end_for_treatment(instance, deleted=True)
