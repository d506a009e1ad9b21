from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from mbcnav.web.core.models import audit

from . import signup as flow
from .forms import SignUpForm


def _safe_next(request, url: str | None) -> str:
    """A same-site address to go to after sign-up (an invitation), or ''."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def signup(request):
    nxt = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.user.is_authenticated:
        return redirect(nxt or "home")
    form = SignUpForm(request.POST or None, initial={"email": request.GET.get("email", "")})
    if request.method == "POST" and form.is_valid():
        if nxt:
            request.session["after_signup"] = nxt  # the same browser keeps the invitation
        flow.start(request, form.cleaned_data | {"next": nxt})
        return redirect("signup_sent")
    return render(request, "registration/signup.html", {"form": form, "next": nxt})


def signup_sent(request):
    return render(request, "registration/signup_sent.html")


def signup_confirm(request, uidb64, token):
    user = flow.confirm(uidb64, token)
    if user is None:
        return render(request, "registration/signup_link_invalid.html", status=400)
    nxt = _safe_next(request, request.GET.get("next") or request.session.get("after_signup"))
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    audit(user, user, "create", "account")
    # an invitation first; otherwise the guided set-up of the new, empty record
    return redirect(nxt or "record:start")
