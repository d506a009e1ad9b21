"""Free-text note rules behind the criterion judge (invented notes, not benchmark rows)."""

from mbcnav.trials.facts import from_note
from mbcnav.trials.judge import judge

NOTE = (
    "A 47-year-old woman has had a dry cough for 3 days. She smokes 10 cigarettes a day. "
    "She is tachycardic and reports mild chest pain. Blood pressure 110/70."
)


def test_negated_requirement_contradicted_by_note():
    assert judge(NOTE, "inclusion", "Non-smoker") == "not included"
    assert judge(NOTE, "inclusion", "No history of stroke") == "included"


def test_age_range_outside_gives_not_included():
    assert judge(NOTE, "inclusion", "Postmenopausal women, 55-75 years old") == "not included"
    assert judge(NOTE, "inclusion", "Women 40-60 years old") == "included"


def test_duration_compared_with_note():
    assert judge(NOTE, "inclusion", "cough for more than 2 weeks") == "not included"
    assert judge(NOTE, "inclusion", "cough for at least 2 days") == "included"
    assert judge("A 30-year-old man with cough.", "inclusion", "cough for more than 2 weeks") == (
        "not enough information"
    )


def test_qualitative_vital_signs_and_severity():
    assert judge(NOTE, "inclusion", "Heart rate of at least 90/min") == "included"
    assert judge(NOTE, "inclusion", "severe chest pain") == "not included"
    assert judge(NOTE, "inclusion", "mild to moderate chest pain") == "included"


def test_procedure_not_mentioned_means_not_in_group():
    assert judge(NOTE, "inclusion", "Patients undergoing knee replacement") == "not included"


def test_prognosis_and_reproductive_history_exclusions_are_unknown():
    assert judge(NOTE, "exclusion", "Expected to die within 24 hours") == "not enough information"
    assert judge(NOTE, "exclusion", "Desires future fertility") == "not enough information"


def test_past_pregnancy_is_not_current():
    assert from_note("A 35-year-old woman with an ectopic pregnancy at age 22.").pregnant is False
    assert from_note("A 29-year-old woman who is 20 weeks pregnant.").pregnant is True


def test_lab_definition_in_parentheses_does_not_hide_the_condition():
    assert judge(NOTE, "exclusion", "Renal failure (serum creatinine > 3 mg/dl)") == "not excluded"
    assert judge(NOTE, "exclusion", "Serum creatinine > 3 mg/dl") == "not enough information"


def test_duration_that_holds_excludes():
    assert judge(NOTE, "exclusion", "cough for more than 1 day") == "excluded"
    assert judge(NOTE, "exclusion", "cough for more than 2 weeks") == "not excluded"


def test_pregnant_person_against_pregnancy_wording():
    note = "A 29-year-old woman who is 20 weeks pregnant presents with headache."
    assert judge(note, "inclusion", "Pregnant women in the second trimester") == "included"
    assert judge(note, "inclusion", "Women who are not pregnant") == "not included"
    assert judge(note, "exclusion", "Pregnant or lactating women") == "excluded"
    assert judge(note, "exclusion", "Pregnancy") == "excluded"
    assert judge(note, "inclusion", "Pregnant or breastfeeding women") == "included"


def test_one_word_exclusion_the_note_affirms():
    note = "A 55-year-old man with diabetes has had a cough for a week."
    assert judge(note, "exclusion", "Diabetes") == "excluded"
    assert judge(note, "exclusion", "Asthma") == "not excluded"
    assert judge("A 55-year-old man denies diabetes.", "exclusion", "Diabetes") == "not excluded"


def test_menopause_from_age_uses_the_record_limits():
    def status(age):
        return judge(f"A {age}-year-old woman with a cough.", "inclusion", "Postmenopausal")

    assert status(40) == "not included"
    assert status(57) == "not enough information"  # open between 45 and 60, as for a record
    assert status(62) == "included"
