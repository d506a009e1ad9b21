"""Paged FHIR searches: follow a search's ``next`` links, at most ``MAX_PAGES`` pages, and
only while they stay on the health system's own FHIR server."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from .errors import FhirError
from .smart_http import check_url, get_json

MAX_PAGES = 50


def as_list(value) -> list:
    return value if isinstance(value, list) else []


def same_server(url: str, base: str) -> bool:
    """Whether ``url`` is on the FHIR server ``base`` (scheme, host, port, and under its path)."""
    u, b = urlsplit(url), urlsplit(base)
    try:
        same = (u.scheme, u.hostname, u.port) == (b.scheme, b.hostname, b.port)
    except ValueError:  # a port that is not a number
        return False
    path = b.path.rstrip("/")
    return same and (u.path == path or u.path.startswith(path + "/"))


def search_pages(
    http: httpx.Client, url: str | None, kind: str, headers: dict, base: str
) -> list[dict]:
    found: list[dict] = []
    for _ in range(MAX_PAGES):
        if url is None:
            break
        page = get_json(http, url, f"{kind} list", headers=headers)
        found += [
            e["resource"]
            for e in as_list(page.get("entry"))
            if isinstance(e, dict)
            and isinstance(e.get("resource"), dict)
            and (e.get("search") or {}).get("mode") != "outcome"
        ]
        url = next(
            (
                link.get("url")
                for link in as_list(page.get("link"))
                if isinstance(link, dict) and link.get("relation") == "next"
            ),
            None,
        )
        if url is not None and not isinstance(url, str):
            raise FhirError(f"The {kind} list gave a next page address that is not text.")
        if url is not None and not same_server(check_url(url, "next page address"), base):
            raise FhirError(
                f"The {kind} list pointed its next page to {url[:120]!r}, which is not on the "
                f"health system's FHIR server {base}, so it was not followed."
            )
    return found
