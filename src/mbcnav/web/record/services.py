"""The record's API for the rest of the web app (checkins, visits, trials, fhir, care, serve).

Stable functions; other apps import only these:

- ``patient_for(owner, today=None) -> Patient``: the engine's view of a person's rows.
- ``import_patient(owner, patient, actor)``: replace the whole record atomically.
- ``add_items(owner, before, after, actor, what=...)``: write only what ``after`` adds.
- ``export_patient(owner) -> dict`` / ``export_everything(owner) -> dict``.
- ``delete_account(owner)``: the user and every row that is theirs.
- ``visible_owners(user)``, ``get_owner_for(user, owner_id, scope)``, ``can_edit(user, owner)``.
- ``care_team_for(owner)``, ``add_checkin(owner, symptoms, actor)``, ``latest_checkins(owner, n)``.
- ``load_demo(email, password)``: the demo account with the bundled demo record.

Permissions: a person sees their own record and records shared with them (accepted, not
revoked). Anyone else gets ``Http404`` (never 403: strangers must not learn that a record
exists). A caregiver with read-only access who asks for edit gets ``PermissionDenied`` (403).
"""

from __future__ import annotations

from datetime import date
from importlib import resources

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.models import model_to_dict
from django.http import Http404

from mbcnav.patient import Patient, dump, loads, parse
from mbcnav.web.accounts import two_step
from mbcnav.web.core.groups import group_names
from mbcnav.web.core.models import AuditEvent, audit

from . import adapter, additive
from .models import (
    ENTRY_MODELS,
    Appointment,
    CareTeamMember,
    CheckIn,
    Note,
    Profile,
    Share,
    Treatment,
)

User = get_user_model()
#: Rows an import replaces (care team, appointments, notes and shares are kept).
FILE_MODELS = tuple(adapter.rows_from_patient(None, Patient()).keys())


# ----------------------------------------------------------------- reading
def patient_for(owner, today: date | None = None, lists: tuple[str, ...] | None = None) -> Patient:
    """The engine's ``Patient`` built from ``owner``'s rows (rows -> file dict -> ``parse``);
    ``lists`` limits the lists read (e.g. ``("metastases", "treatments")``)."""
    return adapter.patient_from_rows(owner, today=today, lists=lists)


def export_patient(owner) -> dict:
    """The person's record as a canonical ``mbcnav-patient/1`` dict (round-trips through import)."""
    return dump(patient_for(owner))


def _rows(model, owner) -> list[dict]:
    out = []
    for row in model.objects.filter(owner=owner):
        d = model_to_dict(row, exclude=["owner"])
        out.append({k: (x.isoformat() if hasattr(x, "isoformat") else x) for k, x in d.items()})
    return out


def _portal_connections(owner) -> list[dict]:
    from mbcnav.web.interop.models import PortalConnection

    return [
        {
            "portal": c.portal,
            "fhir_base": c.fhir_base,
            "patient_id": c.patient_id,
            "connected_at": c.connected_at.isoformat(),
            "last_read_at": c.last_read_at.isoformat() if c.last_read_at else None,
        }
        for c in PortalConnection.objects.filter(owner=owner)
    ]


def _reminders(owner) -> dict:
    from mbcnav.web.reminders.services import export_rows

    return export_rows(owner)


def export_everything(owner) -> dict:
    """Everything we hold about ``owner``: the patient file plus every row, shares and audit."""
    profile = Profile.objects.filter(owner=owner).first()
    audit_rows = [
        {"at": e.at.isoformat(), "actor": e.actor_label, "action": e.action, "target": e.target}
        for e in AuditEvent.objects.filter(subject=owner)
    ]
    shares = [
        {
            "email": s.email,
            "scope": s.scope,
            "role": s.role,
            "created": s.created.isoformat(),
            "accepted_at": s.accepted_at.isoformat() if s.accepted_at else None,
            "revoked_at": s.revoked_at.isoformat() if s.revoked_at else None,
        }
        for s in Share.objects.filter(owner=owner)
    ]
    return {
        "format": "mbcnav-export/1",
        "account": {
            "email": owner.email,
            "name": owner.first_name,
            "joined": owner.date_joined.isoformat(),
        },
        "patient_file": export_patient(owner),
        "rows": {
            "profile": _rows(Profile, owner)[0] if profile else None,
            **{m._meta.model_name: _rows(m, owner) for m in ENTRY_MODELS},
        },
        "portal_connections": _portal_connections(owner),  # which portals, never the tokens
        "reminders": _reminders(owner),  # schedules, dose marks, settings, emails
        "two_step_sign_in": two_step.summary(owner),  # on or off, dates, codes left; no secret
        "documents": _documents(owner),
        "shares": shares,
        "audit": audit_rows,
    }


def _documents(owner) -> list[dict]:
    """Report documents: their text and what was added (the PDFs download from Documents)."""
    from mbcnav.web.documents.models import Document

    return [
        {
            "name": d.name,
            "kind": d.kind,
            "report_date": d.report_date.isoformat(),
            "kept": d.created.isoformat(),
            "pdf_bytes": d.size if d.stored else None,
            "text": d.text,
            "facts_added": len(d.accepted),
        }
        for d in Document.objects.filter(owner=owner)
    ]


# ----------------------------------------------------------------- writing
add_items = additive.add_items


def import_patient(owner, patient: Patient, actor, *, what: str = "patient file") -> None:
    """Replace the whole record (profile and every file list) with ``patient``, atomically.

    By design this rewrites every row (columns the file does not carry are lost); to add to a
    record use ``additive.add_items``. A treatment re-created with the same type, drugs and
    start keeps its medicine schedules (``additive.treatments_recreated``).

    Care team, appointments, notes and shares are not part of the patient file and are kept.
    Validate first (``parse``/``load``): this function trusts ``patient``.
    """
    rows = adapter.rows_from_patient(owner, patient)
    with transaction.atomic():
        Profile.objects.update_or_create(owner=owner, defaults=adapter.profile_fields(patient))
        for model, new_rows in rows.items():
            if model is Treatment:  # schedules of a treatment re-created as it was are kept
                additive.replace_treatments(owner, new_rows)
                continue
            model.objects.filter(owner=owner).delete()
            model.objects.bulk_create(new_rows)
        audit(actor, owner, "import", what)


def import_text(owner, text: str, actor, today: date | None = None) -> Patient:
    """Parse YAML/JSON text and import it; a bad file raises ``PatientFileError`` and changes nothing."""
    patient = loads(text, today=today)
    import_patient(owner, patient, actor)
    return patient


def delete_account(owner) -> None:
    """Delete the user and all their rows (cascades: record rows, shares both ways, audit,
    two-step sign-in devices and recovery codes), their sign-in attempts and reset limits, and
    on SQLite empty the write-ahead log that still holds the deleted pages."""
    from mbcnav.web.accounts import erase

    names = (owner.get_username(), owner.email)
    with transaction.atomic():
        owner.delete()  # every record row, share and audit event cascades with the user
        erase.forget(*names)  # sign-in attempts (email, address, browser) and reset limits
    erase.checkpoint()  # SQLite: the deleted pages leave the write-ahead log now


def add_checkin(
    owner, symptoms: list[dict], actor, triage_level: str | None = None
) -> list[CheckIn]:
    """Store one check-in (one row per symptom, patient-file symptom dicts).

    Each dict is validated by the engine together with the rest of the record, so a bad
    symptom raises ``PatientFileError`` and stores nothing. ``triage_level`` (emergency,
    urgent, routine, none) is written on every row when given.
    """
    data = adapter.record_dict(owner)
    data["symptoms"] = data.get("symptoms", []) + list(symptoms)
    patient = parse(data)
    new = patient.symptoms[len(patient.symptoms) - len(symptoms) :]
    rows = adapter.rows_from_patient(owner, Patient(symptoms=new))[CheckIn]
    for row in rows:
        row.triage_level = triage_level
    with transaction.atomic():
        CheckIn.objects.bulk_create(rows)
        audit(actor, owner, "create", f"check-in ({len(rows)} symptoms)")
    return list(CheckIn.objects.filter(owner=owner).order_by("-id")[: len(rows)])[::-1]


def set_triage_level(owner, day: date, level: str) -> int:
    """Write the triage level on the check-in rows of ``day``; returns how many rows changed."""
    return CheckIn.objects.filter(owner=owner, date=day).update(triage_level=level)


def latest_checkins(owner, n: int = 10) -> list[CheckIn]:
    """The ``n`` most recent check-in rows, newest first."""
    return list(CheckIn.objects.filter(owner=owner).order_by("-date", "-id")[:n])


def care_team_for(owner) -> list[CareTeamMember]:
    return list(CareTeamMember.objects.filter(owner=owner))


def upcoming_appointments(owner, n: int = 5) -> list[Appointment]:
    from django.utils import timezone

    return list(Appointment.objects.filter(owner=owner, when__gte=timezone.now())[:n])


def notes_for(owner) -> list[Note]:
    return list(Note.objects.filter(owner=owner))


# ----------------------------------------------------------------- access
def active_shares_received(user):
    return Share.objects.filter(grantee=user, revoked_at__isnull=True).select_related("owner")


def visible_owners(user) -> list:
    """The people whose record ``user`` may read: themself first, then those who shared."""
    if not getattr(user, "is_authenticated", False):
        return []
    others = [s.owner for s in active_shares_received(user).order_by("owner__email")]
    seen, out = set(), [user]
    for o in others:
        if o.pk not in seen and o.pk != user.pk:
            seen.add(o.pk)
            out.append(o)
    return out


def share_between(user, owner) -> Share | None:
    return (
        active_shares_received(user).filter(owner=owner).order_by("scope").first()
    )  # "edit" < "read"


def get_owner_for(user, owner_id=None, scope: str = "read"):
    """The owner whose record ``user`` may see (``scope="read"``) or change (``"edit"``);
    ``owner_id=None`` means the user's own record.

    Raises ``Http404`` for anyone without a share (and for unknown ids), and
    ``PermissionDenied`` for a caregiver whose read-only share does not allow editing.
    """
    if not getattr(user, "is_authenticated", False):
        raise Http404
    if owner_id is None or str(user.pk) == str(owner_id):
        return user
    share = share_between(user, owner_id)
    if share is None:
        raise Http404
    if scope == "edit" and share.scope != "edit":
        raise PermissionDenied
    return share.owner


def url_kwargs(user, owner) -> dict:
    """URL kwargs that keep a caregiver's or navigator's pages on the person they look after."""
    return {} if owner.pk == user.pk else {"owner_id": owner.pk}


def can_edit(user, owner) -> bool:
    if user.pk == owner.pk:
        return True
    share = share_between(user, owner)
    return share is not None and share.scope == "edit"


def is_navigator(user) -> bool:
    return "navigators" in group_names(user)


# ----------------------------------------------------------------- demo
DEMO_EMAIL = "demo@example.org"


def demo_patient_text() -> str:
    return (
        resources.files("mbcnav.patient")
        .joinpath("data/demo-patient.yaml")
        .read_text(encoding="utf-8")
    )


def load_demo(email: str = DEMO_EMAIL, password: str | None = None, today: date | None = None):
    """Create (or refresh) the demo account and give it the bundled demo record.

    Also adds a demo care team and an appointment when it has none. Returns the user.
    """
    user, created = User.objects.get_or_create(
        username=email, defaults={"email": email, "first_name": "Demo"}
    )
    if password:
        user.set_password(password)
        user.save()
    elif created:
        user.set_unusable_password()
        user.save()
    import_text(user, demo_patient_text(), None, today=today)
    if not CareTeamMember.objects.filter(owner=user).exists():
        CareTeamMember.objects.bulk_create(
            [
                CareTeamMember(
                    owner=user,
                    name="Dr. Ana Rivera",
                    role="medical oncologist",
                    phone="312-555-0100",
                    after_hours="312-555-0199",
                    notes="Clinic visits every 4 weeks.",
                ),
                CareTeamMember(
                    owner=user,
                    name="Sam Lee, RN",
                    role="nurse navigator",
                    phone="312-555-0110",
                    after_hours="312-555-0199",
                ),
                CareTeamMember(
                    owner=user,
                    name="Dr. Priya Shah",
                    role="radiation oncologist",
                    phone="312-555-0120",
                ),
            ]
        )
    return user
