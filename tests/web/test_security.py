"""Security properties of the whole web app: headers, password hashing, sign-in lock-out, no
third-party hosts, an append-only audit log, and strangers never seeing another person's data
on any URL pattern."""

import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

import mbcnav.web
from mbcnav.web import config
from mbcnav.web.core.models import AuditEvent, audit
from mbcnav.web.record import models as record_models

WEB = Path(mbcnav.web.__file__).parent
MARKER = "Zanzibar-Quokka-7731"  # a unique string only the patient's record contains


def test_security_headers_on_every_response(client, db):
    resp = client.get("/")
    assert resp["X-Frame-Options"] == "DENY"
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert resp["Referrer-Policy"] == "same-origin"
    csp = resp["Content-Security-Policy"]
    assert (
        "default-src 'self'" in csp
        and "frame-ancestors 'none'" in csp
        and "script-src 'self'" in csp
    )


def test_argon2_is_the_production_hasher():
    from mbcnav.web import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_secure_setting_turns_on_https_protections():
    env = {"SECURE": "1"}
    assert config.get("SECURE", env) is True
    assert config.get("DEBUG", {}) is False
    assert config.get("ALLOWED_HOSTS", {"ALLOWED_HOSTS": "a.org, b.org"}) == ["a.org", "b.org"]


def test_login_lockout_after_repeated_failures(client, db, settings):
    from django.contrib.auth.models import User

    User.objects.create_user(
        username="p@example.org", email="p@example.org", password="right-password-123"
    )
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "p@example.org", "password": "wrong"})
    resp = client.post(
        "/accounts/login/", {"username": "p@example.org", "password": "right-password-123"}
    )
    assert resp.status_code in (403, 429) or "Too many tries" in resp.content.decode()
    assert "_auth_user_id" not in client.session


def test_audit_log_is_append_only(patient):
    event = audit(patient, patient, "view", "record overview")
    event.target = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk, target="record overview").exists()


RESOURCE = re.compile(
    r"""(?:<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc|<link\b[^>]*\bhref|\burl\(|@import)\s*=?\s*["']?\s*(?:https?:)?//""",
    re.I,
)


def test_no_template_or_stylesheet_loads_from_another_host():
    offenders = []
    for path in list(WEB.rglob("*.html")) + list(WEB.rglob("*.css")) + list(WEB.rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if RESOURCE.search(text):
            offenders.append(str(path.relative_to(WEB)))
    assert not offenders, offenders


def test_the_resource_scanner_catches_external_assets():
    assert RESOURCE.search('<script src="https://cdn.example.com/x.js"></script>')
    assert RESOURCE.search("<link rel=stylesheet href='//fonts.example.com/css'>")
    assert RESOURCE.search("body { background: url(https://x.org/a.png) }")
    assert not RESOURCE.search('<a href="https://www.cancer.gov/">NCI</a>')


def _patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            if "admin" in str(p.pattern):
                continue
            yield from _patterns(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def _fill(pattern: str, ints: list[int], strs: list[str]) -> list[str]:
    """Every way to fill the converters of ``pattern`` with the patient's ids and words."""
    urls = ["/" + pattern]
    for conv in re.findall(r"<(?:(\w+):)?(\w+)>", pattern):
        kind = conv[0] or "str"
        values = [str(i) for i in ints] if kind == "int" else strs
        urls = [
            u.replace(f"<{conv[0] + ':' if conv[0] else ''}{conv[1]}>", v, 1)
            for u in urls
            for v in values
        ]
    return urls


@pytest.mark.django_db
def test_a_stranger_never_receives_another_persons_data_on_any_url(as_user, patient, stranger):
    from mbcnav.web.record.models import Note

    Note.objects.create(owner=patient, date="2025-01-01", title=MARKER, text=MARKER)
    owned = [patient.pk]
    for model in record_models.ENTRY_MODELS:
        owned += list(model.objects.filter(owner=patient).values_list("pk", flat=True)[:3])
    words = [
        "2025-06-01",
        "json",
        "yaml",
        "timeline",
        "treatments",
        "labs",
        "notes",
        "symptoms",
        "diagnosis",
        "x",
    ]
    c = as_user(stranger)
    before = {
        m.__name__: m.objects.filter(owner=patient).count() for m in record_models.ENTRY_MODELS
    }
    checked = 0
    for pattern in sorted(set(_patterns())):
        for url in _fill(pattern, sorted(set(owned)), words)[:60]:
            for method in (c.get, c.post):
                resp = method(url)
                body = b"".join(resp.streaming_content) if resp.streaming else resp.content
                assert MARKER.encode() not in body, (
                    f"{method.__name__.upper()} {url} leaked the record"
                )
                assert resp.status_code != 500, url
                checked += 1
    after = {
        m.__name__: m.objects.filter(owner=patient).count() for m in record_models.ENTRY_MODELS
    }
    assert after == before, "a stranger's POST changed the record"
    assert checked > 50
    # control: the same scan finds the marker for the owner, so the assertion above can fail
    owner = as_user(patient)
    seen = [
        p
        for p in sorted(set(_patterns()))
        for url in _fill(p, [patient.pk], words)[:10]
        if MARKER.encode() in owner.get(url).content
    ]
    assert seen, "the owner should see their own note somewhere"
