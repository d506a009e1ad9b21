"""WSGI entry point for gunicorn. Loading it also warms the engines' in-memory indexes, so that with
``gunicorn --preload`` they are built once in the master and shared by every worker."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mbcnav.web.settings")
application = get_wsgi_application()


def _warm() -> None:
    from mbcnav.library import search

    search("metastatic breast cancer")  # the BM25 index over the bundled articles
    try:
        from mbcnav.web.trials import services as trials

        trials.catalogue()  # the parsed trial catalogue
        from mbcnav.trials.geo import warm

        warm()  # ZIP and city centroids for trial sites without a geoPoint
    except Exception:  # noqa: BLE001 - an empty or missing trial table must not stop the server
        pass


_warm()
