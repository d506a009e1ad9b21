"""``mbcnav trials sync --api-url`` against a local ClinicalTrials.gov mirror on loopback:
the first sync refreshes a copy of the bundled snapshot, a trial that closed since is shown
closed, a new trial is added, and match/show then read the synced copy."""

import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from click.testing import CliRunner

from mbcnav.cli import main
from mbcnav.trials.snapshot import open_snapshot
from mbcnav.trials.store import JsonStore, default_store_path


def _mirror(v2_full):
    closed = copy.deepcopy(v2_full)  # NCT03377387 is bundled as active, not recruiting
    closed["protocolSection"]["statusModule"]["overallStatus"] = "COMPLETED"
    closed["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2026-06-01"
    new = copy.deepcopy(v2_full)
    new["protocolSection"]["identificationModule"]["nctId"] = "NCT09999991"
    new["protocolSection"]["statusModule"]["overallStatus"] = "RECRUITING"
    new["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2026-06-02"
    return {"NCT03377387": closed, "NCT09999991": new}


@pytest.fixture
def mirror(v2_full):
    studies = _mirror(v2_full)
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            url = urlparse(self.path)
            q = {k: v[0] for k, v in parse_qs(url.query).items()}
            seen.append((url.path, q))
            if url.path != "/api/v2/studies":
                self.send_response(404)
                self.end_headers()
                return
            if "filter.ids" in q:
                ids = q["filter.ids"].split(",")
                found = [s for n, s in studies.items() if n in ids]
            else:
                found = [studies["NCT09999991"]]
            body = json.dumps({"studies": found}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v2", seen
    server.shutdown()
    server.server_close()


def test_sync_refreshes_the_bundled_snapshot_from_a_mirror(mirror):
    url, seen = mirror
    bundled = open_snapshot()
    assert bundled.get("NCT03377387").status == "ACTIVE_NOT_RECRUITING"
    run = CliRunner().invoke
    res = run(main, ["trials", "sync", "--api-url", url])
    assert res.exit_code == 0, res.output
    assert "Starting from the bundled snapshot" in res.output
    since = f"AREA[LastUpdatePostDate]RANGE[{bundled.data['as_of']},MAX]"
    assert all(q.get("filter.advanced") == since for _, q in seen)
    asked = {n for _, q in seen for n in q.get("filter.ids", "").split(",") if n}
    assert asked == {t.nct_id for t in bundled.trials()}, "every held trial is asked for"
    store = JsonStore.open(default_store_path())
    assert len(store.trials()) == len(bundled.trials()) + 1
    assert store.data["as_of"] == "2026-06-02" and store.data["synced"]
    shown = run(main, ["trials", "show", "NCT03377387"])
    assert shown.exit_code == 0, shown.output
    assert "CLOSED TO NEW PATIENTS (Completed)" in shown.output
    assert "last synced from ClinicalTrials.gov" in " ".join(shown.output.split())
    assert run(main, ["trials", "show", "NCT09999991"]).exit_code == 0
    assert bundled.get("NCT03377387").status == "ACTIVE_NOT_RECRUITING", "the bundle is unchanged"
