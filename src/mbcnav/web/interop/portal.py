"""Connect a patient portal (SMART on FHIR standalone launch), read it, disconnect.

The sign-in state and PKCE verifier live in the person's session between "Connect" and the
portal's answer; the access and refresh tokens are kept encrypted (Fernet, with a key derived
from MBCNAV_SMART_TOKEN_KEY, itself SECRET_KEY by default). Reading the portal never changes
the record: what it holds is staged for review (``review.stage``) and enters only when accepted.
"""

from __future__ import annotations

import base64
from dataclasses import asdict
from datetime import timedelta

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.utils import timezone

from mbcnav.fhir import FhirError, import_bundle
from mbcnav.fhir.smart import Launch, SmartConfig, Token, begin, discover, fetch_record, finish
from mbcnav.fhir.smart import refresh as refresh_token
from mbcnav.web.core.models import audit

from . import review
from .models import PortalConnection

SESSION_KEY = "mbcnav_smart_launch"


# ----------------------------------------------------------------- configuration and keys
def portals() -> list[dict]:
    """The portals the operator has set up (MBCNAV_SMART_PORTALS); none by default."""
    return list(settings.MBCNAV_SMART_PORTALS)


def portal_named(name: str) -> dict:
    for item in portals():
        if item["name"] == name:
            return item
    raise FhirError(f"This site has no patient portal called {name[:80]!r}.")


def _fernet() -> Fernet:
    secret = str(settings.MBCNAV_SMART_TOKEN_KEY).encode()
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"mbcnav", info=b"portal tokens").derive(
        secret
    )
    return Fernet(base64.urlsafe_b64encode(key))


def seal(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode() if text else ""


def unseal(text: str) -> str:
    if not text:
        return ""
    try:
        return _fernet().decrypt(text.encode()).decode()
    except InvalidToken:
        raise FhirError(
            "The saved portal sign-in can no longer be read (the site's key changed); "
            "please disconnect and connect again."
        ) from None


# ----------------------------------------------------------------- connecting
def start(session, name: str, redirect_uri: str) -> str:
    """Discover the portal, keep state + PKCE verifier in the session, return the sign-in URL."""
    item = portal_named(name)
    config = discover(item["fhir_base"])
    launch = begin(config, item["client_id"], redirect_uri)
    session[SESSION_KEY] = {"portal": name, "config": asdict(config), "launch": asdict(launch)}
    return launch.authorize_url


def complete(session, owner, actor, callback_url: str) -> PortalConnection:
    """Check the portal's answer against the session, swap the code, save the tokens sealed."""
    saved = session.pop(SESSION_KEY, None)
    if not isinstance(saved, dict):
        raise FhirError(
            "No portal sign-in was started from this browser (or it was already used); "
            "please press Connect again."
        )
    config = _config(saved["config"])
    launch = Launch(**saved["launch"])
    token = finish(config, launch, callback_url)
    connection, _ = PortalConnection.objects.update_or_create(
        owner=owner, portal=saved["portal"], defaults={"fhir_base": config.fhir_base}
    )
    _save_token(connection, token)
    audit(actor, owner, "create", f"portal connection: {saved['portal']}")
    return connection


def _config(data: dict) -> SmartConfig:
    return SmartConfig(**{**data, "capabilities": tuple(data.get("capabilities") or ())})


def _save_token(connection: PortalConnection, token: Token) -> None:
    connection.patient_id = token.patient
    connection.scope = token.scope[:2000]
    connection.access_token = seal(token.access_token)
    connection.refresh_token = seal(token.refresh_token)
    connection.expires_at = (
        timezone.now() + timedelta(seconds=token.expires_in) if token.expires_in else None
    )
    connection.save()


def _token(connection: PortalConnection) -> Token:
    return Token(
        unseal(connection.access_token),
        connection.patient_id,
        connection.scope,
        unseal(connection.refresh_token),
    )


# ----------------------------------------------------------------- reading and disconnecting
def connection_for(owner, name: str) -> PortalConnection:
    connection = PortalConnection.objects.filter(owner=owner, portal=name).first()
    if connection is None:
        raise FhirError(f"Your record is not connected to {name[:80]!r}.")
    return connection


def read(owner, actor, name: str):
    """Fetch the portal record and stage it for review; returns the PendingImport."""
    connection = connection_for(owner, name)
    item = portal_named(name)
    config = discover(connection.fhir_base)
    token = _token(connection)
    expired = connection.expires_at is not None and connection.expires_at <= timezone.now()
    if expired:
        token = _refresh(config, item, connection, token)
    try:
        bundle = fetch_record(config, token)
    except FhirError as err:
        if "refused access" not in str(err) or not token.refresh_token or expired:
            raise
        token = _refresh(config, item, connection, token)
        bundle = fetch_record(config, token)
    incoming, report = import_bundle(bundle, max_entries=settings.MBCNAV_FHIR_MAX_ENTRIES)
    connection.last_read_at = timezone.now()
    connection.save(update_fields=["last_read_at"])
    pending = review.stage(owner, incoming, report, f"portal: {name}", actor)
    audit(actor, owner, "import", f"portal read for review: {name}")
    return pending


def _refresh(config, item, connection, token: Token) -> Token:
    try:
        fresh = refresh_token(config, item["client_id"], token)
    except FhirError as err:
        raise FhirError(
            f"Your sign-in to {connection.portal} has expired and could not be renewed "
            f"({str(err).rstrip('.')}); please disconnect and connect again."
        ) from None
    _save_token(connection, fresh)
    return fresh


def disconnect(owner, actor, name: str) -> bool:
    """Delete the connection and its tokens. True when there was one."""
    deleted, _ = PortalConnection.objects.filter(owner=owner, portal=name).delete()
    if deleted:
        audit(actor, owner, "delete", f"portal connection: {name}")
    return bool(deleted)
