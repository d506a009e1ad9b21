"""Biomarker results as NGS and pathology reports write them: one line -> marker, result, detail.

``PIK3CA H1047R``, ``ERBB2 amplification``, ``PD-L1 CPS 15 (22C3)``,
``ESR1 D538G mutation detected (ctDNA, VAF 3%)``, ``germline BRCA1 pathogenic variant``,
``BRCA2 c.5946delT pathogenic``, ``NTRK1 fusion``, ``PTEN loss``, ``MSI-H``, ``TMB 12 mut/Mb``.

``read(marker_text, value_text)`` returns a ``Finding`` (canonical marker name, canonical
result, ``BiomarkerDetail``) or ``None`` when the words do not say a result. The canonical
results stay the ones the rest of the project reads (``mutated``, ``not mutated``, ``positive``,
``CPS 15``, ``stable``...). ERBB2 amplification is its own marker, ``HER2 amplification``, never a
``HER2 mutation``. Wording sources: HGVS nomenclature (https://hgvs-nomenclature.org, read
2026-12-02), ASCO/CAP HER2 testing guideline 2023 update, FDA PD-L1 companion-diagnostic labels
(22C3 CPS/TPS, SP142 IC), as of 2026-12-02.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import BiomarkerDetail

__all__ = ["BiomarkerDetail", "Finding", "as_text", "changes", "read"]

#: Genes whose result is a germline pathogenic variant: positive | negative | unknown.
GERMLINE_GENES = ("BRCA1", "BRCA2")
#: Genes with point-mutation results: mutated | not mutated | loss | unknown.
MUTATION_GENES = ("PIK3CA", "AKT1", "PTEN", "ESR1", "PALB2")
ORIGINS = ("germline", "somatic")
SAMPLES = ("tissue", "blood", "tissue and blood")
ASSAYS = ("22C3", "SP142", "SP263", "28-8", "73-10", "MMR IHC")

_AA3 = {
    "Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E",
    "Gly": "G", "His": "H", "Ile": "I", "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F",
    "Pro": "P", "Ser": "S", "Thr": "T", "Trp": "W", "Tyr": "Y", "Val": "V", "Ter": "*",
}  # fmt: skip
_AA1 = "ACDEFGHIKLMNPQRSTVWY"
_AA3_RX = "|".join(_AA3)
# p.H1047R, H1047R, E545K, L755S, p.His1047Arg, R248*, Q61fs*12, E17K, D538G, p.E746_A750del
_PROTEIN = re.compile(
    rf"(?<![\w.])(?:p\.)?\(?((?:[{_AA1}]|{_AA3_RX})\d{{1,4}}"
    rf"(?:_(?:[{_AA1}]|{_AA3_RX})\d{{1,4}})?"
    rf"(?:fs\*?\d*|del(?:ins[A-Z]+)?|dup|ins[A-Z]+|[{_AA1}*X]|{_AA3_RX}|Ter))\)?(?![\w])"
)
# c.5946delT, c.1624G>A, c.5266dupC, c.68_69delAG, c.-5A>G, c.213-11T>G
_CDNA = re.compile(r"(?<![\w.])c\.[-*]?\d+(?:[-+]\d+)?(?:_[-*]?\d+(?:[-+]\d+)?)?[A-Za-z>]*[ACGT]*")
# founder-mutation names reports still print beside HGVS: 185delAG, 5382insC, 6174delT
_LEGACY = re.compile(r"(?<![\w.])\d{2,5}(?:del|ins|dup)[ACGT]{1,10}(?![\w])")
_EXON = re.compile(
    r"\bexons?\s*\d+(?:\s*(?:-|to)\s*\d+)?\s*(?:deletion|insertion|skipping|duplication|del|ins)\b",
    re.I,
)
_FUSION_PAIR = re.compile(r"\b([A-Z][A-Z0-9]{1,9})[-:/]{1,2}([A-Z][A-Z0-9]{1,9})\b")
_GENE = re.compile(r"[A-Z][A-Z0-9]{1,9}")
#: Gene symbols without a digit that reports list; any other symbol needs a digit (PIK3CA, TP53)
#: so that words such as ER, PR or KI are never taken for genes.
_PLAIN_GENES = frozenset(
    "PTEN ATM BRAF KRAS NRAS HRAS ALK RET MET KIT MYC MYCN NTRK FGFR EGFR MTAP POLE".split()
)
#: The partner that makes a fusion actionable, when a report writes both (ETV6-NTRK3).
_FUSION_DRIVERS = frozenset(
    "NTRK1 NTRK2 NTRK3 ROS1 ALK RET FGFR1 FGFR2 FGFR3 NRG1 ERBB2 BRAF".split()
)

_AMP = re.compile(r"\b(amplifi\w*|amplified|amp|copy number gain|gain|ish (?:positive|\+))(?!\w)")
_NOT_AMP = re.compile(
    r"\b(not amplified|non ?amplified|no (?:\w+ )?amplification(?: detected)?|amplification not detected"
    r"|ish (?:negative|-))(?!\w)"
)
_FUSION = re.compile(r"\b(fusions?|rearrangements?|rearranged|translocation)\b")
_LOSS = re.compile(
    r"\b(loss(?: of (?:expression|function))?|deficient|deficiency|null|homozygous deletion|deleted"
    # "MTAP deletion", "CDKN2A deletion": a gene's copy loss; not "exon 19 deletion", "exon 2-7
    # deletion" or an in-frame deletion, which are mutations
    r"|(?<!\d )(?<!in-frame )(?<!inframe )deletion)\b"
)
_NEGATIVE = re.compile(
    r"\b(not detected|none detected|no (?:pathogenic |reportable |known )?(?:mutations?|variants?|alterations?|"
    r"fusions?|loss)(?: (?:detected|found|identified))?|negative|neg|wild ?type|wt|not mutated|absent|"
    r"not present|intact|retained|benign|likely benign)\b"
)
_UNKNOWN = re.compile(
    r"\b(vus|variant of (?:uncertain|unknown) significance|unknown|not tested|pending|failed|"
    r"insufficient|indeterminate|equivocal|qns)\b"
)
_TESTED_NOUN = re.compile(
    r"\b(?:mutations?|variants?|alterations?)(?=[\s:]+(?:not detected|none detected|negative|"
    r"absent|not present|not mutated)\b)"
)
_POSITIVE = re.compile(
    r"\b(mutated|mutations?|mutant|detected|positive|pos|pathogenic|likely pathogenic|present|carrier|"
    r"altered|alterations?|variants?|deleterious|activating|found|identified)(?!\w)"
)


@dataclass(frozen=True)
class Finding:
    marker: str
    result: str
    detail: BiomarkerDetail = BiomarkerDetail()


def _num(text: str) -> float:
    value = float(text)
    return int(value) if value == int(value) else value


def _protein(change: str) -> str:
    """p.His1047Arg -> H1047R; H1047R stays."""
    return re.sub(_AA3_RX, lambda m: _AA3[m.group(0)], change)


def qualifiers(text: str) -> tuple[str, BiomarkerDetail]:
    """Take origin, sample, VAF, ISH ratio, copy number and assay out of ``text``."""
    low = text.lower()
    d: dict = {}
    if re.search(r"\bgermline\b|\binherited\b|\bhereditary\b|(?<![\w])g(?=brca|palb2)", low):
        d["origin"] = "germline"
    elif re.search(r"\bsomatic\b|\bacquired\b|(?<![\w])[st](?=brca)", low):
        d["origin"] = "somatic"
    blood = re.search(r"\b(ctdna|cfdna|liquid biopsy|plasma|blood|guardant\w*)\b", low)
    if blood and re.search(r"\b(tissue|ffpe)\b", low):
        d["sample"] = "tissue and blood"
    elif blood:
        d["sample"] = "blood"
    elif re.search(r"\b(tissue|ffpe|tumou?r biopsy|biopsy)\b", low):
        d["sample"] = "tissue"
    if m := re.search(
        r"\b(?:vaf|maf|allele (?:fraction|frequency)|af)\s*[:=]?\s*(\d+(?:\.\d+)?)\s*(%?)", low
    ):
        value = float(m.group(1))
        d["vaf"] = _num(value * 100 if not m.group(2) and value <= 1 else value)
    if m := re.search(r"\bratio\s*(?:of\s*)?[:=]?\s*(\d+(?:\.\d+)?)", low):
        d["ish_ratio"] = _num(float(m.group(1)))
    if m := re.search(r"\b(?:copy number|copies|cn)\s*(?:of\s*)?[:=]?\s*(\d+(?:\.\d+)?)", low):
        d["copy_number"] = _num(float(m.group(1)))
    if m := re.search(r"\b(22c3|sp142|sp263|28-8|73-10)\b", low):
        d["assay"] = m.group(1).upper()
    elif re.search(r"\b[dp] ?mmr\b|\bmmr (?:deficient|proficient|ihc)\b", low):
        d["assay"] = "MMR IHC"
    return text, BiomarkerDetail(**d)


def changes(text: str) -> tuple[str, ...]:
    """Protein (one-letter, no ``p.``), cDNA (``c.``) and exon-level changes, in order, each once."""
    found: list[tuple[int, str]] = []
    for m in _CDNA.finditer(text):
        found.append((m.start(), m.group(0)))
    for m in _PROTEIN.finditer(text):
        if not any(s <= m.start() < s + len(c) for s, c in found):
            found.append((m.start(), _protein(m.group(1))))
    for m in _LEGACY.finditer(text):
        found.append((m.start(), m.group(0)))
    for m in _EXON.finditer(text):
        found.append((m.start(), re.sub(r"\s+", " ", m.group(0).lower())))
    return tuple(dict.fromkeys(c for _, c in sorted(found)))


def _words(text: str) -> str:
    """Lower case with the changes and qualifiers' brackets blanked, for the result words."""
    text = _CDNA.sub(" ", text)
    text = _PROTEIN.sub(" ", text)
    text = _LEGACY.sub(" ", text)
    text = _FUSION_PAIR.sub(" ", text)
    return re.sub(r"[\s_,;:()\[\]]+|(?<=[a-z])-(?=[a-z])", " ", text.lower()).strip()


def _pdl1(words: str) -> str | None:
    words = words.replace("≥", ">=").replace("≤", "<=")
    m = re.search(
        r"\b(cps|tps|tc|ic)\s*(?:score\s*)?(?:of\s*)?[:=]?\s*(>=|<=|<|>)?\s*(\d+(?:\.\d+)?)\s*%?",
        words,
    )
    if m:
        kind = "TPS" if m.group(1) == "tc" else m.group(1).upper()
        return f"{kind} {m.group(2) or ''}{m.group(3)}"
    if _UNKNOWN.search(words):
        return "unknown"
    if re.search(r"\b(negative|neg|not expressed|no expression)\b", words):
        return "negative"
    if re.search(r"\b(positive|pos|expressed|high)\b", words):
        return "positive"
    return None


def _msi(words: str) -> str | None:
    if re.search(
        r"\b(msi ?h|msi high|high|d ?mmr|mmr deficient|deficient|unstable|instability high)\b",
        words,
    ):
        return "high"
    if re.search(r"\b(mss|msi ?l|msi low|stable|p ?mmr|mmr proficient|proficient|intact)\b", words):
        return "stable"
    if _UNKNOWN.search(words):
        return "unknown"
    return None


def _tmb(words: str) -> str | None:
    if m := re.search(r"(>=|<=|<|>)\s*(\d+(?:\.\d+)?)", words):
        return (
            "high"
            if m.group(1).startswith(">") and float(m.group(2)) >= 10
            else ("low" if m.group(1).startswith("<") and float(m.group(2)) <= 10 else None)
        )
    if m := re.search(
        r"(\d+(?:\.\d+)?)\s*(?:mut\w*\s*(?:/|per)\s*(?:mb|megabase)\b|muts?/mb)?", words
    ):
        num = float(m.group(1))
        return f"{int(num) if num == int(num) else num}"
    if re.search(r"\b(tmb ?h|high|h)\b", words):
        return "high"
    if re.search(r"\b(tmb ?l|low|l)\b", words):
        return "low"
    if _UNKNOWN.search(words):
        return "unknown"
    return None


_FILLER = re.compile(
    r"\b(genes?|mutations?|variants?|alterations?|results?|status|test(?:ed|ing)?|by|on|in|of|the|a|an|and|"
    r"with|was|is|were|are|at|for|report(?:ed)?|ngs|panel|sequencing|next generation|tumou?r|tissue|"
    r"ctdna|cfdna|blood|plasma|liquid biopsy|biopsy|ffpe|germline|somatic|inherited|hereditary|acquired|"
    r"vaf|maf|af|allele (?:fraction|frequency)|ratio|copy number|copies|cn|by [fcs]?ish|[fcs]?ish ratio|[fcs]ish|cep ?17|"
    r"truncating|missense|nonsense|frameshift|splice(?: site)?|in frame|hotspot|known|likely|"
    r"clinically significant|significant|oncogenic|tier (?:i{1,3}|[1-3])|level \d|high|low|level|"
    r"foundation ?one(?: cdx| liquid| heme)?|cdx|guardant ?360|guardant|tempus(?: xt| xf)?|caris|myriad|"
    r"invitae|ambry|color|oncomine|msk impact|impact|exon \d+|\d{4}(?: \d{2}){0,2}|[\d.]+ ?%?|"
    r"gbrca[12]?|sbrca[12]?|brca[12]?|g|s)\b"
)


def _residue(words: str) -> str:
    """Words left after every result, qualifier and filler word is taken out (empty = all read)."""
    for rx in (_EXON, _NOT_AMP, _AMP, _FUSION, _LOSS, _NEGATIVE, _UNKNOWN, _POSITIVE, _FILLER):
        words = rx.sub(" ", words)
    return re.sub(r"[\s/+*=<>.%-]+", " ", words).strip()


def _gene_result(gene: str, words: str, found: tuple[str, ...]) -> tuple[str, str] | None:
    """(marker, result) for a gene, from the result words and whether changes were listed."""
    her2 = gene == "ERBB2"
    if _residue(words):
        return None  # words we cannot read: refused rather than guessed
    amp = "HER2 amplification" if her2 else f"{gene} amplification"
    if _NOT_AMP.search(words):
        return amp, "not amplified"
    if _AMP.search(words) and not found:
        if _UNKNOWN.search(words):
            return amp, "unknown"
        return amp, "not amplified" if _NEGATIVE.search(words) else "amplified"
    if her2 and (
        re.search(r"\b(ihc|ish|fish|[0-3]\+)", words)
        or not (
            found
            or re.search(r"\b(mutation|mutations|mutated|mutant|mut|variant|variants)\b", words)
        )
    ):
        return None  # an IHC score, or "positive" that does not say amplified or mutated
    if _FUSION.search(words):
        negative = _NEGATIVE.search(words)
        return f"{gene} fusion", "not detected" if negative else "detected"
    marker = "HER2 mutation" if her2 else gene
    germline = gene in GERMLINE_GENES
    if _UNKNOWN.search(words):
        return marker, "unknown"
    if _NEGATIVE.search(words):
        # ("ESR1 mutation not detected (ctDNA)": the noun names what was looked for, not a
        # second answer; a writer of trials set 65, session 24)
        # (only the noun right before the negative word: "Y537S mutation, D538G not detected"
        # still holds a second answer and stays refused; review)
        rest = _NEGATIVE.sub(" ", words if found else _TESTED_NOUN.sub(" ", words))
        if _POSITIVE.search(rest):
            return None  # "D538G detected, Y537S not detected": one line, two answers
        return marker, "negative" if germline else "not mutated"
    if not germline and _LOSS.search(words) and not found:
        return marker, "loss"
    if found or _POSITIVE.search(words) or (germline and _LOSS.search(words)):
        return marker, "positive" if germline else "mutated"
    return None


_SPECIAL = (
    ("PD-L1", re.compile(r"^(pd ?l1|pdl ?1|programmed death ligand 1)\b")),
    ("MSI", re.compile(r"^(msi|mss|d ?mmr|p ?mmr|mmr|microsatellite)")),
    ("TMB", re.compile(r"^(tmb|tumou?r mutation(?:al)? burden)")),
)


def marker_of(name: str) -> tuple[str, str]:
    """('PD-L1' | 'MSI' | 'TMB' | a gene symbol, any words after the name)."""
    text = re.sub(r"^\s*(germline|somatic|inherited|acquired)\s+", "", name.strip(), flags=re.I)
    low = re.sub(r"[\s_\-]+", " ", text.lower()).strip()
    for canon, rx in _SPECIAL:
        if m := rx.match(low):
            return canon, low[m.end() :].strip() if canon != "MSI" else low
    if m := re.match(r"^g?brca\s*-?\s*([12])\b", text, re.I):
        return f"BRCA{m.group(1)}", text[m.end() :].strip()
    if m := re.match(r"^(?:her\s*-?\s*2(?:/neu)?|erbb2)\b", text, re.I):
        return "ERBB2", text[m.end() :].strip()
    first, _, rest = text.partition(" ")
    pair = _FUSION_PAIR.fullmatch(first.upper())
    if pair:
        driver = [g for g in pair.groups() if g in _FUSION_DRIVERS]
        return (driver or [pair.group(1)])[-1], rest.strip()
    symbol = first.upper().rstrip(":")
    if _GENE.fullmatch(symbol) and (re.search(r"\d", symbol) or symbol in _PLAIN_GENES):
        return symbol, rest.strip()
    return "", text


def read(name: str, value: str | None = None) -> Finding | None:
    """One report line (``name`` alone) or a ``name: value`` pair -> Finding, or None."""
    gene, rest = marker_of(name)
    if value is not None and gene:  # "PIK3CA: PIK3CA H1047R", "ERBB2: ERBB2 amplification"
        again, after = marker_of(value)
        if again == gene and after:
            value = after
    line = f"{name} {value}" if value is not None else name
    if value is not None:
        rest = f"{rest} {value}".strip()
    _, detail = qualifiers(line)
    words = _words(rest)
    if gene == "PD-L1":
        result = _pdl1(words)
        return Finding("PD-L1", result, _only(detail, "assay")) if result else None
    if gene == "MSI":
        result = _msi(words)
        return Finding("MSI", result, _only(detail, "assay")) if result else None
    if gene == "TMB":
        result = _tmb(words)
        return Finding("TMB", result, _only(detail, "sample")) if result else None
    if not gene:
        return None
    found = tuple(c for c in changes(line) if c.upper() != gene)
    fusion = _FUSION_PAIR.search(line)
    pair = fusion.group(0) if fusion and _FUSION.search(words) else None
    if pair:
        found = (pair,)
    got = _gene_result(gene, words, found)
    if got is None and detail.origin and not words:  # "somatic BRCA2", "germline PALB2": a finding
        got = (
            ("HER2 mutation" if gene == "ERBB2" else gene),
            ("positive" if gene in GERMLINE_GENES else "mutated"),
        )
    if got is None:
        return None
    marker, result = got
    if result in ("amplified", "not amplified"):
        detail = replace(_only(detail, "sample", "ish_ratio", "copy_number"))
    elif marker.endswith(" fusion"):
        detail = replace(_only(detail, "sample", "origin"), changes=found)
    else:
        detail = replace(_only(detail, "sample", "origin", "vaf"), changes=found)
    return Finding(marker, result, detail)


def _only(detail: BiomarkerDetail, *keep: str) -> BiomarkerDetail:
    return BiomarkerDetail(**{k: getattr(detail, k) for k in keep})


def as_text(result: str, detail: BiomarkerDetail) -> str:
    """The canonical one-line result with its detail: ``mutated H1047R (tissue, VAF 3%)``."""
    parts = [result, ", ".join(detail.changes)] if detail.changes else [result]
    extra = [
        x
        for x in (
            detail.origin,
            {"blood": "ctDNA", "tissue and blood": "tissue and ctDNA"}.get(
                detail.sample or "", detail.sample
            ),
            f"VAF {detail.vaf:g}%" if detail.vaf is not None else None,
            f"ISH ratio {detail.ish_ratio:g}" if detail.ish_ratio is not None else None,
            f"copy number {detail.copy_number:g}" if detail.copy_number is not None else None,
            detail.assay,
        )
        if x
    ]
    return " ".join(parts) + (f" ({', '.join(extra)})" if extra else "")
