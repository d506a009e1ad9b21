"""The metastatic sites a piece of criterion text names ("bone and liver metastases"), read
with the imaging-report site words (reports/data/patterns.yaml) and kept to the record's own
site names (patient vocabulary), so a rule about sites compares like with like; and whether
spread to the bones named in an inclusion is who the trial is for (``bone_as_population``)."""

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


# spread to the bones as who a trial is for: "metastatic breast cancer with two or more bone
# metastases" (NCT04090398, tuning set 72), said of the person in an inclusion; not how bone
# spread is measured ("(bone metastases are not measurable)"), allowed or treated
_BONE_LEAD = re.compile(
    r"\b(?:with|presence\s+of|having|has|have|evidence\s+of|documented|confirmed)\b(?:\s+[\w-]+){0,4}\s*$",
    re.I,
)
_BONE_ASIDE = re.compile(
    r"\b(?:measurable|evaluable|recist|target\w*|lytic|blastic|sclerotic|considered|or\s+without|"
    r"including|and/or\s+(?:other|visceral|soft|any)|other\s+sites?|or\s+other|either|any|"
    r"allowed|permitted|eligible|acceptable|included|also|can|could|may|evaluated|only|sole|"
    r"radiotherapy|radiation|fractures?|bisphosphonates?|denosumab|zoledron\w*|risks?|prevent\w*)\b",
    re.I,
)


def bone_as_population(kind: str, text: str, out: list[dict]) -> list[dict]:
    """The checks without bone spread named as an aside; when the aside was one way in ("measurable
    lesions ... or only bone metastatic lesions", NCT07285382), the other ways are never a "no"
    (review)."""
    dropped = [
        c
        for c in out
        if c["type"] == "site" and c["value"] == "bone" and not _bone_rule(kind, text, c["at"])
    ]
    kept = [c for c in out if c not in dropped]
    if any(re.search(r"\bor\b", text[max(0, c["at"] - 25) : c["at"]]) for c in dropped):
        for c in kept:
            c["conditional"] = True
    return kept


def _bone_rule(kind: str, text: str, at: int) -> bool:
    """Whether bone spread named at ``at`` is who the trial is for (not an aside about it)."""
    if kind != "inclusion" or text[:at].count("(") > text[:at].count(")"):
        return False
    start = max(text.rfind(".", 0, at), text.rfind(";", 0, at)) + 1
    if start > 0:
        return False  # a later sentence: "Measurable disease ... Patients with bone metastasis
        # can also be included" (NCT00604968)
    end = min((i for i in (text.find(c, at) for c in ".;,") if i >= 0), default=len(text))
    return bool(_BONE_LEAD.search(text[max(start, at - 60) : at])) and not _BONE_ASIDE.search(
        text[start:end]
    )
