"""SMART on FHIR standalone patient-access launch: authorization code with PKCE (S256).

The engine keeps no state; the caller (the web app) stores the ``Launch`` between the
two steps, usually in the person's session:

    config = discover("https://ehr.example.org/fhir")         # .well-known/smart-configuration
    launch = begin(config, client_id="mbcnav", redirect_uri="https://me.example/fhir/callback")
    # ... send the person to launch.authorize_url; the portal sends them back to redirect_uri
    token = finish(config, launch, callback_url)               # checks state, swaps code + verifier
    bundle = fetch_record(config, token)                       # a collection Bundle
    record, report = import_bundle(bundle)
    token = refresh(config, "mbcnav", token)                   # later: a fresh access token

The scopes follow SMART App Launch 2.x (``patient/Condition.rs``) when the server says it
supports ``permission-v2``, else the 1.x spelling (``patient/Condition.read``).
``fetch_record`` refuses the whole answer when any resource belongs to another patient
than the one the token was issued for (a wrong-patient hazard, see docs/safety.md).

Every failure is a ``FhirError`` with one sentence. Endpoints must use https, except on
the local machine (for tests and development).
"""

from __future__ import annotations

import hmac
import math
import re
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from .errors import FhirError
from .paging import search_pages
from .pkce import code_challenge
from .smart_http import StatusError, check_url, get_json, http_client

DEFAULT_SCOPE = "launch/patient openid fhirUser patient/*.read"
RECORD_TYPES = (
    "Condition",
    "Observation",
    "MedicationRequest",
    "MedicationStatement",
    "Procedure",
    "DiagnosticReport",
    "DocumentReference",
)
OPTIONAL_TYPES = ("MedicationStatement", "DiagnosticReport", "DocumentReference")
# Servers that insist on a category for Observation searches (Epic does) are asked per category.
OBSERVATION_CATEGORIES = ("laboratory", "vital-signs", "exam", "imaging", "procedure", "survey")
YEAR_SECONDS = 365 * 24 * 3600
DEFAULT_EXPIRES_IN = 3600  # when the server gives a lifetime that is not a sensible number
_FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")


@dataclass(frozen=True)
class SmartConfig:
    fhir_base: str
    authorization_endpoint: str
    token_endpoint: str
    capabilities: tuple[str, ...] = ()


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
    refresh_token: str = ""
    expires_in: int | None = None  # seconds, as the server said when it issued the token


def discover(fhir_base: str, client: httpx.Client | None = None) -> SmartConfig:
    """Read the server's SMART configuration (its sign-in and token addresses)."""
    base = check_url(fhir_base, "FHIR server address")
    data = get_json(
        http_client(client), f"{base}/.well-known/smart-configuration", "SMART configuration"
    )
    methods = data.get("code_challenge_methods_supported")
    if methods is not None and "S256" not in methods:
        raise FhirError(
            "The health system does not support PKCE with S256, which secure sign-in needs."
        )
    capabilities = data.get("capabilities")
    try:
        return SmartConfig(
            base,
            check_url(str(data["authorization_endpoint"]), "authorization address"),
            check_url(str(data["token_endpoint"]), "token address"),
            tuple(str(c) for c in capabilities) if isinstance(capabilities, list) else (),
        )
    except KeyError as err:
        raise FhirError(f"The SMART configuration gives no {err.args[0]}.") from None


def scope_for(config: SmartConfig) -> str:
    """Read access to the person's own record, one scope per resource type, plus a refresh
    token (``offline_access``) so "refresh from portal" works without signing in again."""
    suffix = "rs" if "permission-v2" in config.capabilities else "read"
    kinds = ("Patient", *RECORD_TYPES)
    return " ".join(
        ["launch/patient", "openid", "fhirUser", "offline_access"]
        + [f"patient/{kind}.{suffix}" for kind in kinds]
    )


def begin(
    config: SmartConfig, client_id: str, redirect_uri: str, scope: str | None = None
) -> Launch:
    """Build the sign-in address with a fresh state and PKCE verifier (RFC 7636, S256)."""
    scope = scope or scope_for(config)
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
    given = query.get("state", "").encode("utf-8", "surrogatepass")
    if not hmac.compare_digest(given, launch.state.encode("utf-8")):
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
    return _token(config, form, "sign-in code", client)


def refresh(
    config: SmartConfig, client_id: str, token: Token, client: httpx.Client | None = None
) -> Token:
    """Swap the refresh token for a fresh access token (the patient stays the same)."""
    if not token.refresh_token:
        raise FhirError("The portal gave no refresh token; please connect again.")
    form = {
        "grant_type": "refresh_token",
        "refresh_token": token.refresh_token,
        "client_id": client_id,
    }
    fresh = _token(config, form, "saved sign-in", client, patient=token.patient)
    if fresh.patient != token.patient:
        raise FhirError(
            "The health system answered for a different patient than the one connected; "
            "please disconnect and connect again."
        )
    if not fresh.refresh_token:  # servers may keep the old refresh token valid
        fresh = Token(
            fresh.access_token, fresh.patient, fresh.scope, token.refresh_token, fresh.expires_in
        )
    return fresh


def _token(
    config: SmartConfig, form: dict, what: str, client: httpx.Client | None, patient: str = ""
) -> Token:
    try:
        response = http_client(client).post(
            config.token_endpoint, data=form, headers={"Accept": "application/json"}
        )
    except httpx.HTTPError as err:
        raise FhirError(
            f"The token address could not be reached ({err.__class__.__name__})."
        ) from None
    if response.status_code != 200:
        raise FhirError(f"The health system refused the {what} (HTTP {response.status_code}).")
    try:
        data = response.json()
    except ValueError:
        raise FhirError("The token address did not answer with JSON.") from None
    if not isinstance(data, dict):
        raise FhirError("The token address did not answer with a token.")
    if str(data.get("token_type", "")).lower() != "bearer" or not data.get("access_token"):
        raise FhirError("The health system answered without a bearer access token.")
    patient = str(data.get("patient") or patient)
    if not patient:
        raise FhirError("The health system did not say which patient record the access is for.")
    if not _FHIR_ID.fullmatch(patient):
        raise FhirError(f"The health system gave a patient id that is not valid: {patient[:40]!r}.")
    return Token(
        str(data["access_token"]),
        patient,
        str(data.get("scope", "")),
        str(data.get("refresh_token") or ""),
        _expires_in(data.get("expires_in")),
    )


def _expires_in(value) -> int | None:
    """The token's lifetime in seconds: absent stays None; more than a year is a year; zero,
    negative, not a number or not finite gives the default (an hour)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return DEFAULT_EXPIRES_IN
    try:
        seconds = float(value)
    except (TypeError, ValueError, OverflowError):
        return DEFAULT_EXPIRES_IN
    if math.isnan(seconds) or seconds <= 0:
        return DEFAULT_EXPIRES_IN
    return int(min(seconds, YEAR_SECONDS))


UNKNOWN = ""  # a subject or patient that names no patient clearly: treated as another person


def _patient_of(resource: dict) -> str | None:
    """The id of the patient a resource is about, from ``subject`` or ``patient``; ``UNKNOWN``
    when either is there but malformed (not a reference object, no reference text, a local
    ``#`` reference); None when neither is given or it points to something other than a patient."""
    for key in ("subject", "patient"):
        if key not in resource or resource[key] is None:
            continue
        ref = resource[key]
        if not isinstance(ref, dict) or not isinstance(ref.get("reference"), str):
            return UNKNOWN
        text = ref["reference"].strip()
        if not text or text.startswith("#"):
            return UNKNOWN
        tail = text.rstrip("/").split("/")
        if len(tail) >= 2 and tail[-2] == "Patient":
            return tail[-1]
        if len(tail) >= 4 and tail[-4] == "Patient" and tail[-2] == "_history":
            return tail[-3]
    return None


def fetch_record(config: SmartConfig, token: Token, client: httpx.Client | None = None) -> dict:
    """The person's Patient and cancer-related resources as one collection Bundle.

    Everything must be about the token's patient: a Patient with another id, or any resource
    whose subject is another patient, stops the whole fetch with one sentence.
    """
    if not _FHIR_ID.fullmatch(token.patient):
        raise FhirError("The saved patient id is not valid; please connect again.")
    http = http_client(client)
    headers = {"Authorization": f"Bearer {token.access_token}", "Accept": "application/fhir+json"}
    patient = get_json(
        http, f"{config.fhir_base}/Patient/{token.patient}", "patient record", headers=headers
    )
    if patient.get("resourceType") != "Patient" or patient.get("id") != token.patient:
        raise FhirError(
            "The health system sent a different person's record than the one you signed in for, "
            "so nothing was read."
        )
    resources: list[dict] = [patient]
    seen: set[tuple] = set()
    for kind in RECORD_TYPES:
        query = {"patient": token.patient, "_count": 100}
        url = f"{config.fhir_base}/{kind}?{urlencode(query)}"
        try:
            found = search_pages(http, url, kind, headers, config.fhir_base)
        except StatusError as err:
            if kind == "Observation" and err.status not in (401, 403):
                found = []
                for category in OBSERVATION_CATEGORIES:
                    by_category = urlencode({**query, "category": category})
                    try:
                        found += search_pages(
                            http,
                            f"{config.fhir_base}/{kind}?{by_category}",
                            kind,
                            headers,
                            config.fhir_base,
                        )
                    except StatusError:
                        continue
            elif kind in OPTIONAL_TYPES:  # many servers offer only some of these
                continue
            else:
                raise
        for resource in found:
            key = (resource.get("resourceType"), resource.get("id"))
            if resource.get("id") is not None and key in seen:
                continue
            seen.add(key)
            owner = _patient_of(resource)
            if owner == UNKNOWN:
                raise FhirError(
                    f"The health system sent a {kind} that does not say clearly which patient it "
                    "is about, so nothing was read; please tell the health system."
                )
            if owner is not None and owner != token.patient:
                raise FhirError(
                    f"The health system sent a {kind} about a different patient than the one you "
                    "signed in for, so nothing was read; please tell the health system."
                )
            resources.append(resource)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": r} for r in resources],
    }
