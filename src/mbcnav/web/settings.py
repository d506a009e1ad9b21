"""Django settings, all read from the environment through ``mbcnav.web.config``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url

from . import config

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.data_dir()

SECRET_KEY = config.secret_key()
DEBUG = config.get("DEBUG")
ALLOWED_HOSTS = config.get("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = config.get("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "mbcnav.web.core",
    "mbcnav.web.accounts",
    "mbcnav.web.record",
    "mbcnav.web.library",
    "mbcnav.web.checkins",
    "mbcnav.web.visits",
    "mbcnav.web.trials",
    "mbcnav.web.care",
    "mbcnav.web.interop",
    "mbcnav.web.reminders",
    "mbcnav.web.documents",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "mbcnav.web.core.middleware.EngineErrorMiddleware",
    "mbcnav.web.accounts.middleware.TwoStepGate",  # after OTPMiddleware; sees every page
]

ROOT_URLCONF = "mbcnav.web.urls"
WSGI_APPLICATION = "mbcnav.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "mbcnav.web.core.context.site",
            ],
        },
    }
]

_default_db = f"sqlite:///{DATA_DIR / 'mbcnav.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(config.get("DATABASE_URL") or _default_db, conn_max_age=60)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        # born 0600 (it holds two-step secrets); its WAL and SHM files take the same mode
        config.private_file(Path(DATABASES["default"]["NAME"]))
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # secure_delete: deleted rows are overwritten with zeros, not left in free pages
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = config.get("LOGIN_FAILURE_LIMIT")
# A throttle, not a lock: the wait is short and failures during it do not extend it.
AXES_COOLOFF_TIME = timedelta(minutes=config.get("LOGIN_COOLOFF_MINUTES"))
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# The real client behind the reverse proxies listed in MBCNAV_TRUSTED_PROXIES (else REMOTE_ADDR).
MBCNAV_TRUSTED_PROXIES = config.get("MBCNAV_TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "mbcnav.web.accounts.client.client_ip"
MBCNAV_RESETS_PER_ADDRESS = config.get("MBCNAV_RESETS_PER_ADDRESS")
MBCNAV_RESETS_PER_CLIENT = config.get("MBCNAV_RESETS_PER_CLIENT")
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Two-step sign-in (django-otp): codes from an authenticator app (TOTP), recovery codes (static).
OTP_TOTP_ISSUER = config.get("MBCNAV_DEPLOYMENT_NAME")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
MBCNAV_REQUIRE_2FA_FOR_STAFF = config.get("MBCNAV_REQUIRE_2FA_FOR_STAFF")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-us"  # US spelling; other languages and variants come from translation files
LANGUAGES = [("en-us", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = config.get("TIME_ZONE")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "uploads"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
MBCNAV_FHIR_MAX_BYTES = config.get("MBCNAV_FHIR_MAX_BYTES")
MBCNAV_FHIR_MAX_ENTRIES = config.get("MBCNAV_FHIR_MAX_ENTRIES")
MBCNAV_SMART_PORTALS = config.get("MBCNAV_SMART_PORTALS")
MBCNAV_SMART_TOKEN_KEY = config.get("MBCNAV_SMART_TOKEN_KEY") or SECRET_KEY

EMAIL_BACKEND = config.get("EMAIL_BACKEND")
EMAIL_HOST = config.get("EMAIL_HOST")
EMAIL_PORT = config.get("EMAIL_PORT")
EMAIL_HOST_USER = config.get("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = config.get("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = config.get("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = config.get("DEFAULT_FROM_EMAIL")

# Security headers: on everywhere; the cookie/HSTS ones need HTTPS (SECURE=1).
SECURE = config.get("SECURE")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = 60 * 60 * 12
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

MBCNAV_DEPLOYMENT_NAME = config.get("MBCNAV_DEPLOYMENT_NAME")
MBCNAV_OPERATOR = config.get("MBCNAV_OPERATOR")
MBCNAV_CONTACT_EMAIL = config.get("MBCNAV_CONTACT_EMAIL")
MBCNAV_SITE_URL = config.get("MBCNAV_SITE_URL").rstrip("/")
