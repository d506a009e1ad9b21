"""The ``receptors`` section: ER, PR and HER2 categories with the pathology report's detail."""

from __future__ import annotations

from typing import Any

from . import spellings
from . import vocabulary as v
from .model import Receptors
from .reader import RECEPTOR_DETAIL_KEYS, RECEPTOR_KEYS, Reader, fail, one_of, show


def _stain(r: Reader, d: dict, kind: str, f: str) -> spellings.Stain:
    """ER or PR with the report's detail; a separate ``er_percent`` etc. must agree with ``er``."""
    allowed = (*(v.ER_RESULTS if kind == "er" else v.PR_RESULTS), "a percentage such as 95%")
    got = spellings.stain(kind, d.get(kind)) if d.get(kind) is not None else spellings.Stain(None)
    if d.get(kind) is not None and got.category is None:
        raise fail(f"{f}.{kind}", f"{show(d.get(kind))} is not allowed; use {one_of(allowed)}.")
    category, percent = got.category, got.percent
    if d.get(f"{kind}_percent") is not None:
        pct = spellings.stain(kind, str(d[f"{kind}_percent"]).strip().rstrip("%") + "%")
        if pct.percent is None:
            raise fail(
                f"{f}.{kind}_percent",
                f"{show(d[f'{kind}_percent'])} is not a percentage; write a number from 0 to 100, such as 95%.",
            )
        if category not in (None, pct.category):
            raise fail(
                f"{f}.{kind}_percent",
                f"{pct.percent} means {kind.upper()} {pct.category}, but {kind} says {category}; correct one of them.",
            )
        category, percent = pct.category, pct.percent
    intensity = r.enum(
        d.get(f"{kind}_intensity"),
        f"{f}.{kind}_intensity",
        lambda x: (
            str(x).strip().lower() if str(x).strip().lower() in spellings.INTENSITIES else None
        ),
        spellings.INTENSITIES,
    )
    allred = r.number(d.get(f"{kind}_allred"), f"{f}.{kind}_allred", 0, 8, integer=True)
    return spellings.Stain(
        category,
        percent,
        intensity or got.intensity,
        allred if allred is not None else got.allred,
    )


def read_receptors(r: Reader, raw: Any) -> Receptors:
    f = "receptors"
    d = r.mapping(raw, f, RECEPTOR_KEYS + RECEPTOR_DETAIL_KEYS)
    site = d.get("biopsy_site")
    site_text = r.text(site, f"{f}.biopsy_site")
    if site_text and site_text.lower() != "breast":
        site_text = v.normalise_site(site_text) or site_text.lower()
    er, pr = _stain(r, d, "er", f), _stain(r, d, "pr", f)
    if isinstance(d.get("her2"), (dict, list)):
        raise fail(f"{f}.her2", f"expected text, got {show(d.get('her2'))}.")
    her2, ratio, copies = spellings.her2(d.get("her2"))
    if d.get("her2") is not None and her2 is None:
        raise fail(
            f"{f}.her2", f"{show(d.get('her2'))} is not allowed; use {one_of(v.HER2_RESULTS)}."
        )
    ratio_given = r.number(d.get("her2_ish_ratio"), f"{f}.her2_ish_ratio", 0, 100)
    copies_given = r.number(d.get("her2_copy_number"), f"{f}.her2_copy_number", 0, 1000)
    return Receptors(
        er=er.category,
        pr=pr.category,
        her2=her2,
        biopsy_site=site_text.lower() if site_text else None,
        biopsy_date=r.date(d.get("biopsy_date"), f"{f}.biopsy_date"),
        er_percent=er.percent,
        er_intensity=er.intensity,
        er_allred=er.allred,
        pr_percent=pr.percent,
        pr_intensity=pr.intensity,
        pr_allred=pr.allred,
        her2_ish_ratio=ratio_given if ratio_given is not None else ratio,
        her2_copy_number=copies_given if copies_given is not None else copies,
    )
