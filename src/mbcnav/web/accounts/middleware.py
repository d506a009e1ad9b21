"""The gate between the password and the code: a half-signed-in session gets no page.

A session that passed the password (by any door: our sign-in page, the admin's) but not the
code step of a person who has two-step sign-in on is sent to the code step on every request,
record pages included. When the deployment requires two-step sign-in for staff, editors and
navigators, such a person without it is sent to set it up. Install after django-otp's
``OTPMiddleware`` (which tells whether the session passed the code step).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from . import two_step

CODE_STEP_OPEN = {"two_step_verify", "logout"}
SETUP_OPEN = {"two_step_setup", "recovery_codes", "account_settings", "logout"}


def _url_name(request) -> str | None:
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


class TwoStepGate:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified():
            if two_step.is_on(user):
                request.two_step_pending = True
                if _url_name(request) not in CODE_STEP_OPEN:
                    return self._send(request, "two_step_verify")
            elif two_step.required_for(user):
                request.two_step_pending = True
                if _url_name(request) not in SETUP_OPEN:
                    return self._send(request, "two_step_setup")
        return self.get_response(request)

    @staticmethod
    def _send(request, name: str):
        url = reverse(name)
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)
