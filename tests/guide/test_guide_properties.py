"""Property checks over many generated records: the guide never crashes and stays well formed."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mbcnav.guide import TOPICS, load_rules, visit_guide
from mbcnav.patient import parse

START = date(2020, 1, 1)
DRUGS = ["letrozole", "Femara", "anastrozole", "tamoxifen", "fulvestrant", "palbociclib",
         "abemaciclib", "capecitabine", "Enhertu", "pembrolizumab", "paclitaxel",
         "trastuzumab", "olaparib", "Xgeva", "zoledronic acid", "an unknown pill"]  # fmt: skip
SITES = ["bone", "lung", "liver", "brain", "leptomeningeal", "lymph nodes", "pleura",
         "peritoneum", "ovary", "other", "skin"]  # fmt: skip
HER2 = ["IHC 0", "IHC 0+", "IHC 1+", "IHC 2+ ISH-", "IHC 2+ ISH+", "IHC 3+", "negative", "unknown"]
MARKERS = {
    "ESR1": ["mutated", "not mutated", "unknown"],
    "PIK3CA": ["mutated", "not mutated", "unknown"],
    "AKT1": ["mutated", "not mutated"],
    "BRCA1": ["positive", "negative", "unknown"],
    "BRCA2": ["negative", "unknown"],
    "PD-L1": ["CPS 12", "CPS 1", "unknown"],
}
SYMPTOMS = ["pain", "fatigue", "diarrhea", "anxiety", "sadness", "nausea", "mouth sores"]
SEVERITIES = ["none", "mild", "moderate", "severe", "very severe"]

days = st.integers(min_value=0, max_value=2400)


def day(n: int) -> str:
    """A date n days after START, never after today (the file format refuses future dates)."""
    return min(START + timedelta(days=n), date.today()).isoformat()


@st.composite
def records(draw):
    md = draw(days)
    record = {
        "format": "mbcnav-patient/1",
        "metastatic_diagnosis": {
            "date": day(md),
            "de_novo": draw(st.sampled_from([True, False, None])),
        },
        "receptors": {
            "er": draw(st.sampled_from(["positive", "low", "negative", "unknown"])),
            "pr": draw(st.sampled_from(["positive", "negative"])),
            "her2": draw(st.sampled_from(HER2)),
            "biopsy_site": draw(st.sampled_from(["breast", "liver", "bone", "ovary"])),
            "biopsy_date": day(max(0, md - draw(st.integers(0, 3000)))),
        },
        "biomarkers": {
            k: draw(st.sampled_from(v)) for k, v in MARKERS.items() if draw(st.booleans())
        },
        "metastases": [
            {"site": draw(st.sampled_from(SITES)), "date": day(md + draw(st.integers(0, 700)))}
            for _ in range(draw(st.integers(0, 3)))
        ],
        "ecog": draw(st.sampled_from([None, 0, 1, 2, 3, 4])),
        "treatments": [],
        "assessments": [],
        "symptoms": [],
    }
    if record["metastatic_diagnosis"]["de_novo"] is None:
        del record["metastatic_diagnosis"]["de_novo"]
    if record["ecog"] is None:
        del record["ecog"]
    start = md + 10
    for _ in range(draw(st.integers(0, 4))):
        length = draw(st.integers(20, 500))
        entry = {"drugs": draw(st.lists(st.sampled_from(DRUGS), min_size=1, max_size=2, unique=True)),
                 "setting": "metastatic", "start": day(start)}  # fmt: skip
        if draw(st.booleans()):
            entry["end"] = day(start + length)
            entry["stop_reason"] = draw(
                st.sampled_from(["progression", "side effects", "completed"])
            )
            if entry["stop_reason"] == "progression":
                record["assessments"].append(
                    {"date": day(start + length), "status": "progression", "method": "CT"}
                )
        record["treatments"].append(entry)
        start += length + draw(st.integers(1, 60))
    for _ in range(draw(st.integers(0, 3))):
        record["symptoms"].append({"date": day(md + draw(st.integers(0, 900))),
                                   "symptom": draw(st.sampled_from(SYMPTOMS)),
                                   "severity": draw(st.sampled_from(SEVERITIES))})  # fmt: skip
    return record


GROUPS = {rule.name: rule.group for rule in load_rules().rules}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(), st.integers(min_value=0, max_value=3000))
def test_any_record_gives_a_well_formed_guide(record, offset):
    as_of = START + timedelta(days=offset)
    result = visit_guide(parse(record), as_of)
    groups = [GROUPS[q.rule] for q in result.questions]
    assert len(groups) == len(set(groups))
    assert [q.priority for q in result.questions] == sorted(q.priority for q in result.questions)
    for q in result.questions:
        assert q.topic in TOPICS
        assert q.text.endswith("?") and q.why.endswith(".")
        assert not re.search(r"[{}]|not recorded|your treatment", q.text + q.why)
        assert q.why[0].isupper()
    assert visit_guide(parse(record), as_of) == result  # same record, same day, same guide
