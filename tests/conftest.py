"""Suite-wide test settings."""


def pytest_configure(config):
    from django.conf import settings

    # Argon2 is the production hasher (tests/web/test_security.py checks it); tests create many
    # users, so they hash with MD5 to stay fast.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# --------------------------------------------------------------------------- SMART on FHIR
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

SMART_SERVER = Path(__file__).resolve().parent / "fixtures" / "smart_server.py"


class SmartServer:
    """A running tests/fixtures/smart_server.py process: its FHIR base and test controls."""

    def __init__(self, port: int):
        self.root = f"http://127.0.0.1:{port}"
        self.fhir_base = f"{self.root}/fhir"
        self.portal = {
            "name": "Test Health",
            "fhir_base": self.fhir_base,
            "client_id": "mbcnav-test",
        }

    def control(self, what: str, body: dict | None = None) -> None:
        import httpx

        httpx.post(f"{self.root}/_admin/{what}", json=body or {}).raise_for_status()


@pytest.fixture
def smart_server():
    """A fake health system (authorisation server + FHIR API) in its own process on loopback."""
    proc = subprocess.Popen(
        [sys.executable, str(SMART_SERVER), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        if not line.startswith("READY "):
            proc.kill()
            pytest.fail(f"the SMART test server did not start: {line!r} {proc.stderr.read()!r}")
        yield SmartServer(int(line.split()[1]))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
