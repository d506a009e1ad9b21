"""Data safety, end to end through the real command line on a real database file (or the
PostgreSQL in DATABASE_URL): backup + restore into a fresh database gives the same record, and a
process killed with SIGKILL in the middle of an import leaves the database consistent (the old
record or the new one, never half of each)."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import yaml

MBCNAV = str(Path(sys.executable).parent / "mbcnav")
IS_PG = os.environ.get("DATABASE_URL", "").startswith("postgres")


def env_for(data_dir: Path, database_url: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["MBCNAV_DATA_DIR"] = str(data_dir)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def run(*args, env, check=True):
    return subprocess.run(
        [MBCNAV, *args], env=env, capture_output=True, text=True, check=check, timeout=300
    )


def django_eval(code: str, env) -> str:
    script = (
        "import os, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mbcnav.web.settings'); "
        "django.setup()\n" + code
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout


def fresh_database_url(tmp_path: Path) -> str | None:
    """A new empty database: a new SQLite folder, or a new PostgreSQL database."""
    if not IS_PG:
        return None
    import psycopg

    base = os.environ["DATABASE_URL"]
    name = f"mbcnav_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return base.rsplit("/", 1)[0] + "/" + name


def setup_database(data_dir: Path, url: str | None) -> dict:
    env = env_for(data_dir, url)
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--settings=mbcnav.web.settings", "-v", "0"],
        env=env,
        check=True,
        timeout=300,
    )
    return env


EXPORT = (
    "from mbcnav.web.record import services; from django.contrib.auth.models import User; import json; "
    "print(json.dumps(services.export_patient(User.objects.get(username='p@example.org')), sort_keys=True))"
)


def test_backup_then_restore_into_a_fresh_database_gives_the_same_record(tmp_path):
    env = setup_database(tmp_path / "a", fresh_database_url(tmp_path))
    demo = (
        Path(__file__).resolve().parents[2]
        / "src"
        / "mbcnav"
        / "patient"
        / "data"
        / "demo-patient.yaml"
    )
    run("import", str(demo), "--user", "p@example.org", "--create", env=env)
    original = django_eval(EXPORT, env)
    backup = tmp_path / "backup.db"
    assert "Backed up" in run("backup", str(backup), env=env).stdout
    assert backup.stat().st_size > 0

    fresh = env_for(tmp_path / "b", fresh_database_url(tmp_path))
    if IS_PG:
        (tmp_path / "b").mkdir()
    assert "Restored" in run("restore", str(backup), "--yes", env=fresh).stdout
    assert django_eval(EXPORT, fresh) == original


def test_restore_of_a_file_that_is_not_a_backup_is_one_sentence_exit_2(tmp_path):
    env = setup_database(tmp_path / "a", fresh_database_url(tmp_path))
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    result = run("restore", str(junk), "--yes", env=env, check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        run("restore", str(tmp_path / "missing.db"), "--yes", env=env, check=False).returncode == 2
    )


def big_patient_file(path: Path, n: int) -> None:
    data = {
        "format": "mbcnav-patient/1",
        "name": "Big Record",
        "labs": [
            {
                "date": f"20{10 + i % 14:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "test": "CA 15-3",
                "value": i % 300,
            }
            for i in range(n)
        ],
        "symptoms": [
            {
                "date": f"20{10 + i % 14:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "symptom": "fatigue",
                "severity": "mild",
            }
            for i in range(n)
        ],
    }
    path.write_text(yaml.safe_dump(data))


COUNTS = (
    "from mbcnav.web.record.models import Lab, CheckIn; from django.contrib.auth.models import User; "
    "u = User.objects.get(username='p@example.org'); print(Lab.objects.filter(owner=u).count(), CheckIn.objects.filter(owner=u).count())"
)


def test_sigkill_during_an_import_leaves_the_old_or_the_new_record(tmp_path):
    env = setup_database(tmp_path / "a", fresh_database_url(tmp_path))
    small = tmp_path / "small.yaml"
    small.write_text(
        "format: mbcnav-patient/1\nlabs:\n  - {date: 2024-01-01, test: CEA, value: 3}\n"
    )
    big = tmp_path / "big.yaml"
    big_patient_file(big, 2500)
    started = time.perf_counter()
    run(
        "import", str(big), "--user", "p@example.org", "--create", env=env
    )  # how long a whole import takes
    full = time.perf_counter() - started
    new = (2500, 2500)
    assert tuple(map(int, django_eval(COUNTS, env).split())) == new
    outcomes = []
    for fraction in (0.75, 0.88, 0.95, 0.99):  # the writing happens in the last part of the run
        run("import", str(small), "--user", "p@example.org", env=env)
        proc = subprocess.Popen(
            [MBCNAV, "import", str(big), "--user", "p@example.org"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(full * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        counts = tuple(map(int, django_eval(COUNTS, env).split()))
        assert counts in {(1, 0), new}, (
            f"half-written record after SIGKILL at {fraction:.0%} of {full:.1f}s: {counts}"
        )
        outcomes.append(counts)
        if not IS_PG:
            db = sqlite3.connect(tmp_path / "a" / "mbcnav.sqlite3")
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            db.close()
    print("outcomes after SIGKILL:", outcomes)


FHIR = Path(__file__).resolve().parents[1] / "fixtures" / "mcode"


def test_fhir_import_into_an_account_is_atomic_and_merging_twice_changes_nothing(tmp_path):
    env = setup_database(tmp_path / "a", fresh_database_url(tmp_path))
    small = tmp_path / "small.yaml"
    small.write_text("format: mbcnav-patient/1\nname: P\n")
    run("import", str(small), "--user", "p@example.org", "--create", env=env)
    bundle = str(FHIR / "TrialMatching_Patient01.json")
    first = run("fhir", "import", bundle, "--user", "p@example.org", "--merge", env=env)
    assert "imported" in first.stdout
    once = django_eval(EXPORT, env)
    run("fhir", "import", bundle, "--user", "p@example.org", "--merge", env=env)
    assert django_eval(EXPORT, env) == once
    broken = tmp_path / "broken.json"
    broken.write_text('{"resourceType": "Bundle", "entry": [')
    bad = run("fhir", "import", str(broken), "--user", "p@example.org", env=env, check=False)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert django_eval(EXPORT, env) == once
    nobody = run("fhir", "import", bundle, "--user", "nobody@example.org", env=env, check=False)
    assert nobody.returncode == 2 and "nobody@example.org" in nobody.stderr


CTGOV = Path(__file__).resolve().parents[1] / "fixtures" / "ctgov" / "NCT03377387.json"


def _fake_ctgov(pages: int, per_page: int):
    """A ClinicalTrials.gov API v2 stand-in on loopback: copies of a real recorded study, page by page."""
    import copy
    import json as _json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qs, urlparse

    study = _json.loads(CTGOV.read_text())
    study = study.get("studies", [study])[0] if "studies" in study else study

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            q = parse_qs(urlparse(self.path).query)
            page = int(q.get("pageToken", ["0"])[0])
            studies = []
            for i in range(per_page):
                s = copy.deepcopy(study)
                s["protocolSection"]["identificationModule"]["nctId"] = f"NCT9{page:03d}{i:04d}"
                studies.append(s)
            body = {"studies": studies}
            if page + 1 < pages:
                body["nextPageToken"] = str(page + 1)
            data = _json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


TRIAL_COUNTS = (
    "from mbcnav.web.trials.models import StoredTrial; "
    "rows = list(StoredTrial.objects.values_list('nct_id', 'parse')); "
    "print(len(rows), sum(1 for _, p in rows if not p))"
)


def test_sigkill_during_a_trial_sync_leaves_the_database_consistent(tmp_path):
    env = setup_database(tmp_path / "a", fresh_database_url(tmp_path))
    pages, per_page = 4, 25
    server = _fake_ctgov(pages, per_page)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        args = [MBCNAV, "trials", "sync", "--database", "--api-url", url, "--max-pages", str(pages)]
        started = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True, timeout=300)
        full = time.perf_counter() - started
        assert django_eval(TRIAL_COUNTS, env).split() == [str(pages * per_page), "0"]
        django_eval(
            "from mbcnav.web.trials.models import StoredTrial; StoredTrial.objects.all().delete()",
            env,
        )
        for fraction in (0.5, 0.8, 0.9, 0.97):
            proc = subprocess.Popen(
                args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            time.sleep(full * fraction)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            stored, unparsed = map(int, django_eval(TRIAL_COUNTS, env).split())
            assert unparsed == 0, "a trial was stored without its parse"
            assert stored in (0, pages * per_page), f"half a sync stored: {stored} trials"
            django_eval(
                "from mbcnav.web.trials.models import StoredTrial; StoredTrial.objects.all().delete()",
                env,
            )
    finally:
        server.shutdown()
