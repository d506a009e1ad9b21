"""Trial finder web app: the database store, incremental sync and the bundled snapshot."""

from mbcnav.trials.parse import VERSION, parse_trial
from mbcnav.trials.record import Site, Trial
from mbcnav.trials.snapshot import open_snapshot
from mbcnav.trials.sync import sync
from mbcnav.web.trials import services
from mbcnav.web.trials.models import StoredTrial, TrialSync
from mbcnav.web.trials.store import DatabaseStore
from tests.web.trial_pages import (
    FakeClient,
    study,
)


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
