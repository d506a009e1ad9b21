"""Property: every valid patient file survives dump -> parse unchanged (and YAML/JSON text too)."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from mbcnav.patient import dump, dumps_json, dumps_yaml, loads, parse, vocabulary

TODAY = date(2026, 11, 21)
days = st.dates(min_value=date(1990, 1, 1), max_value=TODAY)
maybe = lambda s: st.none() | s  # noqa: E731


def _treatment():
    systemic = st.fixed_dictionaries(
        {
            "drugs": st.lists(st.sampled_from(vocabulary.drug_names()), min_size=1, max_size=3),
            "start": days,
        },
        optional={"setting": st.sampled_from(vocabulary.SETTINGS)},
    )
    surgery = st.fixed_dictionaries(
        {"type": st.just("surgery"), "date": days},
        optional={"procedure": st.sampled_from(["mastectomy", "lumpectomy"])},
    )
    radiation = st.fixed_dictionaries(
        {"type": st.just("radiation"), "start": days},
        optional={"site": st.sampled_from(["spine", "brain", "hip"])},
    )
    return systemic | surgery | radiation


symptom = st.fixed_dictionaries(
    {"date": days, "symptom": st.sampled_from(vocabulary.SYMPTOMS)},
    optional={
        "severity": st.sampled_from(vocabulary.SEVERITIES),
        "frequency": st.sampled_from(vocabulary.FREQUENCIES),
        "interference": st.sampled_from(vocabulary.INTERFERENCES),
        "new": st.booleans(),
        "temperature_c": st.floats(35, 42).map(lambda x: round(x, 1)),
        "count_per_day": st.integers(0, 20),
        "location": st.sampled_from(["back", "hip"]),
        "note": st.text(alphabet="abc xyz", min_size=1).map(str.strip).filter(bool),
    },
)

patient_files = st.fixed_dictionaries(
    {"format": st.just("mbcnav-patient/1")},
    optional={
        "name": st.text(alphabet="ABCdef ", min_size=1, max_size=12).map(str.strip).filter(bool),
        "birth_year": st.integers(1930, 1989),
        "sex": st.sampled_from(vocabulary.SEXES),
        "postal_code": st.from_regex(r"\A\d{5}\Z"),
        "metastatic_diagnosis": st.fixed_dictionaries(
            {}, optional={"date": days, "histology": st.sampled_from(vocabulary.HISTOLOGIES)}
        ),
        "receptors": st.fixed_dictionaries(
            {},
            optional={
                "er": st.sampled_from(vocabulary.ER_RESULTS),
                "pr": st.sampled_from(vocabulary.PR_RESULTS),
                "her2": st.sampled_from(vocabulary.HER2_RESULTS),
                "biopsy_site": st.sampled_from(["liver", "bone", "breast"]),
                "biopsy_date": days,
            },
        ),
        "biomarkers": st.fixed_dictionaries(
            {},
            optional={
                "PIK3CA": st.sampled_from(["mutated", "not mutated", "unknown"]),
                "BRCA1": st.sampled_from(["positive", "negative"]),
                "PD-L1": st.integers(0, 100).map(lambda n: f"CPS {n}"),
                "TMB": st.integers(0, 40),
                "MSI": st.sampled_from(["stable", "high"]),
            },
        ),
        "metastases": st.lists(
            st.fixed_dictionaries(
                {"site": st.sampled_from(vocabulary.SITES)},
                optional={"date": days, "measurable": st.booleans()},
            ),
            max_size=4,
        ),
        "ecog": st.integers(0, 4),
        "karnofsky": st.integers(0, 10).map(lambda n: n * 10),
        "menopausal_status": st.sampled_from(
            ["premenopausal", "perimenopausal", "unknown", "post-menopausal (surgical)"]
        ),
        "conditions": st.lists(
            st.fixed_dictionaries(
                {"name": st.sampled_from(["HIV", "T2DM", "melanoma", "gout", "HFrEF", "ILD"])},
                optional={
                    "status": st.sampled_from(["active", "controlled", "past", "unknown"]),
                    "date": days,
                    "note": st.text(alphabet="abc xyz", min_size=1).map(str.strip).filter(bool),
                },
            ),
            max_size=3,
        ),
        "treatments": st.lists(_treatment(), max_size=5),
        "assessments": st.lists(
            st.fixed_dictionaries(
                {"date": days, "status": st.sampled_from(vocabulary.ASSESSMENT_STATUSES)},
                optional={"method": st.sampled_from(vocabulary.ASSESSMENT_METHODS)},
            ),
            max_size=4,
        ),
        "labs": st.lists(
            st.fixed_dictionaries(
                {
                    "date": days,
                    "test": st.sampled_from(vocabulary.LAB_TESTS),
                    "value": st.floats(0, 500).map(lambda x: round(x, 2)),
                },
                optional={"unit": st.just("U/mL")},
            ),
            max_size=4,
        ),
        "symptoms": st.lists(symptom, max_size=5),
    },
)


def _valid(data: dict) -> bool:
    """A menopausal status is for women (a man's file with one is refused)."""
    return data.get("sex") != "male" or data.get("menopausal_status") in (None, "unknown")


@settings(max_examples=150, deadline=None)
@given(patient_files.filter(_valid))
def test_every_valid_file_round_trips(data):
    patient = parse(data, today=TODAY)
    assert parse(dump(patient), today=TODAY) == patient
    assert loads(dumps_yaml(patient), today=TODAY) == patient
    assert loads(dumps_json(patient), today=TODAY) == patient


def test_dump_is_canonical_and_drops_empty_values():
    patient = parse(
        {
            "format": "mbcnav-patient/1",
            "sex": "F",
            "receptors": {"her2": "1+", "er": "ER+"},
            "treatments": [{"drugs": "Femara", "start": "2024-01-01"}],
        },
        today=TODAY,
    )
    assert dump(patient) == {
        "format": "mbcnav-patient/1",
        "sex": "female",
        "receptors": {"er": "positive", "her2": "IHC 1+"},
        "treatments": [{"drugs": ["Femara"], "start": "2024-01-01"}],
    }
