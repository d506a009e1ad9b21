"""The one registry of deployment settings, read from the environment.

Every setting a deployer can change is listed here with its default and help text
(``mbcnav deploy-check`` and docs/deploy.md are generated from this table). Defaults
are safe for one person on one machine: SQLite in a data folder, DEBUG off,
console email, loopback hosts only.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


def _bool(text: str) -> bool:
    return text.strip().lower() in {"1", "true", "yes", "on"}


def _list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


PORTAL_EXAMPLES = (
    ("Epic sandbox", "https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4"),
    (
        "Oracle Health (Cerner) sandbox",
        "https://fhir-myrecord.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d",
    ),
    ("SMART Health IT sandbox", "https://launch.smarthealthit.org/v/r4/fhir"),
)


def _portals(text: str) -> list[dict]:
    """A JSON list of {"name", "fhir_base", "client_id"}; a mistake stops start-up with a sentence."""
    import json

    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"MBCNAV_SMART_PORTALS is not valid JSON ({err.msg}).") from None
    if not isinstance(data, list):
        raise ValueError("MBCNAV_SMART_PORTALS must be a JSON list of portals.")
    out = []
    for n, item in enumerate(data, 1):
        if not isinstance(item, dict) or not all(
            isinstance(item.get(k), str) and item[k].strip()
            for k in ("name", "fhir_base", "client_id")
        ):
            raise ValueError(
                f"Portal {n} in MBCNAV_SMART_PORTALS needs a name, a fhir_base and a client_id."
            )
        out.append({k: item[k].strip() for k in ("name", "fhir_base", "client_id")})
    return out


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str
    secret: bool = False

    def read(self, environ=os.environ) -> Any:
        raw = environ.get(self.name)
        if raw is None or raw == "":
            return self.default
        return self.parse(raw)


def _default_data_dir() -> str:
    return str(Path.cwd() / "data")


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "MBCNAV_DATA_DIR",
        None,
        "Folder for the SQLite database, the secret key file, uploads and backups (default ./data).",
    ),
    Setting(
        "DATABASE_URL",
        None,
        "Database URL; default SQLite in the data folder. postgres://user:pass@host/db for multi-user deployments.",
    ),
    Setting(
        "SECRET_KEY",
        None,
        "Django secret key. Default: generated once and kept in <data>/secret_key (set it explicitly in production).",
        secret=True,
    ),
    Setting("DEBUG", False, "Show debug pages. Never on in production.", _bool),
    Setting(
        "ALLOWED_HOSTS",
        ["127.0.0.1", "localhost"],
        "Comma-separated host names this deployment answers to.",
        _list,
    ),
    Setting(
        "CSRF_TRUSTED_ORIGINS",
        [],
        "Comma-separated origins (https://example.org) trusted for form posts behind a proxy.",
        _list,
    ),
    Setting(
        "SECURE",
        False,
        "Behind HTTPS: secure cookies, HSTS, SSL redirect, proxy SSL header.",
        _bool,
    ),
    Setting(
        "EMAIL_BACKEND",
        "django.core.mail.backends.console.EmailBackend",
        "Django email backend (console by default: emails are printed).",
    ),
    Setting("EMAIL_HOST", "localhost", "SMTP host when the SMTP backend is used."),
    Setting("EMAIL_PORT", 25, "SMTP port.", int),
    Setting("EMAIL_HOST_USER", "", "SMTP user."),
    Setting("EMAIL_HOST_PASSWORD", "", "SMTP password.", secret=True),
    Setting("EMAIL_USE_TLS", False, "Use STARTTLS for SMTP.", _bool),
    Setting(
        "DEFAULT_FROM_EMAIL",
        "MBC Navigator <noreply@localhost>",
        "Sender of password resets and alerts.",
    ),
    Setting("TIME_ZONE", "UTC", "Time zone for dates shown in the app."),
    Setting(
        "LOGIN_FAILURE_LIMIT",
        5,
        "Failed sign-ins from one address for one account before that address must wait (see LOGIN_COOLOFF_MINUTES).",
        int,
    ),
    Setting(
        "LOGIN_COOLOFF_MINUTES",
        15,
        "Minutes an address waits after LOGIN_FAILURE_LIMIT failed sign-ins; more failures meanwhile do not make the wait longer (a throttle, not a lock).",
        int,
    ),
    Setting(
        "MBCNAV_RESETS_PER_ADDRESS",
        3,
        "Sign-up and password-reset emails one address may receive per hour.",
        int,
    ),
    Setting(
        "MBCNAV_RESETS_PER_CLIENT",
        10,
        "Sign-up and password-reset emails one client address may ask for per hour.",
        int,
    ),
    Setting(
        "MBCNAV_TRUSTED_PROXIES",
        [],
        "Comma-separated addresses or networks of your reverse proxies (127.0.0.1, 10.0.0.0/8). Requests from them are keyed on the client address the proxy puts in X-Forwarded-For; leave empty when nothing sits in front of the app.",
        _list,
    ),
    Setting(
        "MBCNAV_FHIR_MAX_BYTES",
        10 * 1024 * 1024,
        "Largest FHIR bundle upload, in bytes (default 10 MB); a larger file is refused before it is read.",
        int,
    ),
    Setting(
        "MBCNAV_FHIR_MAX_ENTRIES",
        10_000,
        "Most entries a FHIR bundle upload may hold; a bundle with more is refused before any entry is read.",
        int,
    ),
    Setting(
        "MBCNAV_SMART_PORTALS",
        [],
        "Patient portals people may connect (SMART on FHIR, standalone patient launch with PKCE), as "
        'a JSON list: [{"name": "Epic sandbox", "fhir_base": "https://fhir.epic.com/interconnect-'
        'fhir-oauth/api/FHIR/R4", "client_id": "<your client id>"}]. Register this site\'s '
        "https://<host>/fhir/portal/callback/ as the redirect address with each health system. "
        "Examples: "
        + "; ".join(f"{name} {url}" for name, url in PORTAL_EXAMPLES)
        + ". None by default.",
        _portals,
    ),
    Setting(
        "MBCNAV_SMART_TOKEN_KEY",
        None,
        "Secret from which the key that encrypts saved portal tokens is derived (default: derived "
        "from SECRET_KEY). Changing it disconnects every portal.",
        secret=True,
    ),
    Setting(
        "MBCNAV_REQUIRE_2FA_FOR_STAFF",
        False,
        "Staff, editors and navigators must turn on two-step sign-in (authenticator app) before they can use the site.",
        _bool,
    ),
    Setting(
        "MBCNAV_DEPLOYMENT_NAME",
        "MBC Navigator",
        "Name of this deployment shown in the header and About page.",
    ),
    Setting(
        "MBCNAV_OPERATOR",
        "",
        "Who runs this deployment, e.g. 'the Example Cancer Alliance' (About page; unset, the page says so).",
    ),
    Setting("MBCNAV_CONTACT_EMAIL", "", "Where people report a content error (About page)."),
    Setting(
        "MBCNAV_SITE_URL",
        "http://127.0.0.1:8000",
        "The site's address, for links in reminder emails sent by the worker (no request to ask).",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str, environ=os.environ) -> Any:
    return _BY_NAME[name].read(environ)


LOOPBACK_HOSTS = {"", "127.0.0.1", "localhost", "::1", "0.0.0.0", "::"}


def site_url_is_local(url: str) -> bool:
    """Whether the site address only works on this machine (the default, or any loopback name):
    links built from it in reminder emails would not open for the person or their caregivers."""
    host = (urlsplit(url).hostname or "").lower()
    return host in LOOPBACK_HOSTS or host.startswith("127.") or host.endswith(".localhost")


def site_url_problem(url: str) -> str | None:
    """One sentence if ``MBCNAV_SITE_URL`` is not a public https address, else None."""
    if site_url_is_local(url):
        return (
            f"MBCNAV_SITE_URL is {url or 'empty'}, an address that only works on this machine; "
            "set it to the site's public https address so links in reminder emails open."
        )
    if urlsplit(url).scheme != "https":
        return f"MBCNAV_SITE_URL is {url}, which is not https; set the site's https address."
    return None


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make it readable by this user only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        path.chmod(0o700)
    except PermissionError:  # a folder someone else owns (a mounted volume): leave it
        pass
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` if missing, born 0600 whatever the umask, and make it 0600 if it exists."""
    path = Path(path)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    try:
        path.chmod(0o600)
    except PermissionError:
        pass
    return path


def data_dir(environ=os.environ) -> Path:
    """The data folder (database, secret key, uploads, backups): private to this user (0700)."""
    path = Path(get("MBCNAV_DATA_DIR", environ) or _default_data_dir()).expanduser().resolve()
    return private_dir(path)


def secret_key(environ=os.environ) -> str:
    """SECRET_KEY from the environment, else one generated once and kept in the data folder."""
    explicit = get("SECRET_KEY", environ)
    if explicit:
        return explicit
    key_file = data_dir(environ) / "secret_key"
    if not key_file.exists() or not key_file.stat().st_size:
        private_file(key_file).write_text(secrets.token_urlsafe(50), encoding="utf-8")
    return key_file.read_text(encoding="utf-8").strip()
