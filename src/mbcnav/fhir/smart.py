"""SMART on FHIR standalone patient-access launch: authorization code with PKCE (S256).

The engine keeps no state; the caller (the web app) stores the ``Launch`` between the
two steps, usually in the person's session:

    config = discover("https://ehr.example.org/fhir")         # .well-known/smart-configuration
    launch = begin(config, client_id="mbcnav", redirect_uri="https://me.example/fhir/callback")
    # ... send the person to launch.authorize_url; the portal sends them back to redirect_uri
    token = finish(config, launch, callback_url)               # checks state, swaps code + verifier
    bundle = fetch_record(config, token)                       # a collection Bundle
    record, report = import_bundle(bundle)

Every failure is a ``FhirError`` with one sentence. Endpoints must use https, except on
the local machine (for tests and development).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from .errors import FhirError

DEFAULT_SCOPE = "launch/patient openid fhirUser patient/*.read"
RECORD_TYPES = ("Condition", "Observation", "MedicationRequest", "MedicationStatement", "Procedure")
MAX_PAGES = 50


@dataclass(frozen=True)
class SmartConfig:
    fhir_base: str
    authorization_endpoint: str
    token_endpoint: str


@dataclass(frozen=True)
class Launch:
    authorize_url: str
    state: str
    code_verifier: str
    client_id: str
    redirect_uri: str


@dataclass(frozen=True)
class Token:
    access_token: str
    patient: str
    scope: str


def _check_url(url: str, what: str) -> str:
    parts = urlsplit(url)
    local = parts.hostname in ("localhost", "127.0.0.1", "::1")
    if parts.scheme != "https" and not (parts.scheme == "http" and local):
        raise FhirError(f"The {what} {url!r} must use https.")
    return url.rstrip("/")


def _client(client: httpx.Client | None) -> httpx.Client:
    return client or httpx.Client(timeout=20.0)


def _get_json(client: httpx.Client, url: str, what: str, **kwargs) -> dict:
    try:
        response = client.get(url, **kwargs)
    except httpx.HTTPError as err:
        raise FhirError(f"The {what} could not be reached ({err.__class__.__name__}).") from None
    if response.status_code in (401, 403):
        raise FhirError(
            f"The health system refused access to the {what} (HTTP {response.status_code})."
        )
    if response.status_code != 200:
        raise FhirError(f"The {what} answered HTTP {response.status_code} instead of the data.")
    try:
        return response.json()
    except ValueError:
        raise FhirError(f"The {what} did not answer with JSON.") from None


def discover(fhir_base: str, client: httpx.Client | None = None) -> SmartConfig:
    """Read the server's SMART configuration (its sign-in and token addresses)."""
    base = _check_url(fhir_base, "FHIR server address")
    data = _get_json(
        _client(client), f"{base}/.well-known/smart-configuration", "SMART configuration"
    )
    methods = data.get("code_challenge_methods_supported")
    if methods is not None and "S256" not in methods:
        raise FhirError(
            "The health system does not support PKCE with S256, which secure sign-in needs."
        )
    try:
        return SmartConfig(
            base,
            _check_url(str(data["authorization_endpoint"]), "authorization address"),
            _check_url(str(data["token_endpoint"]), "token address"),
        )
    except KeyError as err:
        raise FhirError(f"The SMART configuration gives no {err.args[0]}.") from None


def code_challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def begin(
    config: SmartConfig, client_id: str, redirect_uri: str, scope: str = DEFAULT_SCOPE
) -> Launch:
    """Build the sign-in address with a fresh state and PKCE verifier (RFC 7636, S256)."""
    state = secrets.token_urlsafe(24)
    verifier = secrets.token_urlsafe(64)  # 86 unreserved characters (43-128 allowed)
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "scope": scope,
            "state": state,
            "aud": config.fhir_base,
            "code_challenge": code_challenge(verifier),
            "code_challenge_method": "S256",
        }
    )
    return Launch(
        f"{config.authorization_endpoint}?{query}", state, verifier, client_id, redirect_uri
    )


def finish(
    config: SmartConfig, launch: Launch, callback_url: str, client: httpx.Client | None = None
) -> Token:
    """Check the portal's answer and swap the code (with the PKCE verifier) for a token."""
    query = {k: v[0] for k, v in parse_qs(urlsplit(callback_url).query).items()}
    if "error" in query:
        why = query.get("error_description") or query["error"]
        raise FhirError(f"The health system did not give access: {why}.")
    if not hmac.compare_digest(query.get("state", ""), launch.state):
        raise FhirError(
            "The sign-in answer does not match the sign-in that was started; please start again."
        )
    if not query.get("code"):
        raise FhirError("The sign-in answer holds no authorization code.")
    form = {
        "grant_type": "authorization_code",
        "code": query["code"],
        "redirect_uri": launch.redirect_uri,
        "client_id": launch.client_id,
        "code_verifier": launch.code_verifier,
    }
    try:
        response = _client(client).post(
            config.token_endpoint, data=form, headers={"Accept": "application/json"}
        )
    except httpx.HTTPError as err:
        raise FhirError(
            f"The token address could not be reached ({err.__class__.__name__})."
        ) from None
    if response.status_code != 200:
        raise FhirError(
            f"The health system refused the sign-in code (HTTP {response.status_code})."
        )
    data = response.json()
    if str(data.get("token_type", "")).lower() != "bearer" or not data.get("access_token"):
        raise FhirError("The health system answered without a bearer access token.")
    if not data.get("patient"):
        raise FhirError("The health system did not say which patient record the access is for.")
    return Token(str(data["access_token"]), str(data["patient"]), str(data.get("scope", "")))


def fetch_record(config: SmartConfig, token: Token, client: httpx.Client | None = None) -> dict:
    """The person's Patient and cancer-related resources as one collection Bundle."""
    http = _client(client)
    headers = {"Authorization": f"Bearer {token.access_token}", "Accept": "application/fhir+json"}
    patient = _get_json(
        http, f"{config.fhir_base}/Patient/{token.patient}", "patient record", headers=headers
    )
    entries = [{"resource": patient}]
    for kind in RECORD_TYPES:
        url: str | None = (
            f"{config.fhir_base}/{kind}?{urlencode({'patient': token.patient, '_count': 100})}"
        )
        for _ in range(MAX_PAGES):
            if url is None:
                break
            try:
                page = _get_json(http, url, f"{kind} list", headers=headers)
            except FhirError:
                if kind == "MedicationStatement":  # many servers offer only MedicationRequest
                    break
                raise
            entries += [
                {"resource": e["resource"]}
                for e in page.get("entry") or []
                if isinstance(e, dict)
                and isinstance(e.get("resource"), dict)
                and (e.get("search") or {}).get("mode") != "outcome"
            ]
            url = next(
                (
                    link.get("url")
                    for link in page.get("link") or []
                    if link.get("relation") == "next"
                ),
                None,
            )
            if url is not None:
                _check_url(url, "next page address")
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}
