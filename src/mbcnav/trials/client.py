"""ClinicalTrials.gov API v2 client (httpx): polite, with timeouts, retries and clear errors.

- ``search(...)`` pages through ``/studies`` with ``query.cond``, ``query.term``,
  ``filter.overallStatus``, ``filter.geo``, ``filter.ids``, ``filter.advanced``, ``fields``,
  ``pageSize`` and ``pageToken``;
- ``study(nct_id)`` fetches one record from ``/studies/{nctId}``.
At most one request per second by default; 429 and 5xx answers are retried with
exponential backoff (honouring ``Retry-After``); no network -> ``TrialsError``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx

from mbcnav.trials.errors import TrialsError

BASE_URL = "https://clinicaltrials.gov/api/v2"
USER_AGENT = "mbcnav/0.1 (MBC Navigator trial finder; self-hosted)"
_NCT = re.compile(r"^NCT\d{8}$")
RETRY_STATUS = {429, 500, 502, 503, 504}


class CtgovClient:
    def __init__(
        self,
        base_url: str = BASE_URL,
        min_interval: float = 1.0,
        timeout: float = 30.0,
        retries: int = 4,
        backoff: float = 2.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.base_url = base_url.rstrip("/")
        self.min_interval = min_interval
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self._last = 0.0
        self.http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=10.0),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            transport=transport,
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> CtgovClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _wait_turn(self) -> None:
        gap = time.monotonic() - self._last
        if self._last and gap < self.min_interval:
            self.sleep(self.min_interval - gap)
        self._last = time.monotonic()

    def _get(self, path: str, params: dict[str, Any] | None = None) -> dict:
        url = f"{self.base_url}{path}"
        for attempt in range(self.retries + 1):
            self._wait_turn()
            try:
                resp = self.http.get(url, params=params)
            except httpx.TimeoutException as err:
                if attempt < self.retries:
                    self.sleep(self.backoff * 2**attempt)
                    continue
                raise TrialsError(
                    f"ClinicalTrials.gov did not answer in time at {url}; try again later."
                ) from err
            except httpx.TransportError as err:
                raise TrialsError(
                    f"Cannot reach ClinicalTrials.gov ({self.base_url}); check the internet connection "
                    "or use the bundled offline snapshot."
                ) from err
            if resp.status_code in RETRY_STATUS and attempt < self.retries:
                wait = self.backoff * 2**attempt
                after = resp.headers.get("Retry-After", "")
                if after.isdigit():
                    wait = max(wait, float(after))
                self.sleep(wait)
                continue
            if resp.status_code == 404:
                raise TrialsError(f"ClinicalTrials.gov has no study at {resp.request.url.path}.")
            if resp.status_code >= 400:
                raise TrialsError(
                    f"ClinicalTrials.gov answered {resp.status_code} for {resp.request.url.path}; "
                    "the request was not accepted."
                )
            try:
                return resp.json()
            except ValueError as err:
                raise TrialsError(
                    f"ClinicalTrials.gov sent a reply that is not JSON for {url}."
                ) from err
        raise TrialsError(f"ClinicalTrials.gov kept refusing requests to {url}; try again later.")

    def study(self, nct_id: str, fields: list[str] | None = None) -> dict:
        """One study record (API v2 JSON) by NCT number."""
        nct = (nct_id or "").strip().upper()
        if not _NCT.match(nct):
            raise TrialsError(
                f"NCT id '{nct_id}' is not valid; write NCT followed by 8 digits, e.g. NCT03377387."
            )
        params = {"fields": ",".join(fields)} if fields else None
        return self._get(f"/studies/{nct}", params)

    def search_page(
        self,
        cond: str | None = None,
        term: str | None = None,
        status: list[str] | None = None,
        geo: str | None = None,
        fields: list[str] | None = None,
        page_size: int = 100,
        page_token: str | None = None,
        advanced: str | None = None,
        ids: list[str] | None = None,
    ) -> dict:
        """One page of ``/studies``: {"studies": [...], "nextPageToken": ...}."""
        if not 1 <= page_size <= 1000:
            raise TrialsError(f"page size {page_size} is not allowed; use 1 to 1000.")
        params: dict[str, Any] = {"pageSize": page_size, "format": "json"}
        if cond:
            params["query.cond"] = cond
        if term:
            params["query.term"] = term
        if status:
            params["filter.overallStatus"] = ",".join(s.upper() for s in status)
        if geo:
            params["filter.geo"] = geo
        if fields:
            params["fields"] = ",".join(fields)
        if advanced:
            params["filter.advanced"] = advanced
        if ids:
            params["filter.ids"] = ",".join(ids)
        if page_token:
            params["pageToken"] = page_token
        return self._get("/studies", params)

    def search(self, max_pages: int | None = None, **kwargs) -> Iterator[dict]:
        """Every study of a search, following ``nextPageToken`` page after page."""
        token, pages = None, 0
        while True:
            page = self.search_page(page_token=token, **kwargs)
            yield from page.get("studies", [])
            pages += 1
            token = page.get("nextPageToken")
            if not token or (max_pages is not None and pages >= max_pages):
                return


def geo_filter(lat: float, lon: float, miles: float) -> str:
    """The ``filter.geo`` value for a distance search: ``distance(lat,lon,50mi)``."""
    return f"distance({lat:.4f},{lon:.4f},{miles:g}mi)"
