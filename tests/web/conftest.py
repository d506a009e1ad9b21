"""Personas for the web tests: a patient (owner) with a record, two caregivers (read, edit),
a navigator, a stranger and an editor. Log in with ``client.force_login`` (axes needs a
request for ``client.login``)."""

from __future__ import annotations

import secrets

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from mbcnav.web.record import services
from mbcnav.web.record.models import Share

PASSWORD = "a-long-test-password-42"


def make_user(email: str, *groups: str) -> User:
    user = User.objects.create_user(
        username=email, email=email, password=PASSWORD, first_name=email.split("@")[0]
    )
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def share(owner, grantee, scope="read", role="caregiver") -> Share:
    return Share.objects.create(
        owner=owner,
        grantee=grantee,
        email=grantee.email,
        scope=scope,
        role=role,
        token=secrets.token_urlsafe(16),
        accepted_at=timezone.now(),
    )


@pytest.fixture
def patient(db):
    """The owner, with the demo record imported (realistic data on every page)."""
    user = make_user("patient@example.org")
    services.import_text(user, services.demo_patient_text(), user)
    return user


@pytest.fixture
def caregiver_read(patient):
    user = make_user("reader@example.org")
    share(patient, user, "read")
    return user


@pytest.fixture
def caregiver_edit(patient):
    user = make_user("helper@example.org")
    share(patient, user, "edit")
    return user


@pytest.fixture
def navigator(patient):
    user = make_user("nurse@example.org", "navigators")
    share(patient, user, "read", "navigator")
    return user


@pytest.fixture
def stranger(db):
    return make_user("stranger@example.org")


@pytest.fixture
def editor(db):
    return make_user("editor@example.org", "editors")


@pytest.fixture
def as_user(client):
    """``as_user(user)`` returns the test client signed in as ``user``."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def new_user(db):
    """``new_user(email, *groups)`` creates a user."""
    return make_user


@pytest.fixture
def grant(db):
    """``grant(owner, grantee, scope, role)`` creates an accepted share."""
    return share


@pytest.fixture
def loaded(db):
    """The bundled trial snapshot in the database; the stored catalogue."""
    from mbcnav.web.trials import services

    services.load_snapshot()
    return services.catalogue()
