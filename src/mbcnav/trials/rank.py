"""Ranking: weigh fit, the number of unknowns and relevance (BM25 over trial text)."""

from __future__ import annotations

from dataclasses import dataclass

from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.match import match, summarise
from mbcnav.trials.record import Trial

FIT_WEIGHT = {"likely": 1.0, "possible": 0.6, "unlikely": 0.0}
UNKNOWN_PENALTY = 0.02
RELEVANCE_WEIGHT = 1.0
NOT_RECRUITING_PENALTY = 0.3


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
    score: float
    summary: dict  # fit, unknown, met, not_met
    relevance: float
    parse: dict
    facts: PatientFacts
    _result: dict | None = None

    @property
    def result(self) -> dict:
        """Every criterion's verdict with why and what would settle it (computed on demand)."""
        if self._result is None:
            self._result = match(self.parse, self.facts)
        return self._result


def score(result: dict, relevance: float, recruiting: bool = True) -> float:
    s = (
        FIT_WEIGHT[result["fit"]]
        + RELEVANCE_WEIGHT * relevance
        - UNKNOWN_PENALTY * result["unknown"]
    )
    return s - (0 if recruiting else NOT_RECRUITING_PENALTY)


def rank(
    trials: list[Trial],
    parses: dict[str, dict],
    f: PatientFacts,
    relevance: Relevance | None = None,
    query: str | None = None,
    penalise_closed: bool = True,
) -> list[Ranked]:
    """Match every trial and sort best first."""
    rel = (relevance or Relevance(trials)).scores(query or query_for(f))
    cache: dict = {}
    out = []
    for t, r in zip(trials, rel, strict=True):
        parsed = parses[t.nct_id]
        res = summarise(parsed, f, cache)
        open_ = t.recruiting or not penalise_closed
        out.append(Ranked(t, round(score(res, r, open_), 4), res, r, parsed, f))
    out.sort(key=lambda x: (-x.score, x.trial.nct_id))
    return out
