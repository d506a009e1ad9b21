"""The HTTP side of the SMART engine: endpoint addresses must use https (except on the local
machine), and every JSON read turns a failure into one ``FhirError`` sentence."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from .errors import FhirError


class StatusError(FhirError):
    """An answer other than 200 (kept apart so a missing optional search can be skipped)."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def check_url(url: str, what: str) -> str:
    parts = urlsplit(url)
    local = parts.hostname in ("localhost", "127.0.0.1", "::1")
    if parts.scheme != "https" and not (parts.scheme == "http" and local):
        raise FhirError(f"The {what} {url!r} must use https.")
    return url.rstrip("/")


def http_client(client: httpx.Client | None) -> httpx.Client:
    return client or httpx.Client(timeout=20.0)


def get_json(client: httpx.Client, url: str, what: str, **kwargs) -> dict:
    try:
        response = client.get(url, **kwargs)
    except httpx.HTTPError as err:
        raise FhirError(f"The {what} could not be reached ({err.__class__.__name__}).") from None
    if response.status_code in (401, 403):
        raise StatusError(
            f"The health system refused access to the {what} (HTTP {response.status_code}).",
            response.status_code,
        )
    if response.status_code != 200:
        raise StatusError(
            f"The {what} answered HTTP {response.status_code} instead of the data.",
            response.status_code,
        )
    try:
        data = response.json()
    except ValueError:
        raise FhirError(f"The {what} did not answer with JSON.") from None
    if not isinstance(data, dict):
        raise FhirError(f"The {what} did not answer with a JSON object.")
    return data
