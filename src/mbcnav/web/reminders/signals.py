"""Ending, changing or removing a treatment ends the medicine schedules tied to it; a record
replaced by an import that re-creates the treatment as it was (same type, drugs and start) keeps
them, moved to the new row."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from mbcnav.web.record.additive import treatments_recreated
from mbcnav.web.record.models import Treatment

from . import services


@receiver(post_save, sender=Treatment)
def treatment_saved(sender, instance, **kwargs):
    services.end_for_treatment(instance)


@receiver(pre_delete, sender=Treatment)
def treatment_deleted(sender, instance, **kwargs):
    services.end_for_treatment(instance, deleted=True)


@receiver(treatments_recreated)
def treatments_recreated_moved(sender, owner, mapping, **kwargs):
    services.move_to_new_treatments(owner, mapping)
