"""Every page of the app for one person (the demo owner, a caregiver or a navigator): the list
the browser tier walks at two sizes and the Django-client checks (dates, spelling) read."""

from __future__ import annotations

from mbcnav.web.record import services
from mbcnav.web.record.models import (
    Assessment,
    CareTeamMember,
    Condition,
    Lab,
    Metastasis,
    Treatment,
)


def demo_people(tag: str) -> dict:
    """The demo record with its caregiver (edit) and navigator (read), as the page walks use
    them; ``tag`` keeps each suite's emails apart. Needs the database (``db`` or
    ``transactional_db``)."""
    from mbcnav.web.core import setup
    from mbcnav.web.trials.services import load_snapshot
    from tests.web.conftest import make_user, share

    setup.load_bundled_content()
    load_snapshot()
    owner = services.load_demo(email=f"demo-{tag}@example.org", password="a-long-demo-password")
    caregiver = make_user(f"carer-{tag}@example.org")
    share(owner, caregiver, "edit")
    navigator = make_user(f"nurse-{tag}@example.org", "navigators")
    share(owner, navigator, "read", "navigator")
    return {"owner": owner, "caregiver": caregiver, "navigator": navigator}


def _first(model, owner):
    row = model.objects.filter(owner=owner).order_by("pk").first()
    return row.pk if row else 0


def record_pages(owner, prefix: str = "", can_edit: bool = True) -> list[str]:
    """The pages of one record (``prefix`` = ``/for/<id>`` on the other apps' pages); a
    read-only viewer gets no form that changes it."""
    o = owner.pk
    day = services.latest_checkins(owner, 1)[0].date.isoformat()
    pages = [
        f"/record/{o}/",
        f"/record/{o}/timeline/",
        f"/record/{o}/summary/",
        f"/checkins{prefix}/",
        f"/checkins{prefix}/result/{day}/",
        f"/checkins{prefix}/history/",
        f"/checkins{prefix}/week/",
        f"/visits{prefix}/",
        f"/visits{prefix}/print/",
        f"/trials{prefix}/",
        f"/fhir{prefix}/",
    ]
    for section, model in [
        ("treatments", Treatment),
        ("scans", Assessment),
        ("sites", Metastasis),
        ("biomarkers", None),
        ("labs", Lab),
        ("health-problems", Condition),
        ("care-team", CareTeamMember),
        ("appointments", None),
        ("notes", None),
    ]:
        pages.append(f"/record/{o}/{section}/")
        if model is not None:
            pk = _first(model, owner)
            pages += [f"/record/{o}/{section}/{pk}/edit/", f"/record/{o}/{section}/{pk}/delete/"]
    pages += [
        f"/record/{o}/{section}/add/"
        for section in ("treatments", "scans", "labs", "health-problems")
    ]
    pages += [f"/record/{o}/edit/{part}/" for part in ("diagnosis", "receptors", "ecog")]
    if not can_edit:
        changes = ("/edit/", "/delete/", "/add/")
        pages = [
            p for p in pages if not any(c in p for c in changes) and p != f"/checkins{prefix}/"
        ]
    return pages


PUBLIC = [
    "/",
    "/about/",
    "/library/",
    "/library/what-is-mbc/",
    "/library/search/?q=bone+mets",
    "/library/glossary/",
    "/library/faq/",
    "/care/",
    "/care/?zip=60611",
    "/care/centers/yale-cancer-center/",
    "/care/centers/mayo-clinic/",
    "/care/organizations/",
    "/care/second-opinions/",
    "/care/contribute/",
]
MINE = ["/record/", "/record/sharing/", "/record/audit/", "/record/import/", "/record/my-data/"]
MINE += ["/accounts/settings/", "/accounts/two-step/setup/", "/accounts/password/change/"]
MINE += ["/record/start/", "/record/start/diagnosis/", "/record/start/sites/"]
MINE += ["/record/start/treatment/", "/record/start/care-team/", "/record/start/done/"]


def pages_for(who: str, people) -> list[str]:
    owner = people["owner"]
    if who == "owner":
        trial = "/trials/" + _a_trial() + "/"
        return PUBLIC + MINE + record_pages(owner) + [trial]
    prefix = f"/for/{owner.pk}"
    extra = ["/record/roster/", "/checkins/inbox/"] if who == "navigator" else []
    pages = record_pages(owner, prefix, can_edit=who != "navigator")  # the nurse reads only
    return ["/", "/accounts/settings/", *extra, *pages]


def _a_trial() -> str:
    from mbcnav.web.trials.models import StoredTrial

    return StoredTrial.objects.order_by("nct_id").values_list("nct_id", flat=True).first()
