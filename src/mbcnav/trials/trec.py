"""Rank given trials for free-text queries and write a TREC run (the ``trials rank`` CLI)."""

from __future__ import annotations

from mbcnav.trials.facts import from_note
from mbcnav.trials.parse import parse_trials
from mbcnav.trials.rank import Relevance, rank
from mbcnav.trials.record import Trial

TAG = "mbcnav"


def rank_scores(queries: list[dict], trials: list[Trial]) -> dict[str, list[tuple[str, float]]]:
    """{query id: [(nct_id, score), ...] best first}; trials are parsed once for all queries."""
    parses = {p["nct_id"]: p for p in parse_trials(trials)}
    relevance = Relevance(trials)
    out = {}
    for q in queries:
        facts = from_note(q["text"])
        ranked = rank(trials, parses, facts, relevance, query=q["text"], penalise_closed=False)
        out[str(q["_id"])] = [(r.trial.nct_id, r.score) for r in ranked]
    return out


def rank_run(queries: list[dict], trials: list[Trial]) -> list[str]:
    """TREC run lines ``qid Q0 docid rank score tag``."""
    lines = []
    for qid, ranked in rank_scores(queries, trials).items():
        for i, (nct, score) in enumerate(ranked, 1):
            lines.append(f"{qid} Q0 {nct} {i} {score:.4f} {TAG}")
    return lines
