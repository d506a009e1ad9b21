from django import forms
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SignUpForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        required=False,
        help_text=_("How we greet you. You can leave it empty."),
    )
    email = forms.EmailField(
        label=_("Email"), help_text=_("You sign in with it; we never share it.")
    )
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self):
        # Never say here whether the address has an account (that would tell a stranger
        # about a diagnosis): signup.start emails the address either way.
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error(
                "password2", _("The two passwords are not the same; type the same password twice.")
            )
        if p1:
            user = get_user_model()(
                username=data.get("email", ""),
                email=data.get("email", ""),
                first_name=data.get("name", ""),
            )
            try:
                password_validation.validate_password(p1, user)
            except forms.ValidationError as err:
                self.add_error("password1", err)
        return data

    def save(self):
        d = self.cleaned_data
        return get_user_model().objects.create_user(
            username=d["email"],
            email=d["email"],
            password=d["password1"],
            first_name=d.get("name", ""),
        )


class EmailAuthenticationForm(AuthenticationForm):
    """Sign in with the email address (it is the username)."""

    username = forms.EmailField(
        label=_("Email"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class CodeForm(forms.Form):
    """One code: six digits from the authenticator app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autofocus": True,
                "spellcheck": "false",
                "autocapitalize": "off",
            }
        ),
    )

    def __init__(self, *args, recovery: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = (
            _("The 6 digits your authenticator app shows now, or one of your recovery codes.")
            if recovery
            else _("The 6 digits your authenticator app shows now.")
        )


class TurnOffForm(forms.Form):
    """Turning two-step sign-in off asks for the password again."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        user = self.request.user
        # authenticate() (not check_password) so django-axes counts wrong passwords here too
        if authenticate(self.request, username=user.get_username(), password=password) is None:
            raise forms.ValidationError(
                _("That is not your password; two-step sign-in is still on.")
            )
        return password
