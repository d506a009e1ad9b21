"""Judged-pool re-ranking: NDCG@10 and P@10 (ir_measures) on the pools that have trial text.

For every topic of the TrialGPT qrels (SIGIR, TREC 2021, TREC 2022), the candidates are the
judged trials whose text is in hand (TREC 2021 breast sample, sigir-20141 pool, the trials of
the criterion-annotation pairs). Topics with fewer than 2 candidates or no relevant candidate
are skipped. Compared with BM25 alone (our relevance component) and with random orders (mean of 20).
This is judged-pool re-ranking: compare with TrialGPT / ctmatch, not with the TREC leaderboard.

Usage: uv run python bench/trials_rank.py
"""

from __future__ import annotations

import csv
import json
import random
from collections import defaultdict
from pathlib import Path

import ir_measures
from ir_measures import P, Qrel, ScoredDoc, nDCG

from mbcnav.trials.record import from_trialgpt
from mbcnav.trials.trec import rank_scores

B = Path("/work/shared/bench/trials")
SEEDS = 20


def load_texts() -> dict:
    recs = {}
    for line in (B / "trial_text/trec2021_breast_sample_trials.jsonl").read_text().splitlines():
        r = json.loads(line)
        recs[r["nctid"]] = r
    sig = json.loads((B / "trial_text/sigir-20141_judged_trials.json").read_text())
    for lab in ("0", "1", "2"):
        for r in sig[lab]:
            recs.setdefault(r["NCTID"], r)
    for entry in json.loads(
        (B / "criterion_annotations/annotated_pairs_retrieved_trials.json").read_text()
    ):
        for r in entry["0"]:
            recs.setdefault(r["NCTID"], r)
    return recs


def load_qrels(cohort: str) -> dict[str, dict[str, int]]:
    q = defaultdict(dict)
    with open(B / f"trialgpt/{cohort}/qrels/test.tsv") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            q[row["query-id"]][row["corpus-id"]] = int(row["score"])
    return q


def main() -> None:
    texts = load_texts()
    print(f"trials with text: {len(texts)}")
    measures = [nDCG @ 10, P @ 10, P(rel=2) @ 10]
    for cohort in ("sigir", "trec_2021", "trec_2022"):
        qrels = load_qrels(cohort)
        queries = {
            json.loads(x)["_id"]: json.loads(x)["text"]
            for x in open(B / f"trialgpt/{cohort}/queries.jsonl")
        }
        runs = {"ours": [], "bm25 only": []}
        randoms: list[list] = [[] for _ in range(SEEDS)]
        qrel_list, topics, pairs, big = [], 0, 0, set()
        rng = random.Random(7)
        for qid, judged in sorted(qrels.items()):
            cands = [n for n in judged if n in texts]
            if len(cands) < 2 or not any(judged[n] > 0 for n in cands) or qid not in queries:
                continue
            topics += 1
            pairs += len(cands)
            if len(cands) >= 10:
                big.add(qid)
            trials = [from_trialgpt(texts[n]) for n in cands]
            for t in trials:
                t.nct_id = t.nct_id.upper()
            qrel_list += [Qrel(qid, n, judged[n]) for n in cands]
            ours = rank_scores([{"_id": qid, "text": queries[qid]}], trials)[qid]
            runs["ours"] += [ScoredDoc(qid, n, s) for n, s in ours]
            from mbcnav.trials.rank import Relevance

            rel = Relevance(trials).scores(queries[qid])
            runs["bm25 only"] += [
                ScoredDoc(qid, t.nct_id, r) for t, r in zip(trials, rel, strict=True)
            ]
            for r in randoms:
                r += [ScoredDoc(qid, n, rng.random()) for n in cands]
        if not topics:
            continue
        print(f"\n{cohort}: {topics} topics, {pairs} judged pairs with text")
        for label, keep in (
            ("all topics", None),
            (f"{len(big)} topics with >= 10 candidates", big),
        ):
            if keep is not None and not keep:
                continue
            print(f"  [{label}]")
            ql = [q for q in qrel_list if keep is None or q.query_id in keep]
            for name, run in [*runs.items(), ("random", None)]:
                if run is None:  # mean over SEEDS random orders
                    aggs = [
                        ir_measures.calc_aggregate(
                            measures, ql, [d for d in r if keep is None or d.query_id in keep]
                        )
                        for r in randoms
                    ]
                    agg = {m: sum(a[m] for a in aggs) / len(aggs) for m in measures}
                else:
                    rn = [d for d in run if keep is None or d.query_id in keep]
                    agg = ir_measures.calc_aggregate(measures, ql, rn)
                print(
                    f"  {name:10s} NDCG@10 {agg[nDCG @ 10]:.4f}   P@10 (rel>=1) {agg[P @ 10]:.4f}   "
                    f"P@10 (rel=2) {agg[P(rel=2) @ 10]:.4f}"
                )


if __name__ == "__main__":
    main()
