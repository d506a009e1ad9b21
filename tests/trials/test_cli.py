import json
import re
from pathlib import Path

from click.testing import CliRunner

from mbcnav.cli import main
from mbcnav.trials.groups import ORDER, is_open

EXAMPLES = Path("/work/shared/spec/examples")
NOTE = (
    "0. A 58-year-old woman with metastatic HER2-positive breast cancer treated with trastuzumab. "
    "1. She has no brain metastases. 2. The patient will provide informed consent."
)


def run(*args):
    return CliRunner().invoke(main, ["trials", *args])


def test_judge_rows(tmp_path):
    rows = [
        {
            "id": "a",
            "note": NOTE,
            "kind": "inclusion",
            "criterion": "Female, aged 18 years or older",
        },
        {"id": "b", "note": NOTE, "kind": "inclusion", "criterion": "Men aged 18 to 40"},
        {"id": "c", "note": NOTE, "kind": "exclusion", "criterion": "Prior trastuzumab"},
        {"id": "d", "note": NOTE, "kind": "exclusion", "criterion": "Known brain metastases"},
    ]
    src = tmp_path / "rows.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows))
    out = tmp_path / "labels.jsonl"
    res = run("judge", "--input", str(src), "--output", str(out))
    assert res.exit_code == 0, res.output
    labels = {x["id"]: x["label"] for x in map(json.loads, out.read_text().splitlines())}
    assert labels == {"a": "included", "b": "not included", "c": "excluded", "d": "not excluded"}


def test_judge_bad_row_exits_2(tmp_path):
    src = tmp_path / "rows.jsonl"
    src.write_text(json.dumps({"id": "x", "note": "n", "kind": "maybe", "criterion": "c"}))
    res = run("judge", "--input", str(src))
    assert res.exit_code == 2
    assert "kind 'maybe'" in res.output


def test_rank_writes_a_trec_run(tmp_path):
    q = tmp_path / "q.jsonl"
    q.write_text(json.dumps({"_id": "t1", "text": NOTE}))
    trials = [
        {
            "nctid": "NCT00000001",
            "title": "Trastuzumab for metastatic HER2-positive breast cancer",
            "raw_criteria": "Inclusion Criteria:\n* HER2-positive metastatic breast cancer\n",
            "sex": "FEMALE",
            "minimum_age": "18 Years",
        },
        {
            "nctid": "NCT00000002",
            "title": "Beta blockers in angina",
            "raw_criteria": "Inclusion Criteria:\n* Men with angina\n",
            "sex": "MALE",
        },
    ]
    t = tmp_path / "t.jsonl"
    t.write_text("\n".join(json.dumps(x) for x in trials))
    res = run("rank", "--queries", str(q), "--trials", str(t))
    assert res.exit_code == 0, res.output
    lines = [ln.split() for ln in res.output.strip().splitlines()]
    assert [ln[2] for ln in lines] == ["NCT00000001", "NCT00000002"]
    assert lines[0][:2] == ["t1", "Q0"] and lines[0][3] == "1" and lines[0][5] == "mbcnav"


def test_match_json_shape_on_the_bundled_snapshot():
    res = run(
        "match",
        str(EXAMPLES / "hr-positive-second-line.yaml"),
        "--json",
        "--top",
        "3",
        "--date",
        "2025-07-01",
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    trials = out["trials"]
    assert len(trials) == 3 and out["closed_not_shown"] > 0
    order = [ORDER.index(t["group"]) for t in trials]
    assert order == sorted(order), "grouped in groups.ORDER"
    for t in trials:
        assert set(t) == {
            "nct_id", "title", "score", "fit", "group", "status", "nearest_site", "criteria"
        }  # fmt: skip
        assert t["fit"] in {"likely", "possible", "unlikely"} and is_open(t["status"])
        for c in t["criteria"]:
            assert set(c) == {"kind", "text", "verdict", "why"}
            assert c["verdict"] in {"met", "not met", "unknown"}


def test_match_within_miles_keeps_close_trials_only():
    res = run(
        "match",
        str(EXAMPLES / "hr-positive-second-line.yaml"),
        "--json",
        "--within-miles",
        "50",
        "--date",
        "2025-07-01",
    )
    assert res.exit_code == 0, res.output
    for t in json.loads(res.output)["trials"]:
        assert t["nearest_site"]["miles"] <= 50


def test_match_bad_patient_file_exits_2():
    res = run("match", str(EXAMPLES / "invalid-her2.yaml"))
    assert res.exit_code == 2
    assert "her2" in res.output.lower()


def test_show_and_unknown_trial():
    res = run("show", "NCT03377387")
    assert res.exit_code == 0 and "Capecitabine" in res.output
    res = run("show", "NCT00000000")
    assert res.exit_code == 2 and "not in the local store" in res.output


def _store_with(tmp_path, trial):
    from mbcnav.trials.parse import parse_trial
    from mbcnav.trials.store import JsonStore

    store = JsonStore(tmp_path / "trials.json")
    store.put(trial, parse_trial(trial))
    store.save()
    return str(store.path)


def test_show_lists_contacts_and_the_study_lead(tmp_path):
    res = run("show", "NCT03377387")
    assert res.exit_code == 0
    assert (
        "Study lead: Chau Dang, MD (principal investigator, Memorial Sloan Kettering Cancer Center)"
        in res.output
    )
    from mbcnav.trials.record import from_v2

    excerpt = Path(__file__).parent / "fixtures" / "NCT07062965.contacts-excerpt.json"
    trial = from_v2(json.loads(excerpt.read_text("utf-8")))
    res = run("show", "NCT07062965", "--store", _store_with(tmp_path, trial))
    assert res.exit_code == 0, res.output
    assert (
        "Contact: Pfizer CT.gov Call Center: 1-800-718-1021, ClinicalTrials.gov_Inquiries@pfizer.com"
        in res.output
    )
    assert "The study team can answer questions about eligibility." in res.output


def test_match_says_when_a_distance_is_by_zip_code(tmp_path):
    from mbcnav.trials.record import Site, Trial

    trial = Trial(
        "NCT00000001",
        title="Drug X for metastatic breast cancer",
        status="RECRUITING",
        eligibility="Inclusion Criteria:\n- Metastatic breast cancer",
        locations=[Site("Lakeside", "Milwaukee", "Wisconsin", "53202", "United States")],
    )
    store = _store_with(tmp_path, trial)
    patient = str(EXAMPLES / "hr-positive-second-line.yaml")
    res = run("match", patient, "--store", store, "--date", "2025-07-01")
    assert res.exit_code == 0, res.output
    assert "miles (Milwaukee, by ZIP code)" in res.output
    res = run("match", patient, "--store", store, "--json", "--date", "2025-07-01")
    site = json.loads(res.output)["trials"][0]["nearest_site"]
    assert site["located_by"] == "zip" and 75 < site["miles"] < 90  # Chicago to Milwaukee


def test_match_text_names_groups_not_scores_and_counts_closed_trials():
    from mbcnav.trials.groups import LABELS

    res = run(
        "match",
        str(EXAMPLES / "hr-positive-second-line.yaml"),
        "--top",
        "50",
        "--date",
        "2026-01-15",
    )
    assert res.exit_code == 0, res.output
    old = r"fit: (?:likely|possible|unlikely)|score \d+\.\d\d"  # "fit: likely  score 1.20"
    assert not re.search(old, res.output), "no bare fit or score"
    assert any(label in res.output for key, label in LABELS.items() if key != "closed")
    assert "trials closed to new patients are not listed" in res.output


def test_show_prints_who_the_trial_is_for_and_each_criterion_modality():
    res = run("show", "NCT04862663")
    assert res.exit_code == 0, res.output
    assert "Who it is for (title and conditions): HR-positive" in res.output
    assert (
        "doctor's or study team's decision · checks: " in res.output
    )  # eligible for a drug: not a history
    assert "study step (sample, test, other study)" in res.output
