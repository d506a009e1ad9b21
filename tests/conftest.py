"""Suite-wide test settings."""


def pytest_configure(config):
    from django.conf import settings

    # Argon2 is the production hasher (tests/web/test_security.py checks it); tests create many
    # users, so they hash with MD5 to stay fast.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
