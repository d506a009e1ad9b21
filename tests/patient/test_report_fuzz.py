"""Report wording assembled at random: one sentence or a value that survives save and load."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mbcnav.patient import PatientFileError, dumps_yaml, loads, parse

TODAY = date(2026, 1, 1)
WORDS = st.sampled_from(
    "PIK3CA ERBB2 HER2 BRCA1 germline somatic PD-L1 CPS TPS IC 15 <1% VAF 300% 3% ratio 2.4 "
    "amplified not detected fusion loss H1047R c.5946delT ( ) , ctDNA tissue MSI-H TMB mut/Mb "
    "12 IHC 2+ ISH - / NTRK1 ETV6-NTRK3 p.His1047Arg 0 nan inf 1e309 benign VUS".split()
)
LINE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join) | st.text(max_size=40)
KINDS = st.sampled_from(["list", "two", "map", "her2", "er", "site", "setting"])


def _record(text: str, kind: str) -> dict:
    data: dict = {"format": "mbcnav-patient/1"}
    head, _, rest = text.partition(" ")
    data.update(
        {
            "list": {"biomarkers": [text]},
            "two": {"biomarkers": [text, f"PIK3CA {text}"]},
            "map": {"biomarkers": {head or "X": rest or None}},
            "her2": {"receptors": {"her2": text}},
            "er": {"receptors": {"er": text}},
            "site": {"metastases": [{"site": text}]},
            "setting": {
                "treatments": [{"drugs": ["capecitabine"], "start": "2025-01-01", "setting": text}]
            },
        }[kind]
    )
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(LINE, KINDS)
def test_any_wording_is_refused_in_one_sentence_or_round_trips(text, kind):
    try:
        patient = parse(_record(text, kind), today=TODAY)
    except PatientFileError as err:
        assert "\n" not in str(err) and str(err).endswith((".", "?"))
        return
    assert loads(dumps_yaml(patient), today=TODAY) == patient
