from django.apps import AppConfig


class Config(AppConfig):
    name = "mbcnav.web.documents"
    label = "documents"

    def ready(self):
        from django.db.models.signals import post_delete

        from .models import Document
        from .storage import remove_file

        # a deleted document (or account: the rows cascade) takes its file on disk with it
        post_delete.connect(remove_file, sender=Document, dispatch_uid="mbcnav-document-file")
