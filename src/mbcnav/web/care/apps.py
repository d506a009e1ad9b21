from django.apps import AppConfig
from django.db.models.signals import post_migrate

EDITORS_GROUP = "editors"
EDITOR_MODELS = ("topicofthemonth", "newsitem", "event", "directoryentry", "articlereview")


def ensure_editors_group(sender, using="default", **kwargs):
    """The 'editors' group may add, change, delete and view the care app's content models.
    Editors are staff users in this group. Runs after every migrate (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.using(using).get_or_create(name=EDITORS_GROUP)
    perms = Permission.objects.using(using).filter(
        content_type__app_label="care", content_type__model__in=EDITOR_MODELS
    )
    group.permissions.add(*perms)


class Config(AppConfig):
    name = "mbcnav.web.care"
    label = "care"
    verbose_name = "Care and support (editors)"

    def ready(self):
        post_migrate.connect(ensure_editors_group, sender=self, dispatch_uid="care-editors-group")
