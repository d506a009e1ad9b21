"""SMART patient access against a hostile or broken server: the bearer token never leaves the
FHIR server, unclear subjects stop the read, odd answers give one sentence (never a crash)."""

import httpx
import pytest

from mbcnav.fhir import FhirError
from mbcnav.fhir.smart import (
    DEFAULT_EXPIRES_IN,
    YEAR_SECONDS,
    Launch,
    SmartConfig,
    Token,
    discover,
    fetch_record,
    finish,
)

BASE = "https://ehr.example.org/fhir"
CONFIG = SmartConfig(BASE, "https://ehr.example.org/auth", "https://ehr.example.org/token")
TOKEN = Token("secret-token", "p1", "patient/*.read")
PATIENT = {"resourceType": "Patient", "id": "p1"}


def bundle(*resources, next_url=None) -> dict:
    out = {"resourceType": "Bundle", "type": "searchset", "entry": []}
    out["entry"] = [{"resource": r} for r in resources]
    if next_url is not None:
        out["link"] = [{"relation": "next", "url": next_url}]
    return out


def serve(pages: dict, seen: list):
    """A mock FHIR server: path -> JSON answer; every request (url, auth header) is noted."""

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers.get("Authorization")))
        path = request.url.path
        if request.url.host != "ehr.example.org":
            return httpx.Response(200, json=bundle())
        if path.endswith("/Patient/p1"):
            return httpx.Response(200, json=PATIENT)
        return httpx.Response(200, json=pages.get(path, bundle()))

    return httpx.Client(transport=httpx.MockTransport(handle))


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example.com/fhir/Condition?page=2",
        "https://ehr.example.org:8443/fhir/Condition?page=2",
        "https://ehr.example.org/other/Condition?page=2",
        "https://ehr.example.org/fhirx/Condition?page=2",
    ],
)
def test_a_next_page_off_the_fhir_server_is_not_followed(next_url):
    seen: list = []
    pages = {"/fhir/Condition": bundle(next_url=next_url)}
    with pytest.raises(FhirError, match="not on the health system's FHIR server"):
        fetch_record(CONFIG, TOKEN, serve(pages, seen))
    assert all(url.startswith(BASE + "/") for url, _auth in seen)


def test_a_next_page_on_the_fhir_server_is_followed():
    seen: list = []
    cond = {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"}}
    pages = {"/fhir/Condition": bundle(next_url=f"{BASE}/Condition/_page?n=2")}
    pages["/fhir/Condition/_page"] = bundle(cond)
    out = fetch_record(CONFIG, TOKEN, serve(pages, seen))
    assert {"resource": cond} in out["entry"]


@pytest.mark.parametrize(
    "subject",
    ["Patient/p1", {"reference": 7}, {"display": "someone"}, {"reference": "#p"}, ["x"]],
)
def test_a_resource_whose_subject_is_unclear_stops_the_read(subject):
    cond = {"resourceType": "Condition", "id": "c1", "subject": subject}
    pages = {"/fhir/Condition": bundle(cond)}
    with pytest.raises(FhirError, match="does not say clearly which patient"):
        fetch_record(CONFIG, TOKEN, serve(pages, []))


@pytest.mark.parametrize("answer", [[1, 2], 5, "text"])
def test_an_answer_that_is_not_a_json_object_is_one_sentence(answer):
    pages = {"/fhir/Condition": answer}
    with pytest.raises(FhirError, match="did not answer with a JSON object"):
        fetch_record(CONFIG, TOKEN, serve(pages, []))
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json=answer)))
    with pytest.raises(FhirError, match="JSON object"):
        discover(BASE, client)


def test_a_non_ascii_state_is_a_mismatch_not_a_crash():
    launch = Launch("https://ehr.example.org/auth", "abc", "v" * 43, "mbcnav", "https://me/cb")
    with pytest.raises(FhirError, match="does not match"):
        finish(CONFIG, launch, "https://me/cb?state=%C3%A9t%C3%A9&code=x")


def _token_with(expires_in_text: str) -> Token:
    body = (
        '{"token_type": "Bearer", "access_token": "t", "patient": "p1", '
        f'"expires_in": {expires_in_text}}}'
    )
    client = httpx.Client(
        transport=httpx.MockTransport(
            lambda r: httpx.Response(
                200, content=body.encode(), headers={"Content-Type": "application/json"}
            )
        )
    )
    launch = Launch("https://ehr.example.org/auth", "s", "v" * 43, "mbcnav", "https://me/cb")
    return finish(CONFIG, launch, "https://me/cb?state=s&code=x", client)


@pytest.mark.parametrize(
    ("given", "read"),
    [
        ("3600", 3600),
        ("1e300", YEAR_SECONDS),
        ("Infinity", YEAR_SECONDS),
        ("NaN", DEFAULT_EXPIRES_IN),
        ("-5", DEFAULT_EXPIRES_IN),
        ("0", DEFAULT_EXPIRES_IN),
        ('"soon"', DEFAULT_EXPIRES_IN),
        ("null", None),
    ],
)
def test_the_token_lifetime_is_kept_within_a_year(given, read):
    assert _token_with(given).expires_in == read
