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


# ------------------------------------------------------------------ item 9: no account enumeration
SIGNUP = "/accounts/signup/"
RESET = "/accounts/password/reset/"


def _signup(client, email, ip="192.0.2.1"):
    data = {"name": "Ann", "email": email, "password1": RIGHT, "password2": RIGHT}
    return client.post(SIGNUP, data, REMOTE_ADDR=ip, follow=True)


def _page(resp) -> str:
    import re

    html = resp.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_signup_gives_the_same_answer_for_a_taken_and_a_new_email(client, owner, mailoutbox):
    taken = _signup(client, "p@example.org")
    assert "_auth_user_id" not in client.session
    client.cookies.clear()
    fresh = _signup(client, "new@example.org")
    assert "_auth_user_id" not in client.session
    assert taken.status_code == fresh.status_code == 200
    assert "already exists" not in _page(taken)
    assert _page(taken) == _page(fresh)
    assert [m.to for m in mailoutbox] == [["p@example.org"], ["new@example.org"]]
    owner.refresh_from_db()
    assert owner.check_password(RIGHT)  # the owner's account is untouched


def test_the_emailed_link_finishes_signing_up_once(client, db, mailoutbox):
    import re

    _signup(client, "new@example.org")
    user = User.objects.get(username="new@example.org")
    assert not user.is_active
    link = re.search(r"https?://[^/\s]+(/accounts/confirm/\S+)", mailoutbox[0].body).group(1)
    resp = client.get(link, follow=True)
    assert resp.status_code == 200 and "_auth_user_id" in client.session
    user.refresh_from_db()
    assert user.is_active
    client.logout()
    again = client.get(link, follow=True)  # a used link signs nobody in
    assert "_auth_user_id" not in client.session and again.status_code in (200, 400)


def _reset(client, email, ip="192.0.2.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=ip, follow=True)


def test_password_reset_does_the_same_work_for_known_and_unknown_addresses(
    client, owner, mailoutbox
):
    known = _reset(client, "p@example.org")
    unknown = _reset(client, "nobody@example.org")
    assert _page(known) == _page(unknown)
    assert [m.to for m in mailoutbox] == [["p@example.org"], ["nobody@example.org"]]
    assert "/accounts/reset/" in mailoutbox[0].body
    assert "/accounts/reset/" not in mailoutbox[1].body


def test_password_resets_are_rate_limited_per_address_and_per_client(
    client, owner, mailoutbox, settings
):
    for i in range(10):
        _reset(client, "p@example.org", ip=f"198.51.100.{i}")
    per_address = len(mailoutbox)
    assert 1 <= per_address <= settings.MBCNAV_RESETS_PER_ADDRESS
    mailoutbox.clear()
    for i in range(50):
        resp = _reset(client, f"someone{i}@example.org", ip="203.0.113.9")
        assert resp.status_code == 200
    assert 1 <= len(mailoutbox) <= settings.MBCNAV_RESETS_PER_CLIENT


def test_deploy_check_asks_for_the_proxy_address_behind_https(settings):
    from mbcnav.cli.ops import deploy_problems

    settings.SECURE, settings.MBCNAV_TRUSTED_PROXIES = True, []
    assert any("MBCNAV_TRUSTED_PROXIES" in p for p in deploy_problems())
    settings.MBCNAV_TRUSTED_PROXIES = ["127.0.0.1"]
    assert not any("MBCNAV_TRUSTED_PROXIES" in p for p in deploy_problems())
