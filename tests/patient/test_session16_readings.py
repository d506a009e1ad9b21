"""Sixteenth-session readings (issues 14 and 20): a record can say the cancer is inflammatory
breast cancer (some trials are only for it); a check-in denial with "extra" or "further" before
the symptom ("no extra bleeding") is a denial, while "neither" and "new" deny nothing (review:
"neither the black stools nor the dizziness have stopped" is a report)."""

import pytest

from mbcnav.patient import PatientFileError, parse
from mbcnav.patient.negation import negated


def test_inflammatory_breast_cancer_is_read_and_kept():
    p = parse({"format": "mbcnav-patient/1", "metastatic_diagnosis": {"inflammatory": "yes"}})
    assert p.metastatic_diagnosis.inflammatory is True
    p = parse({"format": "mbcnav-patient/1", "metastatic_diagnosis": {"inflammatory": False}})
    assert p.metastatic_diagnosis.inflammatory is False
    assert parse({"format": "mbcnav-patient/1"}).metastatic_diagnosis.inflammatory is None


def test_a_bad_inflammatory_value_gets_one_sentence():
    with pytest.raises(PatientFileError) as err:
        parse({"format": "mbcnav-patient/1", "metastatic_diagnosis": {"inflammatory": "maybe"}})
    said = str(err.value)
    assert "inflammatory" in said and "maybe" in said and "true, false or unknown" in said


@pytest.mark.parametrize(
    "clause", ["no extra bleeding", "no further bleeding", "not any further bleeding"]
)
def test_denials_with_extra_or_further(clause):
    assert negated(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "neither painkiller touches the chest pain",
        "neither tablet stops the vomiting",
        "neither the black stools nor the dizziness have stopped",
        "not new chest pain, had it for days",
        "no stopping the bleeding from my port",
    ],
)
def test_reports_with_neither_or_new_stay_reports(clause):
    # review: "neither" denies listed words only, and "new" is no filler ("not new" is a report)
    assert not negated(clause)


def _terms(text: str) -> list[str]:
    from mbcnav.patient.checkin import own_words_all

    return [e["symptom"] for e in own_words_all([{"date": "2026-12-04", "symptom": text}])]


def test_a_face_that_cannot_smile_on_one_side_and_jumbled_sentences_are_stroke_signs():
    # written for the NICE NG128 FAST signs (held-out triage set 39, read after it was measured)
    found = _terms("mum cant smile properly on the left side and her sentences are all jumbled")
    assert "weakness on one side" in found and "slurred speech" in found
    assert "weakness on one side" in _terms("she can't smile properly on the left side")
    # a low mood that cannot smile, a smile that is fine, or reading that is hard is no sign
    assert "weakness on one side" not in _terms("she cant smile, feels low")
    assert "weakness on one side" not in _terms("cant smile or laugh right now, everything is grey")
    assert "weakness on one side" not in _terms("I smile properly and talk fine")
    assert "slurred speech" not in _terms("long sentences in the leaflet are hard to follow")
