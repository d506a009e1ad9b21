"""Vital-sign thresholds read from free-text notes (invented notes, not benchmark rows)."""

from mbcnav.trials.judge import judge
from mbcnav.trials.vitals import holds

HIGH_BP = "A 60-year-old man with headache. Blood pressure 182/96, heart rate 120/min."
NORMAL_EXAM = "A 50-year-old woman with hypertension. Physical examination is normal."


def test_note_number_decides_both_parts_of_a_blood_pressure_limit():
    assert holds("Systolic blood pressure > 160 mm Hg", HIGH_BP, 60) is True
    assert holds("Blood pressure > 190/100 mm Hg", HIGH_BP, 60) is False
    assert holds("Blood pressure > 190/95 mm Hg", HIGH_BP, 60) is True  # diastolic 96
    assert holds("Diastolic blood pressure < 80", HIGH_BP, 60) is False


def test_exclusion_that_holds_excludes():
    assert judge(HIGH_BP, "exclusion", "Heart rate > 110/min") == "excluded"
    assert judge(HIGH_BP, "exclusion", "Heart rate > 130/min") == "not excluded"
    assert judge(HIGH_BP, "inclusion", "Heart rate of at least 100/min") == "included"


def test_normal_examination_bounds_an_adult_but_not_a_child():
    assert holds("Hypertension of > 170/100 mm Hg", NORMAL_EXAM, 50) is False
    assert holds("Heart rate above 120", NORMAL_EXAM, 50) is False
    assert holds("Heart rate above 80", NORMAL_EXAM, 50) is None  # 60-100 straddles 80
    child = NORMAL_EXAM.replace("50-year-old woman", "4-year-old girl")
    assert holds("Heart rate above 120", child, 4) is None


def test_words_bound_and_alternatives_keep_no_from_a_bound():
    hypo = "A 70-year-old man, confused and hypotensive."
    assert holds("Systolic blood pressure < 90 mm Hg", hypo, 70) is True
    assert holds("Systolic blood pressure > 100 mm Hg", hypo, 70) is False
    assert holds("Systolic blood pressure > 100 mm Hg or lactate > 2", hypo, 70) is None


def test_statistical_wording_is_not_a_threshold():
    crit = "Systolic blood pressure more than 2 standard deviations below the mean for age"
    assert holds(crit, HIGH_BP, 60) is None
    assert holds("Blood pressure lower than 5th percentile", HIGH_BP, 60) is None


def test_glasgow_coma_scale_and_limits_written_after_the_number():
    note = "A 30-year-old man after a fall. The Glasgow Coma Scale (GCS) was 6/15."
    assert holds("Severe brain injury, GCS 8 or less", note, 30) is True
    assert holds("GCS of 13 or more", note, 30) is False
    assert holds("GCS 8 or less", "A 30-year-old man, comatose on arrival.", 30) is True
    assert holds("GCS 8 or less", "A 30-year-old man. Physical examination is normal.", 30) is False


def test_other_parts_of_the_criterion_keep_a_partial_answer_open():
    note = "A 30-year-old man after a fall. The Glasgow Coma Scale (GCS) was 6/15."
    assert holds("GCS 8 or less and an abnormal CT scan", note, 30) is None  # CT not read here
    assert holds("GCS 8 or less and/or a skull fracture", note, 30) is True
    assert holds("GCS of 13 or more or a skull fracture", note, 30) is None  # fracture not read
    assert holds("Heart rate > 130/min or fever", HIGH_BP, 60) is None
