"""Hostile patient files (issue 16, item 2): deep nesting, huge or non-finite numbers, impossible
YAML dates and NUL characters end in one sentence (PatientFileError, CLI exit 2), never a crash,
and never pass ``mbcnav check`` as valid."""

import pytest
from click.testing import CliRunner

from mbcnav.cli import main
from mbcnav.fhir import FhirError, import_bundle
from mbcnav.patient import PatientFileError, loads

HEAD = "format: mbcnav-patient/1\n"
DEEP = 100_000

HOSTILE = {
    "json nested deep": "[" * DEEP + "]" * DEEP,
    "json object nested deep": '{"format": "mbcnav-patient/1", "name": '
    + '{"a": ' * DEEP
    + "1"
    + "}" * DEEP
    + "}",
    "yaml flow nested deep": HEAD + "name: " + "[" * DEEP + "]" * DEEP + "\n",
    "yaml block nested deep": HEAD + "name: " + "- " * 5_000 + "x\n",
    "5000-digit integer (json)": '{"format": "mbcnav-patient/1", "ecog": ' + "9" * 5000 + "}",
    "5000-digit integer (yaml)": HEAD + "birth_year: " + "9" * 5000 + "\n",
    "400-digit integer lab value": HEAD
    + "labs:\n- {date: 2024-01-01, test: CA 15-3, value: "
    + "9" * 400
    + "}\n",
    "1e999 ecog (json)": '{"format": "mbcnav-patient/1", "ecog": 1e999}',
    "NaN ecog (json)": '{"format": "mbcnav-patient/1", "ecog": NaN}',
    "Infinity birth year (json)": '{"format": "mbcnav-patient/1", "birth_year": Infinity}',
    ".nan ecog (yaml)": HEAD + "ecog: .nan\n",
    "'nan' ecog text": HEAD + "ecog: nan\n",
    "'1e999' birth year text": HEAD + "birth_year: '1e999'\n",
    "'inf' lab value": HEAD + "labs:\n- {date: 2024-01-01, test: CA 15-3, value: inf}\n",
    "'nan' lab value": HEAD + "labs:\n- {date: 2024-01-01, test: CA 15-3, value: 'NaN'}\n",
    "1e999 lab value (json)": '{"format": "mbcnav-patient/1", "labs": [{"date": "2024-01-01",'
    ' "test": "CA 15-3", "value": 1e999}]}',
    "yaml date 0000-00-00": HEAD + "birth_date: 0000-00-00\n",
    "yaml date 2024-02-30": HEAD + "metastatic_diagnosis:\n  date: 2024-02-30\n",
    "NUL in name (json)": '{"format": "mbcnav-patient/1", "name": "Ann\\u0000Lee"}',
    "NUL in name (yaml)": HEAD + 'name: "Ann\\0Lee"\n',
    "NUL in a lab unit": HEAD
    + 'labs:\n- {date: 2024-01-01, test: CA 15-3, value: 30, unit: "U/\\0mL"}\n',
    "NUL in a note": HEAD + 'assessments:\n- {date: 2024-01-01, status: stable, note: "ok\\0"}\n',
    "NUL in a key": HEAD + '"na\\0me": Ann\n',
    # ten levels of ten aliases: a 1.5 kB file that reads as 10^9 names
    "billion laughs": HEAD
    + "name:\n- &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"- &{c} [{', '.join(['*' + p] * 10)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ),
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_file_is_one_sentence(text):
    with pytest.raises(PatientFileError) as err:
        loads(text)
    message = str(err.value)
    assert "\n" not in message and len(message) < 300 and message.endswith(".")


@pytest.mark.parametrize("name", ["NaN ecog (json)", "'nan' lab value", "yaml date 0000-00-00"])
def test_message_names_the_field(name):
    with pytest.raises(PatientFileError) as err:
        loads(HOSTILE[name])
    field = {"NaN ecog (json)": "ecog", "'nan' lab value": "labs[0].value"}.get(name, "birth_date")
    assert str(err.value).startswith(field)


@pytest.mark.parametrize(
    "name",
    ["json nested deep", "5000-digit integer (yaml)", "NaN ecog (json)", "NUL in name (json)"],
)
def test_cli_check_exits_2_with_one_sentence(tmp_path, name):
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE[name], encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2, result.output
    assert "Unexpected" not in result.output and "Traceback" not in result.output


def test_a_plain_file_still_reads():
    p = loads(HEAD + "name: Ann\necog: 1\nbirth_date: 1970-05-02\n")
    assert p.ecog == 1 and p.birth_date.year == 1970


FHIR_HOSTILE = {
    "deep": '{"resourceType": "Bundle", "entry": ' + "[" * DEEP + "]" * DEEP + "}",
    "huge integer": '{"resourceType": "Bundle", "total": ' + "9" * 5000 + "}",
    "NaN": '{"resourceType": "Bundle", "total": NaN, "entry": [{"resource": {}}]}',
    "1e999": '{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Observation",'
    ' "valueQuantity": {"value": 1e999}}}]}',
    "NUL": '{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Patient",'
    ' "name": [{"text": "Ann\\u0000"}]}}]}',
}


@pytest.mark.parametrize("text", FHIR_HOSTILE.values(), ids=FHIR_HOSTILE.keys())
def test_hostile_fhir_bundle_is_one_sentence(text):
    with pytest.raises(FhirError) as err:
        import_bundle(text.encode("utf-8"))
    assert "\n" not in str(err.value)


def test_a_field_name_with_a_line_break_stays_one_sentence():
    from mbcnav.hostile import Hostile, check

    with pytest.raises(Hostile) as err:
        check({"format.\n": float("inf")})
    assert "\n" not in str(err.value) and "infinity" in str(err.value)


@pytest.mark.parametrize("ch", ["\x85", "\x1b", "\x7f"])
def test_an_invisible_control_character_is_one_sentence(ch):
    # U+0085 reads as a line break in YAML: a biomarker named "0\x850" did not survive a save
    with pytest.raises(PatientFileError) as err:
        loads('{"format": "mbcnav-patient/1", "biomarkers": {"0' + ch + '0": "positive"}}')
    msg = str(err.value)
    assert "control character" in msg and "\n" not in msg and msg.endswith(".")
