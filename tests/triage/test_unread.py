"""Symptoms the vocabulary could not read (term "other symptom", data/unread.yaml) and
temperatures written on another symptom: the safety net of issue 20."""

from mbcnav.patient.checkin import own_words_all

CHEMO = {"treatments": [{"drugs": ["paclitaxel"], "setting": "metastatic", "start": "2026-10-01"}]}


def test_an_unread_symptom_says_so_in_the_persons_words(run):
    result = run(own_words_all([{"symptom": "everything feels far away"}]))
    assert result.level == "urgent"
    (reason,) = result.reasons
    assert "“everything feels far away”" in reason.why and "could not read" in reason.why
    assert "911" in result.advice and "988" in result.advice


def test_an_unread_symptom_marked_mild_is_routine_but_says_when_to_call(run):
    result = run(own_words_all([{"symptom": "everything feels far away", "severity": "mild"}]))
    assert result.level == "routine" and "24-hour line" in result.advice


def test_an_unread_symptom_never_lowers_a_red_flag_next_to_it(run):
    entries = [{"symptom": "everything feels far away", "severity": "mild"}]
    result = run(own_words_all([*entries, {"symptom": "chest pain"}]))
    assert result.level == "emergency"


def test_a_temperature_written_on_another_symptom_is_a_fever_reading(run):
    result = run([{"symptom": "feeling unwell", "temperature_c": 38.4}], **CHEMO)
    assert result.level == "emergency"
    assert "fever-on-treatment-that-lowers-white-cells" in {r.rule for r in result.reasons}


def test_a_normal_temperature_on_another_symptom_is_not_a_fever(run):
    result = run(
        [{"symptom": "feeling unwell", "severity": "mild", "temperature_c": 36.8}], **CHEMO
    )
    assert result.level != "emergency"
