"""What `mbcnav serve` loads into a fresh database: groups, bundled content, the demo account.

Each step is idempotent (safe to run at every start).
"""

from __future__ import annotations

from django.contrib.auth.models import Group


def load_bundled_content() -> list[str]:
    notes = []
    for name in ("navigators", "editors"):
        Group.objects.get_or_create(name=name)
    from mbcnav.web.trials import services as trials_services

    notes.append(trials_services.load_snapshot())
    from mbcnav.library import load_library, search

    library = load_library()
    search(
        "metastatic breast cancer"
    )  # builds the search index now rather than on the first question
    notes.append(f"Library: {len(library.articles)} sourced articles ready.")
    return notes


def load_demo(email: str, password: str) -> str:
    from mbcnav.web.record import services as record_services

    record_services.load_demo(email=email, password=password)
    return f"Demo account ready: {email}"
