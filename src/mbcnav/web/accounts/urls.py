from django.contrib.auth import views as auth
from django.urls import path

from . import two_step_views, views
from .forms import EmailAuthenticationForm
from .signup import PrivatePasswordResetForm

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/sent/", views.signup_sent, name="signup_sent"),
    path("confirm/<uidb64>/<token>/", views.signup_confirm, name="signup_confirm"),
    path(
        "login/",
        auth.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=EmailAuthenticationForm
        ),
        name="login",
    ),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("settings/", two_step_views.account_settings, name="account_settings"),
    path("two-step/code/", two_step_views.verify, name="two_step_verify"),
    path("two-step/setup/", two_step_views.setup, name="two_step_setup"),
    path("two-step/recovery-codes/", two_step_views.recovery_codes, name="recovery_codes"),
    path("two-step/recovery-codes/new/", two_step_views.regenerate, name="two_step_regenerate"),
    path("two-step/off/", two_step_views.turn_off, name="two_step_off"),
    path("password/change/", auth.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/", auth.PasswordChangeDoneView.as_view(), name="password_change_done"
    ),
    path(
        "password/reset/",
        auth.PasswordResetView.as_view(form_class=PrivatePasswordResetForm),
        name="password_reset",
    ),
    path("password/reset/done/", auth.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("reset/done/", auth.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
