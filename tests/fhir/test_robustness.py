"""Damaged bundles: the importer returns a record or raises FhirError, never anything else.

Real fixture resources are mutated at random (fields deleted, values replaced by other
JSON types); whatever comes in, the result is a valid record with one report line per
entry, or one FhirError sentence.
"""

import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mbcnav_fhir_test_support import fixture

from mbcnav.fhir import FhirError, import_bundle
from mbcnav.patient import parse

SOURCE = [
    e["resource"]
    for name in (
        "TrialMatching_Patient02.json",
        "eom_patient_1.json",
        "ctm-service_patient_data.json",
    )
    for e in fixture(name)["entry"]
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.text(max_size=12),
    st.sampled_from(["2019-13-45", "2020", "", "Patient/x", "final", "http://loinc.org"]),
)
JSONISH = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, (*prefix, i))


@st.composite
def damaged_bundles(draw):
    resources = copy.deepcopy(draw(st.lists(st.sampled_from(SOURCE), min_size=1, max_size=12)))
    for _ in range(draw(st.integers(1, 6))):
        target = draw(st.sampled_from(resources))
        choices = [p for p in paths(target) if p and p[0] != "resourceType"]
        if not choices:
            continue
        path = draw(st.sampled_from(choices))
        parent = target
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(JSONISH)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": r} for r in resources],
    }


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(damaged_bundles())
def test_damaged_bundles_never_crash_the_importer(bundle):
    try:
        record, report = import_bundle(json.dumps(bundle))
    except FhirError as err:
        assert "\n" not in str(err)
        return
    parse(record)
    assert len(report.lines) == len(bundle["entry"])
