"""Bad input never crashes the patient-file parser: any input is a Patient or one PatientFileError."""

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mbcnav.patient import PatientFileError, fileformat, loads, parse

TODAY = date(2026, 11, 21)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.dates()
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
keys = st.sampled_from(list(fileformat.TOP_KEYS) + ["recepters", "x"])
sections = st.dictionaries(
    st.sampled_from(
        fileformat.DIAGNOSIS_KEYS
        + fileformat.RECEPTOR_KEYS
        + fileformat.TREATMENT_KEYS
        + fileformat.SYMPTOM_KEYS
    ),
    values,
    max_size=5,
)
files = st.fixed_dictionaries({"format": st.just("mbcnav-patient/1")}) | st.just({})
documents = st.builds(
    lambda base, extra: {**base, **extra},
    files,
    st.dictionaries(keys, values | sections | st.lists(sections, max_size=3), max_size=6),
)


def one_sentence(err: PatientFileError) -> bool:
    text = str(err)
    return bool(text) and "\n" not in text and "Traceback" not in text and len(text) < 400


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_document_is_a_patient_or_one_clear_error(doc):
    try:
        parse(doc, today=TODAY)
    except PatientFileError as err:
        assert one_sentence(err), str(err)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_a_patient_or_one_clear_error(text):
    try:
        loads("format: mbcnav-patient/1\n" + text, today=TODAY)
    except PatientFileError as err:
        assert one_sentence(err), str(err)


@settings(max_examples=80, deadline=None)
@given(documents)
def test_json_text_of_any_document(doc):
    try:
        loads(json.dumps(doc, default=str), today=TODAY)
    except PatientFileError as err:
        assert one_sentence(err)
