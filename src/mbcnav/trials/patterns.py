"""Load and validate the criteria patterns (``data/patterns.yaml``) plus drug names.

Drug names, brands and synonyms come from ``mbcnav.patient.vocabulary`` so that a drug
the patient file knows is also recognised in trial text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from mbcnav.trials.errors import TrialsError

WHERE = "trials/data/patterns.yaml"
CHECKS = {
    "setting",
    "receptor",
    "subtype",
    "histology",
    "therapy",
    "brain",
    "measurable",
    "site",
    "biomarker",
    "condition",
    "consent",
}
DIRECTIONS = {"FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"}


@dataclass(frozen=True)
class Concept:
    id: str
    check: str
    value: str
    patterns: tuple[str, ...]


@dataclass(frozen=True)
class Patterns:
    as_of: str
    source: dict
    concepts: dict[str, Concept]
    context: tuple[dict, ...]
    drug_labels: dict[str, tuple[str, ...]]
    synonyms: tuple[tuple[str, ...], ...] = ()
    drug_patterns: dict[str, tuple[str, ...]] | None = None
    alteration_genes: tuple[str, ...] = ()


def validate(raw: object, where: str = WHERE) -> Patterns:
    """Check the YAML structure; errors name the file, the entry and the field."""
    if not isinstance(raw, dict):
        raise TrialsError(f"{where} must hold a mapping with as_of, source, concepts and context.")
    for key in ("as_of", "source", "concepts", "context"):
        if key not in raw:
            raise TrialsError(f"{where} is missing the field '{key}'.")
    src = raw["source"]
    if not isinstance(src, dict) or not all(
        src.get(k) for k in ("publisher", "title", "url", "read")
    ):
        raise TrialsError(f"{where}: 'source' needs publisher, title, url and read.")
    concepts = {}
    for cid, entry in (raw["concepts"] or {}).items():
        if not isinstance(entry, dict):
            raise TrialsError(f"{where}: concept '{cid}' must be a mapping.")
        check = entry.get("check")
        if check not in CHECKS:
            raise TrialsError(
                f"{where}: concept '{cid}' has check {check!r}; allowed: {', '.join(sorted(CHECKS))}."
            )
        pats = entry.get("patterns")
        if not pats or not isinstance(pats, list):
            raise TrialsError(f"{where}: concept '{cid}' needs a non-empty list 'patterns'.")
        for p in pats:
            try:
                re.compile(p, re.I)
            except re.error as err:
                raise TrialsError(
                    f"{where}: concept '{cid}' has a bad pattern {p!r} ({err})."
                ) from err
        concepts[cid] = Concept(cid, check, str(entry.get("value") or cid), tuple(pats))
    context = []
    for i, rule in enumerate(raw["context"] or []):
        if not isinstance(rule, dict) or not rule.get("literal") or not rule.get("category"):
            raise TrialsError(f"{where}: context rule {i + 1} needs 'literal' and 'category'.")
        if rule.get("direction", "BIDIRECTIONAL") not in DIRECTIONS:
            raise TrialsError(
                f"{where}: context rule '{rule['literal']}' has direction {rule.get('direction')!r}; "
                f"allowed: {', '.join(sorted(DIRECTIONS))}."
            )
        pattern = rule.get("pattern")
        if pattern is not None and not (
            isinstance(pattern, list) and all(isinstance(tok, dict) for tok in pattern)
        ):
            raise TrialsError(
                f"{where}: context rule '{rule['literal']}' has a pattern that is not a list of "
                "token mappings (spaCy's Matcher form)."
            )
        checks = rule.get("only_checks")
        if checks is not None and not (
            isinstance(checks, list) and checks and all(isinstance(c, str) for c in checks)
        ):
            raise TrialsError(
                f"{where}: context rule '{rule['literal']}' has only_checks {checks!r}; "
                "use a list of check kinds (setting, therapy, ...)."
            )
        context.append(dict(rule))
    labels = {}
    for name, extra in (raw.get("drug_labels") or {}).items():
        if not isinstance(extra, list):
            raise TrialsError(f"{where}: drug_labels '{name}' must be a list of labels.")
        labels[str(name).lower()] = tuple(str(x) for x in extra)
    groups = []
    for i, group in enumerate(raw.get("synonyms") or []):
        if not isinstance(group, list) or len(group) < 2:
            raise TrialsError(
                f"{where}: synonyms group {i + 1} must be a list of at least two words."
            )
        groups.append(tuple(str(w).lower() for w in group))
    extra = {}
    for name, pats in (raw.get("drug_patterns") or {}).items():
        if not isinstance(pats, list):
            raise TrialsError(f"{where}: drug_patterns '{name}' must be a list of patterns.")
        for p in pats:
            try:
                re.compile(p, re.I)
            except re.error as err:
                raise TrialsError(
                    f"{where}: drug_patterns '{name}' has a bad pattern {p!r} ({err})."
                ) from err
        extra[str(name).lower()] = tuple(pats)
    genes = raw.get("alteration_genes") or []
    if not isinstance(genes, list) or not all(
        isinstance(g, str) and re.fullmatch(r"[a-z][a-z0-9]{1,9}", g) for g in genes
    ):
        raise TrialsError(f"{where}: 'alteration_genes' must be a list of lower-case gene symbols.")
    return Patterns(
        str(raw["as_of"]),
        dict(src),
        concepts,
        tuple(context),
        labels,
        tuple(groups),
        extra,
        tuple(genes),
    )


#: The kinds of change a "gene alteration" criterion names after the gene ("positive" is left
#: out: "EGFR-positive by IHC" is a stain; review).
CHANGE_WORDS = (
    r"(?:mutat\w*|mutant|alterations?|altered|amplifi\w*|fusions?|rearrange\w*|deletions?|"
    r"deleted|loss|aberrations?|variants?|translocations?)"
)


def gene_pattern(genes: tuple[str, ...]) -> str:
    """The symbol of a listed gene (or several joined by "and/or", "/"), an optional bracket or
    protein change, then a kind of change that is not a "status" to be tested."""
    names = "|".join(sorted(map(re.escape, genes), key=len, reverse=True))
    return (
        rf"\b(?:{names})\b(?:\s*(?:and/or|or|/|,)\s*(?:{names})\b)*(?:\s*\([^)]{{0,40}}\))?"
        rf"(?:\s+[a-z]\d{{1,4}}[a-z*]?)?\s*(?:-\s*)?(?:gene\s+)?"
        rf"(?:activating\s+|oncogenic\s+|somatic\s+)?{CHANGE_WORDS}\b(?!\s+status)"
    )


def gene_concept(genes: tuple[str, ...]) -> dict[str, Concept]:
    """The "gene alteration" concept built from ``alteration_genes``."""
    if not genes:
        return {}
    pats = (
        gene_pattern(genes),
        r"\bdeletion\s+of\s+(?:the\s+)?mtap\b(?!\s+status)",
        r"\bmtap[- ](?:deleted|deficient|null|loss)\b",
    )
    return {"gene_alteration": Concept("gene_alteration", "biomarker", "gene alteration", pats)}


def _drug_concepts(extra: dict[str, tuple[str, ...]]) -> dict[str, Concept]:
    """One concept per drug in the patient vocabulary (generic, brands, synonyms)."""
    try:
        from mbcnav.patient import vocabulary
    except ImportError:  # pragma: no cover - the patient engine is always installed
        return {}
    out = {}
    for drug in vocabulary.drug_table().drugs:
        names = sorted({drug.name, *drug.brands, *drug.synonyms}, key=len, reverse=True)
        pats = tuple(r"\b" + re.escape(n.lower()) + r"\b" for n in names if len(n) >= 3)
        pats += extra.get(drug.name, ())
        if pats:
            out["drug:" + drug.name] = Concept("drug:" + drug.name, "therapy", drug.name, pats)
    return out


@cache
def load() -> Patterns:
    text = resources.files("mbcnav.trials").joinpath("data/patterns.yaml").read_text("utf-8")
    pats = validate(yaml.safe_load(text))
    return Patterns(
        pats.as_of,
        pats.source,
        {
            **pats.concepts,
            **gene_concept(pats.alteration_genes),
            **_drug_concepts(pats.drug_patterns or {}),
        },
        pats.context,
        pats.drug_labels,
        pats.synonyms,
        pats.drug_patterns,
        pats.alteration_genes,
    )
