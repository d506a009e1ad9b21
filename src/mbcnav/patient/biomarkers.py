"""The ``biomarkers`` section: a mapping (marker: result) or a list of report lines.

Each entry goes through ``markers.read`` so that report wording keeps its detail; a result may
also be written as a mapping (``result``, ``variants``, ``origin``, ``sample``, ``vaf``,
``ish_ratio``, ``copy_number``, ``assay``), which is how ``dump`` writes an entry with detail.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from . import markers
from . import vocabulary as v
from .model import BiomarkerDetail
from .reader import Reader, fail, one_of, show
from .words import fold

DETAIL_KEYS = ("result", "variants", "origin", "sample", "vaf", "ish_ratio", "copy_number", "assay")
_SAMPLES = {"tissue": "tissue", "tumor": "tissue", "tumour": "tissue", "biopsy": "tissue",
            "blood": "blood", "ctdna": "blood", "plasma": "blood", "liquid biopsy": "blood",
            "tissue and blood": "tissue and blood", "tissue and ctdna": "tissue and blood"}  # fmt: skip
_ASSAYS = {fold(a): a for a in markers.ASSAYS}


def allowed(marker: str) -> tuple[str, ...]:
    if marker in v.MUTATION_MARKERS:
        return ("mutated", "not mutated", "the change such as H1047R", "unknown")
    if marker in v.GERMLINE_MARKERS:
        return (
            "positive (pathogenic variant)",
            "negative",
            "the change such as c.5946delT",
            "unknown",
        )
    return {
        "HER2 amplification": ("amplified", "not amplified", "unknown"),
        "PD-L1": (
            "CPS <number>",
            "TPS <number>%",
            "IC <number>%",
            "positive",
            "negative",
            "unknown",
        ),
        "MSI": ("stable (MSS, pMMR)", "high (MSI-H, dMMR)", "unknown"),
        "TMB": ("<mutations per megabase>", "high", "low", "unknown"),
    }.get(marker, ("a result such as mutated, amplified, fusion or not detected",))


def _ambiguous_her2(name: str, value: Any) -> bool:
    """``ERBB2: positive`` says neither amplified nor mutated: refused rather than guessed."""
    return fold(name) in ("erbb2", "her2", "her2/neu", "neu") and fold(value) in (
        "positive", "pos", "detected", "altered", "present", "+", "yes", "true",
    )  # fmt: skip


def read_entry(r: Reader, name: Any, value: Any, field: str) -> markers.Finding:
    name = str(name).strip()
    if isinstance(value, dict):
        return _structured(r, name, value, field)
    if isinstance(value, list):
        raise fail(field, f"expected a result such as 'mutated', got {show(value)}.")
    if isinstance(value, bool):
        value = "positive" if value else "negative"
    if _ambiguous_her2(name, value):
        raise fail(
            field,
            f"{show(value)} does not say whether ERBB2 (HER2) is amplified or mutated; write "
            "amplified, not amplified, or the mutation such as L755S.",
        )
    canon = v.normalise_marker_name(name)
    if canon in v.KNOWN_MARKERS:
        simple = v._simple_marker_value(canon, fold(value) if value is not None else "unknown")
        if simple is not None:
            return markers.Finding(canon, simple)
    text = "unknown" if value is None else str(value).strip()  # no result written = unknown
    found = markers.read(name, text) if text else markers.read(name)
    if found is not None:
        return found
    if canon in v.KNOWN_MARKERS or canon in ("HER2 mutation",):
        raise fail(field, f"{show(value)} is not allowed; use {one_of(allowed(canon))}.")
    if not name:
        raise fail(field, "a marker name is missing.")
    return markers.Finding(canon, text or "unknown")  # another marker: its text is kept


def _structured(r: Reader, name: str, d: dict, field: str) -> markers.Finding:
    r.mapping(d, field, DETAIL_KEYS)
    result = d.get("result")
    if result is None or isinstance(result, (dict, list)):
        raise fail(
            f"{field}.result", f"is missing; use {one_of(allowed(v.normalise_marker_name(name)))}."
        )
    base = read_entry(r, name, result, f"{field}.result")
    variants = d.get("variants")
    if isinstance(variants, str):
        variants = [x for x in (p.strip() for p in variants.split(",")) if x]
    if variants is not None and not isinstance(variants, list):
        raise fail(
            f"{field}.variants",
            f"expected a list of changes such as [H1047R], got {show(variants)}.",
        )
    changes: list[str] = list(base.detail.changes)
    for i, item in enumerate(variants or []):
        text = r.text(item, f"{field}.variants[{i}]")
        if text:
            changes.extend(markers.changes(text) or (text,))
    origin = r.enum(
        d.get("origin"),
        f"{field}.origin",
        lambda x: fold(x) if fold(x) in markers.ORIGINS else None,
        markers.ORIGINS,
    )
    sample = r.enum(
        d.get("sample"), f"{field}.sample", lambda x: _SAMPLES.get(fold(x)), markers.SAMPLES
    )
    assay = r.text(d.get("assay"), f"{field}.assay")
    detail = replace(
        base.detail,
        changes=tuple(dict.fromkeys(changes)),
        origin=origin or base.detail.origin,
        sample=sample or base.detail.sample,
        vaf=_pick(r.number(d.get("vaf"), f"{field}.vaf", 0, 100), base.detail.vaf),
        ish_ratio=_pick(
            r.number(d.get("ish_ratio"), f"{field}.ish_ratio", 0, 100), base.detail.ish_ratio
        ),
        copy_number=_pick(
            r.number(d.get("copy_number"), f"{field}.copy_number", 0, 1000), base.detail.copy_number
        ),
        assay=_ASSAYS.get(fold(assay), assay) if assay else base.detail.assay,
    )
    return markers.Finding(base.marker, base.result, detail)


def _check_numbers(found: markers.Finding, field: str) -> None:
    """Numbers read from report text get the same bounds as the structured form's fields."""
    for name, high, words in (
        ("vaf", 100, "VAF"),
        ("ish_ratio", 100, "ISH ratio"),
        ("copy_number", 1000, "copy number"),
    ):
        value = getattr(found.detail, name)
        if value is not None and not 0 <= value <= high:
            raise fail(field, f"{words} {value:g} is out of range; allowed 0 to {high}.")


def _pick(given, parsed):
    if given is None:
        return parsed
    return int(given) if float(given) == int(given) else given


def _merge(a: BiomarkerDetail, b: BiomarkerDetail, field: str) -> BiomarkerDetail:
    out = {}
    for f in fields(BiomarkerDetail):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if f.name == "changes":
            out["changes"] = tuple(dict.fromkeys((*x, *y)))
        elif f.name == "vaf" and x is not None and y is not None:
            out["vaf"] = max(x, y)  # two variants of one gene: the highest fraction is kept
        elif f.name == "sample" and x is not None and y is not None and x != y:
            out["sample"] = "tissue and blood"
        elif x is not None and y is not None and x != y:
            raise fail(
                field, f"is given twice with different {f.name.replace('_', ' ')} ({x} and {y})."
            )
        else:
            out[f.name] = x if x is not None else y
    return BiomarkerDetail(**out)


def _entries(r: Reader, raw: Any):
    if isinstance(raw, dict):
        for name, value in raw.items():
            yield name, value, f"biomarkers.{str(name).strip()}", True
        return
    if not isinstance(raw, list):
        raise fail(
            "biomarkers",
            f"expected marker: result pairs or a list of report lines, got {show(raw)}.",
        )
    for i, item in enumerate(raw):
        field = f"biomarkers[{i}]"
        if isinstance(item, dict) and len(item) == 1:
            ((name, value),) = item.items()
            yield name, value, field, True
        elif isinstance(item, str) and item.strip():
            name, colon, value = item.partition(":")
            if colon and value.strip():
                yield name, value.strip(), field, False
            else:
                yield item, None, field, False
        else:
            raise fail(field, f"expected a report line such as 'PIK3CA H1047R', got {show(item)}.")


def read_biomarkers(r: Reader, raw: Any) -> tuple[dict[str, str], dict[str, BiomarkerDetail]]:
    """(marker -> result, marker -> detail) from the section, entries of one marker merged."""
    results: dict[str, str] = {}
    details: dict[str, BiomarkerDetail] = {}
    if raw is None:
        return results, details
    for name, value, field, paired in _entries(r, raw):
        if paired:
            found = read_entry(r, name, value, field)
        else:
            found = markers.read(str(name), value) if value is not None else markers.read(str(name))
            if found is None and value is not None:
                found = read_entry(r, name, value, field)
            if found is None:
                raise fail(
                    field,
                    f"{show(name if value is None else f'{name}: {value}')} is not a result we can read; "
                    "write the marker and its result, such as PIK3CA H1047R, ERBB2 amplification or PD-L1 CPS 15.",
                )
        _check_numbers(found, field)
        if found.marker in results:
            if results[found.marker] != found.result:
                raise fail(
                    field,
                    f"{found.marker} is given twice with different results ({results[found.marker]} and {found.result}).",
                )
            detail = _merge(details.get(found.marker, BiomarkerDetail()), found.detail, field)
        else:
            detail = found.detail
        results[found.marker] = found.result
        if detail:
            details[found.marker] = detail
        else:
            details.pop(found.marker, None)
    return results, details


def dump_biomarkers(results: dict[str, str], details: dict[str, BiomarkerDetail], out) -> dict:
    """marker -> result, or marker -> {result, variants, ...} when the report gave detail."""
    data = {}
    for marker, result in results.items():
        detail = details.get(marker)
        if not detail:
            data[marker] = out(marker, result)
            continue
        entry = {"result": out(marker, result)}
        if detail.changes:
            entry["variants"] = list(detail.changes)
        for key in ("origin", "sample", "vaf", "ish_ratio", "copy_number", "assay"):
            if getattr(detail, key) is not None:
                entry[key] = getattr(detail, key)
        data[marker] = entry
    return data
