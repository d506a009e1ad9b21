"""Verdicts on tumour and inherited markers (BRCA/PALB2, PIK3CA, ESR1, PD-L1 CPS, NTRK, ...):
does a biomarker check hold for the person, why, and what test would settle it."""

from __future__ import annotations

import re

from mbcnav.trials.facts import PatientFacts


def _germline_brca(f: PatientFacts) -> tuple[bool | None, str, str]:
    """Inherited BRCA1/2 or PALB2: a result stated somatic (tumor-only) does not count."""
    palb2 = str(f.biomarkers.get("PALB2", "")).lower()
    palb2_pos = palb2 in {"positive", "mutated"} and f.origins.get("PALB2") != "somatic"
    if f.germline_brca or palb2_pos:
        return True, "Your record shows an inherited (germline) BRCA or PALB2 change.", ""
    if f.germline_brca is False and (palb2 in {"negative", "not mutated"} or not palb2):
        tested = "BRCA1 and BRCA2" + (" and PALB2" if palb2 else "")
        return False, f"Your inherited (germline) {tested} results are negative.", ""
    if f.somatic_brca:
        return (
            None,
            "Your BRCA change was found in the tumor; whether it is inherited is not stated.",
            "A germline (blood or saliva) BRCA test",
        )
    return None, "No inherited (germline) BRCA result is known.", "A germline BRCA test"


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


def _biomarker(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    marker = c["value"]
    if marker in {"NTRK fusion", "TMB-high", "MSI-high"}:
        return _alteration(c, f)
    if marker == "BRCA" and c.get("germline"):
        return _germline_brca(f)
    keys = ["BRCA1", "BRCA2", "PALB2"] if marker == "BRCA" else [marker]
    vals = [str(f.biomarkers[k]).lower() for k in keys if k in f.biomarkers]
    settle = f"A {marker} test result"
    if not vals:
        return None, f"No {marker} result is known.", settle
    if c.get("min_cps") is not None and any(v.startswith("cps") for v in vals):
        score = max(_cps(v) for v in vals if v.startswith("cps"))
        return score >= c["min_cps"], f"Your PD-L1 CPS is {score:g}.", ""
    pos = [
        v
        for v in vals
        if v in {"mutated", "positive", "high", "loss", "amplified", "detected"}
        or (v.startswith("cps") and _cps(v) >= 1)
    ]
    if pos:
        return True, f"Your {marker} result: {pos[0]}.", ""
    if all(
        v in {"not mutated", "negative", "stable", "not amplified", "not detected"}
        or v.startswith("cps")
        for v in vals
    ):
        return False, f"Your {marker} result: {vals[0]}.", ""
    return None, f"Your {marker} result is unclear ({vals[0]}).", settle


def _cps(v: str) -> float:
    m = re.search(r"(\d+(?:\.\d+)?)", v)
    return float(m.group(1)) if m else 0.0
