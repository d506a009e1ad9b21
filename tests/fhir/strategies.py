"""Hypothesis strategies that build valid ``mbcnav-patient/1`` dicts.

They follow the file's rules (docs/patient-file.md): dates not after TODAY, a de novo
diagnosis has stage IV or none, a stop reason needs an end date, brain status only on
brain sites... Two limits of the FHIR mapping are built in and documented in docs/fhir.md:
one metastasis entry per site, and biopsy site/date only next to a receptor result.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import strategies as st

from mbcnav.patient import vocabulary as v

TODAY = date(2026, 11, 21)
WORDS = (
    "left",
    "right",
    "upper",
    "lower",
    "back",
    "hip",
    "spine",
    "whole",
    "brain",
    "pelvis",
    "note",
    "scan",
    "after",
    "cycle",
    "two",
    "new",
    "lesion",
    "small",
)
DRUG_NAMES = (
    "letrozole",
    "Femara",
    "anastrozole",
    "tamoxifen",
    "fulvestrant",
    "palbociclib",
    "Ibrance",
    "paclitaxel",
    "doxorubicin",
    "cyclophosphamide",
    "denosumab",
    "Xgeva",
    "goserelin",
    "pembrolizumab",
    "trastuzumab deruxtecan",
    "elacestrant",
)

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
days = st.dates(min_value=date(1990, 1, 1), max_value=TODAY)


def _iso(day: date) -> str:
    return day.isoformat()


@st.composite
def diagnosis(draw) -> dict:
    out: dict = {}
    first = draw(st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2020, 1, 1)))
    if first:
        out["first_diagnosis_date"] = _iso(first)
    de_novo = draw(st.none() | st.booleans())
    if de_novo is not None:
        out["de_novo"] = de_novo
    stages = ("IV",) if de_novo else ("0", "I", "II", "III") if de_novo is False else v.STAGES
    stage = draw(st.none() | st.sampled_from(stages))
    if stage:
        out["first_diagnosis_stage"] = stage
    if draw(st.booleans()):
        low = first or date(1990, 1, 1)
        out["date"] = _iso(draw(st.dates(min_value=low, max_value=TODAY)))
    histology = draw(st.none() | st.sampled_from(v.HISTOLOGIES))
    if histology:
        out["histology"] = histology
    inflammatory = draw(st.none() | st.booleans())
    if inflammatory is not None:
        out["inflammatory"] = inflammatory
    return out


@st.composite
def receptors(draw) -> dict:
    out: dict = {}
    for key, values in (("er", v.ER_RESULTS), ("pr", v.PR_RESULTS), ("her2", v.HER2_RESULTS)):
        if draw(st.booleans()):
            out[key] = draw(st.sampled_from(values))
    if out and draw(st.booleans()):
        out["biopsy_site"] = draw(
            st.sampled_from(("breast", "liver", "bone", "lung", "lymph nodes"))
        )
    if out and draw(st.booleans()):
        out["biopsy_date"] = _iso(draw(days))
    return out


MARKER_VALUES = {
    **{m: ("mutated", "not mutated", "unknown") for m in v.MUTATION_MARKERS},
    **{m: ("positive", "negative", "unknown") for m in v.GERMLINE_MARKERS},
    "PD-L1": ("CPS 12", "CPS 1", "TPS 50", "positive", "negative", "unknown"),
    "MSI": ("stable", "high", "unknown"),
    "TMB": ("4", "12.5", "high", "low", "unknown"),
    "TP53": ("mutated", "not mutated"),
    "Ki-67": ("20%", "high"),
}
# report wording with detail (issue 14): variants, origin, VAF, assay, amplification, fusion
MARKER_VALUES["PIK3CA"] += ("H1047R", "E545K, H1047R (ctDNA, VAF 3%)", "p.His1047Arg (tissue)")
MARKER_VALUES["ESR1"] += ("Y537S", "D538G mutation detected (ctDNA, VAF 0.8%)")
MARKER_VALUES["HER2 mutation"] += ("L755S",)
MARKER_VALUES["PTEN"] += ("loss",)
MARKER_VALUES["BRCA2"] += ("c.5946delT pathogenic", "somatic c.5946delT", "germline pathogenic")
MARKER_VALUES["PD-L1"] += ("CPS 15 (22C3)", "IC 1% (SP142)", "negative (SP263)")
MARKER_VALUES["MSI"] += ("dMMR", "pMMR")
MARKER_VALUES["HER2 amplification"] = ("amplified", "amplified (ISH ratio 2.4)", "not amplified")
MARKER_VALUES["FGFR1 amplification"] = ("amplified",)
MARKER_VALUES["NTRK1 fusion"] = ("detected", "detected ETV6-NTRK1")


@st.composite
def biomarkers(draw) -> dict:
    names = draw(st.lists(st.sampled_from(sorted(MARKER_VALUES)), unique=True, max_size=6))
    return {name: draw(st.sampled_from(MARKER_VALUES[name])) for name in names}


@st.composite
def metastasis(draw, site: str) -> dict:
    out: dict = {"site": site}
    if draw(st.booleans()):
        out["date"] = _iso(draw(days))
    measurable = draw(st.none() | st.booleans())
    if measurable is not None:
        out["measurable"] = measurable
    if site in ("brain", "leptomeningeal") and draw(st.booleans()):
        out["status"] = draw(st.sampled_from(v.BRAIN_STATUSES))
    if draw(st.booleans()):
        out["detail"] = draw(st.sampled_from(("mediastinal", "right adrenal gland", "segment 7")))
    return out


@st.composite
def metastases(draw) -> list:
    sites = draw(st.lists(st.sampled_from(v.SITES), unique=True, max_size=4))
    return [draw(metastasis(site)) for site in sites]


@st.composite
def span(draw, out: dict) -> dict:
    start = draw(days)
    out["start"] = _iso(start)
    if draw(st.booleans()):
        end = draw(st.dates(min_value=start, max_value=min(TODAY, start + timedelta(days=2000))))
        out["end"] = _iso(end)
        reason = draw(st.none() | st.sampled_from(v.STOP_REASONS))
        if reason:
            out["stop_reason"] = reason
    return out


@st.composite
def treatment(draw) -> dict:
    kind = draw(st.sampled_from(v.TREATMENT_TYPES))
    out: dict = {}
    setting = draw(st.none() | st.sampled_from(v.SETTINGS))
    if setting:
        out["setting"] = setting
    if kind == "systemic":
        out["drugs"] = draw(
            st.lists(st.sampled_from(DRUG_NAMES), min_size=1, max_size=3, unique=True)
        )
        return draw(span(out))
    if kind == "radiation":
        out["type"] = "radiation"
        if draw(st.booleans()):
            out["site"] = draw(texts)
        return draw(span(out))
    out["type"] = "surgery"
    out["procedure"] = draw(
        st.sampled_from(
            (
                "lumpectomy",
                "mastectomy",
                "sentinel lymph node biopsy",
                "partial mastectomy",
                "liver resection",
            )
        )
    )
    out["date"] = _iso(draw(days))
    return out


@st.composite
def assessment(draw) -> dict:
    out = {"date": _iso(draw(days)), "status": draw(st.sampled_from(v.ASSESSMENT_STATUSES))}
    if draw(st.booleans()):
        out["method"] = draw(st.sampled_from(v.ASSESSMENT_METHODS))
    if draw(st.booleans()):
        out["note"] = draw(texts)
    return out


@st.composite
def lab(draw) -> dict:
    out: dict = {"date": _iso(draw(days)), "test": draw(st.sampled_from(v.LAB_TESTS))}
    kind = draw(st.sampled_from(("number", "text", "none")))
    if kind == "number":
        out["value"] = draw(
            st.floats(min_value=0, max_value=5000, allow_nan=False).map(lambda x: round(x, 2))
        )
        if draw(st.booleans()):
            out["unit"] = draw(st.sampled_from(("U/mL", "g/dL", "mg/dL", "10*3/uL")))
    elif kind == "text":
        out["value"] = draw(st.sampled_from(("negative", "trace", "not done")))
    return out


@st.composite
def symptom(draw) -> dict:
    out: dict = {"date": _iso(draw(days)), "symptom": draw(st.sampled_from(v.SYMPTOMS))}
    for key, values in (
        ("severity", v.SEVERITIES),
        ("frequency", v.FREQUENCIES),
        ("interference", v.INTERFERENCES),
    ):
        if draw(st.booleans()):
            out[key] = draw(st.sampled_from(values))
    if draw(st.booleans()):
        out["location"] = draw(texts)
    new = draw(st.none() | st.booleans())
    if new is not None:
        out["new"] = new
    if out["symptom"] == "fever" and draw(st.booleans()):
        out["temperature_c"] = draw(st.integers(min_value=350, max_value=420)) / 10
    if out["symptom"] in ("diarrhea", "vomiting") and draw(st.booleans()):
        out["count_per_day"] = draw(st.integers(min_value=0, max_value=20))
    if draw(st.booleans()):
        out["note"] = draw(texts)
    return out


def condition():
    """Another health problem: a known name (with its kind) or one kept as written."""
    return st.fixed_dictionaries(
        {
            "name": st.sampled_from(
                ("HIV on ART, undetectable viral load", "T2DM", "melanoma", "HFrEF", "ILD",
                 "hepatitis B", "Gilbert's syndrome", "gout", "DVT", "lupus")
            )
        },
        optional={
            "status": st.sampled_from(("active", "controlled", "past", "unknown")),
            "date": st.dates(min_value=date(1990, 1, 1), max_value=TODAY).map(_iso),
            "note": texts,
        },
    )  # fmt: skip


def _unique(strategy, max_size: int):
    return st.lists(strategy, max_size=max_size, unique_by=lambda d: json.dumps(d, sort_keys=True))


@st.composite
def patient_dicts(draw) -> dict:
    """A valid patient-file dict (parse it with ``today=TODAY``)."""
    out: dict = {"format": "mbcnav-patient/1"}
    if draw(st.booleans()):
        out["name"] = draw(texts).title()
    if draw(st.booleans()):
        out["birth_year"] = draw(st.integers(min_value=1930, max_value=1990))
    elif draw(st.booleans()):
        out["birth_date"] = _iso(
            draw(st.dates(min_value=date(1930, 1, 1), max_value=date(1989, 12, 31)))
        )
    if draw(st.booleans()):
        out["sex"] = draw(st.sampled_from(v.SEXES))
    if draw(st.booleans()):
        out["postal_code"] = draw(st.sampled_from(("60611", "10032", "02115", "94110")))
        if draw(st.booleans()):
            out["country"] = "US"
    for key, strategy in (
        ("metastatic_diagnosis", diagnosis()),
        ("receptors", receptors()),
        ("biomarkers", biomarkers()),
        ("metastases", metastases()),
    ):
        value = draw(strategy)
        if value:
            out[key] = value
    if draw(st.booleans()):
        out["ecog"] = draw(st.integers(min_value=0, max_value=4))
    if draw(st.booleans()):
        out["karnofsky"] = draw(st.integers(min_value=0, max_value=10)) * 10
    if out.get("sex") != "male" and draw(st.booleans()):
        out["menopausal_status"] = draw(
            st.sampled_from(
                ("premenopausal", "perimenopausal", "postmenopausal", "unknown",
                 "postmenopausal (surgical)", "premenopausal on ovarian suppression")
            )
        )  # fmt: skip
    for key, strategy, size in (
        ("treatments", treatment(), 6),
        ("assessments", assessment(), 4),
        ("labs", lab(), 4),
        ("symptoms", symptom(), 5),
        ("conditions", condition(), 4),
    ):
        items = draw(_unique(strategy, size))
        if items:
            out[key] = items
    return out
