"""Twenty-seventh session (issue 20): calm words read from this session's tuning set 60 and from
last session's held-out set 59 after it was measured. Each concept that stays quiet on the calm
message still fires on the red flag it is for."""

from mbcnav.patient.checkin import own_words_all
from mbcnav.patient.negation import negated
from mbcnav.triage import semantic


def _sounds(text: str) -> set[str]:
    return {h.concept.name for h in semantic.hits(text)}


def test_expected_sleepiness_and_breathing_at_the_end_of_life_at_home():
    """NICE NG31: sleepiness and changed breathing in someone dying peacefully at home with the
    hospice team is the expected course; distress, pain or a fall is not."""
    calm = (
        "my mum is at home with the hospice team, shes very sleepy now and tonight her breathing "
        "has a rattly noise. the hospice nurse told us this might happen. she looks peaceful, "
        "not distressed"
    )
    assert not {"confusion-or-drowsiness", "breathing-difficulty"} & _sounds(calm)
    distressed = (
        "mum is at home with the hospice team, so drowsy we can hardly wake her and she is "
        "agitated and moaning, the nurse said it might happen but she looks in pain"
    )
    assert "confusion-or-drowsiness" in _sounds(distressed)
    assert "confusion-or-drowsiness" in _sounds("mum is so drowsy we can hardly wake her")


def test_a_panic_episode_that_passed_is_not_a_clot():
    """COSTaRS anxiety: breathless and pounding heart for minutes before scan results, fine in
    between, no chest pain; the same words with chest pain or fainting stay a red flag."""
    calm = (
        "twice this week before scan results my heart pounded and i couldnt breathe properly "
        "for about 10 min, then it passed. fine in between, no chest pain. i think it is nerves"
    )
    assert not {"clot-in-lung-or-heart-rhythm", "breathing-difficulty"} & _sounds(calm)
    pain = (
        "my heart pounded and i couldnt breathe properly, i think it is nerves but i have chest "
        "pain with it and it passed only after an hour"
    )
    assert {"clot-in-lung-or-heart-rhythm", "breathing-difficulty", "chest-pain"} & _sounds(pain)
    assert "clot-in-lung-or-heart-rhythm" in _sounds(
        "suddenly out of breath and my heart is racing"
    )


def test_a_swelling_belly_with_working_bowels_is_no_obstruction():
    calm = (
        "tummy starting to fill up again slowly, trousers tighter than last week. not painful, "
        "eating ok, breathing fine, bowels going"
    )
    assert "bowel-obstruction-or-perforation" not in _sounds(calm)
    assert "bowel-obstruction-or-perforation" in _sounds(
        "tummy filling up again and hard, bowels going but I keep vomiting"
    )
    assert "bowel-obstruction-or-perforation" in _sounds(
        "my stomach is swollen hard and I can't pass wind"
    )


def test_a_heavy_lymphoedema_arm_is_no_stroke():
    calm = (
        "my left arm feels heavy and weak by the evening, the sleeve is tight, worse in the "
        "heat. it goes down a bit overnight"
    )
    assert "stroke-signs" not in _sounds(calm)
    assert "stroke-signs" in _sounds("my arm on one side has gone weak and heavy")
    assert "stroke-signs" in _sounds("my arm is swollen and suddenly weak and my face has dropped")


def test_a_common_cold_is_no_shivering_fit():
    assert "infection-with-rigors" not in _sounds(
        "snotty cold from the grandkids, sore throat, temp 37.2. eating and drinking fine"
    )
    assert "infection-with-rigors" in _sounds(
        "bad cold and now shivering so hard with cold I can't stop"
    )


def test_old_unchanged_back_pain_is_no_cord_pressure():
    calm = "lower back ache same as it has been since the radiotherapy in the summer"
    assert not {"spinal-cord-pressure", "new-spine-pain"} & _sounds(calm)
    worse = "lower back ache same as it has been since the summer but now my legs feel weak"
    assert {"spinal-cord-pressure", "new-spine-pain"} & _sounds(worse)


def test_denials_that_close_with_to_speak_of_or_more_than_usual():
    assert negated("no pain to speak of") and negated("no bleeding worth mentioning")
    assert negated("not weeing more than usual")
    assert not negated("weeing more than usual")
    assert not negated("weeing blood more than usual")


def _level(run, words: str) -> str:
    """The level of the words typed as a check-in entry (read into symptoms first)."""
    return run(own_words_all([{"symptom": words, "new": True}])).level


def test_review_red_flags_beside_calm_words_stay_emergencies(run):
    """Review: each calm reading must not swallow the red flag it sits beside."""
    for words in (
        # a blocked bowel: no wind, vomiting, fever
        "my tummy is swollen and hard and i'm not passing wind",
        "belly bloated tight as a drum and cramping, stopped passing wind yesterday",
        "my stomach is swollen hard, puking all night, bowels still working",
        "my belly is swollen hard and burning, fever 38.5, bowels going. had chemo last week",
        # drowsiness that is not the expected course
        "mum is so drowsy we can hardly wake her. she is not dying, the doctor says the cancer "
        "is stable. she looks peaceful",
        "mum is so drowsy we can hardly wake her since her new morphine dose. hospice nurse "
        "coming tomorrow. she looks comfortable",
        "she can't finish a sentence without stopping for air. the palliative care team are "
        "involved, she seems calm",
        # panic that goes on or comes back
        "my heart pounded and i couldnt breathe properly, scared, it went on for over an hour",
        "my heart pounded and i couldnt breathe properly, anxious, it hasnt passed yet",
        # pain that came back; a stroke beside a lymphoedema arm
        "the back pain is back, it feels the same as before my spine mets were found",
        "my right arm went weak and floppy an hour ago and my smile is lopsided. i have "
        "lymphoedema in that arm",
        # a denial that is no denial
        "not been able to stop coughing up blood more than usual",
        "no breathlessness worth talking about until today when i couldnt breathe",
    ):
        assert _level(run, words) == "emergency", words


def test_calm_messages_are_not_emergencies(run):
    for words in (
        "my mum is at home with the hospice team, shes very sleepy now and tonight her breathing "
        "has a rattly noise. the hospice nurse told us this might happen. she looks peaceful, "
        "not distressed",
        "tummy starting to fill up again slowly, trousers tighter than last week. not painful, "
        "eating ok, breathing fine, bowels going",
        "twice this week before scan results my heart pounded and i couldnt breathe properly for "
        "about 10 min, then it passed. fine in between, no chest pain. i think it is nerves",
        "lower back ache same as it has been since the radiotherapy in the summer, about 3 out "
        "of 10, paracetamol keeps it fine, sleeping ok. no new weakness, no numbness, bladder and "
        "bowels normal",
    ):
        assert _level(run, words) != "emergency", words
