"""The metastatic sites a piece of criterion text names ("bone and liver metastases"), read
with the imaging-report site words (reports/data/patterns.yaml) and kept to the record's own
site names (patient vocabulary), so a rule about sites compares like with like."""

from __future__ import annotations

import re

# where the clause that ends at a "sole sites" phrase begins: a sentence edge or a relative word
# ("Patients with a history of lung cancer whose skin and lymph nodes are the sole sites")
_CLAUSE_START = re.compile(r"[.;:]\s|\b(?:whose|where|which|that|who|with)\b", re.I)


def own_clause(text: str, end: int) -> str:
    """The words of the clause that ends at ``end``."""
    from mbcnav.trials.modality import between_edges

    return text[between_edges(text, _CLAUSE_START, end, end)[0] : end]


def sites_named(text: str) -> set[str]:
    from mbcnav.patient.vocabulary import SITES
    from mbcnav.reports.patterns import sites

    return {name for name, rx in sites() if name in SITES and rx.search(text)}
