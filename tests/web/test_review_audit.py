"""Issue 16 (security review), item 12: the audit log is append-only in the database itself
(triggers on SQLite and PostgreSQL), not only per model instance: queryset ``update()`` and
``delete()`` fail; deleting an account still removes its own events (and clears it as the actor
of others'); ``flush`` (tests, operators) still empties the database."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import DatabaseError, transaction

from mbcnav.web.core.models import AuditEvent, audit
from mbcnav.web.record import services


def test_queryset_update_and_delete_cannot_rewrite_the_audit_log(patient):
    event = audit(patient, patient, "view", "record overview")
    for change in (
        lambda qs: qs.update(target="nothing happened"),
        lambda qs: qs.update(actor=None),  # hiding who did it is a rewrite too
        lambda qs: qs.delete(),
        lambda qs: AuditEvent.objects.all().delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            change(AuditEvent.objects.filter(pk=event.pk))
    event.refresh_from_db()
    assert event.target == "record overview" and event.actor_id == patient.pk


def test_deleting_an_account_still_removes_its_events(patient, new_user):
    helper = new_user("helper2@example.org")
    audit(patient, patient, "view", "own record")
    about_other = audit(patient, helper, "view", "helper's record")
    services.delete_account(patient)
    assert not AuditEvent.objects.filter(subject_id=patient.pk).exists()
    about_other.refresh_from_db()
    assert about_other.actor_id is None and about_other.actor_label == "patient@example.org"
    assert User.objects.filter(pk=helper.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_flush_still_empties_the_database():
    user = User.objects.create_user("f@example.org", "f@example.org", "pw-long-enough-1")
    audit(user, user, "view", "x")
    audit(None, None, "other", "anonymous")
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
