"""The metastatic sites a piece of criterion text names ("bone and liver metastases"), read
with the imaging-report site words (reports/data/patterns.yaml) and kept to the record's own
site names (patient vocabulary), so a rule about sites compares like with like."""

from __future__ import annotations


def sites_named(text: str) -> set[str]:
    from mbcnav.patient.vocabulary import SITES
    from mbcnav.reports.patterns import sites

    return {name for name, rx in sites() if name in SITES and rx.search(text)}
