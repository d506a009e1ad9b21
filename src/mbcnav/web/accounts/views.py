from django.contrib.auth import login
from django.shortcuts import redirect, render

from mbcnav.web.core.models import audit

from . import signup as flow
from .forms import SignUpForm


def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        flow.start(request, form.cleaned_data)
        return redirect("signup_sent")
    return render(request, "registration/signup.html", {"form": form})


def signup_sent(request):
    return render(request, "registration/signup_sent.html")


def signup_confirm(request, uidb64, token):
    user = flow.confirm(uidb64, token)
    if user is None:
        return render(request, "registration/signup_link_invalid.html", status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    audit(user, user, "create", "account")
    return redirect("home")
