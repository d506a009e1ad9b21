"""Account settings and two-step sign-in pages: set up, the code step, recovery codes, turn off.

Every page is about the signed-in person only (no id in any URL), so nobody can reach
another person's secret or codes.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import two_step
from .forms import CodeForm, TurnOffForm


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _wrong_code_message(check: two_step.CodeCheck) -> str:
    if check.wait_until:
        return ngettext(
            "Too many wrong codes in a row; wait %(n)d second and try again.",
            "Too many wrong codes in a row; wait %(n)d seconds and try again.",
            check.wait_seconds,
        ) % {"n": check.wait_seconds}
    return _(
        "That code is not right; type the 6 digits your app shows now, or one of your recovery codes."
    )


@never_cache
@login_required
def account_settings(request):
    user = request.user
    on = two_step.is_on(user)
    return render(
        request,
        "accounts/settings.html",
        {
            "two_step_on": on,
            "codes_left": two_step.recovery_codes_left(user) if on else 0,
            "two_step_required": two_step.required_for(user),
            "turn_off_form": TurnOffForm(),
        },
    )


@never_cache
@login_required
def setup(request):
    """Show the QR code and the secret; a right code from the app turns two-step sign-in on."""
    if two_step.is_on(request.user):
        return redirect("account_settings")
    device = two_step.pending_device(request.user)
    form = CodeForm(request.POST or None, recovery=False)
    if request.method == "POST" and form.is_valid():
        check = two_step.confirm(request, device, form.cleaned_data["code"])
        if check.ok:
            messages.success(request, _("Two-step sign-in is on."))
            return redirect("recovery_codes")
        form.add_error(
            "code",
            _wrong_code_message(check)
            if check.wait_until
            else _(
                "That code is not right; type the 6 digits your app shows now (check the phone's clock if it keeps failing)."
            ),
        )
    return render(
        request,
        "accounts/two_step_setup.html",
        {
            "form": form,
            "qr_svg": two_step.qr_svg(device, _("QR code for your authenticator app")),
            "secret": two_step.secret_text(device),
            "required": two_step.required_for(request.user),
        },
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
def verify(request):
    """The code step after the password, for people with two-step sign-in on."""
    if request.user.is_verified() or not two_step.is_on(request.user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = two_step.check_code(request, form.cleaned_data["code"])
        if check.ok:
            return redirect(_next_url(request))
        form.add_error("code", _wrong_code_message(check))
    return render(
        request,
        "accounts/two_step_verify.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
def recovery_codes(request):
    """The new recovery codes, shown once; later only how many are left."""
    if not two_step.is_on(request.user):
        return redirect("account_settings")
    return render(
        request,
        "accounts/recovery_codes.html",
        {
            "codes": two_step.take_new_codes(request),
            "codes_left": two_step.recovery_codes_left(request.user),
        },
    )


@require_POST
@login_required
def regenerate(request):
    if two_step.is_on(request.user):
        two_step.regenerate_codes(request)
        messages.success(request, _("New recovery codes are ready; the old ones no longer work."))
        return redirect("recovery_codes")
    return redirect("account_settings")


@never_cache
@login_required
def turn_off(request):
    if not two_step.is_on(request.user):
        return redirect("account_settings")
    form = TurnOffForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        two_step.turn_off(request.user)
        messages.success(
            request, _("Two-step sign-in is off; your password alone signs you in again.")
        )
        return redirect("account_settings")
    return render(
        request,
        "accounts/settings.html",
        {
            "two_step_on": True,
            "codes_left": two_step.recovery_codes_left(request.user),
            "two_step_required": two_step.required_for(request.user),
            "turn_off_form": form,
        },
        status=400 if form.errors else 200,
    )
