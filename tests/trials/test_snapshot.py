"""The bundled snapshot: real v2 records with sites, contacts, statuses and dates; the
development-set trials held out; a reproducible build; its age in words; distances and the
miles filter on it."""

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from mbcnav.cli import main
from mbcnav.trials.geo import nearest_site, zip_point
from mbcnav.trials.groups import STATUS_WORDS, is_open
from mbcnav.trials.snapshot import age_words, build, held_out, open_snapshot
from mbcnav.trials.store import JsonStore

REPO_FIXTURES = Path(__file__).parents[1] / "fixtures" / "ctgov"
BENCH_TRIALS = Path("/work/shared/bench/mbc-screening/trials")
EXAMPLE = Path("/work/shared/spec/examples/hr-positive-second-line.yaml")


@pytest.fixture(scope="module")
def snap():
    return open_snapshot()


def test_the_development_set_trials_stay_outside(snap):
    ids = {t.nct_id for t in snap.trials()}
    assert len(held_out()) == 30 and not ids & held_out()
    if BENCH_TRIALS.exists():
        assert {f.stem for f in BENCH_TRIALS.glob("NCT*.json")} == held_out()


def test_real_v2_records_carry_sites_contacts_statuses_and_dates(snap):
    trials = snap.trials()
    v2 = [t for t in trials if "API v2" in t.source]
    assert len(v2) >= 75 and all(t.status in STATUS_WORDS for t in trials)
    placed = [t for t in v2 if any(s.lat is not None for s in t.locations)]
    assert len(placed) >= 70, "most v2 records give sites with map points"
    assert sum(1 for t in v2 if any(c.reachable for s in t.locations for c in s.contacts)) >= 15
    # only the field-projected record (NCT02576665) lacks a last-update date
    assert [t.nct_id for t in v2 if not t.last_update] == ["NCT02576665"]
    assert sum(1 for t in v2 if t.dates.get("start")) >= 75
    # every status is there, as in the real registry
    assert {"RECRUITING", "COMPLETED", "TERMINATED", "UNKNOWN", "NOT_YET_RECRUITING"} <= {
        t.status for t in trials
    }
    export = [t for t in trials if "export" in t.source]
    assert export and all(not any(s.city for s in t.locations) for t in export)
    assert not {t.nct_id for t in export} & {t.nct_id for t in v2}
    assert snap.data["as_of"] == max(t.last_update for t in trials)
    assert snap.data["built"] and all(snap.parse(t.nct_id) for t in trials)


def test_the_build_is_reproducible_and_prefers_v2_records(tmp_path):
    day = date(2026, 12, 1)
    one = build(REPO_FIXTURES, tmp_path / "a" / "trials.json.gz", {"NCT02576665"}, day)
    two = build(REPO_FIXTURES, tmp_path / "b" / "trials.json.gz", {"NCT02576665"}, day)
    assert one.path.read_bytes() == two.path.read_bytes()
    ids = {t.nct_id for t in JsonStore.open(one.path).trials()}
    assert {"NCT03377387", "NCT02513394"} <= ids and "NCT02576665" not in ids
    assert (tmp_path / "a" / "index.tsv").read_text().count("\n") == len(ids) + 1
    assert (
        JsonStore.open(one.path).get("NCT03377387").source.startswith("ClinicalTrials.gov API v2")
    )


@pytest.mark.parametrize(
    ("as_of", "today", "words"),
    [
        ("2026-02-03", "2026-02-10", "less than two weeks old"),
        ("2026-02-03", "2026-03-10", "about 5 weeks old"),
        ("2026-02-03", "2026-12-02", "about 10 months old"),
        ("2023-04-18", "2026-12-02", "about 3 years old"),
        ("soon", "2026-12-02", "of unknown age"),
    ],
)
def test_age_in_words(as_of, today, words):
    assert age_words(as_of, date.fromisoformat(today)) == words


def test_distance_to_the_nearest_site_on_the_snapshot(snap):
    nih = snap.get("NCT00034216")  # recruiting, one site in Bethesda with a map point
    assert is_open(nih.status)
    assert nearest_site(nih, zip_point("20892"))["miles"] < 10
    assert nearest_site(nih, zip_point("99701"))["miles"] > 2000


def _patient(tmp_path, zip_code):
    data = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    data["postal_code"] = zip_code
    path = tmp_path / f"p{zip_code}.yaml"
    path.write_text(yaml.safe_dump(data), "utf-8")
    return str(path)


@pytest.mark.skipif(not EXAMPLE.exists(), reason="needs the shared example patient file")
def test_miles_filter_keeps_near_sites_and_drops_far_ones(tmp_path, snap):
    def within(zip_code, miles):
        res = CliRunner().invoke(
            main,
            ["trials", "match", _patient(tmp_path, zip_code), "--json", "--top", "500",
             "--within-miles", str(miles), "--date", "2026-01-15"],
        )  # fmt: skip
        assert res.exit_code == 0, res.output
        return json.loads(res.output)["trials"]

    near = within("20892", 25)  # Bethesda, beside the NIH Clinical Center
    assert "NCT00034216" in {t["nct_id"] for t in near}
    assert all(t["nearest_site"]["miles"] <= 25 and is_open(t["status"]) for t in near)
    boston = within("02215", 50)
    assert boston and all(t["nearest_site"]["miles"] <= 50 for t in boston)
    assert within("99701", 50) == []  # Fairbanks, Alaska: no site that close
