"""The code table: it loads, every entry is sourced, and typos are caught with clear messages."""

import copy
from importlib import resources

import pytest
import yaml

from mbcnav.fhir import FhirError
from mbcnav.fhir.codes import build, loinc_check_ok, snomed_check_ok, table
from mbcnav.patient import vocabulary


def raw_table() -> dict:
    text = resources.files("mbcnav.fhir").joinpath("data/codes.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def test_table_loads_and_every_entry_names_a_declared_source():
    t = table()
    assert len(t.codes) > 80
    for code in t.codes.values():
        assert code.source in t.sources, code.key
        assert code.display.strip(), code.key
    for source in t.sources.values():
        assert source["url"].startswith("http") and source["read"]


def test_loinc_check_digits():
    for good in ("97509-4", "85337-4", "85339-0", "48676-1", "89247-1", "6875-9", "2039-6"):
        assert loinc_check_ok(good), good
    for bad in ("97509-3", "85337-5", "6875-8", "97509", "ABC-1"):
        assert not loinc_check_ok(bad), bad


def test_snomed_verhoeff_check_digits():
    for good in ("94222008", "254837009", "353431000119107", "1217123003", "268910001"):
        assert snomed_check_ok(good), good
    for bad in ("94222009", "254837008", "1217123004", "12345", "94222018"):
        assert not snomed_check_ok(bad), bad


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            ("codes", "snomed", "met_bone", "code"),
            "94222009",
            "codes.snomed.met_bone: field 'code'",
        ),
        (("codes", "loinc", "er", "code"), "85337-5", "codes.loinc.er: field 'code'"),
        (
            ("codes", "loinc", "er", "source"),
            "nowhere",
            "codes.loinc.er: field 'source' names unknown source",
        ),
        (
            ("codes", "rxnorm", "letrozole", "system"),
            "atc",
            "codes.rxnorm.letrozole: field 'system'",
        ),
        (("maps", "stage", "IV"), "snomed.no_such_code", "maps.stage.IV: names unknown code"),
        (
            ("profiles", "tnm_stage_group", "url"),
            "http://example.org/x",
            "profiles.tnm_stage_group: field 'url'",
        ),
    ],
)
def test_a_broken_entry_is_named_with_file_entry_and_field(path, value, expected):
    raw = copy.deepcopy(raw_table())
    node = raw
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(FhirError) as err:
        build(raw)
    assert str(err.value).startswith("fhir/data/codes.yaml: ")
    assert expected in str(err.value)


def test_a_missing_display_or_source_is_refused():
    raw = copy.deepcopy(raw_table())
    del raw["codes"]["snomed"]["met_liver"]["display"]
    with pytest.raises(FhirError, match="codes.snomed.met_liver: field 'display' is missing"):
        build(raw)
    raw = copy.deepcopy(raw_table())
    del raw["sources"]["synthea"]["url"]
    with pytest.raises(FhirError, match="sources.synthea: field 'url' is missing"):
        build(raw)


def test_the_same_code_cannot_be_listed_twice():
    raw = copy.deepcopy(raw_table())
    raw["codes"]["snomed"]["again"] = dict(raw["codes"]["snomed"]["met_bone"])
    with pytest.raises(FhirError, match="already listed as snomed.met_bone"):
        build(raw)


def test_every_rxnorm_entry_is_a_drug_the_patient_engine_knows_by_its_generic_name():
    for key, code in table().codes.items():
        if key.startswith("rxnorm."):
            drug = vocabulary.drug(code.display)
            assert drug is not None and drug.name == key.split(".", 1)[1], key


def test_every_patient_file_word_that_fhir_codes_has_a_mapping():
    t = table()
    assert set(t.maps["site_disorder"]) == set(vocabulary.SITES)
    assert set(t.maps["assessment_status"]) == set(vocabulary.ASSESSMENT_STATUSES)
    assert set(t.maps["assessment_method"]) == set(vocabulary.ASSESSMENT_METHODS)
    assert set(t.maps["stop_reason"]) == set(vocabulary.STOP_REASONS) - {"other"}
    assert set(t.maps["setting_intent"]) == set(vocabulary.SETTINGS)
    assert set(t.maps["stage"]) == set(vocabulary.STAGES)


def test_disease_status_uses_the_stu4_code_and_the_four_preferred_values():
    t = table()
    assert t.get("loinc.disease_status").code == "97509-4"
    preferred = {"268910001", "359746009", "271299001", "709137006"}
    mapped = {c.code for word, c in t.maps["assessment_status"].items() if word != "ned"}
    assert mapped == preferred
