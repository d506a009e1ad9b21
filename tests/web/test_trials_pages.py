"""Trial finder web app: the pages for every persona (patient, caregivers, stranger, signed-out
visitor), filters, save and visit questions. The database store and sync are in
test_trials_store.py, contacts and distances by ZIP code in test_trials_contacts_page.py."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from mbcnav.trials import groups
from mbcnav.web.trials import one_trial, services, views
from mbcnav.web.trials.models import SavedTrial
from mbcnav.web.visits.models import VisitQuestion
from tests.web.trial_pages import (
    closed_ids,
    detail_url,
    first_open,
    list_url,
    shown_ids,
)


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
