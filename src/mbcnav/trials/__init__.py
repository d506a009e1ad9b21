"""Trial finder: ClinicalTrials.gov trials ranked for the person, every criterion explained.

Plain Python (no Django, no CLI). Pipeline:
``client`` (API v2) / ``snapshot`` (bundled, dated) -> ``record`` (Trial) -> ``store`` / ``sync``
-> ``split`` (inclusion / exclusion criteria) -> ``criteria`` + ``line_checks``,
``performance_status``, ``time_windows`` (each criterion to checks; concepts from ``patterns``
(data/patterns.yaml + the patient drug vocabulary) with medspacy ConText negation/scope in
``context``) -> ``parse`` (once per trial, serialisable)
-> ``match`` + ``evaluate`` (verdicts against ``facts.PatientFacts``) -> ``rank`` (fit,
unknowns, BM25 relevance) and ``geo`` (miles to the nearest open site).
``judge`` and ``trec`` are the free-text benchmark interfaces (``trials judge`` / ``rank``).
"""

from mbcnav.trials.errors import TrialsError

__all__ = ["TrialsError"]
