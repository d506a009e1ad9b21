"""People and permissions: invite a caregiver or navigator, accept, revoke; the audit log."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.core.mail import send_mail
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mbcnav.web.core.models import AuditEvent, audit

from .. import account_forms
from ..models import Share
from .common import context, person_label, record_view


@record_view(owner_only=True, log="sharing")
def sharing(request, owner):
    form = account_forms.InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        if email == (owner.email or "").lower():
            form.add_error("email", _("That is your own email; invite someone else."))
        else:
            share = Share.objects.create(
                owner=owner,
                email=email,
                token=secrets.token_urlsafe(32),
                scope=form.cleaned_data["scope"],
                role=form.cleaned_data["role"],
            )
            link = request.build_absolute_uri(reverse("record:accept", args=[share.token]))
            send_mail(
                _("%(name)s shared their MBC record with you") % {"name": person_label(owner)},
                _(
                    "%(name)s invited you to see their record on MBC Navigator. Sign in or create an account "
                    "with this email address, then open this link to accept:\n\n%(link)s\n\nIf you did not expect "
                    "this, you can ignore this email."
                )
                % {"name": person_label(owner), "link": link},
                None,
                [email],
            )
            audit(request.user, owner, "share", f"{share.role} {email} ({share.scope})")
            messages.success(
                request,
                _("Invitation sent to %(email)s. You can also give them this link: %(link)s")
                % {"email": email, "link": link},
            )
            return redirect("record:sharing")
    shares = Share.objects.filter(owner=owner).select_related("grantee")
    return render(request, "record/sharing.html", context(request, owner, form=form, shares=shares))


@record_view(owner_only=True)
def revoke(request, owner, pk):
    share = get_object_or_404(Share, pk=pk, owner=owner)
    if request.method == "POST" and share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
        audit(request.user, owner, "revoke", f"{share.role} {share.email}")
        messages.success(
            request, _("%(email)s can no longer see your record.") % {"email": share.email}
        )
    return redirect("record:sharing")


def accept(request, token):
    """The invited person, signed in with the invited email, accepts the invitation.

    Signed out, the page says who invites them and offers sign-up or sign-in, both of which
    come back here (sign-up through the confirmation email). Once the invitation is accepted or
    withdrawn, the link shows no names or addresses to whoever holds it."""
    share = Share.objects.filter(token=token).select_related("owner").first()
    if share is not None:
        taken = share.accepted_at is not None or share.grantee_id is not None
        if share.revoked_at is not None or (taken and share.grantee_id != request.user.pk):
            return render(request, "record/invite.html", {"used": True}, status=404)
    if not request.user.is_authenticated:
        if share is None:
            return render(request, "record/invite.html", {"invalid": True}, status=404)
        return render(
            request,
            "record/invite.html",
            {"share": share, "person": person_label(share.owner), "signed_out": True},
        )
    if share is None or share.owner_id == request.user.pk:
        return render(request, "record/invite.html", {"invalid": True}, status=404)
    if (request.user.email or "").lower() != share.email.lower():
        return render(
            request, "record/invite.html", {"wrong_email": True, "share": share}, status=403
        )
    if share.grantee_id == request.user.pk:
        return redirect("record:person", owner_id=share.owner_id)
    if request.method == "POST":
        share.grantee = request.user
        share.accepted_at = timezone.now()
        share.save(update_fields=["grantee", "accepted_at"])
        audit(request.user, share.owner, "share", f"accepted by {request.user.email}")
        messages.success(request, _("You can now see this record."))
        return redirect("record:person", owner_id=share.owner_id)
    return render(
        request, "record/invite.html", {"share": share, "person": person_label(share.owner)}
    )


@record_view(owner_only=True)
def audit_log(request, owner):
    events = AuditEvent.objects.filter(subject=owner)[:300]
    return render(request, "record/audit.html", context(request, owner, events=events))
