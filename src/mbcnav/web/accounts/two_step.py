"""Two-step sign-in (TOTP) on django-otp: set up, check a code, recovery codes, turn off.

A person has at most one confirmed authenticator app (``TOTPDevice``) and, with it, one
recovery-code device (``StaticDevice``, ten single-use codes). Every check goes through the
device's own ``verify_token`` (django-otp's per-device throttling and replay protection).
Nothing here renders pages; the views in ``two_step_views`` call these functions.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import datetime

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from mbcnav.web.core.groups import group_names
from mbcnav.web.core.models import audit

RECOVERY_CODES = 10
APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
STAFF_GROUPS = ("editors", "navigators")


@dataclass(frozen=True)
class CodeCheck:
    """The answer to one code: the device that accepted it, or why not."""

    device: TOTPDevice | StaticDevice | None
    wait_until: datetime | None = None  # set when the device is throttled

    @property
    def ok(self) -> bool:
        return self.device is not None

    @property
    def wait_seconds(self) -> int:
        if self.wait_until is None:
            return 0
        return max(1, int((self.wait_until - timezone.now()).total_seconds() + 0.999))


# ------------------------------------------------------------------ reading
def is_on(user) -> bool:
    """True when ``user`` has a confirmed app device (the code step is then required).
    Recovery codes exist only alongside it: turning two-step off deletes both."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def app_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def required_for(user) -> bool:
    """The deployment asks staff, editors and navigators to use two-step sign-in."""
    if not getattr(settings, "MBCNAV_REQUIRE_2FA_FOR_STAFF", False):
        return False
    return bool(user.is_staff or user.is_superuser or bool(group_names(user) & set(STAFF_GROUPS)))


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def summary(user) -> dict:
    """What we hold about the person's two-step sign-in, without any secret (for export)."""
    device = app_device(user)
    if device is None:
        return {"on": False}
    return {
        "on": True,
        "turned_on": device.created_at.isoformat() if device.created_at else None,
        "last_used": device.last_used_at.isoformat() if device.last_used_at else None,
        "recovery_codes_left": recovery_codes_left(user),
    }


# ------------------------------------------------------------------ setting up
def pending_device(user) -> TOTPDevice:
    """The unconfirmed app device being set up (created on first call, kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice, title: str) -> str:
    """The app's set-up address as an inline SVG QR code (drawn here; no other host)."""
    qr = segno.make(device.config_url, error="m")
    return qr.svg_inline(scale=4, border=4, dark="#000", light="#fff", title=title)


def confirm(request, device: TOTPDevice, code: str) -> CodeCheck:
    """Turn two-step sign-in on when ``code`` is right for the device being set up.

    Replaces any earlier app and recovery codes, marks this session as having passed the
    code step and writes the audit event. The new recovery codes are read with
    ``take_new_codes`` (they are shown once).
    """
    user = request.user
    check = _verify(device, normalise(code))
    if not check.ok:
        return check
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        _new_recovery_codes(request)
        audit(user, user, "update", "two-step sign-in turned on")
    _pass_code_step(request, device)
    return check


def regenerate_codes(request) -> None:
    with transaction.atomic():
        _new_recovery_codes(request)
        audit(request.user, request.user, "update", "recovery codes regenerated")


def turn_off(user) -> None:
    """Delete the app and the recovery codes; the password alone signs in again."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        audit(user, user, "update", "two-step sign-in turned off")


NEW_CODES_KEY = "two_step_new_codes"


def take_new_codes(request) -> list[str]:
    """The recovery codes just made, once: reading them removes them from the session."""
    return request.session.pop(NEW_CODES_KEY, [])


def _new_recovery_codes(request) -> list[str]:
    user = request.user
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    request.session[NEW_CODES_KEY] = [f"{c[:4]}-{c[4:]}" for c in codes]
    return codes


# ------------------------------------------------------------------ signing in
_SEPARATORS = re.compile(r"[\s\-]+")


def normalise(code: str) -> str:
    """Spaces and dashes out, lower case: '123 456' -> '123456', 'ABCD-EFGH' -> 'abcdefgh'."""
    return _SEPARATORS.sub("", code or "").lower()


def check_code(request, code: str) -> CodeCheck:
    """The code step: six digits go to the app, anything else to the recovery codes.

    On success the session passes the code step (its key changes); every answer is audited.
    """
    user = request.user
    code = normalise(code)
    if re.fullmatch(r"\d{6}", code):
        what, device = "two-step code", app_device(user)
    else:
        what = "recovery code"
        code = code.replace("0", "o")  # recovery codes are base32: a typed zero means the letter
        device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    check = _verify(device, code) if device is not None else CodeCheck(None)
    if check.ok:
        _pass_code_step(request, check.device)
        audit(user, user, "sign-in", f"{what} accepted")
    else:
        refused = "refused (too many tries, waiting)" if check.wait_until else "refused"
        audit(user, user, "sign-in", f"{what} {refused}")
    return check


def _verify(device, code: str) -> CodeCheck:
    """One locked check against one device (django-otp throttling and replay rules apply)."""
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, info = device.verify_is_allowed()
        if not allowed:
            return CodeCheck(None, wait_until=(info or {}).get("locked_until"))
        if device.verify_token(code):
            return CodeCheck(device)
    return CodeCheck(None)


def _pass_code_step(request, device) -> None:
    from django_otp import login as otp_login

    request.session.cycle_key()
    otp_login(request, device)
