from django.apps import AppConfig


class Config(AppConfig):
    name = "mbcnav.web.reminders"
    label = "reminders"

    def ready(self):
        from . import signals  # noqa: F401
