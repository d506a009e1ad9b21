"""Issue 16 (security review), items 6, 9 and 10: sign-in lock-out keys on the real client behind
a trusted proxy and throttles rather than locks; sign-up and password reset do not reveal who has
an account, and resets are rate-limited; deleting an account removes its lock-out rows."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

LOGIN = "/accounts/login/"
RIGHT = "right-password-123"


@pytest.fixture
def owner(db):
    return User.objects.create_user(username="p@example.org", email="p@example.org", password=RIGHT)


def sign_in(client, password, via="127.0.0.1", forwarded=None):
    extra = {"REMOTE_ADDR": via}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    client.post(LOGIN, {"username": "p@example.org", "password": password}, **extra)
    return "_auth_user_id" in client.session


def test_behind_a_trusted_proxy_a_stranger_cannot_lock_the_owner_out(client, owner, settings):
    settings.MBCNAV_TRUSTED_PROXIES = ["127.0.0.1"]
    for _ in range(settings.AXES_FAILURE_LIMIT + 3):
        sign_in(client, "wrong", forwarded="203.0.113.9")
    assert not sign_in(client, RIGHT, forwarded="203.0.113.9")  # the attacker's address is locked
    assert sign_in(client, RIGHT, forwarded="198.51.100.7")  # the owner, elsewhere, is not


def test_forwarded_header_from_an_untrusted_address_is_ignored(client, owner, settings):
    settings.MBCNAV_TRUSTED_PROXIES = ["10.0.0.1"]
    for i in range(settings.AXES_FAILURE_LIMIT + 1):
        sign_in(client, "wrong", via="192.0.2.5", forwarded=f"198.51.100.{i}")
    assert not sign_in(client, RIGHT, via="192.0.2.5", forwarded="198.51.100.200")


def test_a_spoofed_hop_before_the_proxy_is_not_trusted(client, owner, settings):
    """The proxy appends the real client to what the client sent; only that last hop counts."""
    settings.MBCNAV_TRUSTED_PROXIES = ["127.0.0.1"]
    for i in range(settings.AXES_FAILURE_LIMIT + 1):
        sign_in(client, "wrong", forwarded=f"198.51.100.{i}, 203.0.113.9")
    assert not sign_in(client, RIGHT, forwarded="198.51.100.77, 203.0.113.9")


def test_lockout_is_a_short_throttle_not_a_long_lock(client, owner, settings):
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt

    assert get_cool_off() <= timedelta(minutes=15)
    for _ in range(settings.AXES_FAILURE_LIMIT + 5):
        sign_in(client, "wrong")
    assert not sign_in(client, RIGHT)
    # more failures during the lock do not make it longer: once the cool-off has passed, in
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - get_cool_off() - timedelta(seconds=1)
    )
    assert sign_in(client, RIGHT)
