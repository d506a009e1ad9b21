"""Twenty-eighth session (issue 20): calm words read from this session's tuning set 62 and from
last session's held-out set 61 after it was measured. Each concept that stays quiet on the calm
message still fires on the red flag it is for."""

from mbcnav.patient import vocabulary
from mbcnav.patient.negation import negated
from mbcnav.triage import semantic
from mbcnav.triage.net_clauses import denied, pieces


def _sounds(text: str) -> set[str]:
    return {h.concept.name for h in semantic.hits(text)}


def test_a_body_part_said_fine_with_no_verb_is_a_denial():
    """ "legs fine, back fine" beside a bladder question sat nearest a cord-compression exemplar
    ("I can't feel my legs properly"); "legs not fine" and "not feeling good" are no denials."""
    assert denied("legs fine") and denied("her breathing ok") and denied("left leg fine")
    assert not denied("pain not fine") and not denied("not feeling good")
    calm = (
        "i am peeing myself a little when i cough or sneeze, been like that for months. legs "
        "fine, back fine, i can feel when i need to go"
    )
    assert "spinal-cord-pressure" not in _sounds(calm)
    assert "spinal-cord-pressure" in _sounds(
        "my legs feel numb and heavy and i cant feel when i need to go"
    )


def test_a_state_denied_with_isnt_or_wasnt_is_a_denial():
    """ "wasnt dizzy beforehand" reads as "not dizzy"; "isnt getting better" and "bleeding isnt
    stopping" stay reports."""
    assert negated("wasnt dizzy beforehand") and negated("isnt swollen")
    assert not negated("isnt getting better") and not negated("bleeding isnt stopping")
    read = pieces("didnt hit my head, not on blood thinners, wasnt dizzy beforehand")
    assert not any("dizzy" in p for p in read)


def test_a_symptom_denied_in_one_place_is_denied_only_there():
    """ "no pain in my back or hips" denies the pain; a place the clause then moves the symptom
    to, or a medicine that does not help, keeps it a report (review)."""
    assert negated("no pain in my back or hips")
    for report in (
        "no swelling in her face just her tongue",
        "no swelling in my face its my tongue",
        "no numbness in my hands its between my legs",
        "no weakness in my right arm its the left",
        "never pain in my back like this before",
        "no pain in my back its in my neck",
        "no pain in my stomach apart from the cramps",
        "no pain medication is helping my back",
        "no painkiller touches the pain in my hip",
    ):
        assert not negated(report), report


def test_a_symptom_or_a_wish_said_with_fine_or_good_is_no_denial():
    """Review: "death sounds good", "legs numb normal?", "chest pain normal" are no denials."""
    for words in ("death sounds good", "legs numb normal", "chest pain normal", "she collapsed ok"):
        assert not denied(words), words
    assert "wish-to-be-dead" in _sounds("im so tired of fighting. death sounds good")


def test_waking_up_easily_is_no_wish_not_to_wake():
    """C-SSRS item 1 is a wish NOT to wake; "nodded off but i wake up easy" on new morphine is
    an easily roused person."""
    assert "wish-to-be-dead" not in _sounds("i wake up easy")
    assert "wish-to-be-dead" in _sounds("some nights i hope i dont wake up")
    # a typed-short negation keeps the wish (review)
    assert "wish-to-be-dead" in _sounds("i hope i dnt wake up when i go to sleep tonight")


def test_asking_whether_to_take_the_last_tablet_is_no_self_harm():
    """Low counts pasted from the portal and "should i still take the last tablet?" of a
    palbociclib cycle; the same question with coping or intent words keeps the flag."""
    calm = (
        "copied from the portal: Neutrophils 0.9 (L). feel totally fine, no temperature, day 21 "
        "of my palbociclib. should i still take the last tablet?"
    )
    assert "self-harm" not in _sounds(calm)
    assert "self-harm" in _sounds("i hurt myself on purpose again, should i take the last tablets")
    assert "self-harm" in _sounds(
        "i did it again with the blade last night. should i still take my tablets today"
    )


def test_big_tablets_sticking_in_the_throat_are_not_a_swelling():
    """ "the tablets are big and keep sticking in my throat ... food goes down fine": neither a
    swollen throat (the size word is the tablets') nor an allergic reaction; a tight throat is."""
    words = "the capecitabine tablets are big and keep sticking in my throat"
    assert vocabulary.normalise_symptom(words)[0] != "face or throat swelling"
    assert vocabulary.normalise_symptom("my tongue is big")[0] == "face or throat swelling"
    assert vocabulary.normalise_symptom("her throat feels fat")[0] == "face or throat swelling"
    calm = words + ". can i cut or crush them? food goes down fine, its just the pills"
    assert "severe-allergic-reaction" not in _sounds(calm)
    assert "severe-allergic-reaction" in _sounds("my throat keeps closing up")


def test_a_trip_onto_the_knees_is_no_faint_but_a_collapse_still_is():
    """Last session's held-out set 61 (read after it was measured): "tripped on the rug, went
    down on my knees" sat nearest a faint; a collapse without a trip, with everything going
    black, or a trip after feeling faint keeps the flag (review)."""
    concept = "clot-in-lung-or-heart-rhythm"
    assert concept not in _sounds("tripped on the rug, went down on my knees, knees a bit bruised")
    assert concept not in _sounds("tripped over, wasnt dizzy, went down on my knees")
    assert concept in _sounds("I went down on my knees and everything went black for a moment")
    assert concept in _sounds("tripped and went down, I felt faint just before it")
