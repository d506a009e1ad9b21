"""Where each proposed fact would go in the person's record, in the record's own words.

One fact = one proposal the person can accept: receptors and histology to the profile
(canonical ER/PR/HER2 words: ASCO/CAP 2020 and 2023), genomic results to biomarkers (through
the patient engine's ``markers.read``, so ``PIK3CA`` + ``H1047R`` is ``mutated H1047R``), a
site with disease to metastatic sites, an overall response to a scan result; details the
record has no field for (percentages, intensity, Ki-67, grade, ratio, site changes) to a note.
Plain Python: the web layer writes the rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mbcnav.patient import markers
from mbcnav.patient import vocabulary as v

from .extract import Fact, Report

TARGETS = ("profile", "biomarker", "metastasis", "assessment", "note")
_HISTOLOGY = {"ductal": "ductal", "lobular": "lobular", "mixed": "mixed"}
_RESPONSE = {"progression": "progression", "stable": "stable", "partial response": "regression",
             "complete response": "ned", "mixed": "unknown"}  # fmt: skip
_SITE = {s: s for s in v.SITES}
_METHODS = (("PET", r"\bPET\b"), ("MRI", r"\bMRI?\b|\bmagnetic resonance"), ("bone scan", r"\bbone scan|scintigra"),
            ("CT", r"\bCT\b|computed tomograph"), ("x-ray", r"\bx-?ray|radiograph"))  # fmt: skip


@dataclass(frozen=True)
class Proposal:
    key: str  # stable for the same text: field, start, end
    fact: Fact
    target: str  # one of TARGETS
    field: str  # profile field, biomarker marker, metastasis site, assessment status, or ""
    value: str  # what would be written
    label: str  # what the person reads: "ER: positive" -> "Profile, ER: positive"


def key_of(f: Fact) -> str:
    return f"{f.field}:{f.start}:{f.end}"


def method(text: str) -> str:
    """The scan type from the first lines of an imaging report (CT, PET, MRI...), or ''."""
    head = text[:400]
    return next((m for m, rx in _METHODS if re.search(rx, head, re.I)), "")


def her2_result(ihc: str | None, ish: str | None) -> str | None:
    """The record's HER2 word from IHC and ISH (2+ needs ISH; discordant pairs are left to the team)."""
    words = []
    if ihc:
        words.append(f"IHC {ihc}")
    if ish in ("amplified", "not amplified"):
        words.append("ISH " + ("amplified" if ish == "amplified" else "not amplified"))
    return v.normalise_her2(" ".join(words)) if words else None


def proposals(report: Report) -> list[Proposal]:
    values = report.values()
    out = []
    for f in report.facts:
        target, field, value = _where(f, values)
        out.append(Proposal(key_of(f), f, target, field, value, f.shown))
    return out


def _one(values: dict, name: str):
    got = values.get(name)
    return (
        got if not isinstance(got, list) else None
    )  # the report disagrees with itself: no pairing


def _where(f: Fact, values: dict) -> tuple[str, str, str]:
    name, value = f.field, f.value
    if name == "er":
        return "profile", "er", value
    if name == "pr":
        return "profile", "pr", "positive" if value == "low" else value  # PR 1-10% is PR-positive
    if name in ("her2_ihc", "her2_ish"):
        ihc = value if name == "her2_ihc" else _one(values, "her2_ihc")
        ish = value if name == "her2_ish" else _one(values, "her2_ish")
        word = her2_result(ihc, ish)
        return ("profile", "her2", word) if word else ("note", "", f.shown)
    if name == "histology":
        return "profile", "histology", _HISTOLOGY.get(value, "other")
    if name in ("variants", "amplifications", "pd_l1", "tmb", "msi"):
        found = _marker(name, value)
        if found:
            return "biomarker", found.marker, markers.as_text(found.result, found.detail)
        return "note", "", f.shown
    if name == "sites" and value["status"] != "gone":
        return "metastasis", _SITE.get(value["site"], "other"), value["status"]
    if name == "response":
        return "assessment", _RESPONSE[value], value
    return "note", "", f.shown


def _marker(name: str, value) -> markers.Finding | None:
    if name == "variants":
        return markers.read(
            value["gene"],
            value["protein"] if value["protein"] == "loss" else f"{value['protein']} mutation",
        )
    if name == "amplifications":
        return markers.read(value, "amplification")
    if name == "pd_l1":
        return markers.read(
            "PD-L1", f"{value['scoring']} {value['value']} {value.get('assay') or ''}".strip()
        )
    if name == "tmb":
        return markers.read("TMB", f"{value} mut/Mb")
    if name == "msi":
        return markers.read("MSI", "high" if value == "MSI-H" else "stable")
    return None
