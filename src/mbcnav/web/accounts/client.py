"""The address a request really comes from, for sign-in throttling and reset rate limits.

Behind a reverse proxy every request reaches the app from the proxy's address, so keying
lock-outs on ``REMOTE_ADDR`` lets anyone lock everyone out. When the deployer lists their
proxies in ``MBCNAV_TRUSTED_PROXIES`` (config.py), the client is the right-most address of
``X-Forwarded-For`` that is not one of those proxies: the proxy appends the address it saw, so
anything to the left of it was written by the client and may be forged. A request that does not
come from a listed proxy is keyed on its own address, and its ``X-Forwarded-For`` is ignored.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _valid(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def _trusted(address: str | None, proxies) -> bool:
    if address is None:
        return False
    ip = ipaddress.ip_address(address)
    for entry in proxies:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_ip(request) -> str | None:
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "")
    proxies = getattr(settings, "MBCNAV_TRUSTED_PROXIES", None) or []
    if not proxies or not _trusted(remote, proxies):
        return remote
    hops = [_valid(part) for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed(hops):
        if hop is None:
            return remote  # a garbled header: key on the proxy rather than guess
        if not _trusted(hop, proxies):
            return hop
    return remote
