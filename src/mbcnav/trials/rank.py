"""Ranking for people: group first (groups.py: you may be able to join, might fit, ruled out,
for another situation, closed), then how much of the trial the record confirms, then
relevance (BM25 over trial text). An unknown never lifts a trial above one with confirmed
matches: within a group, more confirmed criteria rank higher and open questions only lower."""

from __future__ import annotations

from dataclasses import dataclass

from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.groups import ORDER, group_of
from mbcnav.trials.match import match, summarise
from mbcnav.trials.record import Trial

UNKNOWN_PENALTY = 0.01
CONFIRMED_WEIGHT = 0.05
RELEVANCE_WEIGHT = 0.5


def _tokenize(texts: list[str]):
    import bm25s
    import Stemmer

    return bm25s.tokenize(
        texts, stopwords="en", stemmer=Stemmer.Stemmer("english"), show_progress=False
    )


class Relevance:
    """BM25 (bm25s) over the trials' text; scores scaled to 0..1 per query."""

    def __init__(self, trials: list[Trial]):
        import bm25s

        self.n = len(trials)
        self.retriever = bm25s.BM25()
        self.retriever.index(_tokenize([t.text() for t in trials]), show_progress=False)

    def scores(self, query: str) -> list[float]:
        import bm25s
        import Stemmer

        q = bm25s.tokenize(
            [query],
            stopwords="en",
            stemmer=Stemmer.Stemmer("english"),
            show_progress=False,
            return_ids=False,
        )[0]
        if not q:
            return [0.0] * self.n
        raw = self.retriever.get_scores(q)
        top = float(raw.max()) if len(raw) else 0.0
        return [float(x) / top if top > 0 else 0.0 for x in raw]


def query_for(f: PatientFacts) -> str:
    """Words describing the person, for relevance when there is no note."""
    if f.note:
        return f.note
    words = ["breast cancer"]
    if f.setting == "metastatic":
        words += ["metastatic", "advanced"]
    if f.hr == "negative" and f.her2 in {"low", "ultralow", "zero", "negative"}:
        words.append("triple negative TNBC")
    else:
        words += [f"HR {f.hr}" if f.hr else "", f"HER2 {f.her2}" if f.her2 else ""]
    words += [d.name for d in f.drugs] + f.sites + list(f.biomarkers)
    return " ".join(w for w in words if w)


@dataclass
class Ranked:
    trial: Trial
    score: float  # order within a group only; never shown to patients
    summary: dict  # fit, other, unknown, met, not_met
    relevance: float
    parse: dict
    facts: PatientFacts
    _result: dict | None = None
    group: str = "check"  # groups.ORDER

    @property
    def result(self) -> dict:
        """Every criterion's verdict with why and what would settle it (computed on demand)."""
        if self._result is None:
            self._result = match(self.parse, self.facts)
        return self._result


def score(result: dict, relevance: float) -> float:
    """Order inside a group: confirmed criteria and relevance up, open questions down.
    Bounded so that it never crosses groups (the group sorts first)."""
    return (
        CONFIRMED_WEIGHT * min(result["met"], 20)
        + RELEVANCE_WEIGHT * relevance
        - UNKNOWN_PENALTY * min(result["unknown"], 40)
    )


def rank(
    trials: list[Trial],
    parses: dict[str, dict],
    f: PatientFacts,
    relevance: Relevance | None = None,
    query: str | None = None,
    penalise_closed: bool = True,
) -> list[Ranked]:
    """Match every trial and sort: by group, then confirmed matches, then relevance.
    ``penalise_closed=False`` judges closed trials on their criteria alone (for benchmarks)."""
    rel = (relevance or Relevance(trials)).scores(query or query_for(f))
    cache: dict = {}
    out = []
    for t, r in zip(trials, rel, strict=True):
        parsed = parses[t.nct_id]
        res = summarise(parsed, f, cache)
        group = group_of(res, t.status if penalise_closed else "RECRUITING")
        out.append(Ranked(t, round(score(res, r), 4), res, r, parsed, f, group=group))
    out.sort(key=lambda x: (ORDER.index(x.group), -x.score, x.trial.nct_id))
    return out
