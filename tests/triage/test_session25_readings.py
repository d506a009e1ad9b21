"""Twenty-fifth session (issue 20): readings and questions from this session's tuning set 56 (and
rule cases in data/round45_cases.yaml). Each is checked both ways."""

from mbcnav.patient.checkin import own_words_all
from mbcnav.triage import semantic
from mbcnav.triage.conditions import sugar_readings
from mbcnav.triage.readings import values


def test_a_reading_that_meets_no_rule_keeps_its_question(run):
    """ "temp was 37.1 ... just checking thats ok on enhertu?": the temperature makes the entry
    reported, no rule fires on 37.1, and the question still goes to the team."""
    words = "temp was 37.1 this morning, feel normal. just checking thats ok?"
    asked = run([{"symptom": "fever", "severity": "none", "temperature_c": 37.1, "note": words}])
    assert asked.level == "routine"
    assert "question-for-team" in {r.rule for r in asked.reasons}
    told = run(
        [
            {
                "symptom": "fever",
                "severity": "none",
                "temperature_c": 37.1,
                "note": "temp was 37.1 this morning, feel normal",
            }
        ]
    )
    assert told.level == "none"


def test_numbers_in_words_are_blood_sugar_readings():
    assert sugar_readings("fasting sugar this morning two hundred and sixty, yesterday 231") == [
        260.0
    ]
    assert sugar_readings("fasting sugar this morning 260") == [260.0]
    assert sugar_readings("sugar is fine, I feel two hundred percent") == []


def test_the_portal_names_of_a_neutrophil_count():
    assert values("WBC 1.9 L, NEUT ABS 0.4 L (ref 1.5-8.0), HGB 98", "neutrophils") == [0.4]
    assert values("abs neut 1.2", "neutrophils") == [1.2]
    assert values("WBC 1.9 L, HGB 98", "neutrophils") == []


def test_feeling_the_cold_is_no_shivering_fit():
    """Cold intolerance (an underactive thyroid on pembrolizumab) is neither chills nor rigors;
    shivers said beside it still are."""
    names = lambda t: {h.concept.name for h in semantic.hits(t)}  # noqa: E731
    assert "infection-with-rigors" not in names("tired and feel the cold more")
    assert "infection-with-rigors" in names("I feel the cold and can't stop shivering, so unwell")


def test_review_feeling_the_cold_with_illness_words_stays_an_emergency(run):
    """Chills after chemotherapy said as "feeling the cold" with an illness word keep their
    emergency (review); only "feel the cold more" with nothing else is cold intolerance."""
    names = lambda t: {h.concept.name for h in semantic.hits(t)}  # noqa: E731
    assert "infection-with-rigors" in names("feeling the cold even under two duvets, feel dreadful")
    typed = own_words_all([{"symptom": "feeling the cold, achy and tired, day 8 after chemo"}])
    assert typed[0]["symptom"] == "chills"  # still read as chills (the vocabulary is unchanged)
    ill = run(
        typed,
        treatments=[{"drugs": ["docetaxel"], "setting": "metastatic", "start": "2026-11-12"}],
    )
    assert ill.level == "emergency"


def test_review_lab_forms_units_and_other_tests():
    assert values("calcium 6.5 mg/dL", "calcium") == [6.5]
    assert values("Calcium, Serum 6.4 mg/dL (L)", "calcium") == [6.4]
    assert values("taking calcium for 6 months since starting xgeva", "calcium") == []
    assert values("my calcium carbonate 1.5 is making me constipated", "calcium") == []
    assert values("ionised calcium came back 1.28, they said fine", "calcium") == []
    assert values("Neutrophils (Absolute) 0.4", "neutrophils") == [0.4]
    assert values("NEUT# 0.5", "neutrophils") == [0.5]
    assert values("NEUT ABS: .4", "neutrophils") == [0.4]
    assert values("WBC 3.1, neuts fine, lymphocytes 0.6 (low). temp 37.6", "neutrophils") == []
    assert values("the lab said my calcium was high, 11.9", "calcium") == [11.9]


def test_review_a_time_is_no_sugar_reading():
    assert sugar_readings("no sugar for three days now, trying to eat healthier") == []
    assert sugar_readings("cut out sugar 2 weeks ago") == []
    assert sugar_readings("sugar 28 and really thirsty") == [504]


def test_review_a_streak_said_with_a_heavy_word_is_still_heavy():
    names = lambda t: {h.concept.name for h in semantic.hits(t)}  # noqa: E731
    assert "heavy-bleeding" in names("massive nosebleed, blood streaked all down my shirt")
    assert "heavy-bleeding" not in names("blew my nose and there was a little streak of blood")
