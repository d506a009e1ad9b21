"""Trial finder web app: the database store and sync, the bundled snapshot, the pages for every
persona (patient, caregivers, stranger, signed-out visitor), filters, save and visit questions."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from mbcnav.trials import groups
from mbcnav.trials.parse import VERSION, parse_trial
from mbcnav.trials.record import Site, Trial
from mbcnav.trials.snapshot import open_snapshot
from mbcnav.trials.sync import sync
from mbcnav.web.trials import one_trial, services, views
from mbcnav.web.trials.models import SavedTrial, StoredTrial, TrialSync
from mbcnav.web.trials.store import DatabaseStore
from mbcnav.web.visits.models import VisitQuestion


def study(nct, updated, title="Drug X for metastatic breast cancer", criteria=None):
    """A small ClinicalTrials.gov API v2 study record."""
    crit = (
        criteria
        or "Inclusion Criteria:\n- Metastatic breast cancer\n- Age 18 or older\n\nExclusion Criteria:\n- Active brain metastases"
    )
    return {
        "protocolSection": {
            "identificationModule": {"nctId": nct, "briefTitle": title},
            "statusModule": {
                "overallStatus": "RECRUITING",
                "lastUpdatePostDateStruct": {"date": updated},
            },
            "conditionsModule": {"conditions": ["Metastatic Breast Cancer"]},
            "designModule": {"phases": ["PHASE2"]},
            "eligibilityModule": {
                "eligibilityCriteria": crit,
                "sex": "ALL",
                "minimumAge": "18 Years",
            },
            "contactsLocationsModule": {
                "locations": [
                    {
                        "facility": "Lakeside Cancer Center",
                        "city": "Chicago",
                        "state": "Illinois",
                        "zip": "60611",
                        "country": "United States",
                        "status": "RECRUITING",
                        "geoPoint": {"lat": 41.89, "lon": -87.62},
                    }
                ]
            },
        }
    }


class FakeClient:
    """Stands in for CtgovClient: returns the given studies, remembers the queries."""

    def __init__(self, studies):
        self.studies, self.queries = studies, []

    def search(self, max_pages=None, **query):
        self.queries.append(query)
        yield from self.studies


@pytest.fixture
def loaded(db):
    services.load_snapshot()
    return services.catalogue()


def detail_url(nct, owner=None, action=None, number=None):
    kwargs = {"nct_id": nct}
    if owner is not None:
        kwargs["owner_id"] = owner.pk
    if number is not None:
        kwargs["number"] = number
    return reverse(f"trials:{action or 'detail'}", kwargs=kwargs)


def list_url(owner=None, **params):
    url = reverse("trials:list", kwargs={"owner_id": owner.pk} if owner else {})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def shown_ids(resp) -> list[str]:
    """The trials listed as ones to join or check (not the collapsed closed section)."""
    return re.findall(r'<span class="muted">(NCT\d{8})', resp.content.decode())


def closed_ids(resp) -> list[str]:
    """The trials in the collapsed "closed to new patients" section."""
    return re.findall(r'<span class="muted closed-meta">(NCT\d{8})', resp.content.decode())


def first_open(loaded) -> str:
    return next(t.nct_id for t in loaded.trials if groups.is_open(t.status))


# ----------------------------------------------------------------- store, snapshot, sync
def test_load_snapshot_is_idempotent_and_refreshes_older_rows(db):
    snap = open_snapshot()
    note = services.load_snapshot()
    assert f"snapshot as of {snap.data['as_of']}" in note and note.startswith("Trials:")
    assert StoredTrial.objects.count() == len(snap.trials())
    assert TrialSync.objects.filter(kind="snapshot").count() == 1
    again = services.load_snapshot()
    assert "already loaded" in again
    assert StoredTrial.objects.count() == len(snap.trials())
    assert TrialSync.objects.count() == 1
    dated = next(t for t in snap.trials() if t.last_update)
    StoredTrial.objects.filter(nct_id=dated.nct_id).update(last_update="2000-01-01", title="old")
    assert "1 updated" in services.load_snapshot()
    row = StoredTrial.objects.get(nct_id=dated.nct_id)
    assert (
        row.last_update == dated.last_update
        and row.title == dated.title
        and row.origin == "snapshot"
    )
    StoredTrial.objects.filter(nct_id=dated.nct_id).update(
        parse={"version": VERSION - 1, "criteria": []}
    )
    assert "1 updated" in services.load_snapshot(), (
        "a parse from an older engine version is replaced"
    )
    assert StoredTrial.objects.get(nct_id=dated.nct_id).parse["version"] == VERSION


def test_database_store_round_trip(db):
    trial = Trial(
        nct_id="NCT00000001",
        title="A trial",
        phase="Phase 2",
        status="RECRUITING",
        conditions=["Breast Cancer"],
        eligibility="Inclusion Criteria:\n- Metastatic breast cancer",
        locations=[Site(facility="X", city="Chicago", lat=41.9, lon=-87.6)],
        last_update="2026-03-01",
    )
    parse = parse_trial(trial)
    store = DatabaseStore()
    store.put(trial, parse)
    assert store.get("nct00000001").title == "A trial"  # pending rows are visible before save
    assert not StoredTrial.objects.exists()
    store.save()
    fresh = DatabaseStore()
    assert fresh.get("NCT00000001") == trial
    assert fresh.parse("NCT00000001") == parse
    assert fresh.last_updates() == {"NCT00000001": "2026-03-01"}
    assert [t.nct_id for t in fresh.trials()] == ["NCT00000001"]
    assert fresh.get("NCT99999999") is None and fresh.parse("NCT99999999") is None
    StoredTrial.objects.filter(nct_id="NCT00000001").update(parse={**parse, "version": VERSION + 1})
    assert fresh.parse("NCT00000001") is None, "a parse from another engine version is not used"


def test_incremental_sync_into_the_database(db):
    first = FakeClient([study("NCT00000011", "2026-01-10"), study("NCT00000012", "2026-02-01")])
    counts = sync(DatabaseStore(), first)
    assert counts == {"fetched": 2, "added": 2, "updated": 0, "unchanged": 0}
    assert "advanced" not in first.queries[0]
    second = FakeClient(
        [
            study("NCT00000011", "2026-01-10"),
            study("NCT00000012", "2026-05-05", title="Drug X, amended"),
            study("NCT00000013", "2026-05-06"),
        ]
    )
    counts = services.sync_database(client=second)
    assert counts == {"fetched": 3, "added": 1, "updated": 1, "unchanged": 1}
    assert "2026-02-01" in second.queries[0]["advanced"], (
        "only studies updated since the newest copy"
    )
    assert StoredTrial.objects.count() == 3
    row = StoredTrial.objects.get(nct_id="NCT00000012")
    assert (
        row.title == "Drug X, amended"
        and row.last_update == "2026-05-05"
        and row.parse["version"] == VERSION
    )
    assert TrialSync.objects.filter(kind="sync").count() == 1
    assert "NCT00000013" in {t.nct_id for t in services.catalogue().trials}


# ----------------------------------------------------------------- the patient's pages
def test_list_groups_trials_without_a_bare_score_and_shows_the_site(as_user, patient, loaded):
    resp = as_user(patient).get(list_url())
    assert resp.status_code == 200
    body = resp.content.decode()
    ranked = services.matches_for(patient, timezone.localdate())
    assert shown_ids(resp) == [m.trial.nct_id for m in ranked][: len(shown_ids(resp))]
    order = [groups.ORDER.index(m.group) for m in ranked]
    assert order == sorted(order), "grouped in groups.ORDER"
    assert all(m.group != "closed" and groups.is_open(m.trial.status) for m in ranked)
    for key, label, items in ranked.groups():
        if key != "closed" and any(m in ranked[: views.PER_PAGE] for m in items):
            assert label in body
    assert ">Score<" not in body and f"{ranked[0].score:.2f}" not in body, "no bare score"
    closed = closed_ids(resp)
    assert closed and set(closed) == {m.trial.nct_id for m in ranked.closed}
    assert all(not groups.is_open(loaded.by_id[n].status) for n in closed)
    assert '<details class="closed-trials card">' in body, "closed trials start collapsed"
    near = [i for i, m in enumerate(ranked) if m.nearest]
    assert near
    on_page = as_user(patient).get(list_url(page=near[0] // views.PER_PAGE + 1)).content.decode()
    assert f"{ranked[near[0]].nearest['miles']:.0f} miles" in on_page


def test_list_pages_through_every_ranked_trial_keeping_the_filters(as_user, patient, loaded):
    c = as_user(patient)
    ranked = [m.trial.nct_id for m in services.matches_for(patient, timezone.localdate())]
    assert len(ranked) > views.PER_PAGE  # the bundled snapshot needs more than one page
    pages = -(-len(ranked) // views.PER_PAGE)
    seen = []
    for n in range(1, pages + 1):
        resp = c.get(list_url(page=n))
        ids = shown_ids(resp)
        assert len(ids) == (
            views.PER_PAGE if n < pages else len(ranked) - views.PER_PAGE * (pages - 1)
        )
        body = resp.content.decode()
        assert ('rel="next"' in body) == (n < pages) and ('rel="prev"' in body) == (n > 1)
        seen += ids
    assert seen == ranked
    assert (
        shown_ids(c.get(list_url(page="junk"))) == ranked[: views.PER_PAGE]
    )  # bad page: the first
    assert (
        shown_ids(c.get(list_url(page=999))) == ranked[views.PER_PAGE * (pages - 1) :]
    )  # the last
    likely = c.get(list_url(fit="likely")).content.decode()
    if 'rel="next"' in likely:
        assert "fit=likely&amp;page=2" in likely


def test_ranking_is_kept_until_the_record_changes(patient, loaded):
    from mbcnav.web.record.models import Metastasis

    today = timezone.localdate()
    first = services.matches_for(patient, today)
    again = services.matches_for(patient, today)
    assert all(
        a.ranked is b.ranked for a, b in zip(first, again, strict=True)
    )  # served from the cache
    Metastasis.objects.filter(owner=patient).delete()  # a record edit that matching reads
    changed = services.matches_for(patient, today)
    assert changed[0].ranked is not first[0].ranked


def test_fit_phase_and_distance_filters(as_user, patient, loaded):
    c = as_user(patient)
    everything = shown_ids(c.get(list_url()))
    likely = c.get(list_url(fit="likely"))
    ids = shown_ids(likely)
    today = timezone.localdate()
    assert ids and len(services.matches_for(patient, today, fit="likely")) < len(
        services.matches_for(patient, today)
    )
    assert set(re.findall(r'class="trial-row fit-(\w+) ', likely.content.decode())) == {"likely"}
    phase3 = shown_ids(c.get(list_url(phase="3")))
    assert phase3 and all("3" in loaded.by_id[n].phase for n in phase3)
    near = c.get(list_url(within_miles=50))
    near_ids = shown_ids(near)
    assert near_ids and len(near_ids) < len(everything)
    from mbcnav.trials.geo import nearest_site, zip_point

    point = zip_point("60611")  # the demo record's ZIP code
    for n in near_ids:
        assert nearest_site(loaded.by_id[n], point)["miles"] <= 50
    odd = c.get(list_url(within_miles=7))  # not one of the choices: the form says so, lists nothing
    assert shown_ids(odd) == [] and "Select a valid choice" in odd.content.decode()


def _mixed_trial(patient, loaded):
    """A stored trial whose criteria get all three verdicts for the patient."""
    for t in loaded.trials:
        if not groups.is_open(t.status):  # closed trials are not rated
            continue
        d = one_trial.trial_detail(patient, t.nct_id)
        if {"met", "not met", "unknown"} <= {c["verdict"] for c in d.criteria}:
            return d
    pytest.fail("no trial with met, not met and unknown criteria for the demo record")


def test_detail_colours_every_criterion_by_verdict(as_user, patient, loaded):
    d = _mixed_trial(patient, loaded)
    resp = as_user(patient).get(detail_url(d.trial.nct_id))
    assert resp.status_code == 200
    body = resp.content.decode()
    for verdict, css in (
        ("met", "verdict-met"),
        ("not met", "verdict-not-met"),
        ("unknown", "verdict-unknown"),
    ):
        n = sum(1 for c in d.criteria if c["verdict"] == verdict)
        assert body.count(f'class="badge {css}"') == n
    assert "Unlikely fit" in body  # a criterion not met makes the fit unlikely
    assert f'href="https://clinicaltrials.gov/study/{d.trial.nct_id}"' in body
    assert "What would settle the open points" in body and d.settle[0]["what"] in body
    team = sum(
        1 for c in d.criteria if c["verdict"] == "unknown" and c["settle"] == one_trial.STUDY_TEAM
    )
    assert d.team_only == team and (f"{team} rules only the study team can judge" in body) == (
        team > 1
    )
    from datetime import date

    from mbcnav.patient.days import human

    assert human(date.fromisoformat(d.trial.last_update)) in body  # "9 Apr 2025", not ISO


def test_save_and_unsave(as_user, patient, loaded):
    c = as_user(patient)
    nct = first_open(loaded)
    resp = c.post(detail_url(nct, action="save"))
    assert resp.status_code == 302
    assert SavedTrial.objects.filter(owner=patient, nct_id=nct).exists()
    assert "Remove from saved trials" in c.get(detail_url(nct)).content.decode()
    assert shown_ids(c.get(list_url(saved="on"))) == [nct]
    c.post(detail_url(nct, action="unsave"))
    assert not SavedTrial.objects.filter(owner=patient).exists()
    assert shown_ids(c.get(list_url(saved="on"))) == []
    assert c.post(detail_url("NCT99999999", action="save")).status_code == 404


def test_add_question_lands_in_the_visit_guide(as_user, patient, loaded):
    c = as_user(patient)
    d = _mixed_trial(patient, loaded)
    nct = d.trial.nct_id
    assert "Add to my visit questions" in c.get(detail_url(nct)).content.decode()
    c.post(detail_url(nct, action="ask", number=1))
    c.post(detail_url(nct, action="ask", number=1))
    q = VisitQuestion.objects.get(owner=patient, rule=f"trial:{nct}:1")
    assert q.topic == "clinical-trials" and nct in q.text and q.why
    c.post(detail_url(nct, action="ask", number=3))  # the first rule that is not met
    q3 = VisitQuestion.objects.get(owner=patient, rule=f"trial:{nct}:3")
    first_not_met = next(x for x in d.criteria if x["verdict"] == "not met")
    assert q3.why == first_not_met["why"]
    page = strip_tags(c.get(reverse("visits:guide")).content.decode())  # drug names are links
    assert q.text in page
    assert "On your visit list" in c.get(detail_url(nct)).content.decode()
    assert c.post(detail_url(nct, action="ask", number=99)).status_code == 404


# ----------------------------------------------------------------- other personas
def test_caregiver_with_read_access_can_view_but_not_change(
    as_user, patient, caregiver_read, loaded
):
    c = as_user(caregiver_read)
    resp = c.get(list_url(patient))
    assert resp.status_code == 200 and "fit" in resp.content.decode()
    nct = shown_ids(resp)[0]
    page = c.get(detail_url(nct, patient))
    assert page.status_code == 200 and 'class="badge verdict-' in page.content.decode()
    assert "Save this trial" not in page.content.decode()
    assert c.post(detail_url(nct, patient, "save")).status_code == 403
    assert c.post(detail_url(nct, patient, "ask", 1)).status_code == 403
    assert (
        not SavedTrial.objects.exists()
        and not VisitQuestion.objects.filter(rule__startswith="trial:").exists()
    )


def test_caregiver_with_edit_access_saves_for_the_person(as_user, patient, caregiver_edit, loaded):
    nct = first_open(loaded)
    assert as_user(caregiver_edit).post(detail_url(nct, patient, "save")).status_code == 302
    assert SavedTrial.objects.filter(owner=patient, nct_id=nct).exists()


def test_stranger_gets_404_on_every_for_url(as_user, patient, stranger, loaded):
    c = as_user(stranger)
    nct = loaded.trials[0].nct_id
    assert c.get(list_url(patient)).status_code == 404
    assert c.get(detail_url(nct, patient)).status_code == 404
    for action, number in (("save", None), ("unsave", None), ("ask", 1)):
        assert c.post(detail_url(nct, patient, action, number)).status_code == 404
    assert not SavedTrial.objects.exists()


def test_signed_out_visitor_browses_and_searches(client, loaded):
    resp = client.get(list_url())
    body = resp.content.decode()
    assert resp.status_code == 200 and "Sign in to match trials" in body
    assert "Likely fit" not in body and "Unlikely fit" not in body
    everything = shown_ids(resp)
    open_ = [t for t in loaded.trials if groups.is_open(t.status)]
    assert len(everything) == min(len(open_), views.PER_PAGE)
    assert len(closed_ids(resp)) == len(loaded.trials) - len(open_)
    found = shown_ids(client.get(list_url(q="trastuzumab")))
    assert found and len(found) < len(loaded.trials)
    assert all("trastuzumab" in loaded.by_id[n].text().lower() for n in found)
    page = client.get(detail_url(found[0]))
    assert page.status_code == 200 and "badge verdict-" not in page.content.decode()
    assert loaded.by_id[found[0]].title.split(" ")[0] in page.content.decode()
    assert (
        client.post(detail_url(found[0], action="save")).status_code == 302
    )  # to the sign-in page
    assert not SavedTrial.objects.exists()
    assert client.get(list_url(q="zzzqqq")).status_code == 200


# ----------------------------------------------------------------- contacts and distances by ZIP
def contacts_study(nct="NCT00000101"):
    """A recruiting study with a central contact and two sites with their own contacts: one in
    Chicago with a ZIP code but no geoPoint, one in Boston with a geoPoint."""
    s = study(nct, "2026-06-01")
    s["protocolSection"]["contactsLocationsModule"] = {
        "centralContacts": [
            {
                "name": "Central Desk",
                "role": "CONTACT",
                "phone": "1-800-555-0199",
                "phoneExt": "7",
                "email": "trial.desk@example.org",
            }
        ],
        "overallOfficials": [
            {"name": "Dr Lead", "affiliation": "Lakeside University", "role": "STUDY_CHAIR"}
        ],
        "locations": [
            {
                "facility": "Boston Breast Center",
                "city": "Boston",
                "state": "Massachusetts",
                "zip": "02114",
                "country": "United States",
                "status": "RECRUITING",
                "geoPoint": {"lat": 42.36, "lon": -71.06},
                "contacts": [{"name": "Far Person", "phone": "617-555-0100"}],
            },
            {
                "facility": "Lakeside Cancer Center",
                "city": "Chicago",
                "state": "Illinois",
                "zip": "60611",
                "country": "United States",
                "status": "RECRUITING",
                "contacts": [
                    {"name": "Near Person", "phone": "(312) 555-0142", "email": "near@example.org"}
                ],
            },
        ],
    }
    return s


@pytest.fixture
def with_contacts(db):
    sync(DatabaseStore(), FakeClient([contacts_study()]))
    return "NCT00000101"


def test_trial_page_shows_central_then_nearest_site_contact(as_user, patient, with_contacts):
    body = as_user(patient).get(detail_url(with_contacts)).content.decode()
    assert body.find("Near Person") < body.find("Contacts and locations"), "on the card too"
    body = body[body.find("Contacts and locations") :]
    central, near = body.find("Central Desk"), body.find("Near Person")
    assert 0 < central < near, "the study's central contact first, then the nearest site's"
    assert "Far Person" not in body, "only the nearest open site's contact"
    assert (
        'href="tel:+18005550199;ext=7"' in body and 'href="mailto:trial.desk@example.org"' in body
    )
    assert 'href="tel:+13125550142"' in body and 'href="mailto:near@example.org"' in body
    assert "contact at the nearest open site, Lakeside Cancer Center" in body
    assert "can answer questions about who can join (eligibility)" in body
    assert "Dr Lead" in body and "study chair" in body
    assert "less than 1 mile (by ZIP code)" in body  # the Chicago site, placed by its ZIP code


def test_signed_out_visitor_sees_the_central_contact_only(client, with_contacts):
    body = client.get(detail_url(with_contacts)).content.decode()
    assert "Central Desk" in body and "Near Person" not in body and "Far Person" not in body
    assert "Sign in with a record that has a US ZIP code" in body


def test_stranger_gets_404_on_the_personal_trial_page(as_user, patient, stranger, with_contacts):
    resp = as_user(stranger).get(detail_url(with_contacts, patient))
    assert resp.status_code == 404 and "Near Person" not in resp.content.decode()
    assert as_user(patient).get(detail_url(with_contacts, patient)).status_code == 200


def test_distance_filter_keeps_a_trial_placed_by_zip_code(as_user, patient, with_contacts):
    m = next(
        x
        for x in services.matches_for(patient, timezone.localdate())
        if x.trial.nct_id == with_contacts
    )
    assert m.nearest["located_by"] == "zip" and m.nearest["city"] == "Chicago"
    near = as_user(patient).get(list_url(within_miles=25))
    assert with_contacts in shown_ids(near)
    assert "(by ZIP code)" in near.content.decode()


def test_load_snapshot_drops_rows_an_older_bundle_brought_but_keeps_synced_ones(db):
    services.load_snapshot()
    old = Trial("NCT00000077", title="Only in an older bundle", status="RECRUITING")
    bundle = DatabaseStore(origin="snapshot")
    bundle.put(old, parse_trial(old))
    bundle.save()
    synced = Trial("NCT00000078", title="Synced", status="RECRUITING", last_update="2026-06-01")
    store = DatabaseStore(origin="sync")
    store.put(synced, parse_trial(synced))
    store.save()
    note = services.load_snapshot()
    assert "1 no longer bundled" in note
    ids = set(StoredTrial.objects.values_list("nct_id", flat=True))
    assert "NCT00000077" not in ids and "NCT00000078" in ids


def test_load_snapshot_refreshes_rows_read_by_an_older_engine(db):
    services.load_snapshot()
    row = StoredTrial.objects.get(nct_id="NCT03377387")
    assert row.data["officials"], "the bundled snapshot carries the overall officials"
    old = {k: v for k, v in row.data.items() if k not in ("officials", "central_contacts")}
    StoredTrial.objects.filter(pk=row.pk).update(data=old)
    assert "1 updated" in services.load_snapshot()
    assert StoredTrial.objects.get(pk=row.pk).data["officials"][0]["name"] == "Chau Dang, MD"
    assert "already loaded" in services.load_snapshot()


def test_trial_pages_show_the_card_the_group_and_a_banner_when_closed(as_user, patient, loaded):
    c = as_user(patient)
    closed = c.get(detail_url("NCT00286117")).content.decode()  # completed
    assert "Closed to new patients (Completed)." in closed and "trial-closed" in closed
    assert "How the trial seems to fit" not in closed and "Not offered as a trial to join" in closed
    assert "Phase 3: compares the new treatment" in closed and "This trial in plain words" in closed
    assert "(about " in closed and "months old)" in closed  # the snapshot's age
    nct = first_open(loaded)
    page = c.get(detail_url(nct)).content.decode()
    d = one_trial.trial_detail(patient, nct)
    assert "trial-closed" not in page and groups.LABELS[d.group] in page
    found = c.get(list_url(q="NCT00286117")).content.decode()
    assert closed_ids_text(found) == ["NCT00286117"] and shown_ids_text(found) == []
    assert '<details class="closed-trials card" open>' in found, "an NCT search opens the section"


def closed_ids_text(body: str) -> list[str]:
    return re.findall(r'<span class="muted closed-meta">(NCT\d{8})', body)


def shown_ids_text(body: str) -> list[str]:
    return re.findall(r'<span class="muted">(NCT\d{8})', body)
