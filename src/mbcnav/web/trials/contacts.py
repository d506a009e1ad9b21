"""Who to contact about a trial, ready for the page: the study's central contacts first, then the
contacts of the open site nearest the person (when the record has a ZIP code), with safe
``tel:`` and ``mailto:`` addresses. The overall officials lead the study; they are listed apart
because the registry gives no phone or email for them."""

from __future__ import annotations

import re

from mbcnav.phones import tel_address
from mbcnav.trials.record import Contact, Site, Trial

_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def tel_href(phone: str, ext: str = "") -> str:
    """'1-800-718-1021', ext '12' -> 'tel:+18007181021;ext=12' (RFC 3966); '' when no digits."""
    return tel_address(phone, ext)


def mailto_href(email: str) -> str:
    """'a@b.org' -> 'mailto:a@b.org'; '' for anything that is not a plain address."""
    email = (email or "").strip()
    return f"mailto:{email}" if _EMAIL.match(email) else ""


def _row(c: Contact, kind: str, site: Site | None = None) -> dict:
    return {
        "kind": kind,  # "central" | "site"
        "name": c.name,
        "role": c.role_label,
        "phone": c.phone,
        "phone_ext": c.phone_ext,
        "tel": tel_href(c.phone, c.phone_ext),
        "email": c.email,
        "mailto": mailto_href(c.email),
        "facility": site.facility if site else "",
        "city": site.city if site else "",
        "state": site.state if site else "",
    }


def contact_list(trial: Trial, nearest: Site | None = None) -> list[dict]:
    """The study's central contacts, then the nearest open site's contacts (each person once)."""
    out, seen = [], set()
    for kind, site, people in (
        ("central", None, trial.central_contacts),
        ("site", nearest, nearest.contacts if nearest else []),
    ):
        for c in people:
            key = (c.name.lower(), c.phone, c.email.lower())
            if key in seen or not c.reachable:
                continue
            seen.add(key)
            out.append(_row(c, kind, site))
    return out
