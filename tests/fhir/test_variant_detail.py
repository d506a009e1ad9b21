"""FHIR carries the report detail of biomarkers (mCODE GenomicVariant components) and site detail."""

import json
from datetime import date

from mbcnav.fhir import export_bundle, import_bundle
from mbcnav.patient import dump, parse

TODAY = date(2026, 11, 21)
RECORD = {
    "format": "mbcnav-patient/1",
    "biomarkers": [
        "PIK3CA H1047R",
        "ESR1 D538G mutation detected (ctDNA, VAF 3%)",
        "BRCA2 c.5946delT pathogenic",
        "somatic BRCA1 c.68_69delAG",
        "ERBB2 amplification (ISH ratio 2.4)",
        "PD-L1 CPS 15 (22C3)",
        "NTRK1 fusion",
    ],
    "metastases": [{"site": "mediastinal lymph nodes"}, {"site": "axillary nodes"}],
}


def _variant(bundle: dict, gene: str) -> dict:
    for entry in bundle["entry"]:
        res = entry["resource"]
        for comp in res.get("component") or []:
            if comp["code"]["coding"][0]["code"] != "48018-6":
                continue
            concept = comp["valueCodeableConcept"]
            if concept.get("text") == gene or any(
                c.get("display") == gene for c in concept.get("coding", [])
            ):
                return res
    raise AssertionError(f"no variant for {gene}")


def _component(res: dict, loinc: str) -> dict:
    return next(c for c in res["component"] if c["code"]["coding"][0]["code"] == loinc)


def test_export_writes_hgvs_changes_and_vaf():
    bundle = export_bundle(parse(RECORD, today=TODAY))
    pik3ca = _variant(bundle, "PIK3CA")
    assert _component(pik3ca, "48005-3")["valueCodeableConcept"]["text"] == "p.H1047R"
    esr1 = _variant(bundle, "ESR1")
    assert _component(esr1, "81258-6")["valueQuantity"]["value"] == 3
    brca2 = _variant(bundle, "BRCA2")
    assert _component(brca2, "48004-6")["valueCodeableConcept"]["text"] == "c.5946delT"
    brca1 = _variant(bundle, "BRCA1")
    assert _component(brca1, "48002-0")["valueCodeableConcept"]["coding"][0]["code"] == "LA6684-0"


def test_import_reads_the_detail_back():
    patient = parse(RECORD, today=TODAY)
    bundle = json.loads(json.dumps(export_bundle(patient)))
    record, _ = import_bundle(bundle, today=TODAY)
    again = parse(record, today=TODAY)
    assert again.biomarkers == patient.biomarkers
    assert again.biomarker_details == patient.biomarker_details
    assert dump(again)["metastases"] == dump(patient)["metastases"]
    assert [m.detail for m in again.metastases] == ["mediastinal", "axillary"]


def test_a_foreign_variant_with_only_components_keeps_its_change():
    bundle = export_bundle(parse({"format": "mbcnav-patient/1", "biomarkers": ["PIK3CA E545K"]}))
    res = _variant(bundle, "PIK3CA")
    res["valueCodeableConcept"] = {"coding": res["valueCodeableConcept"]["coding"]}  # no text
    _component(res, "48005-3")["valueCodeableConcept"] = {
        "coding": [{"system": "http://varnomen.hgvs.org", "code": "NP_006209.2:p.(Glu545Lys)"}]
    }
    record, _ = import_bundle(bundle, today=TODAY)
    assert record["biomarkers"]["PIK3CA"] == {"result": "mutated", "variants": ["E545K"]}
