"""Trial finder: ClinicalTrials.gov trials ranked for the person, every criterion explained.

Plain Python (no Django, no CLI). Pipeline: ``record`` (Trial from v2 JSON or TrialGPT
records) -> ``split`` (inclusion / exclusion criteria) -> ``criteria`` (each criterion to
checks, with ConText negation from ``context``) -> ``match`` (verdicts against
``facts.PatientFacts``) -> ``rank`` (fit, unknowns, BM25 relevance) and ``geo`` (miles).
"""

from mbcnav.trials.errors import TrialsError

__all__ = ["TrialsError"]
