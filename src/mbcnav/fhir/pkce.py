"""PKCE (RFC 7636): the S256 code challenge of a code verifier, shared by the SMART engine
and the test health system (tests/fixtures/smart_server.py)."""

from __future__ import annotations

import base64
import hashlib


def code_challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
