"""The bundled, dated offline snapshot of real breast-cancer trials.

``data/snapshot/trials.json`` (a ``JsonStore`` file, parses included) is built by
``build()`` from the recorded ClinicalTrials.gov fixtures: the API v2 records and the
breast-cancer trials of the 100-trial export and of the TREC 2021 breast sample.
Statuses and sites are frozen at the dates given in ``source``.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from mbcnav.trials.parse import parse_trials
from mbcnav.trials.record import Trial, from_trialgpt, from_v2
from mbcnav.trials.store import FORMAT, JsonStore

AS_OF = "2026-11-21"
SOURCE = (
    "ClinicalTrials.gov records (public domain) recorded as test fixtures: API v2 records "
    "NCT03377387, NCT02513394 (mcode/clinical-trial-matching-service*, Apache-2.0), "
    "NCT02576665 (genomoncology/biomcp, captured 2026-08-11); breast-cancer trials of the "
    "jwlieb/clinical-trial-agent export of 2026-01-05 (MIT) and of the TrialGPT2.0 TREC 2021 "
    "breast sample. Statuses, sites and contacts are frozen at those dates."
)


def snapshot_path() -> Path:
    return Path(str(resources.files("mbcnav.trials").joinpath("data/snapshot/trials.json")))


def open_snapshot() -> JsonStore:
    return JsonStore.open(snapshot_path())


def _is_breast(t: Trial) -> bool:
    words = " ".join(t.conditions + [t.title]).lower()
    return "breast" in words


def collect(fixtures: Path, bench_text: Path | None = None) -> list[Trial]:
    """Trials from the fixture folder (v2 JSON files + the derived export) and TREC breast text."""
    trials: dict[str, Trial] = {}
    for f in sorted(fixtures.glob("NCT*.json")):
        t = from_v2(json.loads(f.read_text("utf-8")))
        t.source = f"ClinicalTrials.gov API v2 record ({f.name})"
        trials[t.nct_id] = t
    for f in sorted((fixtures / "derived-not-v2").glob("*.json")):
        data = json.loads(f.read_text("utf-8"))
        for rec in data.get("trials", []):
            t = from_trialgpt(rec)
            t.source = f"ClinicalTrials.gov via jwlieb/clinical-trial-agent export {data['metadata']['export_date'][:10]}"
            t.last_update = t.last_update or data["metadata"]["export_date"][:10]
            if _is_breast(t) and t.nct_id not in trials:
                trials[t.nct_id] = t
    if bench_text and bench_text.exists():
        for line in bench_text.read_text("utf-8").splitlines():
            t = from_trialgpt(json.loads(line))
            t.source = "ClinicalTrials.gov via TrialGPT2.0 TREC 2021 breast sample"
            if _is_breast(t) and t.nct_id not in trials:
                trials[t.nct_id] = t
    return list(trials.values())


def build(fixtures: Path, out: Path, bench_text: Path | None = None) -> JsonStore:
    trials = collect(fixtures, bench_text)
    store = JsonStore(
        out, {"format": FORMAT, "as_of": AS_OF, "source": SOURCE, "trials": {}, "parses": {}}
    )
    for t, p in zip(trials, parse_trials(trials), strict=True):
        store.put(t, p)
    store.save()
    return store


if __name__ == "__main__":  # python -m mbcnav.trials.snapshot FIXTURES [TREC_BREAST_JSONL]
    import sys

    text = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    s = build(Path(sys.argv[1]), snapshot_path(), text)
    print(f"{len(s.trials())} trials -> {s.path}")
