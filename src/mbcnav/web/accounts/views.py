from django.contrib.auth import login
from django.shortcuts import redirect, render

from mbcnav.web.core.models import audit

from .forms import SignUpForm


def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        audit(user, user, "create", "account")
        return redirect("home")
    return render(request, "registration/signup.html", {"form": form})
