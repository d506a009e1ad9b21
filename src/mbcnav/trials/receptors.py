"""How a receptor criterion words ER-low (1-10%): counted with ER-negative, or left out by a 10%
floor."""

from __future__ import annotations

import re

from mbcnav.trials.wording import rx


def er_low_wording(text: str) -> dict:
    """How a receptor criterion treats ER-low (1-10%): {"er_low_ok": True} when it counts ER-low
    with ER-negative ("ER < 10%", "ER-low allowed"), {"er_min10": True} when ER must be >= 10%,
    {"er_below_1": True} when ER-negative is set at under 1% (so ER-low is not triple-negative).

    ER-low is reported as ER-positive but often behaves like ER-negative disease (ASCO/CAP,
    "Estrogen and Progesterone Receptor Testing in Breast Cancer: ASCO/CAP Guideline Update",
    J Clin Oncol 2020, https://ascopubs.org/doi/10.1200/JCO.19.02309, read 2026-11-21,
    as of 2026-11-21), so trials differ on where they put it."""
    out = {}
    if rx("er_low.counts_as_negative").search(text):
        out["er_low_ok"] = True
    if rx("er.at_least_10").search(text) and re.search(r"\b(?:er|estrogen)", text, re.I):
        out["er_min10"] = True
    if (
        not out.get("er_low_ok")
        and rx("er.below_1").search(text)
        and re.search(r"\b(?:er|estrogen)", text, re.I)
    ):
        out["er_below_1"] = True  # "triple negative is defined as <1% expression for ER ..."
    return out
