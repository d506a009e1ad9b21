"""Import readers for the person, the cancer conditions, staging, receptors and biomarkers.

Each reader takes one validated resource (a dict), fills the ``Draft`` and returns a
short description of what it took, or raises ``Skip`` with the reason. Readers accept
mCODE STU1-STU4 shapes and plain US Core data (codes are matched, not profiles).
"""

from __future__ import annotations

import re
from dataclasses import replace

from mbcnav.patient import markers
from mbcnav.patient import vocabulary as v

from . import read_health, staging
from .cancers import SPREAD_WORDS, is_breast, is_primary, is_secondary
from .codes import CodeTable
from .values import (
    Draft,
    Skip,
    codings,
    day,
    effective,
    ext_value,
    find_code,
    has_code,
    texts,
)

POSITIVE_KEYS = ("loinc.answer_positive", "snomed.positive", "loinc.answer_present")
NEGATIVE_KEYS = ("loinc.answer_negative", "snomed.negative")


# ------------------------------------------------------------------------ person
def read_patient(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    took = []
    names = res.get("name") or []
    if names:
        n = names[0]
        parts = [*(n.get("given") or []), n.get("family")]
        text = n.get("text") or " ".join(p for p in parts if isinstance(p, str)).strip()
        if text:
            draft.set_person("name", text, label)
            took.append("name")
    gender = res.get("gender")
    if gender in ("female", "male"):
        draft.set_person("sex", gender, label)
        took.append("sex")
    birth = str(res.get("birthDate") or "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", birth):
        draft.set_person("birth_date", birth, label)
        took.append("birth date")
    elif re.fullmatch(r"\d{4}(-\d{2})?", birth):
        draft.set_person("birth_year", int(birth[:4]), label)
        took.append("birth year")
    for address in res.get("address") or []:
        if address.get("postalCode"):
            draft.set_person("postal_code", str(address["postalCode"]), label)
            took.append("postal code")
        if address.get("country"):
            draft.set_person("country", str(address["country"]), label)
        break
    if not took:
        raise Skip(
            "it holds none of the details the record keeps (name, sex, birth date, postal code)."
        )
    return "the person (" + ", ".join(took) + ")."


# -------------------------------------------------------------------- conditions
def _site(res: dict, codes: CodeTable) -> tuple[str, str]:
    """(site, how it was found)."""
    for concept in res.get("bodySite") or []:
        for text in texts(concept):
            site = v.normalise_site(text)
            if site:
                return site, "body site"
        for c in codings(concept):
            site = codes.reverse("site_body", c.get("system"), c.get("code"))
            if site:
                return site, "body site code"
    generic = codes.get("snomed.secondary_cancer")
    for c in codings(res.get("code")):
        if (c.get("system"), str(c.get("code"))) == (generic.system, generic.code):
            continue
        site = codes.reverse("site_disorder", c.get("system"), c.get("code")) or codes.reverse(
            "disorder_site_extra", c.get("system"), c.get("code")
        )
        if site:
            return v.normalise_site(site) or site, "condition code"
    for text in texts(res.get("code")):  # "Secondary malignant neoplasm of bone", no known code
        m = re.search(r"\b(?:of|to|in)\s+(?:the\s+)?([a-z][a-z ]*?)\s*$", text, re.I)
        if m and v.normalise_site(m.group(1)):
            return v.normalise_site(m.group(1)), "condition text"
    return "other", "no known site code, kept as 'other'"


def read_condition(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    if read_health.left_by_the_cancer(res, codes):
        # "Lymphedema of arm after breast cancer surgery": another problem, not the cancer
        return read_health.read_other(res, draft, codes, label)
    if is_secondary(res, codes):
        return _secondary(res, draft, codes, label)
    if is_primary(res, codes):
        if not is_breast(res, codes):
            # another primary cancer stays out of the record, as the import contract says
            # ("not imported: not breast cancer"); only the record's own "another cancer"
            # entries (our code, cancers.ours) come back as health problems
            said = [f"'{t}'" for t in texts(res.get("code"))[:1]]
            shown = ", ".join(f"code {c.get('code')}" for c in codings(res.get("code")))
            named = ", ".join([*said, shown or "no code"])
            raise Skip(
                f"not imported: not breast cancer ({named}); its stage, results and spread "
                "are not taken into the record."
            )
        return _primary(res, draft, codes, label)
    if read_health.menopause_said(res, codes) is not None:
        return read_health.read_menopause(res, draft, codes, label)
    return read_health.read_other(res, draft, codes, label)


_INFLAMMATORY = re.compile(
    r"(?<!non-)(?<!non )\binflammatory\s+(?:breast\s+)?(?:cancer|carcinoma)", re.I
)


def _primary(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    took = ["breast cancer"]
    histology = None
    for url in (codes.ext("histology_morphology_behavior"),):
        concept = ext_value(res, url, "valueCodeableConcept")
        if concept:
            histology = next(
                (v.normalise_histology(t) for t in texts(concept) if v.normalise_histology(t)), None
            )
            if histology is None and has_code(concept, [codes.get("snomed.morphology_ductal")]):
                histology = "ductal"
    for c in codings(res.get("code")):
        histology = histology or codes.reverse("histology_code", c.get("system"), c.get("code"))
    if histology:
        draft.set_diagnosis("histology", histology, label)
        took.append(f"histology {histology}")
    onset = res.get("onsetDateTime")
    if onset and any(SPREAD_WORDS.search(t) for t in texts(res.get("code"))):
        # "Metastatic breast cancer": the onset is when it spread, not when it was first found
        draft.set_diagnosis("date", day(onset), label)
        took.append("metastatic diagnosis date")
        onset = None
    if onset:
        draft.set_diagnosis("first_diagnosis_date", day(onset), label)
        took.append("first diagnosis date")
    inflammatory = ext_value(
        res, codes.local("StructureDefinition/inflammatory-breast-cancer"), "valueBoolean"
    )
    if inflammatory is None and (
        has_code(res.get("code"), [codes.get("snomed.inflammatory_breast_cancer")])
        or any(_INFLAMMATORY.search(t) for t in texts(res.get("code")))
    ):
        inflammatory = True  # SNOMED 254840009, or "Inflammatory carcinoma of breast" as text
    if inflammatory is not None:
        draft.set_diagnosis("inflammatory", inflammatory, label)
        took.append("inflammatory breast cancer" if inflammatory else "not inflammatory")
    de_novo = ext_value(res, codes.local("StructureDefinition/de-novo-metastatic"), "valueBoolean")
    if de_novo is not None:
        draft.set_diagnosis("de_novo", de_novo, label)
        took.append("de novo")
    md_date = ext_value(
        res, codes.local("StructureDefinition/metastatic-diagnosis-date"), "valueDate"
    )
    if md_date:
        draft.set_diagnosis("date", md_date, label)
        took.append("metastatic diagnosis date")
    for stage in res.get("stage") or []:
        found = staging.reading(stage.get("summary") if isinstance(stage, dict) else None, codes)
        if found:
            draft.stages.append((day(onset) or "", found.stage, label))
            if f"stage {found.stage}" not in took:
                took.append(f"stage {found.stage}" + found.note())
    return "primary cancer (" + ", ".join(took) + ")."


def _secondary(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    site, how = _site(res, codes)
    item = {"site": site}
    onset = res.get("onsetDateTime")
    if day(onset):
        item["date"] = day(onset)
    measurable = ext_value(
        res, codes.local("StructureDefinition/measurable-disease"), "valueBoolean"
    )
    if measurable is not None:
        item["measurable"] = measurable
    status = ext_value(res, codes.local("StructureDefinition/brain-metastasis-status"), "valueCode")
    if status:
        item["status"] = status
    detail = ext_value(
        res, codes.local("StructureDefinition/metastasis-site-detail"), "valueString"
    )
    if detail:
        item["detail"] = detail
    draft.add("metastases", item, label)
    note = "" if how != "no known site code, kept as 'other'" else f" ({how})"
    return f"metastasis in {site}{note}."


# --------------------------------------------------------------------- receptors
def polarity(res: dict, codes: CodeTable) -> bool | None:
    concept = res.get("valueCodeableConcept")
    if has_code(concept, [codes.get(k) for k in POSITIVE_KEYS]):
        return True
    if has_code(concept, [codes.get(k) for k in NEGATIVE_KEYS]):
        return False
    for text in [*texts(concept), str(res.get("valueString") or "")]:
        word = text.strip().lower()
        if word in ("positive", "pos", "detected", "present"):
            return True
        if word in ("negative", "neg", "not detected", "absent"):
            return False
    return None


def read_receptor(kind: str, res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    candidates = [*texts(res.get("valueCodeableConcept")), str(res.get("valueString") or "")]
    normalise = {"er": v.normalise_er, "pr": v.normalise_pr, "her2": v.normalise_her2}[kind]
    value = next((normalise(t) for t in candidates if t and normalise(t)), None)
    if kind == "her2" and value in (None, "positive", "negative"):
        for comp in res.get("component") or []:
            if has_code(comp.get("code"), [codes.get("loinc.her2_ihc")]) and comp.get(
                "valueString"
            ):
                value = v.normalise_her2(f"IHC {comp['valueString']}") or value
    if value is None:
        sign = polarity(res, codes)
        value = None if sign is None else ("positive" if sign else "negative")
    if value is None:
        raise Skip(f"the {kind.upper()} result is not positive, negative or a known score.")
    when = effective(res)
    draft.offer(kind, value, when, label, kind.upper())
    body = res.get("bodySite")
    draft.biopsy[label] = ((texts(body) or [None])[0] if body else None, when)
    return f"{kind.upper()} {value}" + (f" ({when})." if when else ".")


# -------------------------------------------------------------------- biomarkers
def _marker_value(
    marker: str, candidates: list[str], own_text: str | None, present: bool | None, germline: bool
) -> str | None:
    if marker in v.KNOWN_MARKERS:
        for text in candidates:
            value = v.normalise_marker_value(marker, text)
            if value is not None:
                return value
    elif own_text:
        return own_text.strip()
    if present is None:
        return None
    if marker in v.GERMLINE_MARKERS or germline:
        return "positive" if present else "negative"
    return "mutated" if present else "not mutated"


def _variant_detail(
    res: dict, codes: CodeTable, gene: str, text: str, germline: bool, somatic: bool
):
    """The report detail of a GenomicVariant: its text, then the HGVS and VAF components."""
    found = markers.read(gene, text) if text else None
    detail = found.detail if found else markers.BiomarkerDetail()
    changes = list(detail.changes)
    vaf = detail.vaf
    for comp in res.get("component") or []:
        code = comp.get("code")
        if has_code(code, [codes.get("loinc.amino_acid_change"), codes.get("loinc.dna_change")]):
            concept = comp.get("valueCodeableConcept")
            for written in [*(c.get("code") for c in codings(concept)), *texts(concept)]:
                if written:
                    changes.extend(markers.changes(str(written).split(":")[-1]))
                    break
        if has_code(code, [codes.get("loinc.allele_frequency")]) and vaf is None:
            q = comp.get("valueQuantity") or {}
            if isinstance(q.get("value"), (int, float)):
                num = float(q["value"])
                num = num * 100 if q.get("code") != "%" and num <= 1 else num
                vaf = int(num) if num == int(num) else round(num, 2)
    origin = detail.origin
    marker_germline = gene in v.GERMLINE_MARKERS
    if origin is None and (germline or somatic) and germline != marker_germline:
        origin = "germline" if germline else "somatic"  # only when it differs from the convention
    return replace(detail, changes=tuple(dict.fromkeys(changes)), vaf=vaf, origin=origin)


def _offered(value: str, detail) -> str | dict:
    """A plain result, or the file's structured form when the resource gave detail."""
    if not detail:
        return value
    entry: dict = {"result": value}
    if detail.changes:
        entry["variants"] = list(detail.changes)
    for key in ("origin", "sample", "vaf", "ish_ratio", "copy_number", "assay"):
        if getattr(detail, key) is not None:
            entry[key] = getattr(detail, key)
    return entry


def read_variant(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    gene, shown, germline, somatic = None, None, False, False
    for comp in res.get("component") or []:
        concept = comp.get("valueCodeableConcept")
        if has_code(comp.get("code"), [codes.get("loinc.gene_studied")]):
            found = find_code(concept, codes, "hgnc")
            gene = found.display if found else None
            shown = (texts(concept) or [c.get("code") for c in codings(concept)] or ["?"])[0]
            if gene is None and shown and re.fullmatch(r"[A-Z0-9]{2,10}", shown):
                gene = shown
        if has_code(comp.get("code"), [codes.get("loinc.genomic_source_class")]):
            germline = has_code(concept, [codes.get("loinc.germline")])
            somatic = has_code(concept, [codes.get("loinc.somatic")])
    if gene is None:
        raise Skip(f"the gene ({shown or 'not given'}) is not one in the code table.")
    marker = v.normalise_marker_name(gene)
    own = (res.get("valueCodeableConcept") or {}).get("text") or res.get("valueString")
    detail = _variant_detail(
        res, codes, "ERBB2" if marker == "HER2 mutation" else gene, own or "", germline, somatic
    )
    if marker in v.GERMLINE_MARKERS and somatic and detail.origin != "somatic":
        raise Skip(f"a somatic (tumor) {marker} result is not the germline test the record keeps.")
    candidates = [*texts(res.get("valueCodeableConcept")), str(res.get("valueString") or "")]
    value = _marker_value(marker, [t for t in candidates if t], own, polarity(res, codes), germline)
    if value is None:
        raise Skip(f"the {marker} result is not one the record understands.")
    draft.offer(f"biomarker:{marker}", _offered(value, detail), effective(res), label, marker)
    return f"biomarker {marker} {value}."


def read_marker(
    res: dict, draft: Draft, codes: CodeTable, label: str, marker: str | None = None
) -> str:
    """MSI / TMB LOINC tests and the navigator's own text-coded biomarkers."""
    if marker is None:
        marker = v.normalise_marker_name(texts(res.get("code"))[0])
    candidates = [str(res.get("valueString") or ""), *texts(res.get("valueCodeableConcept"))]
    quantity = res.get("valueQuantity") or {}
    if quantity.get("value") is not None:
        candidates.insert(
            0,
            f"{quantity['value']:g}"
            if isinstance(quantity["value"], float)
            else str(quantity["value"]),
        )
    sign = polarity(res, codes)
    if marker == "MSI" and sign is not None:
        candidates.append("high" if sign else "stable")
    value = next(
        (
            v.normalise_marker_value(marker, t)
            for t in candidates
            if t and v.normalise_marker_value(marker, t) is not None
        ),
        None,
    )
    if value is None:
        raise Skip(f"the {marker} result is not one the record understands.")
    text = next((t for t in candidates if t), "")
    found = markers.read(marker, text) if text else None
    detail = found.detail if found and found.marker == marker else None
    draft.offer(f"biomarker:{marker}", _offered(value, detail), effective(res), label, marker)
    return f"biomarker {marker} {value}."
