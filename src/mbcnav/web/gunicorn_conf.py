"""gunicorn settings for MBC Navigator (``gunicorn -c python:mbcnav.web.gunicorn_conf``).

One place for how the app is served, used by ``mbcnav serve``, ``bench/load.py`` and the
deployment guide. ``--workers`` and ``--bind`` given on the command line override these.

- Threaded workers (gthread): a page waiting on the database does not hold a whole process.
- ``preload_app``: the search index and the trial catalogue are built once in the master and
  shared by the workers (see ``wsgi.py``).
- The sentence-embedding model (onnxruntime) is started in each worker after the fork
  (``post_fork``), never in the master: an onnxruntime session inherited across ``fork`` makes
  the worker hang or abort when it exits.
- ``keepalive`` is longer than the time a person takes to read a page, so a browser's next
  request does not race the server closing its idle connection.
"""

import os

wsgi_app = "mbcnav.web.wsgi:application"
worker_class = "gthread"
threads = 4
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
preload_app = True
timeout = 60
graceful_timeout = 20
keepalive = 5


def post_fork(server, worker):  # noqa: ARG001 - gunicorn's hook signature
    from mbcnav.library.index import get_index

    get_index().vectors()  # the re-ranking model and the passage vectors, in this worker


# The reminder worker (``mbcnav worker``) runs beside the web server when ``mbcnav serve``
# asks for it (MBCNAV_WORKER=1): started once the master is ready, stopped when it exits, and
# it exits by itself if the master dies (``--parent``).
_reminder_worker = None


def when_ready(server):
    global _reminder_worker
    if os.environ.get("MBCNAV_WORKER") != "1":
        return
    import subprocess
    import sys

    mbcnav = os.path.join(os.path.dirname(sys.executable), "mbcnav")
    _reminder_worker = subprocess.Popen([mbcnav, "worker", "--parent", str(os.getpid())])
    server.log.info("Reminder worker started (pid %s)", _reminder_worker.pid)


def on_exit(server):  # noqa: ARG001 - gunicorn's hook signature
    if _reminder_worker is not None and _reminder_worker.poll() is None:
        _reminder_worker.terminate()
        _reminder_worker.wait(10)
