"""Genes a criterion names: BRCA said to be unchanged (wild type), other repair genes of a
panel, the gene symbols of patterns.yaml ``alteration_genes`` with their families, and the kind
of change asked for.
"""

from __future__ import annotations

import re
from functools import cache

from mbcnav.trials.patterns import load as load_patterns

# BRCA genes said to be unchanged: "wild type BRCA1&2", "BRCA1/2 wild-type", "no BRCA mutation"
_WILD_TYPE_BRCA = re.compile(
    r"(?-i:(?<![A-Z0-9] ))\b(?:wild[- ]?type|wt)\s+(?:germline\s+)?brca\s*(?:1|2)?(?:\s*(?:&|/|and|,|or)\s*(?:brca\s*)?2)?"
    r"|\bbrca\s*(?:1|2)?(?:\s*(?:&|/|and|,|or)\s*(?:brca\s*)?2)?\s+(?:wild[- ]?type|wt)\b",
    re.I,
)


# other homologous-recombination genes a panel lists beside BRCA1/2 and PALB2
_OTHER_HRR_GENES = re.compile(
    r"\b(?:atm|bard1|brip1|cdk12|chek[12]|fanc[a-z]|rad51[bcd]?|rad54l|ppp2r2a|nbn|mre11a?)\b"
)


#: Families a bare symbol stands for ("RAS" alone is KRAS, NRAS and HRAS).
_GENE_FAMILIES = {"RAS": ("KRAS", "NRAS", "HRAS"), "FGFR": ("FGFR1", "FGFR2", "FGFR3", "FGFR4")}


@cache
def _gene_symbols() -> re.Pattern:
    """The genes of patterns.yaml ``alteration_genes`` as words."""
    genes = sorted(load_patterns().alteration_genes, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, genes)) + r")\b", re.I)


def _gene_words(sentence: str) -> list[re.Match]:
    """Each gene symbol of the sentence; MET, RET, KIT and ALK only in capitals (they are
    English words too)."""
    return [
        m
        for m in _gene_symbols().finditer(sentence)
        if m.group(0).upper() not in {"MET", "RET", "KIT", "ALK"} or m.group(0).isupper()
    ]


def change_kind(words: str) -> str:
    """The kind of change a gene criterion asks for: amplification, fusion, loss, mutation, or
    any ("alteration", "aberration")."""
    low = words.lower()
    for kind, rx_ in (
        ("amplification", r"amplifi"),
        ("fusion", r"fusion|rearrange|translocation"),
        ("loss", r"deletion|deleted|\bloss\b|deficient|null"),
        ("mutation", r"mutat|mutant|variant"),
    ):
        if re.search(rx_, low):
            return kind
    return "any"


def genes_named(sentence: str) -> list[str]:
    """The gene symbols a sentence names, in order, "RAS" and "FGFR" widened to their family."""
    out: list[str] = []
    for m in _gene_words(sentence):
        g = m.group(0)
        for gene in _GENE_FAMILIES.get(g.upper(), (g.upper(),)):
            if gene not in out:
                out.append(gene)
    return out
