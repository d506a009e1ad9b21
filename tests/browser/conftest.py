"""Browser tier: Playwright for Python driving Debian's chromium (never a downloaded browser).

Run with ``uv run pytest -m browser tests/browser``. Fixtures: ``page`` (from pytest-playwright,
launched with /usr/bin/chromium) and ``live_server`` (pytest-django).
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the test
# (creating users, reading rows) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            "Debian's chromium is missing: apt-get install chromium (the browser tier never downloads one)."
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def confirm_signup(page, email: str) -> None:
    """Open the link of the sign-up email sent to ``email`` (the live server shares the test
    process, so its emails are in ``mail.outbox``)."""
    import re as _re

    from django.core import mail

    bodies = [m.body for m in mail.outbox if email in m.to and "/accounts/confirm/" in m.body]
    assert bodies, f"no sign-up email to {email}"
    page.goto(_re.search(r"https?://\S+/accounts/confirm/\S+", bodies[-1]).group(0))
