"""The SMART engine against the SMART test server process (tests/fixtures/smart_server.py):
2.x scopes, refresh tokens, patient-scoped reads of every record type, servers that want a
category for Observation searches, and the wrong-patient refusal."""

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from mbcnav.fhir import FhirError, import_bundle
from mbcnav.fhir.smart import (
    SmartConfig,
    Token,
    begin,
    discover,
    fetch_record,
    finish,
    refresh,
    scope_for,
)

REDIRECT = "http://127.0.0.1/callback"


def launch_and_sign_in(server, user="ancora"):
    config = discover(server.fhir_base)
    launch = begin(config, "mbcnav-test", REDIRECT)
    page = httpx.get(launch.authorize_url)
    form_id = page.text.split('name="form" value="')[1].split('"')[0]
    answer = httpx.post(
        f"{server.root}/authorize",
        data={"form": form_id, "username": user, "password": "test", "answer": "approve"},
    )
    return config, launch, finish(config, launch, answer.headers["Location"])


def test_scopes_follow_smart_2_when_the_server_says_so(smart_server):
    config = discover(smart_server.fhir_base)
    assert "permission-v2" in config.capabilities
    scope = parse_qs(urlsplit(begin(config, "c", REDIRECT).authorize_url).query)["scope"][0]
    for kind in ("Patient", "Condition", "Observation", "DiagnosticReport", "DocumentReference"):
        assert f"patient/{kind}.rs" in scope
    assert "offline_access" in scope
    old = SmartConfig("https://x.example/fhir", "https://x.example/a", "https://x.example/t")
    assert "patient/Condition.read" in scope_for(old) and ".rs" not in scope_for(old)


def test_each_person_gets_only_their_own_record(smart_server):
    _, _, token = launch_and_sign_in(smart_server, "tm02")
    assert token.patient == "mCODETrialMatchingPatientExample02" and token.refresh_token
    bundle = fetch_record(discover(smart_server.fhir_base), token)
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds.count("Patient") == 1 and "Procedure" in kinds and "DiagnosticReport" in kinds
    assert len(kinds) == 30  # 29 fixture resources + the report, across pages of 5
    record, _ = import_bundle(bundle)
    assert record["treatments"]


def test_a_refresh_token_renews_a_stale_access_token(smart_server):
    config, _, token = launch_and_sign_in(smart_server)
    smart_server.control("expire")
    with pytest.raises(FhirError, match="refused access"):
        fetch_record(config, token)
    fresh = refresh(config, "mbcnav-test", token)
    assert fresh.access_token != token.access_token and fresh.patient == "Ancora-13"
    assert len(fetch_record(config, fresh)["entry"]) == 18
    with pytest.raises(FhirError, match="refused the saved sign-in"):
        refresh(config, "mbcnav-test", token)  # a refresh token is spent once
    with pytest.raises(FhirError, match="no refresh token"):
        refresh(config, "mbcnav-test", Token("a", "Ancora-13", ""))


def test_observations_are_read_per_category_when_the_server_insists(smart_server):
    config, _, token = launch_and_sign_in(smart_server)
    everything = fetch_record(config, token)
    smart_server.control("require-category")
    by_category = fetch_record(config, token)
    assert len(by_category["entry"]) > 1
    ids = {e["resource"]["id"] for e in by_category["entry"]}
    assert ids <= {e["resource"]["id"] for e in everything["entry"]}


def test_another_patients_resource_stops_the_whole_read(smart_server):
    config, _, token = launch_and_sign_in(smart_server)
    smart_server.control("leak")
    with pytest.raises(FhirError, match="different patient"):
        fetch_record(config, token)


def test_a_token_for_another_patient_id_cannot_read_the_record(smart_server):
    config, _, token = launch_and_sign_in(smart_server)
    other = Token(token.access_token, "mCODETrialMatchingPatientExample02", "")
    with pytest.raises(FhirError, match="refused access"):
        fetch_record(config, other)
    with pytest.raises(FhirError, match="not valid"):
        fetch_record(config, Token(token.access_token, "../Patient/x", ""))
