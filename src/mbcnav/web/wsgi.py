"""WSGI entry point for gunicorn. Loading it also warms the engines' in-memory indexes, so that with
``gunicorn --preload`` they are built once in the master and shared by every worker."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mbcnav.web.settings")
application = get_wsgi_application()


def _templates() -> None:
    """Compile every template of the project once (the cached loader keeps them)."""
    from pathlib import Path

    from django.template import engines
    from django.template.loader import get_template

    for engine in engines.all():
        for folder in engine.template_dirs:
            folder = Path(folder)
            if "mbcnav" not in folder.parts:
                continue  # Django's own (admin, forms) compile when first used
            for path in folder.rglob("*.html"):
                get_template(str(path.relative_to(folder)))


def _warm() -> None:
    from mbcnav.library import ask, search

    # The BM25 index over the bundled articles (loaded from the saved copy when there is one),
    # and the per-passage answer-shape and drug tables an ask uses. Not the re-ranking model:
    # onnxruntime must start after the fork, in each worker (gunicorn_conf.post_fork).
    search("metastatic breast cancer", rerank=False)
    ask("which bones does Ibrance help, is hospice the same as palliative care?", rerank=False)
    _templates()
    from mbcnav.web.checkins.views import warm_symptom_fields

    warm_symptom_fields()  # about 190 form widgets, the same for everyone
    try:
        from mbcnav.trials.facts import PatientFacts
        from mbcnav.trials.rank import rank
        from mbcnav.web.trials import services as trials

        cat = trials.catalogue()  # the parsed trial catalogue
        if cat.trials:  # compiles the criteria patterns the first ranking needs
            rank(cat.trials, cat.parses, PatientFacts(), relevance=cat.relevance)
        from mbcnav.trials.geo import warm

        warm()  # ZIP and city centroids for trial sites without a geoPoint
    except Exception:  # noqa: BLE001 - an empty or missing trial table must not stop the server
        pass


_warm()
