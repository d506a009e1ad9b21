"""Twenty-sixth session (issue 20): words read from this session's tuning set 58 and from last
session's held-out set 57 after it was measured (rule cases in data/round46_cases.yaml). Each is
checked both ways."""

from mbcnav.patient import vocabulary as v
from mbcnav.patient.checkin import own_words_all
from mbcnav.patient.negation import negated
from mbcnav.triage import semantic


def _read(text: str) -> list[str]:
    entries = own_words_all([{"symptom": text, "new": True, "date": "2026-11-20"}])
    return [e["symptom"] for e in entries]


def _sounds(text: str) -> set[str]:
    return {h.concept.name for h in semantic.hits(text)}


def test_a_symptom_word_denied_in_its_own_form():
    """ "not painful", "not tingly": the word carries the symptom and "not" denies it, as "no
    pain" does; "not swallowing" is a loss and stays a report."""
    assert negated("not painful") and negated("not painful at all") and negated("not tingly")
    assert not negated("not swallowing")
    assert "pain" not in _read("palms a bit pink and warm, no cracks, not painful")
    assert "pain" in _read("palms red and painful, cracking")


def test_puffy_ankles_are_no_breathlessness():
    """ "puff" starts "puffy": swollen ankles beside "breathing fine" are not short of breath; a
    question about a symptom ("chest pain normal?") is never read as its denial (review)."""
    assert "shortness of breath" not in _read(
        "ankles a little puffy by the evening, breathing fine"
    )
    assert "shortness of breath" in _read("ankles puffy and I get out of puff on the stairs")
    assert not negated("chest pain normal") and not negated("pain ok")


def test_stools_with_blood_and_slime_are_diarrhoea():
    """Immune colitis in a person's words: "7 times a day, theres blood and slime in it"; blood
    and mucus from the nose or the chest is not."""
    assert v.normalise_symptom("7 times a day, theres blood and slime in it") == ("diarrhea", None)
    # (blood and mucus with no count or toilet word has no site: review)
    assert v.normalise_symptom("bloody mucus discharge from my vagina") != ("diarrhea", None)
    assert v.normalise_symptom("bloody mucus from my nose") == ("nosebleed", None)
    assert v.normalise_symptom("coughing up blood and mucus 3 times a day") == (
        "coughing up blood",
        None,
    )
    assert v.normalise_symptom("green slime from my nose") is None


def test_not_knowing_where_one_is_is_confusion():
    assert v.normalise_symptom("since this afternoon he doesnt know where he is") == (
        "confusion",
        None,
    )
    assert v.normalise_symptom("she doesnt recognise us") == ("confusion", None)
    assert v.normalise_symptom("i dont know where my keys are") is None
    assert v.normalise_symptom("i dont know who to call") is None


def test_awake_till_the_small_hours_is_trouble_sleeping():
    assert v.normalise_symptom("the dexamethasone has me wide awake till 3am") == (
        "insomnia",
        None,
    )
    assert v.normalise_symptom("awake and alert") is None


def test_calm_look_alikes_do_not_sound_like_red_flags():
    """A question whether to keep taking one's tablets is no self-harm method; a body output of
    normal colour is no bleeding; the whites of the eyes being white is no jaundice; night
    sweats are no wish to die (tuning set 58, last session's held-out set 57)."""
    assert "self-harm" not in _sounds("should i keep the tablets going?")
    assert "heavy-bleeding" not in _sounds("pee and poo normal colour")
    assert "yellowing-liver" not in _sounds("no rash, eyes are white, wee is normal colour")
    assert "wish-to-be-dead" not in _sounds("hot flushes many times in the night, i wake up wet")
    # the red flags themselves still sound like them
    assert "self-harm" in _sounds("i took more of my tablets than i should on purpose last night")
    assert "heavy-bleeding" in _sounds("my poo is black and sticky like tar")
    assert "yellowing-liver" in _sounds("the whites of my eyes have gone yellow")
    assert "wish-to-be-dead" in _sounds("i wish i could go to sleep and never wake up")


def test_old_unchanged_back_pain_is_not_new_spine_pain():
    old = (
        "same old ache low down in my back where the bone mets are, been like this since the "
        "summer. no worse, not waking me. legs strong, bladder and bowels normal"
    )
    assert "new-spine-pain" not in _sounds(old)
    assert "new-spine-pain" in _sounds("same old back pain but now it wakes me at night")
    assert "new-spine-pain" in _sounds("my back pain since the summer is much worse now")


def test_review_a_question_about_a_symptom_is_still_the_symptom(run):
    """ "chest pain normal?", "black poo normal?" ask; they do not deny (review)."""
    for words in ("chest pain normal?", "black poo normal?", "vomiting blood ok?"):
        assert run([{"symptom": "other symptom", "note": words, "new": True}]).level == (
            "emergency"
        ), words
    assert v.normalise_symptom("struggling to stay awake until 3") != ("insomnia", None)
