"""Sign-up and password reset that do not reveal who has an account (issue 16, item 9).

An account on an MBC app tells a stranger about a diagnosis, so both forms give the same page and
do the same work (hash a password, send one email) whether or not the address has an account:

- sign-up creates the account switched off and emails a one-use link that switches it on and
  signs the person in; a taken address gets an email saying so instead;
- password reset emails a reset link to an account, and a "there is no account" note otherwise.

Both are rate-limited per address and per client (``limits``), so the site cannot be used to
flood someone's inbox; over the limit the page is the same and nothing is sent.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_decode, urlsafe_base64_encode

from . import limits
from .client import client_ip


class SignUpTokens(PasswordResetTokenGenerator):
    """One-use links: the hash covers ``is_active``, so a link stops working once used."""

    key_salt = "mbcnav.web.accounts.signup"

    def _make_hash_value(self, user, timestamp):
        return super()._make_hash_value(user, timestamp) + str(user.is_active)


tokens = SignUpTokens()


def _send(to: str, template: str, context: dict) -> None:
    subject, _, body = render_to_string(template, context).partition("\n")
    send_mail(subject.strip(), body.strip() + "\n", settings.DEFAULT_FROM_EMAIL, [to])


def _allowed(kind: str, request, email: str) -> bool:
    return limits.allow_email(
        kind,
        email,
        client_ip(request),
        settings.MBCNAV_RESETS_PER_ADDRESS,
        settings.MBCNAV_RESETS_PER_CLIENT,
    )


def _unconfirmed(user) -> bool:
    return not user.is_active and user.last_login is None


def start(request, data: dict) -> None:
    """Handle a valid sign-up form; the caller shows the same page whatever happened."""
    email, password = data["email"], data["password1"]
    if not _allowed("signup", request, email):
        make_password(password)
        return
    users = get_user_model()
    user = users.objects.filter(username=email).first()
    site = {"site": settings.MBCNAV_DEPLOYMENT_NAME}
    if user is not None and not _unconfirmed(user):
        make_password(password)  # the same work as creating an account
        _send(
            email,
            "registration/signup_taken_email.txt",
            site | {"login": request.build_absolute_uri(reverse("login"))},
        )
        return
    user = user or users(username=email, email=email)
    user.first_name = data.get("name", "")
    user.set_password(password)
    user.is_active = False
    user.save()
    link = reverse(
        "signup_confirm",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), tokens.make_token(user)],
    )
    if data.get("next"):  # an invitation to open once the account is on
        link += "?" + urlencode({"next": data["next"]})
    _send(
        email,
        "registration/signup_email.txt",
        site | {"link": request.build_absolute_uri(link)},
    )


def confirm(uidb64: str, token: str):
    """The account the link switches on, or None for a wrong, used or expired link."""
    try:
        user = get_user_model().objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        return None
    if not _unconfirmed(user) or not tokens.check_token(user, token):
        return None
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


class PrivatePasswordResetForm(PasswordResetForm):
    """Django's reset form, but an unknown address gets a note instead of nothing, and both
    limits apply."""

    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"]
        if not _allowed("reset", request, email):
            return
        if any(True for _ in self.get_users(email)):
            super().save(*args, request=request, **kwargs)
        else:
            _send(
                email,
                "registration/password_reset_unknown_email.txt",
                {
                    "site": settings.MBCNAV_DEPLOYMENT_NAME,
                    "signup": request.build_absolute_uri(reverse("signup")),
                },
            )
