"""SMART on FHIR patient-access launch (authorization code + PKCE) against a local fake server.

The fake server runs on 127.0.0.1 in a thread. It plays both parts of a health system:
the authorization server (SMART configuration, /authorize, /token, which checks the PKCE
verifier against the S256 challenge) and the FHIR API, which serves the EOM fixture
patient's resources only to the bearer token it issued, with paged search results.
"""

import base64
import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from mbcnav_fhir_test_support import fixture

from mbcnav.fhir import FhirError, import_bundle
from mbcnav.fhir.smart import Token, begin, code_challenge, discover, fetch_record, finish

CLIENT_ID, REDIRECT = "mbcnav-test", "http://127.0.0.1/callback"


class FakeHealthSystem(BaseHTTPRequestHandler):
    codes: dict = {}  # code -> (challenge, client_id, redirect_uri)
    tokens: set = set()
    patient_id = "Ancora-13"
    resources: list = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def _json(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        base = f"http://127.0.0.1:{self.server.server_port}"
        if url.path == "/fhir/.well-known/smart-configuration":
            return self._json(
                200,
                {
                    "authorization_endpoint": f"{base}/authorize",
                    "token_endpoint": f"{base}/token",
                    "code_challenge_methods_supported": ["S256"],
                },
            )
        if url.path == "/authorize":  # the person signs in and says yes
            ok = (
                query.get("response_type") == "code"
                and query.get("code_challenge_method") == "S256"
                and query.get("client_id") == CLIENT_ID
                and query.get("aud") == f"{base}/fhir"
            )
            if not ok:
                return self._json(400, {"error": "invalid_request"})
            code = f"code-{len(self.codes)}"
            self.codes[code] = (query["code_challenge"], query["client_id"], query["redirect_uri"])
            self.send_response(302)
            self.send_header(
                "Location",
                f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}",
            )
            self.end_headers()
            return None
        if self.headers.get("Authorization", "").removeprefix("Bearer ") not in self.tokens:
            return self._json(401, {"resourceType": "OperationOutcome"})
        if url.path == f"/fhir/Patient/{self.patient_id}":
            return self._json(
                200, next(r for r in self.resources if r["resourceType"] == "Patient")
            )
        kind = url.path.removeprefix("/fhir/")
        if query.get("patient") != self.patient_id:
            return self._json(400, {"resourceType": "OperationOutcome"})
        matches = [r for r in self.resources if r["resourceType"] == kind]
        page, size = int(query.get("page", 0)), 4
        body = {
            "resourceType": "Bundle",
            "type": "searchset",
            "entry": [
                {"resource": r, "search": {"mode": "match"}}
                for r in matches[page * size : (page + 1) * size]
            ],
        }
        if (page + 1) * size < len(matches):
            nxt = urlencode({**query, "page": page + 1})
            body["link"] = [{"relation": "next", "url": f"{base}{url.path}?{nxt}"}]
        return self._json(200, body)

    def do_POST(self):
        form = {
            k: v[0]
            for k, v in parse_qs(
                self.rfile.read(int(self.headers["Content-Length"])).decode()
            ).items()
        }
        entry = self.codes.pop(form.get("code"), None)
        if entry is None or form.get("grant_type") != "authorization_code":
            return self._json(400, {"error": "invalid_grant"})
        challenge, client_id, redirect = entry
        digest = base64.urlsafe_b64encode(
            hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        )
        if (
            digest.rstrip(b"=").decode() != challenge
            or form.get("client_id") != client_id
            or form.get("redirect_uri") != redirect
        ):
            return self._json(400, {"error": "invalid_grant"})
        token = f"token-{len(self.tokens)}"
        self.tokens.add(token)
        return self._json(
            200,
            {
                "access_token": token,
                "token_type": "Bearer",
                "patient": self.patient_id,
                "scope": "launch/patient patient/*.read",
            },
        )


@pytest.fixture
def server():
    FakeHealthSystem.resources = [e["resource"] for e in fixture("eom_patient_1.json")["entry"]]
    FakeHealthSystem.codes, FakeHealthSystem.tokens = {}, set()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeHealthSystem)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/fhir"
    httpd.shutdown()
    httpd.server_close()


def sign_in(authorize_url: str) -> str:
    """What the person's browser does: open the sign-in page, come back with a code."""
    response = httpx.get(authorize_url, follow_redirects=False)
    assert response.status_code == 302
    return response.headers["Location"]


def test_full_launch_imports_the_record(server):
    config = discover(server)
    launch = begin(config, CLIENT_ID, REDIRECT)
    query = parse_qs(urlsplit(launch.authorize_url).query)
    assert query["code_challenge"] == [code_challenge(launch.code_verifier)]
    assert 43 <= len(launch.code_verifier) <= 128
    token = finish(config, launch, sign_in(launch.authorize_url))
    bundle = fetch_record(config, token)
    assert len(bundle["entry"]) == 17  # every resource, across several result pages
    record, report = import_bundle(bundle)
    direct, _ = import_bundle(fixture("eom_patient_1.json"))
    for key in ("sex", "birth_date", "receptors", "metastases", "ecog", "assessments"):
        assert record[key] == direct[key], key
    assert report.imported_count == 11


def test_a_wrong_pkce_verifier_is_refused(server):
    config = discover(server)
    launch = begin(config, CLIENT_ID, REDIRECT)
    callback = sign_in(launch.authorize_url)
    forged = type(launch)(
        launch.authorize_url, launch.state, "x" * 64, launch.client_id, launch.redirect_uri
    )
    with pytest.raises(FhirError, match="refused the sign-in code"):
        finish(config, forged, callback)


def test_a_state_mismatch_stops_before_the_token_request(server):
    config = discover(server)
    first, second = begin(config, CLIENT_ID, REDIRECT), begin(config, CLIENT_ID, REDIRECT)
    with pytest.raises(FhirError, match="does not match"):
        finish(config, second, sign_in(first.authorize_url))
    assert len(FakeHealthSystem.codes) == 1  # the code was never spent


def test_a_refusal_by_the_person_is_reported(server):
    config = discover(server)
    launch = begin(config, CLIENT_ID, REDIRECT)
    with pytest.raises(FhirError, match="did not give access: The person said no"):
        finish(
            config,
            launch,
            f"{REDIRECT}?error=access_denied&error_description=The+person+said+no&state={launch.state}",
        )


def test_the_fhir_api_refuses_a_made_up_token(server):
    config = discover(server)
    token = Token("not-a-token", "Ancora-13", "")
    with pytest.raises(FhirError, match="refused access"):
        fetch_record(config, token)


def test_plain_http_is_refused_off_the_local_machine():
    with pytest.raises(FhirError, match="must use https"):
        discover("http://ehr.example.org/fhir")


def test_code_challenge_matches_the_rfc_7636_example():
    # RFC 7636 appendix B: the one worked example of S256 (the engine and the test health
    # system share this helper, so it is checked here against the standard, not against itself).
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert code_challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
